using System.Text;

namespace Dialogue.Office.Automation.Budget;

/// <summary>
/// Writes an amount in Vietnamese words as administrative documents do ("Bằng chữ: Mười hai triệu năm trăm nghìn
/// đồng chẵn."): groups of three digits with nghìn / triệu / tỷ (and nghìn tỷ, triệu tỷ above), "không trăm" inside
/// a number, "linh" for a zero ten, "mười" / "mươi", "mốt", "tư", "lăm"; a thousand tỷ is "một nghìn tỷ".
/// </summary>
public static class AmountInWords
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    /// <summary>"12500000" → "Mười hai triệu năm trăm nghìn đồng chẵn".</summary>
    public static string Dong(long amount)
    {
        var words = Number(amount);
        return char.ToUpperInvariant(words[0]) + words[1..] + " đồng" + (amount % 1000 == 0 && amount != 0 ? " chẵn" : "");
    }

    /// <summary>The number in lower-case words ("một trăm linh năm"); above 999 tỷ the tỷ count is read as a number.</summary>
    public static string Number(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n == 0 ? "không" : Words(n, full: false);
    }

    /// <summary><paramref name="full"/> = a higher part has been said, so a leading group says "không trăm".</summary>
    private static string Words(long n, bool full)
    {
        const long Billion = 1_000_000_000;
        if (n >= Billion)
        {
            var head = Words(n / Billion, full) + " tỷ";
            var rest = n % Billion;
            return rest == 0 ? head : head + " " + Words(rest, full: true);
        }

        var parts = new List<string>();
        (long Value, string Scale)[] groups = [(n / 1_000_000, " triệu"), (n / 1000 % 1000, " nghìn"), (n % 1000, "")];
        foreach (var (value, scale) in groups)
        {
            if (value == 0)
            {
                continue;
            }

            parts.Add(Group((int)value, full) + scale);
            full = true;
        }

        return string.Join(' ', parts);
    }

    /// <summary>Three digits; <paramref name="full"/> = not the leading group, so "không trăm" and "linh" are said.</summary>
    private static string Group(int g, bool full)
    {
        var hundreds = g / 100;
        var tens = g / 10 % 10;
        var units = g % 10;
        var parts = new List<string>();
        if (hundreds > 0 || full)
        {
            parts.Add(Digits[hundreds] + " trăm");
        }

        if (tens == 0)
        {
            if (units > 0 && parts.Count > 0)
            {
                parts.Add("linh");
            }
        }
        else if (tens == 1)
        {
            parts.Add("mười");
        }
        else
        {
            parts.Add(Digits[tens] + " mươi");
        }

        if (units > 0)
        {
            parts.Add(units switch
            {
                1 when tens >= 2 => "mốt",
                4 when tens >= 2 => "tư",
                5 when tens >= 1 => "lăm",
                _ => Digits[units],
            });
        }

        return string.Join(' ', parts);
    }
}
