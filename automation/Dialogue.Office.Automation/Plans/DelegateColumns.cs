using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Plans;

/// <summary>The columns of the delegate list ("Đại biểu" sheet), with the header each is written under and its accepted variants.</summary>
public static class DelegateColumns
{
    public const string SheetName = "Đại biểu";

    public sealed record Column(string Key, string Header, bool Required, string Help, params IReadOnlyList<string> Aliases);

    public static readonly IReadOnlyList<Column> All =
    [
        new("stt", "STT", false, "Số thứ tự", "stt", "so tt", "tt", "so thu tu"),
        new("code", "Mã đại biểu", false, "Để trống để tự sinh; chỉ chữ không dấu, số, dấu gạch ngang", "ma dai bieu", "ma db", "ma"),
        new("honorific", "Danh xưng", false, "Đồng chí / Ông / Bà (để trống nếu mời cơ quan)", "danh xung", "xung ho"),
        new("name", "Họ và tên", true, "Họ và tên người được mời; để trống nếu mời cơ quan", "ho va ten", "ho ten", "ten dai bieu"),
        new("position", "Chức vụ", false, "Chức vụ đầy đủ, ví dụ: Giám đốc Sở Nội vụ", "chuc vu", "chuc danh"),
        new("org", "Cơ quan, đơn vị", true, "Cơ quan, đơn vị của đại biểu hoặc cơ quan được mời", "co quan don vi", "don vi", "co quan", "noi cong tac"),
        new("addressee", "Kính gửi (nếu khác)", false, "Ghi khi dòng \"Kính gửi\" cần khác quy tắc chung", "kinh gui neu khac", "kinh gui"),
        new("group", "Nhóm", false, "Để trống: suy ra từ chức vụ. Nhóm giao tế: Trung ương, Thường trực cấp ủy, Ban Thường vụ, HĐND, UBND, MTTQ, Đoàn ĐBQH, Ban Đảng, Sở ngành, Cấp dưới, Ngành, Báo chí", "nhom", "nhom giao te", "khoi"),
        new("rank", "Thứ bậc", false, "Để trống: suy ra từ chức vụ; ghi số (1 = cao nhất) để sắp các đại biểu cùng chức vụ", "thu bac", "thu tu uu tien", "cap bac"),
        new("venue", "Điểm cầu", false, "Mã điểm cầu trong kế hoạch; để trống = điểm cầu chính", "diem cau", "ma diem cau"),
        new("presidium", "Chủ trì", false, "x nếu ngồi đoàn chủ tịch", "chu tri", "doan chu tich", "dong chu tri"),
        new("role", "Vai trò", false, "Để trống: theo kế hoạch (mục roles) hoặc Đại biểu. Chủ trì, Đồng chủ trì, Tham gia đồng chủ trì, Điều hành, Báo cáo viên, Thư ký hội nghị, Người dẫn chương trình, Khách mời, Phóng viên", "vai tro", "nhiem vu"),
        new("issuer", "Cơ quan mời", false, "Để trống: theo kế hoạch (mục issuers). Ghi mã cơ quan mời trong kế hoạch, ví dụ so-gddt", "co quan moi", "don vi moi", "noi moi"),
        new("email", "Email", false, "Thư điện tử", "email", "e mail", "thu dien tu"),
        new("phone", "Điện thoại", false, "Số điện thoại", "dien thoai", "so dien thoai", "sdt"),
        new("note", "Ghi chú", false, "", "ghi chu"),
    ];

    /// <summary>Maps a header text to a column key, or null.</summary>
    public static string? Match(string? header)
    {
        var folded = VietnameseText.Fold(header);
        if (folded.Length == 0)
        {
            return null;
        }

        foreach (var column in All)
        {
            if (column.Aliases.Contains(folded))
            {
                return column.Key;
            }
        }

        return null;
    }

    /// <summary>Reads a "Nhóm" cell; null when it names no group.</summary>
    public static ProtocolGroup? ParseGroup(string? text)
    {
        var f = VietnameseText.Fold(text);
        if (f.Length == 0)
        {
            return null;
        }

        if (int.TryParse(f, out var n) && Enum.IsDefined(typeof(ProtocolGroup), n))
        {
            return (ProtocolGroup)n;
        }

        return f switch
        {
            _ when f.StartsWith("trung uong", StringComparison.Ordinal) => ProtocolGroup.Central,
            _ when f.StartsWith("thuong truc", StringComparison.Ordinal) => ProtocolGroup.PartyStanding,
            _ when f.StartsWith("ban thuong vu", StringComparison.Ordinal) || f == "btv" => ProtocolGroup.StandingBoard,
            _ when f is "hdnd" || f.StartsWith("hoi dong nhan dan", StringComparison.Ordinal) => ProtocolGroup.PeoplesCouncil,
            _ when f is "ubnd" || f.StartsWith("uy ban nhan dan", StringComparison.Ordinal) => ProtocolGroup.PeoplesCommittee,
            _ when f.Contains("mttq", StringComparison.Ordinal) || f.Contains("mat tran", StringComparison.Ordinal) => ProtocolGroup.FatherlandFront,
            _ when f.Contains("dbqh", StringComparison.Ordinal) || f.Contains("quoc hoi", StringComparison.Ordinal) => ProtocolGroup.NationalAssembly,
            _ when f.StartsWith("ban dang", StringComparison.Ordinal) => ProtocolGroup.PartyBoards,
            _ when f.StartsWith("so", StringComparison.Ordinal) || f.StartsWith("co quan", StringComparison.Ordinal) || f.Contains("doan the", StringComparison.Ordinal) => ProtocolGroup.Departments,
            _ when f.StartsWith("cap duoi", StringComparison.Ordinal) || f.StartsWith("dia phuong", StringComparison.Ordinal) || f.StartsWith("cap huyen", StringComparison.Ordinal) || f.StartsWith("cap xa", StringComparison.Ordinal) => ProtocolGroup.LowerTier,
            _ when f.StartsWith("nganh", StringComparison.Ordinal) || f.StartsWith("dai bieu nganh", StringComparison.Ordinal) => ProtocolGroup.Sector,
            _ when f.StartsWith("bao chi", StringComparison.Ordinal) || f.StartsWith("phong vien", StringComparison.Ordinal) => ProtocolGroup.Press,
            _ => null,
        };
    }

    /// <summary>The label written in the sheet for a group.</summary>
    public static string GroupLabel(ProtocolGroup group) => group switch
    {
        ProtocolGroup.Central => "Trung ương",
        ProtocolGroup.PartyStanding => "Thường trực cấp ủy",
        ProtocolGroup.StandingBoard => "Ban Thường vụ",
        ProtocolGroup.PeoplesCouncil => "HĐND",
        ProtocolGroup.PeoplesCommittee => "UBND",
        ProtocolGroup.FatherlandFront => "MTTQ",
        ProtocolGroup.NationalAssembly => "Đoàn ĐBQH",
        ProtocolGroup.PartyBoards => "Ban Đảng",
        ProtocolGroup.Departments => "Sở, ngành",
        ProtocolGroup.LowerTier => "Cấp dưới",
        ProtocolGroup.Sector => "Ngành",
        _ => "Báo chí",
    };
}
