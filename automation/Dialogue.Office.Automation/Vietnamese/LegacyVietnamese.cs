using System.Text;

namespace Dialogue.Office.Automation.Vietnamese;

/// <summary>Which reading of a text the content check settled on.</summary>
internal enum LegacyEncoding
{
    /// <summary>Unicode (or plain ASCII): keep the text as it is.</summary>
    Unicode,

    /// <summary>TCVN3 (ABC, .VnTime).</summary>
    Tcvn3,

    /// <summary>VNI-Windows.</summary>
    Vni,
}

/// <summary>
/// Vietnamese text typed in the pre-Unicode encodings still met in provincial offices: TCVN3 (ABC, fonts
/// <c>.VnTime</c>, <c>.VnTimeH</c> …) and VNI-Windows (fonts <c>VNI-Times</c> …). Converts them to Unicode NFC and
/// tells whether a string looks like one of them. The legacy bytes arrive in .NET strings as Latin-1 chars
/// (U+00A0–U+00FE), so every table is keyed by char. Tables: TCVN 5712:1993 VN3 (74 letters) and VNI-Windows
/// (134 letters), checked against Unikey, libiconv, glibc and VietUni (research note vn-legacy-encodings.md §6).
/// The one home of the tables, font-name rules, decoding/encoding and the content check: the ND30 checker uses the
/// document policy, the question consolidation the cell policy (see "Detection" below). Never NFKC: it rewrites µ ¸ ¹ ¼.
/// </summary>
internal static class LegacyVietnamese
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

    // Chars no Vietnamese Unicode text holds but TCVN3 or VNI use (research note §4.2 classes T! and V!).
    private const string StrongLegacyChars = "¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñöø÷ûüþ";

    // Decoding tables indexed by (char - U+00A0); '\0' = not a legacy letter, kept as it is.
    private static readonly char[] Tcvn3Map = BuildMap(Tcvn3Legacy.Zip(Tcvn3Unicode));
    private static readonly char[] VniSingles = BuildMap(VniTable.Where(e => e.Legacy.Length == 1).Select(e => (e.Legacy[0], e.Unicode)));

    // VNI pairs keyed by (base << 16) | mark: an int key keeps the per-char lookup allocation-free.
    private static readonly Dictionary<int, char> VniPairs =
        VniTable.Where(e => e.Legacy.Length == 2).ToDictionary(e => PairKey(e.Legacy[0], e.Legacy[1]), e => e.Unicode);

    // Unicode → legacy, for test data and the sample generators. Each Unicode letter has one code (tables are 1:1).
    private static readonly Dictionary<char, char> Tcvn3Reverse = Tcvn3Legacy.Zip(Tcvn3Unicode).ToDictionary(e => e.Second, e => e.First);
    private static readonly Dictionary<char, string> VniReverse =
        VniTable.Where(e => e.Legacy.Length == 2 || e.Legacy[0] != e.Unicode).ToDictionary(e => e.Unicode, e => e.Legacy);

    /// <summary>The TCVN3 table (for tests and documentation).</summary>
    internal static IEnumerable<(char Legacy, char Unicode)> Tcvn3Entries => Tcvn3Legacy.Zip(Tcvn3Unicode);

    /// <summary>The VNI-Windows table (for tests and documentation).</summary>
    internal static IReadOnlyList<(string Legacy, char Unicode)> VniEntries => VniTable;

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
        char[]? decoded = null;
        for (var i = 0; i < text.Length; i++)
        {
            var mapped = Lookup(Tcvn3Map, text[i]);
            if (mapped != '\0')
            {
                decoded ??= text.ToCharArray();
                decoded[i] = mapped;
            }
        }

        var result = decoded is null ? text : new string(decoded);
        if (upper)
        {
            result = result.ToUpper(VietnameseText.Culture);
        }

        return result.Normalize(NormalizationForm.FormC);
    }

    /// <summary>VNI-Windows → Unicode NFC. Pairs (base + mark) are taken first; a mark char with no base before it is kept as it is.</summary>
    public static string VniToUnicode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (i + 1 < text.Length && text[i + 1] >= '\u00C0' && VniPairs.TryGetValue(PairKey(ch, text[i + 1]), out var pair))
            {
                builder.Append(pair);
                i++;
            }
            else
            {
                var single = Lookup(VniSingles, ch);
                builder.Append(single == '\0' ? ch : single);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Unicode → TCVN3 (test data, sample generators). Toned capitals become lower case: TCVN3 has no codes for them.</summary>
    internal static string EncodeTcvn3(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (Tcvn3Reverse.TryGetValue(ch, out var code))
            {
                builder.Append(code);
            }
            else if (ch > '\u007F' && Tcvn3Reverse.TryGetValue(char.ToLowerInvariant(ch), out var lower))
            {
                builder.Append(lower);
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>Unicode → VNI-Windows (test data, sample generators).</summary>
    internal static string EncodeVni(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (VniReverse.TryGetValue(ch, out var code))
            {
                builder.Append(code);
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when the text reads as Vietnamese once decoded as TCVN3 and clearly better than as it is (or as VNI).
    /// Cautious by design: Unicode Vietnamese, ASCII and ordinary French/German/Spanish words are never reported.
    /// </summary>
    public static bool DetectTcvn3(string? text) => DetectInDocument(text) == LegacyEncoding.Tcvn3;

    /// <summary>True when the text reads as Vietnamese once decoded as VNI-Windows and clearly better than as it is.</summary>
    public static bool DetectVni(string? text) => DetectInDocument(text) == LegacyEncoding.Vni;

    // ---- Detection ------------------------------------------------------------------------------------------------
    // Both policies score three readings (as-is, TCVN3-decoded, VNI-decoded) with Score below and take the lowest;
    // ties prefer as-is, then VNI, then TCVN3 (research note §4.4). They differ in what they ask before and after:
    //  * document text (ND30 inspection, a finding shown to the user): any Latin-1 char lets it score, and the winner
    //    must also be Convincing (ReadingScore) — a run of a document has no neighbours to vote with;
    //  * a spreadsheet cell (question consolidation): a T!/V! char next to a letter lets it score, the lowest score
    //    wins outright; cells without such a char are left to the sheet-majority vote of the caller.

    /// <summary>
    /// Document policy: no Unicode-only letter, some Latin-1 char, a strictly better decoded reading that is also
    /// convincing (see <see cref="ReadingScore.Convincing"/>).
    /// </summary>
    internal static LegacyEncoding DetectInDocument(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return LegacyEncoding.Unicode;
        }

        var nfc = text.Normalize(NormalizationForm.FormC);
        if (HasUnicodeOnlyLetter(nfc) || !HasLatin1(nfc))
        {
            return LegacyEncoding.Unicode;
        }

        var tcvn3 = ScoreReading(nfc, Tcvn3ToUnicode(nfc));
        var vni = ScoreReading(nfc, VniToUnicode(nfc));
        return Lowest(Score(nfc), tcvn3.Total, vni.Total) switch
        {
            LegacyEncoding.Vni when vni.Convincing(HasVniPairWithStrongMark(nfc)) => LegacyEncoding.Vni,
            LegacyEncoding.Tcvn3 when tcvn3.Convincing(HasTcvn3SymbolInsideWord(nfc)) => LegacyEncoding.Tcvn3,
            _ => LegacyEncoding.Unicode,
        };
    }

    /// <summary>
    /// Cell policy, for NFC text: no Unicode-only letter, a strong legacy char (T!/V!) beside a letter, and a decoded
    /// reading that scores strictly better than the text as it is.
    /// </summary>
    internal static LegacyEncoding DetectInCell(string nfcText)
    {
        if (HasUnicodeOnlyLetter(nfcText) || !HasStrongLegacyChar(nfcText))
        {
            return LegacyEncoding.Unicode;
        }

        return Lowest(Score(nfcText), Score(Tcvn3ToUnicode(nfcText)), Score(VniToUnicode(nfcText)));
    }

    /// <summary>The lowest-scoring reading; ties prefer as-is, then VNI, then TCVN3.</summary>
    private static LegacyEncoding Lowest(int asIs, int tcvn3, int vni) =>
        vni < asIs && vni <= tcvn3 ? LegacyEncoding.Vni
        : tcvn3 < asIs && tcvn3 < vni ? LegacyEncoding.Tcvn3
        : LegacyEncoding.Unicode;

    /// <summary>
    /// How un-Vietnamese a reading is (lower is better): 2 × (chars U+0080–U+00FF that are no Vietnamese letter,
    /// NBSP excepted) + (words holding a non-ASCII char that are no Vietnamese syllable). Words are runs of ASCII
    /// letters, '&amp;' and non-space chars U+00A1–U+1FFF (legacy letters are Latin-1 symbols); ASCII words are neutral.
    /// </summary>
    internal static int Score(string reading)
    {
        var junk = 0;
        var invalid = 0;
        var start = -1;
        var nonAscii = false;
        for (var i = 0; i <= reading.Length; i++)
        {
            var ch = i < reading.Length ? reading[i] : ' ';
            if (ch is >= '\u0080' and <= '\u00FF' && ch != '\u00A0' && !L1VietnameseLetters.Contains(ch, StringComparison.Ordinal))
            {
                junk++;
            }

            if (IsWordChar(ch))
            {
                if (start < 0)
                {
                    start = i;
                    nonAscii = false;
                }

                nonAscii |= ch >= '\u0080';
            }
            else if (start >= 0)
            {
                if (nonAscii && !VietnameseSyllable.IsValid(reading[start..i]))
                {
                    invalid++;
                }

                start = -1;
            }
        }

        return 2 * junk + invalid;
    }

    /// <summary>A decoded reading's score plus how many words decoding changed and how many of those are syllables.</summary>
    internal readonly record struct ReadingScore(int Total, int ChangedWords, int ValidChangedWords)
    {
        /// <summary>
        /// A lower score alone is not enough (one "©" decodes to "â"): two or more changed words are syllables and
        /// at least 60 % of the changed words are — or every changed word (at least one) is a syllable and the text
        /// holds a tell-tale legacy sequence (<paramref name="strongSign"/>).
        /// </summary>
        public bool Convincing(bool strongSign) =>
            (ValidChangedWords >= 2 && ValidChangedWords * 10 >= ChangedWords * 6)
            || (ValidChangedWords >= 1 && ValidChangedWords == ChangedWords && strongSign);
    }

    private static ReadingScore ScoreReading(string original, string reading)
    {
        var changed = 0;
        var validChanged = 0;
        var originalWords = Words(original);
        var readingWords = Words(reading);

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

        return new ReadingScore(Score(reading), changed, validChanged);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsWordChar(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return words;
    }

    // Legacy letters are Latin-1 symbols, so every char from U+00A1 up counts as part of a word; NBSP separates.
    // '&' joins: "GD&ĐT" is one (invalid) word in every reading, its halves would read "ĐT" vs TCVN3 "ẹt" (a syllable).
    private static bool IsWordChar(char ch) => (ch < '\u0080' && (char.IsAsciiLetter(ch) || ch == '&')) || (ch > '\u00A0' && ch < '\u2000' && !char.IsWhiteSpace(ch));

    /// <summary>Any char U+00A0–U+00FF: a legacy code, or a Latin-1 letter that could be one.</summary>
    internal static bool HasLatin1(string text)
    {
        foreach (var ch in text)
        {
            if (ch is >= '\u00A0' and <= '\u00FF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A T!/V! char beside a letter ("Gi¸o", "®Þnh", "v¨n"): alone ("© 2023") it proves nothing.</summary>
    internal static bool HasStrongLegacyChar(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is >= '\u00A1' and <= '\u00FF' && StrongLegacyChars.Contains(ch, StringComparison.Ordinal)
                && ((i > 0 && IsLetterOrLegacy(text[i - 1])) || (i + 1 < text.Length && IsLetterOrLegacy(text[i + 1]))))
            {
                return true;
            }
        }

        return false;

        static bool IsLetterOrLegacy(char c) => char.IsLetter(c) || c is >= '\u00A1' and <= '\u00FF';
    }

    /// <summary>Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư, U+1EA0–U+1EF9 and combining marks: only Unicode Vietnamese holds these.</summary>
    internal static bool HasUnicodeOnlyLetter(string text)
    {
        foreach (var ch in text)
        {
            if (ch is '\u0102' or '\u0103' or '\u0110' or '\u0111' or '\u0128' or '\u0129' or '\u0168' or '\u0169'
                or '\u01A0' or '\u01A1' or '\u01AF' or '\u01B0' or (>= '\u1EA0' and <= '\u1EF9') or (>= '\u0300' and <= '\u0323'))
            {
                return true;
            }
        }

        return false;
    }

    // A TCVN3 symbol between two word chars.
    private static bool HasTcvn3SymbolInsideWord(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (Tcvn3Symbols.Contains(text[i], StringComparison.Ordinal) && IsWordChar(text[i - 1]) && IsWordChar(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    // A VNI pair whose mark is one no Western language puts after a vowel ("Vieät", "nhaø").
    private static bool HasVniPairWithStrongMark(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (VniStrongMarks.Contains(text[i], StringComparison.Ordinal) && VniPairs.ContainsKey(PairKey(text[i - 1], text[i])))
            {
                return true;
            }
        }

        return false;
    }

    private static int PairKey(char legacyBase, char mark) => (legacyBase << 16) | mark;

    private static char Lookup(char[] map, char ch) => ch is >= '\u00A0' and <= '\u00FF' ? map[ch - 0xA0] : '\0';

    private static char[] BuildMap(IEnumerable<(char Legacy, char Unicode)> entries)
    {
        var map = new char[0x60];
        foreach (var (legacy, unicode) in entries)
        {
            map[legacy - 0xA0] = unicode;
        }

        return map;
    }
}
