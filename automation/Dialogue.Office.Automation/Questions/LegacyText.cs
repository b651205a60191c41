using System.Text;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

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
/// Cell-level repair for the question consolidation: NFC, then legacy decoding when the cell's font says so or the
/// content proves it. Tables, font rules, decoding and the content check live in <see cref="LegacyVietnamese"/>;
/// this class only decides per cell and reports the repair. Cells the content check cannot decide
/// (<see cref="IsAmbiguous"/>) are left to the sheet-majority vote in <see cref="QuestionFileParser"/>.
/// </summary>
internal static class LegacyText
{
    /// <summary>The result of repairing one text.</summary>
    internal readonly record struct Repair(string Text, RepairKind Kind);

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
        if (LegacyVietnamese.HasUnicodeOnlyLetter(text))
        {
            // A Unicode-only Vietnamese letter (or a combining mark) proves the text is Unicode: NFC only.
            return new Repair(composed, baseKind);
        }

        if (LegacyVietnamese.IsTcvn3Font(font) && LegacyVietnamese.HasLatin1(composed))
        {
            var decoded = LegacyVietnamese.Tcvn3ToUnicode(composed, LegacyVietnamese.IsTcvn3CapitalFont(font));
            return decoded == composed ? new Repair(composed, baseKind) : new Repair(decoded, RepairKind.FromTcvn3);
        }

        if (LegacyVietnamese.IsVniFont(font) && LegacyVietnamese.HasLatin1(composed))
        {
            var decoded = LegacyVietnamese.VniToUnicode(composed);
            return decoded == composed ? new Repair(composed, baseKind) : new Repair(decoded, RepairKind.FromVni);
        }

        return LegacyVietnamese.DetectInCell(composed) switch
        {
            LegacyEncoding.Tcvn3 => new Repair(LegacyVietnamese.Tcvn3ToUnicode(composed), RepairKind.FromTcvn3),
            LegacyEncoding.Vni => new Repair(LegacyVietnamese.VniToUnicode(composed), RepairKind.FromVni),
            _ => new Repair(composed, baseKind),
        };
    }

    /// <summary>Decodes with an encoding chosen elsewhere (e.g. by the sheet's majority); NFC result.</summary>
    public static string Decode(string text, LegacyEncoding encoding) => encoding switch
    {
        LegacyEncoding.Tcvn3 => LegacyVietnamese.Tcvn3ToUnicode(text),
        LegacyEncoding.Vni => LegacyVietnamese.VniToUnicode(text),
        _ => text.Normalize(NormalizationForm.FormC),
    };

    /// <summary>True when the text holds legacy-looking chars but no proof either way (e.g. "Bé", "Hoàng").</summary>
    public static bool IsAmbiguous(string text) =>
        LegacyVietnamese.HasLatin1(text) && !LegacyVietnamese.HasUnicodeOnlyLetter(text) && !LegacyVietnamese.HasStrongLegacyChar(text);
}
