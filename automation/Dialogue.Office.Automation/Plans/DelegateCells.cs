using System.Globalization;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// Cells of the delegate list are data, checked before they become a letter: a formula's cached value is used only
/// when it is text (and every formula is reported with its cell); error values (#REF! …) are errors; control and
/// bidirectional-override characters are refused; each column has a length cap; a totals row is ignored with a note.
/// </summary>
internal static class DelegateCells
{
    /// <summary>Longest text accepted per column key: a name fits one line of "Kính gửi", a position two.</summary>
    internal static readonly IReadOnlyDictionary<string, int> MaxLength = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["stt"] = 10,
        ["code"] = 40,
        ["honorific"] = 20,
        ["name"] = 80,
        ["position"] = 250,
        ["org"] = 250,
        ["addressee"] = 300,
        ["group"] = 60,
        ["rank"] = 10,
        ["venue"] = 120,
        ["presidium"] = 20,
        ["email"] = 254,
        ["phone"] = 40,
        ["note"] = 500,
    };

    private static readonly string[] ErrorValues = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"];

    private static readonly HashSet<string> NumericColumns = new(StringComparer.Ordinal) { "stt", "rank" };

    /// <summary>
    /// Checks the cells of one row in the mapped <paramref name="columns"/>; returns false when the row must not become a
    /// delegate (its errors are in <paramref name="problems"/>).
    /// </summary>
    public static bool Check(SheetRow row, IReadOnlyDictionary<string, int> columns, Func<string, string> where, ProblemList problems)
    {
        var ok = true;
        foreach (var (key, index) in columns)
        {
            var raw = row[index];
            if (string.IsNullOrEmpty(raw))
            {
                continue;
            }

            var at = where(key);
            var note = row.NoteAt(index);
            var trimmed = raw.Trim();
            if (note?.Kind == CellKind.Error || ErrorValues.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                problems.Error("DELEGATE_CELL_ERROR", at, $"Error value {trimmed}", trimmed);
                ok = false;
                continue;
            }

            if (note is { } formula && formula.Kind != CellKind.Value)
            {
                if (formula.Kind == CellKind.FormulaNoValue)
                {
                    problems.Error("DELEGATE_FORMULA_NO_VALUE", at, $"Formula ={formula.Formula} has no saved value", "=" + formula.Formula);
                    ok = false;
                    continue;
                }

                if (formula.Formula.Contains("HYPERLINK", StringComparison.OrdinalIgnoreCase) || formula.Formula.Contains('[', StringComparison.Ordinal))
                {
                    problems.Error("DELEGATE_FORMULA_LINK", at, $"Formula ={formula.Formula} is a link", "=" + formula.Formula, raw);
                    ok = false;
                    continue;
                }

                if (formula.Kind == CellKind.FormulaOther && !NumericColumns.Contains(key))
                {
                    problems.Error("DELEGATE_FORMULA_NOT_TEXT", at, $"Formula ={formula.Formula} gives {raw}, not text", "=" + formula.Formula, raw);
                    ok = false;
                    continue;
                }

                problems.Warning("DELEGATE_FORMULA", at, $"Formula ={formula.Formula}; its value '{raw}' is used", "=" + formula.Formula, raw);
            }

            if (FirstForbidden(raw) is { } bad)
            {
                problems.Error("DELEGATE_BAD_CHARACTER", at, $"Forbidden character U+{(int)bad:X4}", $"U+{(int)bad:X4}", Describe(bad));
                ok = false;
                continue;
            }

            if (MaxLength.TryGetValue(key, out var max) && VietnameseText.Clean(raw).Length > max)
            {
                problems.Error("DELEGATE_TOO_LONG", at, $"{raw.Length} characters, at most {max}",
                    DelegateColumns.All.First(c => c.Key == key).Header, VietnameseText.Clean(raw).Length.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>"Tổng cộng: 11 đại biểu", "Tổng số", "Cộng": a row that sums the list, not a delegate.</summary>
    public static bool IsTotalsRow(SheetRow row, IReadOnlyDictionary<string, int> columns)
    {
        if (columns.TryGetValue("code", out var code) && !string.IsNullOrWhiteSpace(row[code]))
        {
            return false;
        }

        foreach (var cell in row.Cells)
        {
            var folded = VietnameseText.Fold(cell);
            if (folded.StartsWith("tong cong", StringComparison.Ordinal) || folded.StartsWith("tong so", StringComparison.Ordinal)
                || folded == "cong" || folded.StartsWith("cong:", StringComparison.Ordinal) || folded.StartsWith("cong ", StringComparison.Ordinal) && folded.Any(char.IsDigit))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Control characters (tab and line breaks excepted: they become spaces) and bidirectional controls.</summary>
    internal static char? FirstForbidden(string text)
    {
        foreach (var ch in text)
        {
            if ((char.IsControl(ch) && ch is not ('\t' or '\n' or '\r'))
                || ch is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C')
            {
                return ch;
            }
        }

        return null;
    }

    private static string Describe(char ch) => ch switch
    {
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C' => "ký tự điều khiển hướng viết (có thể đảo ngược chữ khi in)",
        _ => "ký tự điều khiển không in được",
    };
}
