using System.Text;

namespace Dialogue.Office.Automation.Text;

/// <summary>
/// Vietnamese text typed in the pre-Unicode encodings still met in provincial offices: TCVN3 (ABC, fonts
/// <c>.VnTime</c>, <c>.VnTimeH</c> …) and VNI-Windows (fonts <c>VNI-Times</c> …). Converts them to Unicode NFC and
/// tells whether a string looks like one of them. The legacy bytes arrive in .NET strings as Latin-1 chars
/// (U+00A0–U+00FE), so every table is keyed by char. Tables: TCVN 5712:1993 VN3 (74 letters) and VNI-Windows
/// (134 letters), checked against Unikey, libiconv, glibc and VietUni (research note vn-legacy-encodings.md §6).
/// </summary>
public static class LegacyVietnamese
{
    // TCVN3: one char → one char. Position i of Tcvn3Legacy maps to position i of Tcvn3Unicode. Toned capitals
    // share the lower-case code (that is why .Vn…H fonts exist), so decoding always gives lower case.
    private const string Tcvn3Legacy =
        "\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00B5\u00B6\u00B7\u00B8\u00B9" +
        "\u00BB\u00BC\u00BD\u00BE\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CE\u00CF\u00D0\u00D1\u00D2\u00D3\u00D4\u00D5" +
        "\u00D6\u00D7\u00D8\u00DC\u00DD\u00DE\u00DF\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC" +
        "\u00ED\u00EE\u00EF\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u00F7\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u00FE";

    private const string Tcvn3Unicode =
        "\u0102\u00C2\u00CA\u00D4\u01A0\u01AF\u0110\u0103\u00E2\u00EA\u00F4\u01A1\u01B0\u0111\u00E0\u1EA3\u00E3\u00E1\u1EA1" +
        "\u1EB1\u1EB3\u1EB5\u1EAF\u1EB7\u1EA7\u1EA9\u1EAB\u1EA5\u1EAD\u00E8\u1EBB\u1EBD\u00E9\u1EB9\u1EC1\u1EC3\u1EC5\u1EBF" +
        "\u1EC7\u00EC\u1EC9\u0129\u00ED\u1ECB\u00F2\u1ECF\u00F5\u00F3\u1ECD\u1ED3\u1ED5\u1ED7\u1ED1\u1ED9\u1EDD\u1EDF\u1EE1" +
        "\u1EDB\u1EE3\u00F9\u1EE7\u0169\u00FA\u1EE5\u1EEB\u1EED\u1EEF\u1EE9\u1EF1\u1EF3\u1EF7\u1EF9\u00FD\u1EF5";

    // VNI-Windows: 116 pairs (base letter + mark char) and 18 single chars. Decoding takes the pair first.
    private static readonly (string Legacy, char Unicode)[] VniTable =
    [
        ("A\u00D9", '\u00C1'), ("a\u00F9", '\u00E1'), ("A\u00D8", '\u00C0'), ("a\u00F8", '\u00E0'), ("A\u00DB", '\u1EA2'), ("a\u00FB", '\u1EA3'),
        ("A\u00D5", '\u00C3'), ("a\u00F5", '\u00E3'), ("A\u00CF", '\u1EA0'), ("a\u00EF", '\u1EA1'), ("A\u00C2", '\u00C2'), ("a\u00E2", '\u00E2'),
        ("A\u00C1", '\u1EA4'), ("a\u00E1", '\u1EA5'), ("A\u00C0", '\u1EA6'), ("a\u00E0", '\u1EA7'), ("A\u00C5", '\u1EA8'), ("a\u00E5", '\u1EA9'),
        ("A\u00C3", '\u1EAA'), ("a\u00E3", '\u1EAB'), ("A\u00C4", '\u1EAC'), ("a\u00E4", '\u1EAD'), ("A\u00CA", '\u0102'), ("a\u00EA", '\u0103'),
        ("A\u00C9", '\u1EAE'), ("a\u00E9", '\u1EAF'), ("A\u00C8", '\u1EB0'), ("a\u00E8", '\u1EB1'), ("A\u00DA", '\u1EB2'), ("a\u00FA", '\u1EB3'),
        ("A\u00DC", '\u1EB4'), ("a\u00FC", '\u1EB5'), ("A\u00CB", '\u1EB6'), ("a\u00EB", '\u1EB7'), ("\u00D1", '\u0110'), ("\u00F1", '\u0111'),
        ("E\u00D9", '\u00C9'), ("e\u00F9", '\u00E9'), ("E\u00D8", '\u00C8'), ("e\u00F8", '\u00E8'), ("E\u00DB", '\u1EBA'), ("e\u00FB", '\u1EBB'),
        ("E\u00D5", '\u1EBC'), ("e\u00F5", '\u1EBD'), ("E\u00CF", '\u1EB8'), ("e\u00EF", '\u1EB9'), ("E\u00C2", '\u00CA'), ("e\u00E2", '\u00EA'),
        ("E\u00C1", '\u1EBE'), ("e\u00E1", '\u1EBF'), ("E\u00C0", '\u1EC0'), ("e\u00E0", '\u1EC1'), ("E\u00C5", '\u1EC2'), ("e\u00E5", '\u1EC3'),
        ("E\u00C3", '\u1EC4'), ("e\u00E3", '\u1EC5'), ("E\u00C4", '\u1EC6'), ("e\u00E4", '\u1EC7'), ("\u00CD", '\u00CD'), ("\u00ED", '\u00ED'),
        ("\u00CC", '\u00CC'), ("\u00EC", '\u00EC'), ("\u00C6", '\u1EC8'), ("\u00E6", '\u1EC9'), ("\u00D3", '\u0128'), ("\u00F3", '\u0129'),
        ("\u00D2", '\u1ECA'), ("\u00F2", '\u1ECB'), ("O\u00D9", '\u00D3'), ("o\u00F9", '\u00F3'), ("O\u00D8", '\u00D2'), ("o\u00F8", '\u00F2'),
        ("O\u00DB", '\u1ECE'), ("o\u00FB", '\u1ECF'), ("O\u00D5", '\u00D5'), ("o\u00F5", '\u00F5'), ("O\u00CF", '\u1ECC'), ("o\u00EF", '\u1ECD'),
        ("O\u00C2", '\u00D4'), ("o\u00E2", '\u00F4'), ("O\u00C1", '\u1ED0'), ("o\u00E1", '\u1ED1'), ("O\u00C0", '\u1ED2'), ("o\u00E0", '\u1ED3'),
        ("O\u00C5", '\u1ED4'), ("o\u00E5", '\u1ED5'), ("O\u00C3", '\u1ED6'), ("o\u00E3", '\u1ED7'), ("O\u00C4", '\u1ED8'), ("o\u00E4", '\u1ED9'),
        ("\u00D4", '\u01A0'), ("\u00F4", '\u01A1'), ("\u00D4\u00D9", '\u1EDA'), ("\u00F4\u00F9", '\u1EDB'), ("\u00D4\u00D8", '\u1EDC'), ("\u00F4\u00F8", '\u1EDD'),
        ("\u00D4\u00DB", '\u1EDE'), ("\u00F4\u00FB", '\u1EDF'), ("\u00D4\u00D5", '\u1EE0'), ("\u00F4\u00F5", '\u1EE1'), ("\u00D4\u00CF", '\u1EE2'), ("\u00F4\u00EF", '\u1EE3'),
        ("U\u00D9", '\u00DA'), ("u\u00F9", '\u00FA'), ("U\u00D8", '\u00D9'), ("u\u00F8", '\u00F9'), ("U\u00DB", '\u1EE6'), ("u\u00FB", '\u1EE7'),
        ("U\u00D5", '\u0168'), ("u\u00F5", '\u0169'), ("U\u00CF", '\u1EE4'), ("u\u00EF", '\u1EE5'), ("\u00D6", '\u01AF'), ("\u00F6", '\u01B0'),
        ("\u00D6\u00D9", '\u1EE8'), ("\u00F6\u00F9", '\u1EE9'), ("\u00D6\u00D8", '\u1EEA'), ("\u00F6\u00F8", '\u1EEB'), ("\u00D6\u00DB", '\u1EEC'), ("\u00F6\u00FB", '\u1EED'),
        ("\u00D6\u00D5", '\u1EEE'), ("\u00F6\u00F5", '\u1EEF'), ("\u00D6\u00CF", '\u1EF0'), ("\u00F6\u00EF", '\u1EF1'), ("Y\u00D9", '\u00DD'), ("y\u00F9", '\u00FD'),
        ("Y\u00D8", '\u1EF2'), ("y\u00F8", '\u1EF3'), ("Y\u00DB", '\u1EF6'), ("y\u00FB", '\u1EF7'), ("Y\u00D5", '\u1EF8'), ("y\u00F5", '\u1EF9'),
        ("\u00CE", '\u1EF4'), ("\u00EE", '\u1EF5'),
    ];

    // Symbols TCVN3 uses as letters that never are letters in Unicode text; inside a word they betray TCVN3.
    private const string Tcvn3Symbols = "\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00B5\u00B6\u00B7\u00B8\u00B9\u00BB\u00BC\u00BD\u00BE\u00D7\u00F7";

    // VNI mark chars that never follow a vowel in Unicode Vietnamese, French or German text.
    private const string VniStrongMarks = "\u00C4\u00C5\u00CB\u00CF\u00D8\u00DB\u00DC\u00E4\u00E5\u00EB\u00EF\u00F8\u00FB\u00FC";

    // Latin-1 letters that are also Vietnamese Unicode letters (research note §4.2 class L1V).
    private const string L1VietnameseLetters = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";

    private static readonly Dictionary<char, char> Tcvn3Map = BuildTcvn3();

    /// <summary>The TCVN3 table (for tests and documentation).</summary>
    internal static IEnumerable<(char Legacy, char Unicode)> Tcvn3Entries => Tcvn3Legacy.Zip(Tcvn3Unicode);

    /// <summary>The VNI-Windows table (for tests and documentation).</summary>
    internal static IReadOnlyList<(string Legacy, char Unicode)> VniEntries => VniTable;
    private static readonly Dictionary<string, char> VniPairs = VniTable.Where(e => e.Legacy.Length == 2).ToDictionary(e => e.Legacy, e => e.Unicode, StringComparer.Ordinal);
    private static readonly Dictionary<char, char> VniSingles = VniTable.Where(e => e.Legacy.Length == 1).ToDictionary(e => e.Legacy[0], e => e.Unicode);

    /// <summary>True for TCVN3 (ABC) font names: <c>.VnTime</c>, <c>.VnArial</c>, <c>.VnTimeH</c> ….</summary>
    public static bool IsTcvn3Font(string? fontName) =>
        fontName is not null && fontName.TrimStart().StartsWith(".Vn", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the capital TCVN3 fonts (<c>.VnTimeH</c>, <c>.VnArialH</c>, <c>.VnArial NarrowH</c>): their lower-case codes draw capitals.</summary>
    public static bool IsTcvn3CapitalFont(string? fontName)
    {
        if (!IsTcvn3Font(fontName))
        {
            return false;
        }

        var name = fontName!.Trim();
        foreach (var style in new[] { " Bold Italic", " Bold", " Italic" })
        {
            if (name.EndsWith(style, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^style.Length].TrimEnd();
            }
        }

        return name.EndsWith('H');
    }

    /// <summary>True for VNI-Windows font names: <c>VNI-Times</c>, <c>VNI-Helve</c>, <c>Vni 01 …</c> (not VNI-DOS).</summary>
    public static bool IsVniFont(string? fontName)
    {
        if (fontName is null)
        {
            return false;
        }

        var name = fontName.TrimStart();
        return (name.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VNI ", StringComparison.OrdinalIgnoreCase))
            && !name.StartsWith("VNI-DOS", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// TCVN3 → Unicode NFC. <paramref name="upper"/>: the text was shown in a capital (<c>.Vn…H</c>) font, so the
    /// decoded text is upper-cased (after decoding: upper-casing legacy text first would corrupt it).
    /// </summary>
    public static string Tcvn3ToUnicode(string text, bool upper = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            builder.Append(Tcvn3Map.TryGetValue(ch, out var mapped) ? mapped : ch);
        }

        var result = builder.ToString();
        if (upper)
        {
            result = result.ToUpper(VietnameseText.Culture);
        }

        return result.Normalize(NormalizationForm.FormC);
    }

    /// <summary>VNI-Windows → Unicode NFC. A mark char with no base before it is kept as it is.</summary>
    public static string VniToUnicode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && VniPairs.TryGetValue(text.Substring(i, 2), out var pair))
            {
                builder.Append(pair);
                i++;
            }
            else if (VniSingles.TryGetValue(text[i], out var single))
            {
                builder.Append(single);
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// True when the text reads as Vietnamese once decoded as TCVN3 and clearly better than as it is (or as VNI).
    /// Cautious by design: Unicode Vietnamese, ASCII and ordinary French/German/Spanish words are never reported.
    /// </summary>
    public static bool DetectTcvn3(string? text) => Detect(text) == Reading.Tcvn3;

    /// <summary>True when the text reads as Vietnamese once decoded as VNI-Windows and clearly better than as it is.</summary>
    public static bool DetectVni(string? text) => Detect(text) == Reading.Vni;

    private enum Reading
    {
        AsIs,
        Tcvn3,
        Vni,
    }

    private static Reading Detect(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Reading.AsIs;
        }

        var nfc = text.Normalize(NormalizationForm.FormC);
        var hasLatin1 = false;
        foreach (var ch in nfc)
        {
            if (IsUnicodeOnlyVietnamese(ch))
            {
                return Reading.AsIs;
            }

            hasLatin1 |= ch is >= '\u00A0' and <= '\u00FF';
        }

        if (!hasLatin1)
        {
            return Reading.AsIs;
        }

        var asIs = Score(nfc, nfc);
        var tcvn3 = Score(nfc, Tcvn3ToUnicode(nfc));
        var vni = Score(nfc, VniToUnicode(nfc));

        // Research note §4.4: lowest score wins; ties prefer as-is, then VNI, then TCVN3.
        if (vni.Total < asIs.Total && vni.Total <= tcvn3.Total && vni.Convincing(HasVniPairWithStrongMark(nfc)))
        {
            return Reading.Vni;
        }

        if (tcvn3.Total < asIs.Total && tcvn3.Total < vni.Total && tcvn3.Convincing(HasTcvn3SymbolInsideWord(nfc)))
        {
            return Reading.Tcvn3;
        }

        return Reading.AsIs;
    }

    private readonly record struct ReadingScore(int Total, int ChangedWords, int ValidChangedWords)
    {
        // A lower score alone is not enough (one "©" decodes to "â"): ask for two decoded words that are real
        // syllables, most changed words valid — or one valid word with a tell-tale legacy character in it.
        public bool Convincing(bool strongSign) =>
            (ValidChangedWords >= 2 && ValidChangedWords * 10 >= ChangedWords * 6)
            || (ValidChangedWords >= 1 && ValidChangedWords == ChangedWords && strongSign);
    }

    // 2 × (Latin-1 chars that are not Vietnamese letters) + (words with such chars that are no Vietnamese syllable).
    private static ReadingScore Score(string original, string reading)
    {
        var junk = 0;
        foreach (var ch in reading)
        {
            if (ch is >= '\u0080' and <= '\u00FF' && ch != '\u00A0' && !L1VietnameseLetters.Contains(ch))
            {
                junk++;
            }
        }

        var invalid = 0;
        var changed = 0;
        var validChanged = 0;
        var originalWords = Words(original);
        var readingWords = Words(reading);
        foreach (var word in readingWords)
        {
            if (word.All(c => c < '\u0080'))
            {
                continue;
            }

            var valid = VietnameseSyllable.IsValid(word);
            if (!valid)
            {
                invalid++;
            }
        }

        // Words line up when the reading keeps word boundaries (both legacy tables map letters to letters).
        if (originalWords.Count == readingWords.Count)
        {
            for (var i = 0; i < originalWords.Count; i++)
            {
                // A lone symbol ("£", "½", "©") is no evidence: legacy letters sit inside words.
                if (originalWords[i].Length >= 2 && !string.Equals(originalWords[i], readingWords[i], StringComparison.Ordinal))
                {
                    changed++;
                    if (VietnameseSyllable.IsValid(readingWords[i]))
                    {
                        validChanged++;
                    }
                }
            }
        }

        return new ReadingScore(2 * junk + invalid, changed, validChanged);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in text)
        {
            if (IsWordChar(ch))
            {
                current.Append(ch);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    // Legacy letters are Latin-1 symbols, so every char from U+00A1 up counts as part of a word.
    private static bool IsWordChar(char ch) => (ch < '\u0080' && char.IsAsciiLetter(ch)) || (ch > '\u00A0' && ch < '\u2000' && !char.IsWhiteSpace(ch));

    private static bool HasTcvn3SymbolInsideWord(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (Tcvn3Symbols.Contains(text[i]) && IsWordChar(text[i - 1]) && IsWordChar(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasVniPairWithStrongMark(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (VniStrongMarks.Contains(text[i]) && VniPairs.ContainsKey(text.Substring(i - 1, 2)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư, U+1EA0–U+1EF9 and combining tone marks: only Unicode text holds them.</summary>
    private static bool IsUnicodeOnlyVietnamese(char ch) =>
        ch is '\u0102' or '\u0103' or '\u0110' or '\u0111' or '\u0128' or '\u0129' or '\u0168' or '\u0169'
            or '\u01A0' or '\u01A1' or '\u01AF' or '\u01B0'
            or (>= '\u1EA0' and <= '\u1EF9')
            or (>= '\u0300' and <= '\u0323');

    private static Dictionary<char, char> BuildTcvn3()
    {
        var map = new Dictionary<char, char>(Tcvn3Legacy.Length);
        for (var i = 0; i < Tcvn3Legacy.Length; i++)
        {
            map[Tcvn3Legacy[i]] = Tcvn3Unicode[i];
        }

        return map;
    }
}

/// <summary>Loose check that a word is one Vietnamese syllable: onset + vowel cluster + final, at most one tone.</summary>
internal static class VietnameseSyllable
{
    private static readonly string[] Onsets =
        ["ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

    private static readonly string[] Finals = ["ch", "nh", "ng", "c", "m", "n", "p", "t", ""];

    private static readonly HashSet<string> Nuclei = new(StringComparer.Ordinal)
    {
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
    };

    public static bool IsValid(string word)
    {
        if (word.Length is 0 or > 8)
        {
            return false;
        }

        // Split off the tone: NFD, drop the five tone marks (count them), recompose the vowel letters.
        var tones = 0;
        var bare = new StringBuilder(word.Length);
        foreach (var ch in word.ToLower(VietnameseText.Culture).Normalize(NormalizationForm.FormD))
        {
            if (ch is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                tones++;
            }
            else
            {
                bare.Append(ch);
            }
        }

        if (tones > 1)
        {
            return false;
        }

        var s = bare.ToString().Normalize(NormalizationForm.FormC);
        foreach (var onset in Onsets)
        {
            if (!s.StartsWith(onset, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = s[onset.Length..];
            foreach (var final in Finals)
            {
                if (rest.Length > final.Length && rest.EndsWith(final, StringComparison.Ordinal)
                    && Nuclei.Contains(rest[..^final.Length]))
                {
                    return true;
                }
            }

            // "gi" and "qu" may stand alone as onset + vowel ("gì", "quê" handled above; "gi" itself is a word).
            if (rest.Length == 0 && onset is "gi")
            {
                return true;
            }
        }

        return false;
    }
}
