using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Programme;

[ProblemCatalog]
internal static class ProgrammeMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["PROGRAMME_EMPTY"] = "Kế hoạch chưa có mục chương trình (programme) nên chưa tính được thời gian các nội dung.",
        ["PROGRAMME_NO_SETTINGS"] = "Kế hoạch chưa có mục programme_document (số, ngày, trích yếu của Chương trình); tạm ghi \"Số: {0}\" để văn thư điền số, ngày ban hành lấy theo Giấy mời.",
        ["PROGRAMME_PAST_MIDNIGHT"] = "Chương trình kéo dài qua nửa đêm (kết thúc lúc {0}); kiểm tra lại giờ bắt đầu và thời lượng các mục.",
    };
}
