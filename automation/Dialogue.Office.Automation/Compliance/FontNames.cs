namespace Dialogue.Office.Automation.Compliance;

/// <summary>
/// Which font names mean Times New Roman. Word files carry the names their authors' tools wrote: the family
/// ("Times New Roman"), but also a face's full name ("Times New Roman Bold", "Times New Roman Bold Italic"), its
/// PostScript name from a PDF conversion ("TimesNewRomanPSMT", "TimesNewRomanPS-BoldItalicMT", with a subset tag
/// "ABCDEF+TimesNewRomanPSMT" or Acrobat's "TimesNewRoman,Bold"), Monotype's "Times New Roman MT Std", or an old Windows
/// charset alias ("Times New Roman CE", "… CYR", "… Greek", "… TUR", "… Baltic", which Windows maps to Times New Roman).
/// All of these are the family ND30 asks for. Anything else is a substitute and is reported: Times, Liberation Serif,
/// Tinos, Nimbus Roman, a condensed or narrow cut, or a TCVN3/VNI font (.VnTime, VNI-Times).
/// </summary>
internal static partial class FontNames
{
    private static readonly string[] Family = ["times", "new", "roman"];

    /// <summary>
    /// Words that may follow the family name and still mean the same design: weights and slopes, the PostScript and
    /// Monotype suffixes, Windows charset aliases. Compared lower-cased.
    /// </summary>
    private static readonly HashSet<string> SameFamily =
        new(["regular", "normal", "bold", "italic", "oblique", "ps", "mt", "psmt", "std", "ce", "cyr", "greek", "tur", "baltic"], StringComparer.Ordinal);

    public static bool IsTimesNewRoman(string font)
    {
        var name = font.Trim();
        if (name.Length > 7 && name[6] == '+' && name[..6].All(char.IsAsciiLetterUpper))
        {
            // A PDF subset tag: six capitals and '+'.
            name = name[7..];
        }

        // Words as written ("Times New Roman Bold") or run together in a PostScript name ("TimesNewRomanPS-BoldMT").
        var words = Words().Matches(name).Select(m => m.Value.ToLowerInvariant()).ToList();
        return words.Count >= Family.Length
            && words.Take(Family.Length).SequenceEqual(Family)
            && words.Skip(Family.Length).All(SameFamily.Contains);
    }

    /// <summary>A run of capitals not followed by a small letter ("PS", "MT", "CE"), a capitalised or small word, digits.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex Words();
}
