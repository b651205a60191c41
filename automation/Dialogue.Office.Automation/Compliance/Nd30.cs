using System.Globalization;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>
/// A font size Nghị định 30/2020 allows for one element of a document, in points (inclusive), and the size this
/// project's documents are written with.
/// </summary>
internal readonly record struct Nd30FontSize(int Min, int Max, int Written)
{
    /// <summary><see cref="Min"/> in half-points, the unit of w:sz.</summary>
    public int MinHalfPoints => Min * 2;

    /// <summary><see cref="Max"/> in half-points, the unit of w:sz.</summary>
    public int MaxHalfPoints => Max * 2;

    /// <summary>A size in half-points brought into the range (what the fixer writes).</summary>
    public int ClampHalfPoints(int halfPoints) => Math.Clamp(halfPoints, MinHalfPoints, MaxHalfPoints);

    /// <summary>True when a size in half-points is outside the range.</summary>
    public bool IsOutside(int halfPoints) => halfPoints < MinHalfPoints || halfPoints > MaxHalfPoints;

    /// <summary>"13–14 pt" or "11 pt", as the checker and the rule table say it.</summary>
    public override string ToString() => Min == Max
        ? string.Create(CultureInfo.InvariantCulture, $"{Min} pt")
        : string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max} pt");
}

/// <summary>
/// A length Nghị định 30/2020 allows, in twips (inclusive; <see cref="int.MaxValue"/> = no upper bound), the length
/// this project writes, and how far a measured value may stray for rounding (Word stores millimetres as whole twips).
/// </summary>
internal readonly record struct Nd30Length(int Min, int Max, int Written, int Tolerance)
{
    /// <summary>True when <paramref name="twips"/> is inside the range, give or take <see cref="Tolerance"/>.</summary>
    public bool Allows(int twips) => twips >= Min - Tolerance && (Max == int.MaxValue || twips <= Max + Tolerance);

    /// <summary>A length brought into the range (what the fixer writes).</summary>
    public int Clamp(int twips) => Math.Clamp(twips, Min, Max);

    /// <summary>Twips in millimetres, as the decree writes them ("20", "12,7" with a Vietnamese culture).</summary>
    public static string Millimetres(int twips, IFormatProvider? culture = null) =>
        (twips / TwipsPerMillimetre).ToString("0.#", culture ?? CultureInfo.InvariantCulture);

    /// <summary>"20–25 mm", or "≥ 2.1 mm" without an upper bound.</summary>
    public string ToString(IFormatProvider? culture) => Max == int.MaxValue
        ? $"≥ {Millimetres(Min, culture)} mm"
        : $"{Millimetres(Min, culture)}–{Millimetres(Max, culture)} mm";

    /// <inheritdoc />
    public override string ToString() => ToString(CultureInfo.InvariantCulture);

    private const double TwipsPerMillimetre = 1440 / 25.4;
}

/// <summary>
/// The numbers of Nghị định 30/2020/NĐ-CP, Phụ lục I (paper, margins, fonts, sizes, spacing), in Open XML units, defined
/// once: the writers (WordLayout/, the templates built in code) use <c>Written</c>, the checker
/// (<see cref="Nd30Checker"/>) and the fixer (<see cref="Nd30Fixer"/>) use the ranges, and the rule table
/// (<see cref="Nd30Rules"/>) prints them. Sources: ../shared/research/domain.md §1 and §5.
/// </summary>
internal static class Nd30
{
    // ---- Mục I khoản 1–3: paper and margins (twips; 1 mm ≈ 56.7 twips) ------------------------------------------

    public const int PageWidth = 11906;   // A4 210 mm
    public const int PageHeight = 16838;  // A4 297 mm

    /// <summary>How far a page side may differ from A4 (≈ 0.5 mm) and still be A4.</summary>
    public const int PageTolerance = 30;

    /// <summary>Top margin 20–25 mm.</summary>
    public static readonly Nd30Length MarginTop = new(1134, 1417, Written: 1134, Tolerance: 6);

    /// <summary>Bottom margin 20–25 mm.</summary>
    public static readonly Nd30Length MarginBottom = new(1134, 1417, Written: 1134, Tolerance: 6);

    /// <summary>Left margin 30–35 mm.</summary>
    public static readonly Nd30Length MarginLeft = new(1701, 1984, Written: 1701, Tolerance: 6);

    /// <summary>Right margin 15–20 mm.</summary>
    public static readonly Nd30Length MarginRight = new(850, 1134, Written: 850, Tolerance: 6);

    /// <summary>
    /// The size of a signed length (Word stores a top or bottom margin as negative when the text must not push it),
    /// without <see cref="Math.Abs(int)"/>'s overflow on <see cref="int.MinValue"/>, which a hostile file can hold.
    /// </summary>
    public static int Magnitude(int twips) => twips == int.MinValue ? int.MaxValue : Math.Abs(twips);

    /// <summary>Distance of the header (page number) from the page edge, 10 mm.</summary>
    public const int HeaderDistance = 567;

    /// <summary>Width of the text between the written margins: 9355 twips ≈ 165 mm.</summary>
    public static int TextWidth => PageWidth - MarginLeft.Written - MarginRight.Written;

    // ---- Mục I khoản 4: font -------------------------------------------------------------------------------------

    public const string Font = "Times New Roman";

    // ---- Mục II: sizes of the elements (points) ---------------------------------------------------------------

    /// <summary>The body size the documents are written with (also the default of every run).</summary>
    public const int BodyPoints = 13;

    /// <summary>Ô 1: Quốc hiệu, 12–13 pt.</summary>
    public static readonly Nd30FontSize NationalTitleSize = new(12, 13, Written: 12);

    /// <summary>Ô 1: Tiêu ngữ, 13–14 pt.</summary>
    public static readonly Nd30FontSize MottoSize = new(13, 14, Written: 13);

    /// <summary>Ô 2: tên cơ quan chủ quản, 12–13 pt.</summary>
    public static readonly Nd30FontSize ParentSize = new(12, 13, Written: 13);

    /// <summary>Ô 2: tên cơ quan ban hành, 12–13 pt.</summary>
    public static readonly Nd30FontSize IssuerSize = new(12, 13, Written: 13);

    /// <summary>Ô 3: số, ký hiệu, 13 pt.</summary>
    public static readonly Nd30FontSize NumberSize = new(13, 13, Written: 13);

    /// <summary>Ô 4: địa danh và thời gian, 13–14 pt.</summary>
    public static readonly Nd30FontSize DateLineSize = new(13, 14, Written: 13);

    /// <summary>Ô 5a: tên loại, 13–14 pt.</summary>
    public static readonly Nd30FontSize TitleSize = new(13, 14, Written: 14);

    /// <summary>Ô 5a: trích yếu, 13–14 pt.</summary>
    public static readonly Nd30FontSize SummarySize = new(13, 14, Written: 14);

    /// <summary>Ô 6: phần nội dung, 13–14 pt.</summary>
    public static readonly Nd30FontSize BodySize = new(13, 14, Written: BodyPoints);

    /// <summary>Ô 7: quyền hạn, chức vụ, họ tên người ký, 13–14 pt.</summary>
    public static readonly Nd30FontSize SignatureSize = new(13, 14, Written: 14);

    /// <summary>Ô 9b: the word "Nơi nhận:", 12 pt.</summary>
    public static readonly Nd30FontSize RecipientsLabelSize = new(12, 12, Written: 12);

    /// <summary>Ô 9b: the list of recipients, 11 pt.</summary>
    public static readonly Nd30FontSize RecipientsListSize = new(11, 11, Written: 11);

    /// <summary>Mục I khoản 7: page numbers, 13–14 pt.</summary>
    public static readonly Nd30FontSize PageNumberSize = new(13, 14, Written: 13);

    // ---- Mục II khoản 6 điểm e: body paragraphs (twips) ------------------------------------------------------

    /// <summary>First-line indent 1 cm or 1.27 cm.</summary>
    public static readonly Nd30Length FirstLineIndent = new(567, 720, Written: 567, Tolerance: 10);

    /// <summary>At least 6 pt between paragraphs.</summary>
    public static readonly Nd30Length ParagraphSpacing = new(120, int.MaxValue, Written: 120, Tolerance: 2);

    /// <summary>Line spacing from single to 1.5 lines, in 240ths of a line (w:line with the auto rule).</summary>
    public static readonly Nd30Length LineSpacing = new(240, 360, Written: 240, Tolerance: 2);

    /// <summary>Half-points for w:sz.</summary>
    public static string Size(int points) => (points * 2).ToString(CultureInfo.InvariantCulture);

    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
}
