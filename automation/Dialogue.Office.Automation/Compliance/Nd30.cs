namespace Dialogue.Office.Automation.Compliance;

/// <summary>
/// Layout numbers of Nghị định 30/2020/NĐ-CP, Phụ lục I, in Open XML units (twips, half-points).
/// See ../shared/research/domain.md §1 and §5.
/// </summary>
public static class Nd30
{
    public const int PageWidth = 11906;   // A4 210 mm
    public const int PageHeight = 16838;  // A4 297 mm
    public const int MarginTop = 1134;    // 20 mm (20–25)
    public const int MarginBottom = 1134; // 20 mm (20–25)
    public const int MarginLeft = 1701;   // 30 mm (30–35)
    public const int MarginRight = 850;   // 15 mm (15–20)
    public const int HeaderDistance = 567;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight; // 9355 twips ≈ 165 mm

    public const string Font = "Times New Roman";

    /// <summary>Half-points for w:sz.</summary>
    public static string Size(int points) => (points * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public const int FirstLineIndent = 567; // 1 cm
    public const int SpacingAfterBody = 120; // 6 pt

    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
}
