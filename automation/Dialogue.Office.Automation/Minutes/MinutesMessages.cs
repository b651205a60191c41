using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Minutes;

[ProblemCatalog]
internal static class MinutesMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["MINUTES_QUESTIONS_UNREADABLE"] = "Không đọc được tệp tổng hợp câu hỏi {0} (tệp hỏng, không phải .xlsx hoặc không có trang tính).",
        ["MINUTES_QUESTIONS_COLUMNS"] = "Không tìm thấy dòng tiêu đề có cột nhóm vấn đề và cột nội dung câu hỏi ({0}).",
        ["MINUTES_QUESTIONS_ALL"] = "Tệp tổng hợp không có cột \"Chọn\": cả {0} câu hỏi được đưa vào biên bản; đánh dấu x ở cột \"Chọn\" để chỉ giữ các câu hỏi được đối thoại.",
        ["MINUTES_QUESTION_NO_TOPIC"] = "Nhóm vấn đề \"{0}\" không có trong kế hoạch; câu hỏi được ghi ở mục các ý kiến khác.",
        ["MINUTES_NO_SECRETARY"] = "Chưa có tên thư ký (người ghi biên bản); biên bản để trống ô này cho văn thư điền (dùng --thu-ky \"Họ tên, chức vụ\").",
    };
}
