using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Audiences;

[ProblemCatalog]
internal static class AudienceMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["PACKET_PERSONAL_DATA"] = "Tệp \"{0}\" có {1} ({2}) nhưng thư mục này dành cho nhiều người xem; tài liệu không được công bố cho đến khi bỏ thông tin đó (Luật Bảo vệ dữ liệu cá nhân, nguyên tắc tối thiểu hóa dữ liệu), hoặc chuyển loại tài liệu này sang thư mục của Tổ thư ký (audiences.kinds trong kế hoạch).",
    };
}
