using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Script;

[ProblemCatalog]
internal static class ScriptMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["SCRIPT_ROWS_PLACEMENT"] = "Ô nội dung \"{0}\" phải là một dòng của bảng kịch bản (hoặc nằm trong một dòng của bảng) để các dòng lời dẫn được sinh ra tại đó.",
        ["SCRIPT_TEMPLATE_NO_FIELDS"] = "Mẫu kịch bản \"{0}\" không còn ô nội dung nào (có thể đã mất khi lưu bằng phần mềm không hỗ trợ ô nội dung, như LibreOffice); phần đầu văn bản giữ nguyên chữ mẫu. Lấy lại mẫu bằng lệnh \"dialogue template kich-ban\" và sửa trong Word.",
        ["SCRIPT_NO_PROGRAMME"] = "Kế hoạch chưa có mục chương trình (programme) nên chưa viết được kịch bản.",
        ["SCRIPT_UNKNOWN_TOPIC"] = "Câu hỏi ở dòng {0} thuộc nhóm vấn đề \"{1}\" không có trong kế hoạch nên không đưa vào kịch bản.",
        ["SCRIPT_QUESTIONS_UNREADABLE"] = "Không đọc được tệp tổng hợp câu hỏi \"{0}\" (cần tệp Excel .xlsx có dòng tiêu đề gồm nhóm vấn đề và nội dung câu hỏi).",
        ["SCRIPT_QUESTIONS_COLUMNS"] = "Tệp tổng hợp câu hỏi thiếu cột \"{0}\".",
    };
}
