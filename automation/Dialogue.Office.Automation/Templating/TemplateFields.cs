namespace Dialogue.Office.Automation.Templating;

/// <summary>What kind of content a field holds.</summary>
public enum FieldKind
{
    /// <summary>Text inside a line (inline content control or MERGEFIELD).</summary>
    Text,

    /// <summary>One or more whole paragraphs (block content control); an empty value removes the paragraphs.</summary>
    Lines,

    /// <summary>A picture (picture content control): the delegate's QR code.</summary>
    Picture,

    /// <summary>
    /// Generated table rows (the MC's script): a row content control, or a control inside a table row, marks the row
    /// that is replaced by the generated rows; that row's cells give the widths, paragraph and run formatting.
    /// </summary>
    Rows,
}

/// <summary>One entry of the template vocabulary (templates/README.md lists them all).</summary>
public sealed record TemplateField(string Tag, FieldKind Kind, string Meaning, string Example, bool PerDelegate);

/// <summary>
/// The template vocabulary: every tag a Dialogue.Office template may hold. Tags are ASCII so they survive Word on the
/// web and MERGEFIELD names; an unknown tag in a template is reported, not ignored.
/// </summary>
public static class TemplateFields
{
    public static readonly IReadOnlyList<TemplateField> All =
    [
        new("CoQuanChuQuan", FieldKind.Lines, "Tên cơ quan chủ quản (chữ in hoa, đứng); để trống thì bỏ cả dòng", "UBND TỈNH YÊN BÁI", true),
        new("CoQuanBanHanh", FieldKind.Text, "Tên cơ quan ban hành (chữ in hoa, đậm)", "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI", true),
        new("CoQuanTrongCau", FieldKind.Text, "Tên cơ quan ban hành viết trong câu", "Ủy ban nhân dân tỉnh Yên Bái", true),
        new("SoKyHieu", FieldKind.Text, "Số và ký hiệu văn bản (sau chữ \"Số: \")", "125/GM-UBND", true),
        new("DiaDanhNgayThang", FieldKind.Text, "Địa danh và ngày tháng năm ban hành", "Yên Bái, ngày 17 tháng 4 năm 2023", true),
        new("TrichYeu", FieldKind.Text, "Trích yếu nội dung (dưới tên loại)", "Dự Hội nghị đối thoại …", false),
        new("TenHoiNghi", FieldKind.Text, "Tên đầy đủ của hội nghị", "Hội nghị đối thoại giữa Lãnh đạo tỉnh … năm 2023", false),
        new("ChuTri", FieldKind.Text, "Chủ trì hội nghị", "Thường trực Tỉnh ủy; Chủ tịch Ủy ban nhân dân tỉnh", false),
        new("ThoiGian", FieldKind.Text, "Thời gian hội nghị", "01 buổi, từ 07 giờ 30 đến 11 giờ 00, thứ Ba, ngày 25/4/2023", false),
        new("NgayHoiNghi", FieldKind.Text, "Ngày họp", "thứ Ba, ngày 25/4/2023", false),
        new("GioBatDau", FieldKind.Text, "Giờ bắt đầu", "07 giờ 30", false),
        new("HanXacNhan", FieldKind.Text, "Hạn xác nhận tham dự", "21/4/2023", false),
        new("LienHe", FieldKind.Text, "Người liên hệ của ban tổ chức", "Đồng chí Lê Thị Hồng Nhung, …, điện thoại 0216 3852 219", false),
        new("GhiChu", FieldKind.Lines, "Các vấn đề cần lưu ý (mỗi dòng một đoạn)", "Đại biểu có mặt trước 15 phút …", true),
        new("NoiNhan", FieldKind.Lines, "Danh sách nơi nhận (mỗi dòng một nơi, dòng cuối \"- Lưu: VT, …\")", "- Như thành phần mời;", true),
        new("ThamQuyenKy", FieldKind.Text, "Quyền hạn ký (TM., KT., Q., TL., TUQ.)", "TM. ỦY BAN NHÂN DÂN", true),
        new("ChucVuKy", FieldKind.Text, "Chức vụ người ký (chữ in hoa)", "CHỦ TỊCH", true),
        new("NguoiKy", FieldKind.Text, "Họ và tên người ký", "Trần Huy Tuấn", true),
        new("KinhGui", FieldKind.Text, "Người hoặc cơ quan được mời, sau \"Kính gửi: \"", "Đồng chí Nguyễn Văn A, Giám đốc Sở Nội vụ", true),
        new("XungHo", FieldKind.Text, "Cách gọi người được mời trong câu", "đồng chí / ông / bà / lãnh đạo Sở Tài chính", true),
        new("LoiMoi", FieldKind.Text, "Việc đại biểu được mời làm, theo vai trò (sau \"trân trọng kính mời đồng chí\")", "tới dự / chủ trì / đồng chủ trì / tham gia đồng chủ trì", true),
        new("HoTen", FieldKind.Text, "Họ và tên đại biểu (trống nếu mời cơ quan)", "Nguyễn Văn A", true),
        new("ChucVu", FieldKind.Text, "Chức vụ của đại biểu", "Giám đốc Sở Nội vụ", true),
        new("DonVi", FieldKind.Text, "Cơ quan, đơn vị của đại biểu", "Sở Nội vụ", true),
        new("MaDaiBieu", FieldKind.Text, "Mã đại biểu (xác nhận tham dự, đón tiếp)", "YB23-0007", true),
        new("DiaDiem", FieldKind.Text, "Địa điểm dự của đại biểu (điểm cầu chính hoặc điểm cầu trực tuyến)", "Trung tâm Hội nghị tỉnh (…)", true),
        new("DiemCau", FieldKind.Text, "Tên điểm cầu của đại biểu", "Điểm cầu huyện Văn Yên", true),
        new("ChoNgoi", FieldKind.Lines, "Dòng chỗ ngồi tại hội trường; để trống thì bỏ cả dòng", "Chỗ ngồi: Hàng A – Ghế 05", true),
        new("DuongDan", FieldKind.Text, "Đường dẫn tài liệu riêng của đại biểu (trùng với mã QR)", "https://…?db=YB23-0007", true),
        new("MaQR", FieldKind.Picture, "Ảnh mã QR mở tài liệu hội nghị của đại biểu", "(ảnh)", true),

        // Kịch bản chi tiết (templates/kich-ban.docx).
        new("DiaDiemHoiNghi", FieldKind.Text, "Địa điểm hội nghị: điểm cầu chính và các điểm cầu trực tuyến", "Trung tâm Hội nghị tỉnh (…), kết nối trực tuyến tới 08 điểm cầu: thị xã Nghĩa Lộ, …", false),
        new("DanChuongTrinh", FieldKind.Text, "Người dẫn chương trình (tuyên bố lý do, giới thiệu đại biểu)", "Lãnh đạo Sở Giáo dục và Đào tạo", false),
        new("NoiDungKichBan", FieldKind.Rows, "Các dòng của kịch bản (thời gian | lời dẫn | người thực hiện), sinh ra thay cho dòng bảng mang thẻ này; dòng mẫu quy định độ rộng cột, phông chữ, căn lề", "07h30 – 07h45 | Kính thưa các đồng chí đại biểu! … | Người dẫn chương trình", false),
    ];

    private static readonly Dictionary<string, TemplateField> ByTag = All.ToDictionary(f => f.Tag, StringComparer.OrdinalIgnoreCase);

    public static TemplateField? Find(string tag) => ByTag.GetValueOrDefault(tag.Trim());

    /// <summary>Fields an invitation template must hold, or the letter cannot be addressed or opened.</summary>
    public static readonly IReadOnlyList<string> RequiredForInvitation = ["KinhGui", "MaQR"];

    /// <summary>Fields a script template must hold: the place of the generated rows.</summary>
    public static readonly IReadOnlyList<string> RequiredForScript = ["NoiDungKichBan"];
}
