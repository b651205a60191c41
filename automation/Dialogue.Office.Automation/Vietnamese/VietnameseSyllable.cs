using System.Text;

namespace Dialogue.Office.Automation.Vietnamese;

/// <summary>
/// Loose check that a word is one Vietnamese syllable: onset + nucleus + final from the closed lists, at most one
/// tone mark. Used to score the readings of possibly-legacy text (<see cref="LegacyVietnamese"/>), not to spell-check.
/// </summary>
internal static class VietnameseSyllable
{
    // The longest syllable the lists allow: "ngh" + "uyê" + "ng".
    private const int MaxLength = 8;

    private static readonly string[] Onsets =
        ["ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

    private static readonly string[] Finals = ["ch", "nh", "ng", "c", "m", "n", "p", "t", ""];

    // Deliberately without "oo" (xoong) and "ưo": accepting them makes wrong readings look valid ("roõ" as-is, TCVN3
    // "rưõ"), and the scores only need to tell readings apart; ASCII words such as "xoong" are neutral anyway.
    private static readonly string[] Nuclei =
    [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
    ];

    private static readonly HashSet<string> Rhymes = new(Nuclei.SelectMany(n => Finals.Select(f => n + f)), StringComparer.Ordinal);

    /// <summary>True when <paramref name="word"/> (NFC or NFD, any case) is onset + rhyme with at most one tone.</summary>
    public static bool IsValid(string word)
    {
        if (word.Length is 0 or > MaxLength)
        {
            return false;
        }

        // Split off the tone: NFD, drop the five tone marks (count them), recompose the vowel letters.
        var tones = 0;
        var bare = new StringBuilder(word.Length);
        foreach (var ch in word.ToLowerInvariant().Normalize(NormalizationForm.FormD))
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
            if (s.StartsWith(onset, StringComparison.Ordinal) && Rhymes.Contains(s[onset.Length..]))
            {
                return true;
            }
        }

        return false;
    }
}
