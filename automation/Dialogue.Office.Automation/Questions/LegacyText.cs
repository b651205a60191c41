using System.Globalization;
using System.Text;

namespace Dialogue.Office.Automation.Questions;

/// <summary>Which encoding a cell's text was found in.</summary>
internal enum TextEncoding
{
    Unicode,
    Tcvn3,
    Vni,
}

/// <summary>How one cell's text was repaired (for the report: which cells were converted).</summary>
internal enum RepairKind
{
    None,

    /// <summary>Decomposed Unicode (NFD, "tổ hợp") composed to NFC.</summary>
    Composed,

    /// <summary>TCVN3 (ABC, .VnTime) decoded.</summary>
    FromTcvn3,

    /// <summary>VNI-Windows decoded.</summary>
    FromVni,
}

/// <summary>
/// TCVN3 (ABC) and VNI-Windows → Unicode NFC, per /work/shared/research/vn-legacy-encodings.md.
/// Legacy bytes arrive in .NET strings as U+00A0…U+00FE (Latin-1 = cp1252 in that range), so the tables are
/// indexed by char. Order: NFC → detect → decode → upper-case for .Vn…H fonts → NFC. Never NFKC (it rewrites µ ¸ ¹ ¼).
/// Detection without a font never fires on text holding a Unicode-only Vietnamese letter (ă đ ơ ư ạ…), and needs a
/// character that no Vietnamese Unicode text holds (¸ µ ® Ö ø ï …) plus a better syllable score after decoding.
/// </summary>
internal static class LegacyText
{
    // TCVN3 (VN3): 74 letters; lower case wins for codes the H fonts draw as capitals (research §1.2).
    private static readonly char[] Tcvn3 = BuildTcvn3();

    // VNI: two-char sequences (base + mark) first, then one-char letters (research §2).
    private static readonly Dictionary<(char Base, char Mark), char> VniPairs = BuildVniPairs();
    private static readonly Dictionary<char, char> VniSingles = new()
    {
        ['ñ'] = 'đ', ['Ñ'] = 'Đ', ['ô'] = 'ơ', ['Ô'] = 'Ơ', ['ö'] = 'ư', ['Ö'] = 'Ư',
        ['í'] = 'í', ['Í'] = 'Í', ['ì'] = 'ì', ['Ì'] = 'Ì', ['æ'] = 'ỉ', ['Æ'] = 'Ỉ',
        ['ó'] = 'ĩ', ['Ó'] = 'Ĩ', ['ò'] = 'ị', ['Ò'] = 'Ị', ['î'] = 'ỵ', ['Î'] = 'Ỵ',
    };

    // Vietnamese letters that exist in Latin-1 (class L1V): valid Unicode, yet also legacy codes.
    private const string L1V = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";

    // Chars no Vietnamese Unicode text holds but TCVN3 or VNI use (classes T! and V!).
    private const string StrongLegacy = "¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñöø÷ûüþ";

    /// <summary>The result of repairing one text.</summary>
    internal readonly record struct Repair(string Text, RepairKind Kind);

    /// <summary>True when the font family is a TCVN3/ABC font (.VnTime, .VnArialH…).</summary>
    public static bool IsTcvn3Font(string? font) =>
        font is not null && font.StartsWith(".Vn", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the font is a .Vn…H capital font (draws the lower-case codes as capitals).</summary>
    public static bool IsTcvn3CapitalFont(string? font)
    {
        if (!IsTcvn3Font(font))
        {
            return false;
        }

        var family = font!.Trim();
        foreach (var suffix in new[] { " Bold Italic", " Bold", " Italic" })
        {
            if (family.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                family = family[..^suffix.Length];
            }
        }

        return family.EndsWith('H');
    }

    /// <summary>True for VNI-Windows fonts (VNI-Times, VNI Helve, Vni 01 …), not VNI for DOS.</summary>
    public static bool IsVniFont(string? font) =>
        font is not null
        && (font.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase) || font.StartsWith("VNI ", StringComparison.OrdinalIgnoreCase))
        && !font.StartsWith("VNI-DOS", StringComparison.OrdinalIgnoreCase);

    /// <summary>Quick filter: could this text need anything beyond whitespace cleaning?</summary>
    public static bool MayNeedRepair(string text)
    {
        foreach (var ch in text)
        {
            if (ch >= '\u0080')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Repairs one text: NFC, legacy decoding when the font says so or the content proves it.
    /// <paramref name="font"/> is the cell's (or run's) font family, if known.
    /// </summary>
    public static Repair Fix(string text, string? font)
    {
        if (!MayNeedRepair(text))
        {
            return new Repair(text, RepairKind.None);
        }

        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var baseKind = ReferenceEquals(composed, text) ? RepairKind.None : RepairKind.Composed;
        if (HasUnicodeOnlyLetter(text))
        {
            // A Unicode-only Vietnamese letter (or a combining mark) proves the text is Unicode: NFC only.
            return new Repair(composed, baseKind);
        }

        if (IsTcvn3Font(font) && HasLatin1High(composed))
        {
            var decoded = DecodeTcvn3(composed);
            if (IsTcvn3CapitalFont(font))
            {
                decoded = decoded.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));
            }

            decoded = decoded.Normalize(NormalizationForm.FormC);
            return decoded == composed ? new Repair(composed, baseKind) : new Repair(decoded, RepairKind.FromTcvn3);
        }

        if (IsVniFont(font) && HasLatin1High(composed))
        {
            var decoded = DecodeVni(composed).Normalize(NormalizationForm.FormC);
            return decoded == composed ? new Repair(composed, baseKind) : new Repair(decoded, RepairKind.FromVni);
        }

        var guess = Detect(composed);
        return guess switch
        {
            TextEncoding.Tcvn3 => new Repair(DecodeTcvn3(composed).Normalize(NormalizationForm.FormC), RepairKind.FromTcvn3),
            TextEncoding.Vni => new Repair(DecodeVni(composed).Normalize(NormalizationForm.FormC), RepairKind.FromVni),
            _ => new Repair(composed, baseKind),
        };
    }

    /// <summary>
    /// Content-only detection (research §4.4): needs at least one strong legacy char and a decoded reading that
    /// scores strictly better than the text as it is. Ties keep the text unchanged.
    /// </summary>
    public static TextEncoding Detect(string text)
    {
        if (HasUnicodeOnlyLetter(text) || !HasStrongLegacy(text))
        {
            return TextEncoding.Unicode;
        }

        var asIs = Score(text);
        var tcvn = Score(DecodeTcvn3(text).Normalize(NormalizationForm.FormC));
        var vni = Score(DecodeVni(text).Normalize(NormalizationForm.FormC));
        if (vni < asIs && vni <= tcvn)
        {
            return TextEncoding.Vni;
        }

        return tcvn < asIs ? TextEncoding.Tcvn3 : TextEncoding.Unicode;
    }

    /// <summary>Decodes with an encoding chosen elsewhere (e.g. by the sheet's majority); NFC result.</summary>
    public static string Decode(string text, TextEncoding encoding) => encoding switch
    {
        TextEncoding.Tcvn3 => DecodeTcvn3(text).Normalize(NormalizationForm.FormC),
        TextEncoding.Vni => DecodeVni(text).Normalize(NormalizationForm.FormC),
        _ => text.Normalize(NormalizationForm.FormC),
    };

    /// <summary>True when the text holds legacy-looking chars but no proof either way (e.g. "Bé", "Hoàng").</summary>
    public static bool IsAmbiguous(string text) =>
        HasLatin1High(text) && !HasUnicodeOnlyLetter(text) && !HasStrongLegacy(text);

    public static string DecodeTcvn3(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            builder.Append(ch is >= '\u00A0' and <= '\u00FF' && Tcvn3[ch - 0xA0] != '\0' ? Tcvn3[ch - 0xA0] : ch);
        }

        return builder.ToString();
    }

    public static string DecodeVni(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (i + 1 < text.Length && VniPairs.TryGetValue((ch, text[i + 1]), out var pair))
            {
                builder.Append(pair);
                i++;
            }
            else if (VniSingles.TryGetValue(ch, out var single))
            {
                builder.Append(single);
            }
            else
            {
                builder.Append(ch); // a stray mark is kept (Unikey drops it); the cell is still reported as converted
            }
        }

        return builder.ToString();
    }

    /// <summary>Encodes Unicode as TCVN3 (for test data and the sample generator). Toned capitals become lower case.</summary>
    public static string EncodeTcvn3(string text)
    {
        var reverse = new Dictionary<char, char>();
        for (var i = 0; i < Tcvn3.Length; i++)
        {
            if (Tcvn3[i] != '\0' && i != 0)
            {
                reverse.TryAdd(Tcvn3[i], (char)(0xA0 + i));
            }
        }

        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (reverse.TryGetValue(ch, out var code))
            {
                builder.Append(code);
            }
            else if (ch > '\u007F' && reverse.TryGetValue(char.ToLower(ch, CultureInfo.InvariantCulture), out var lower))
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

    /// <summary>Encodes Unicode as VNI-Windows (for test data and the sample generator).</summary>
    public static string EncodeVni(string text)
    {
        var reverse = new Dictionary<char, string>();
        foreach (var ((b, m), u) in VniPairs)
        {
            reverse[u] = $"{b}{m}";
        }

        foreach (var (legacy, u) in VniSingles)
        {
            if (legacy != u)
            {
                reverse[u] = legacy.ToString();
            }
        }

        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            builder.Append(reverse.TryGetValue(ch, out var code) ? code : ch.ToString());
        }

        return builder.ToString();
    }

    private static bool HasLatin1High(string text)
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

    /// <summary>A strong legacy char inside a word ("Gi¸o", "®Þnh", "v¨n"): alone ("© 2023") it proves nothing.</summary>
    private static bool HasStrongLegacy(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is >= '\u00A1' and <= '\u00FF' && StrongLegacy.Contains(ch, StringComparison.Ordinal)
                && ((i > 0 && IsWordChar(text[i - 1])) || (i + 1 < text.Length && IsWordChar(text[i + 1]))))
            {
                return true;
            }
        }

        return false;

        static bool IsWordChar(char c) => char.IsLetter(c) || c is >= '\u00A0' and <= '\u00FF' and not '\u00A0';
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

    /// <summary>2 × Latin-1 chars that are no Vietnamese letter + words that are no Vietnamese syllable (lower is better).</summary>
    internal static int Score(string text)
    {
        var score = 0;
        foreach (var ch in text)
        {
            if (ch is >= '\u00A0' and <= '\u00FF' && !L1V.Contains(ch, StringComparison.Ordinal))
            {
                score += 2;
            }
        }

        foreach (var word in text.Split([' ', ',', '.', ';', ':', '?', '!', '(', ')', '"', '/', '-', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Any(char.IsLetter) && !VietnameseSyllable.IsValid(word))
            {
                score++;
            }
        }

        return score;
    }

    private static char[] BuildTcvn3()
    {
        // byte 0xA0 + index → Unicode; '\0' = unmapped. Values from research §1.3.
        var map = new char[0x60];
        void Set(int b, char u) => map[b - 0xA0] = u;
        Set(0xA0, '\u00A0');
        const string caps = "ĂÂÊÔƠƯĐ";
        for (var i = 0; i < caps.Length; i++)
        {
            Set(0xA1 + i, caps[i]);
        }

        const string small = "ăâêôơưđ";
        for (var i = 0; i < small.Length; i++)
        {
            Set(0xA8 + i, small[i]);
        }

        var pairs = new (int, char)[]
        {
            (0xB5, 'à'), (0xB6, 'ả'), (0xB7, 'ã'), (0xB8, 'á'), (0xB9, 'ạ'), (0xBB, 'ằ'), (0xBC, 'ẳ'), (0xBD, 'ẵ'), (0xBE, 'ắ'),
            (0xC6, 'ặ'), (0xC7, 'ầ'), (0xC8, 'ẩ'), (0xC9, 'ẫ'), (0xCA, 'ấ'), (0xCB, 'ậ'), (0xCC, 'è'), (0xCE, 'ẻ'), (0xCF, 'ẽ'),
            (0xD0, 'é'), (0xD1, 'ẹ'), (0xD2, 'ề'), (0xD3, 'ể'), (0xD4, 'ễ'), (0xD5, 'ế'), (0xD6, 'ệ'), (0xD7, 'ì'), (0xD8, 'ỉ'),
            (0xDC, 'ĩ'), (0xDD, 'í'), (0xDE, 'ị'), (0xDF, 'ò'), (0xE1, 'ỏ'), (0xE2, 'õ'), (0xE3, 'ó'), (0xE4, 'ọ'), (0xE5, 'ồ'),
            (0xE6, 'ổ'), (0xE7, 'ỗ'), (0xE8, 'ố'), (0xE9, 'ộ'), (0xEA, 'ờ'), (0xEB, 'ở'), (0xEC, 'ỡ'), (0xED, 'ớ'), (0xEE, 'ợ'),
            (0xEF, 'ù'), (0xF1, 'ủ'), (0xF2, 'ũ'), (0xF3, 'ú'), (0xF4, 'ụ'), (0xF5, 'ừ'), (0xF6, 'ử'), (0xF7, 'ữ'), (0xF8, 'ứ'),
            (0xF9, 'ự'), (0xFA, 'ỳ'), (0xFB, 'ỷ'), (0xFC, 'ỹ'), (0xFD, 'ý'), (0xFE, 'ỵ'),
        };
        foreach (var (b, u) in pairs)
        {
            Set(b, u);
        }

        return map;
    }

    private static Dictionary<(char, char), char> BuildVniPairs()
    {
        var map = new Dictionary<(char, char), char>();

        // Tone marks (lower-case mark after a lower-case base; the capital mark is the Latin-1 upper-case pair).
        var tones = new (char Mark, string Suffix)[] { ('ù', "\u0301"), ('ø', "\u0300"), ('û', "\u0309"), ('õ', "\u0303"), ('ï', "\u0323") };
        foreach (var (mark, combining) in tones)
        {
            foreach (var (legacyBase, unicodeBase) in new[] { ('a', "a"), ('e', "e"), ('o', "o"), ('u', "u"), ('y', "y"), ('ô', "ơ"), ('ö', "ư") })
            {
                if (mark == 'ï' && legacyBase == 'y')
                {
                    continue; // ỵ is the single char î
                }

                Add(legacyBase, mark, unicodeBase + combining);
            }
        }

        // Circumflex and circumflex + tone on a e o.
        var circumflex = new (char Mark, string Tone)[] { ('â', ""), ('á', "\u0301"), ('à', "\u0300"), ('å', "\u0309"), ('ã', "\u0303"), ('ä', "\u0323") };
        foreach (var (mark, tone) in circumflex)
        {
            foreach (var b in "aeo")
            {
                Add(b, mark, b + "\u0302" + tone);
            }
        }

        // Breve and breve + tone on a.
        var breve = new (char Mark, string Tone)[] { ('ê', ""), ('é', "\u0301"), ('è', "\u0300"), ('ú', "\u0309"), ('ü', "\u0303"), ('ë', "\u0323") };
        foreach (var (mark, tone) in breve)
        {
            Add('a', mark, "a\u0306" + tone);
        }

        return map;

        void Add(char legacyBase, char mark, string unicode)
        {
            var lower = unicode.Normalize(NormalizationForm.FormC);
            map[(legacyBase, mark)] = lower[0];
            var upperBase = char.ToUpperInvariant(legacyBase);
            var upperMark = char.ToUpperInvariant(mark);
            map[(upperBase, upperMark)] = lower.ToUpperInvariant()[0];
        }
    }
}

/// <summary>A small Vietnamese syllable check (onset + rhyme, one tone), used to score decoding candidates.</summary>
internal static class VietnameseSyllable
{
    private static readonly string[] Onsets =
        ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

    private static readonly HashSet<string> Rhymes = BuildRhymes();

    public static bool IsValid(string word)
    {
        var lower = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(lower.Length);
        var tones = 0;
        foreach (var ch in lower)
        {
            if (ch is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                tones++;
                continue;
            }

            builder.Append(ch);
        }

        if (tones > 1)
        {
            return false;
        }

        var bare = builder.ToString().Normalize(NormalizationForm.FormC);
        if (bare.All(ch => ch is >= 'a' and <= 'z' or (>= '0' and <= '9')) && tones == 0)
        {
            return true; // plain ASCII words (numbers, abbreviations, English) are neutral
        }

        foreach (var onset in Onsets)
        {
            if (bare.StartsWith(onset, StringComparison.Ordinal) && Rhymes.Contains(bare[onset.Length..]))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> BuildRhymes()
    {
        var nuclei = new[]
        {
            "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
            "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "iê", "yê", "oa", "oă", "oe", "oi", "ôi", "ơi",
            "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "ưo", "oai", "oay", "oao", "oeo", "uây", "uôi",
            "uya", "uyê", "uyu", "ươi", "ươu", "iêu", "yêu", "ưu",
        };
        var codas = new[] { "", "c", "ch", "m", "n", "ng", "nh", "p", "t" };
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in nuclei)
        {
            foreach (var c in codas)
            {
                set.Add(n + c);
            }
        }

        return set;
    }
}
