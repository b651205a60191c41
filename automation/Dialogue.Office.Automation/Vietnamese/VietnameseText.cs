using System.Globalization;
using System.Text;

namespace Dialogue.Office.Automation.Vietnamese;

/// <summary>Text helpers that know Vietnamese: NFC, whitespace, diacritic-free keys for matching headers.</summary>
public static class VietnameseText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>NFC, every run of whitespace (incl. NBSP, tabs, line breaks) as one space, trimmed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        // A buffer on the stack, not a StringBuilder: this runs for cells and questions by the ten thousand.
        var buffer = nfc.Length <= 1024 ? stackalloc char[nfc.Length] : new char[nfc.Length];
        var length = 0;
        var space = false;
        foreach (var ch in nfc)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u00A0' || ch == '\u200B')
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                buffer[length++] = ' ';
                space = false;
            }

            buffer[length++] = ch;
        }

        return buffer[..length].SequenceEqual(nfc) ? nfc : new string(buffer[..length]);
    }

    /// <summary>
    /// A key for matching names typed in different ways: no diacritics, đ → d, lower case, punctuation as spaces.
    /// Only for matching headers and enumerations: question text keeps its diacritics ("mầm non" ≠ "mẫu non").
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var buffer = decomposed.Length <= 1024 ? stackalloc char[decomposed.Length] : new char[decomposed.Length];
        var length = 0;
        var space = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var c = ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            };
            if (char.IsLetterOrDigit(c))
            {
                if (space && length > 0)
                {
                    buffer[length++] = ' ';
                }

                space = false;
                buffer[length++] = c;
            }
            else
            {
                space = true;
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>ASCII slug for file names: "Nguyễn Văn Á" → "Nguyen-Van-A".</summary>
    public static string AsciiSlug(string? text, int maxLength = 60)
    {
        var folded = Fold(text);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var slug = string.Join('-', words);
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength].TrimEnd('-');
        }

        return slug;
    }

    /// <summary>Upper case by Vietnamese rules (for tên cơ quan, signer lines).</summary>
    public static string Upper(string text) => text.ToUpper(Culture);

    /// <summary>"thứ Hai" … "Chủ nhật" as ND30 Phụ lục II writes them.</summary>
    public static string DayOfWeek(DateOnly date) => date.DayOfWeek switch
    {
        System.DayOfWeek.Monday => "thứ Hai",
        System.DayOfWeek.Tuesday => "thứ Ba",
        System.DayOfWeek.Wednesday => "thứ Tư",
        System.DayOfWeek.Thursday => "thứ Năm",
        System.DayOfWeek.Friday => "thứ Sáu",
        System.DayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };

    /// <summary>ND30 date line: "Yên Bái, ngày 05 tháng 4 năm 2023" (leading zero for day &lt; 10 and months 1–2).</summary>
    public static string DateLine(string place, DateOnly date) => $"{place}, {LongDate(date)}";

    /// <summary>"ngày 05 tháng 02 năm 2025".</summary>
    public static string LongDate(DateOnly date)
    {
        var day = date.Day < 10 ? $"0{date.Day}" : date.Day.ToString(CultureInfo.InvariantCulture);
        var month = date.Month <= 2 ? $"0{date.Month}" : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"ngày {day} tháng {month} năm {date.Year}";
    }

    /// <summary>"25/4/2023", "05/02/2024" as used inside sentences (leading zero for day &lt; 10 and months 1–2, as ND30 dates).</summary>
    public static string ShortDate(DateOnly date)
    {
        var day = date.Day < 10 ? $"0{date.Day}" : date.Day.ToString(CultureInfo.InvariantCulture);
        var month = date.Month <= 2 ? $"0{date.Month}" : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"{day}/{month}/{date.Year}";
    }

    /// <summary>"07 giờ 30 phút" / "14 giờ 00".</summary>
    public static string Time(TimeOnly time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Hour:00} giờ {time.Minute:00}");

    /// <summary>"07h30", the compact form used in programme tables.</summary>
    public static string CompactTime(TimeOnly time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Hour:00}h{time.Minute:00}");

    /// <summary>Lower-cases the first letter (to place a phrase mid-sentence).</summary>
    public static string LowerFirst(string text) =>
        text.Length == 0 ? text : char.ToLower(text[0], Culture) + text[1..];

    /// <summary>Upper-cases the first letter.</summary>
    public static string UpperFirst(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];
}
