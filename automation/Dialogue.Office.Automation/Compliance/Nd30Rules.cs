using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>One layout rule of Nghị định 30/2020/NĐ-CP: its stable code, the element (ô số of Phụ lục I Mục IV) and where the decree says it.</summary>
public sealed record Nd30Rule(string Code, ProblemSeverity Severity, string Element, string Citation, string Title, string English);

/// <summary>
/// Every rule the checker applies. Citations point into Phụ lục I (thể thức và kỹ thuật trình bày văn bản hành chính)
/// of Nghị định 30/2020/NĐ-CP, Phần I; "Mục I" = quy định chung, "Mục II" = các thành phần thể thức chính.
/// </summary>
public static class Nd30Rules
{
    private const string Decree = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, ";

    // Element names as Phụ lục I Mục IV numbers them (ô số), or the general part for page-wide rules.
    internal const string General = "Quy định chung";
    internal const string Cell1 = "Ô 1 – Quốc hiệu và Tiêu ngữ";
    internal const string Cell2 = "Ô 2 – Tên cơ quan, tổ chức";
    internal const string Cell3 = "Ô 3 – Số, ký hiệu";
    internal const string Cell4 = "Ô 4 – Địa danh và thời gian";
    internal const string Cell5A = "Ô 5a – Tên loại và trích yếu";
    internal const string Cell6 = "Ô 6 – Nội dung";
    internal const string Cell7 = "Ô 7a, 7b – Quyền hạn, chức vụ, họ tên người ký";
    internal const string Cell9B = "Ô 9b – Nơi nhận";
    internal const string PageNumber = "Số trang";

    private static readonly Nd30Rule[] All =
    [
        E("ND30_UNREADABLE", General, "", "Tệp không đọc được như một văn bản Word (.docx)", "The file is not a readable .docx package"),
        E("ND30_PAGE_SIZE", General, "Mục I, khoản 1", "Khổ giấy", "Paper size must be A4 (210 × 297 mm)"),
        E("ND30_PAGE_ORIENTATION", General, "Mục I, khoản 2", "Hướng trang", "Pages are portrait; landscape only for bodies with tables"),
        E("ND30_MARGIN_TOP", General, "Mục I, khoản 3", "Lề trên", $"Top margin {Nd30.MarginTop}"),
        E("ND30_MARGIN_BOTTOM", General, "Mục I, khoản 3", "Lề dưới", $"Bottom margin {Nd30.MarginBottom}"),
        E("ND30_MARGIN_LEFT", General, "Mục I, khoản 3", "Lề trái", $"Left margin {Nd30.MarginLeft}"),
        E("ND30_MARGIN_RIGHT", General, "Mục I, khoản 3", "Lề phải", $"Right margin {Nd30.MarginRight}"),
        E("ND30_FONT", General, "Mục I, khoản 4", "Phông chữ", "Font must be Times New Roman"),
        E("ND30_LEGACY_FONT", General, "Mục I, khoản 4", "Phông chữ cũ (TCVN3/VNI), không phải Unicode TCVN 6909:2001", "Legacy TCVN3/VNI font; text must be Unicode"),
        E("ND30_LEGACY_TEXT", General, "Mục I, khoản 4", "Chữ gõ bằng bảng mã cũ (TCVN3/VNI), không phải Unicode TCVN 6909:2001", "Text looks TCVN3/VNI-encoded, not Unicode"),
        W("ND30_PAGE_NUMBER_MISSING", PageNumber, "Mục I, khoản 7", "Số trang (văn bản dài nhưng không có số trang ở lề trên)", "Long document without page numbers in the header"),
        E("ND30_PAGE_NUMBER_POSITION", PageNumber, "Mục I, khoản 7", "Vị trí số trang", "Page numbers belong in the top margin (header), not the footer"),
        E("ND30_PAGE_NUMBER_ALIGN", PageNumber, "Mục I, khoản 7", "Căn lề số trang", "Page numbers are centred"),
        E("ND30_PAGE_NUMBER_FIRST_PAGE", PageNumber, "Mục I, khoản 7", "Số trang ở trang đầu", "The first page shows no page number"),
        W("ND30_PAGE_NUMBER_SIZE", PageNumber, "Mục I, khoản 7", "Cỡ chữ số trang", $"Page numbers {Nd30.PageNumberSize}"),
        W("ND30_NATIONAL_TITLE_MISSING", Cell1, "Mục II, khoản 1, điểm a", "Quốc hiệu", "No national title found; header rules were not checked"),
        E("ND30_NATIONAL_TITLE_CASE", Cell1, "Mục II, khoản 1, điểm a", "Quốc hiệu phải in hoa", "National title in upper case"),
        E("ND30_NATIONAL_TITLE_BOLD", Cell1, "Mục II, khoản 1, điểm a", "Quốc hiệu phải đứng, đậm", "National title bold, upright"),
        E("ND30_NATIONAL_TITLE_SIZE", Cell1, "Mục II, khoản 1, điểm a", "Cỡ chữ Quốc hiệu", $"National title {Nd30.NationalTitleSize}"),
        E("ND30_MOTTO_MISSING", Cell1, "Mục II, khoản 1, điểm b", "Tiêu ngữ", "Motto missing under the national title"),
        E("ND30_MOTTO_CASE", Cell1, "Mục II, khoản 1, điểm b", "Tiêu ngữ in thường, viết hoa chữ đầu mỗi cụm từ", "Motto in lower case with each phrase capitalised"),
        E("ND30_MOTTO_BOLD", Cell1, "Mục II, khoản 1, điểm b", "Tiêu ngữ phải đứng, đậm", "Motto bold, upright"),
        E("ND30_MOTTO_SIZE", Cell1, "Mục II, khoản 1, điểm b", "Cỡ chữ Tiêu ngữ", $"Motto {Nd30.MottoSize}"),
        E("ND30_MOTTO_HYPHEN", Cell1, "Mục II, khoản 1, điểm b", "Gạch nối trong Tiêu ngữ (có cách chữ hai bên)", "Motto phrases joined by ' - ' with spaces"),
        E("ND30_MOTTO_RULE", Cell1, "Mục II, khoản 1, điểm b", "Đường kẻ ngang dưới Tiêu ngữ", "Solid rule under the motto"),
        E("ND30_PARENT_CASE", Cell2, "Mục II, khoản 2, điểm b", "Tên cơ quan chủ quản phải in hoa", "Parent body name in upper case"),
        E("ND30_PARENT_BOLD", Cell2, "Mục II, khoản 2, điểm b", "Tên cơ quan chủ quản kiểu chữ đứng, không đậm", "Parent body name upright, not bold"),
        E("ND30_PARENT_SIZE", Cell2, "Mục II, khoản 2, điểm b", "Cỡ chữ tên cơ quan chủ quản", $"Parent body name {Nd30.ParentSize}"),
        W("ND30_ISSUER_MISSING", Cell2, "Mục II, khoản 2, điểm b", "Tên cơ quan ban hành", "No issuing body name found above 'Số:'"),
        E("ND30_ISSUER_CASE", Cell2, "Mục II, khoản 2, điểm b", "Tên cơ quan ban hành phải in hoa", "Issuing body name in upper case"),
        E("ND30_ISSUER_BOLD", Cell2, "Mục II, khoản 2, điểm b", "Tên cơ quan ban hành phải đứng, đậm", "Issuing body name bold, upright"),
        E("ND30_ISSUER_SIZE", Cell2, "Mục II, khoản 2, điểm b", "Cỡ chữ tên cơ quan ban hành", $"Issuing body name {Nd30.IssuerSize}"),
        E("ND30_ISSUER_RULE", Cell2, "Mục II, khoản 2, điểm b", "Đường kẻ ngang dưới tên cơ quan ban hành", "Short rule under the issuing body name"),
        W("ND30_NUMBER_MISSING", Cell3, "Mục II, khoản 3, điểm c", "Số, ký hiệu văn bản", "No 'Số:' line found"),
        E("ND30_NUMBER_FORMAT", Cell3, "Mục II, khoản 3, điểm b, c", "Số, ký hiệu viết sai dạng", "Number must read 'Số: NN/TYPE-ISSUER'"),
        E("ND30_NUMBER_LEADING_ZERO", Cell3, "Mục II, khoản 3, điểm c", "Số nhỏ hơn 10 phải có số 0 phía trước", "Numbers below 10 take a leading zero"),
        E("ND30_NUMBER_TYPE", Cell3, "Mục II, khoản 3, điểm b; Phụ lục III", "Chữ viết tắt tên loại văn bản trong ký hiệu", "Type abbreviation must be one of Phụ lục III"),
        W("ND30_NUMBER_TYPE_MISMATCH", Cell3, "Mục II, khoản 3, điểm b; Phụ lục III", "Chữ viết tắt tên loại không khớp tên loại văn bản", "Type abbreviation does not match the document type"),
        W("ND30_NUMBER_SIZE", Cell3, "Mục II, khoản 3, điểm c", "Cỡ chữ số, ký hiệu", $"Number line {Nd30.NumberSize}"),
        W("ND30_DATE_MISSING", Cell4, "Mục II, khoản 4", "Địa danh và thời gian ban hành", "No place-and-date line found"),
        E("ND30_DATE_FORMAT", Cell4, "Mục II, khoản 4, điểm b, c", "Dòng địa danh, ngày tháng viết sai dạng", "Date line must read 'Place, ngày DD tháng MM năm YYYY'"),
        E("ND30_DATE_LEADING_ZERO", Cell4, "Mục II, khoản 4, điểm b", "Ngày nhỏ hơn 10 và tháng 1, 2 phải có số 0 phía trước", "Days < 10 and months 1–2 take a leading zero; other months none"),
        E("ND30_DATE_INVALID", Cell4, "Mục II, khoản 4, điểm b", "Ngày tháng không có thật", "The date does not exist"),
        E("ND30_DATE_ITALIC", Cell4, "Mục II, khoản 4, điểm c", "Dòng địa danh, ngày tháng phải in nghiêng", "Date line in italics"),
        E("ND30_DATE_SIZE", Cell4, "Mục II, khoản 4, điểm c", "Cỡ chữ dòng địa danh, ngày tháng", $"Date line {Nd30.DateLineSize}"),
        E("ND30_TITLE_CASE", Cell5A, "Mục II, khoản 5, điểm b", "Tên loại văn bản phải in hoa", "Document type name in upper case"),
        E("ND30_TITLE_BOLD", Cell5A, "Mục II, khoản 5, điểm b", "Tên loại văn bản phải đứng, đậm", "Document type name bold"),
        E("ND30_TITLE_SIZE", Cell5A, "Mục II, khoản 5, điểm b", "Cỡ chữ tên loại văn bản", $"Document type name {Nd30.TitleSize}"),
        E("ND30_TITLE_ALIGN", Cell5A, "Mục II, khoản 5, điểm b", "Tên loại văn bản phải canh giữa", "Document type name centred"),
        E("ND30_SUMMARY_BOLD", Cell5A, "Mục II, khoản 5, điểm b", "Trích yếu phải đứng, đậm", "Summary bold"),
        E("ND30_SUMMARY_SIZE", Cell5A, "Mục II, khoản 5, điểm b", "Cỡ chữ trích yếu", $"Summary {Nd30.SummarySize}"),
        W("ND30_SUMMARY_RULE", Cell5A, "Mục II, khoản 5, điểm b", "Đường kẻ ngang dưới trích yếu", "Short rule under the summary"),
        E("ND30_BODY_SIZE", Cell6, "Mục II, khoản 6, điểm e", "Cỡ chữ phần nội dung", $"Body text {Nd30.BodySize}"),
        E("ND30_BODY_INDENT", Cell6, "Mục II, khoản 6, điểm e", "Lùi đầu dòng phần nội dung", "First-line indent 1 cm or 1.27 cm"),
        E("ND30_BODY_SPACING", Cell6, "Mục II, khoản 6, điểm e", "Khoảng cách giữa các đoạn văn", "At least 6 pt between paragraphs"),
        E("ND30_BODY_LINE_SPACING", Cell6, "Mục II, khoản 6, điểm e", "Khoảng cách giữa các dòng", "Line spacing from single to 1.5 lines"),
        E("ND30_SIGN_AUTHORITY", Cell7, "Mục II, khoản 7, điểm b", "Chữ viết tắt quyền hạn người ký", "Authority prefix TM., KT., Q., TL. or TUQ."),
        E("ND30_SIGN_POSITION_CASE", Cell7, "Mục II, khoản 7, điểm đ", "Quyền hạn, chức vụ người ký phải in hoa", "Authority and position in upper case"),
        E("ND30_SIGN_POSITION_BOLD", Cell7, "Mục II, khoản 7, điểm đ", "Quyền hạn, chức vụ người ký phải đứng, đậm", "Authority and position bold"),
        E("ND30_SIGN_SIZE", Cell7, "Mục II, khoản 7, điểm đ", "Cỡ chữ khối chữ ký", $"Signature block {Nd30.SignatureSize}"),
        E("ND30_SIGN_NAME_BOLD", Cell7, "Mục II, khoản 7, điểm đ", "Họ tên người ký phải đứng, đậm", "Signer's name bold"),
        W("ND30_SIGN_NAME_CASE", Cell7, "Mục II, khoản 7, điểm đ", "Họ tên người ký viết chữ in thường", "Signer's name in normal case"),
        E("ND30_SIGN_ACADEMIC_TITLE", Cell7, "Mục II, khoản 7, điểm c", "Không ghi học hàm, học vị trước họ tên người ký", "No academic title before the signer's name"),
        E("ND30_RECIPIENTS_LABEL", Cell9B, "Mục II, khoản 9, điểm d", $"Chữ \"Nơi nhận:\" cỡ {Nd30.RecipientsLabelSize.Min}, nghiêng, đậm", $"'Nơi nhận:' {Nd30.RecipientsLabelSize} bold italic"),
        E("ND30_RECIPIENTS_LIST_SIZE", Cell9B, "Mục II, khoản 9, điểm d", "Cỡ chữ danh sách nơi nhận", $"Recipient list {Nd30.RecipientsListSize}"),
        E("ND30_RECIPIENTS_ARCHIVE", Cell9B, "Mục II, khoản 9, điểm d", "Dòng cuối nơi nhận phải là \"- Lưu: VT, …\"", "Recipient list ends with '- Lưu: VT, …'"),
    ];

    private static readonly Dictionary<string, Nd30Rule> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>Every rule, for documentation and the add-in.</summary>
    public static IReadOnlyList<Nd30Rule> Rules => All;

    /// <summary>The rule with this code (throws for an unknown code: codes are constants in this library).</summary>
    public static Nd30Rule Get(string code) => ByCode[code];

    /// <summary>"NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I, khoản 3".</summary>
    public static string FullCitation(Nd30Rule rule) => rule.Citation.Length == 0 ? "" : Decree + rule.Citation;

    private static Nd30Rule E(string code, string element, string citation, string title, string english) =>
        new(code, ProblemSeverity.Error, element, citation, title, english);

    private static Nd30Rule W(string code, string element, string citation, string title, string english) =>
        new(code, ProblemSeverity.Warning, element, citation, title, english);
}

/// <summary>Vietnamese text of the ND30 findings and of the changes the fixer makes. {0} = what was found, {1} = what the rule wants.</summary>
[ProblemCatalog]
internal static class Nd30Messages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = Build();

    private static Dictionary<string, string> Build()
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in Nd30Rules.Rules)
        {
            var citation = Nd30Rules.FullCitation(rule);
            messages[rule.Code] = citation.Length == 0
                ? $"{rule.Title}: {{0}}."
                : $"{rule.Title}: hiện là {{0}}; quy định: {{1}} ({citation}).";
        }

        messages["ND30_FIX_SAME_FILE"] = "Tệp kết quả \"{0}\" trùng với tệp gốc; hãy chọn tên khác (không ghi đè tệp gốc).";
        messages["ND30_FIX_INPUT_MISSING"] = "Không tìm thấy tệp \"{0}\".";
        messages["ND30_FIX_PAGE"] = "Đặt khổ giấy A4 ({0} → {1}).";
        messages["ND30_FIX_MARGIN"] = "Chỉnh {0}: {1} → {2}.";
        messages["ND30_FIX_FONT"] = "Đổi phông chữ {0} sang Times New Roman ({1} chỗ).";
        messages["ND30_FIX_LEGACY_TEXT"] = "Chuyển chữ {0} sang Unicode: \"{1}\" → \"{2}\".";
        messages["ND30_FIX_SIZE"] = "Chỉnh cỡ chữ {0}: {1} → {2}.";
        messages["ND30_FIX_DATE"] = "Sửa ngày tháng: \"{0}\" → \"{1}\".";
        messages["ND30_FIX_PAGE_NUMBER"] = "Đánh số trang: {0}.";
        messages["ND30_FIX_BODY_FORMAT"] = "Chỉnh định dạng đoạn nội dung ({0}) ở {1} đoạn.";
        return messages;
    }
}
