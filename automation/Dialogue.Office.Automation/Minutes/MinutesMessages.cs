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
        ["MINUTES_NO_SECRETARY"] = "Chưa có tên thư ký (người ghi biên bản); biên bản để trống ô này cho văn thư điền (ghi \"Họ tên, chức vụ\" ở ô Thư ký của ngăn tác vụ, hoặc --thu-ky khi dùng dòng lệnh).",
        ["ATTENDANCE_UNREADABLE"] = "Không đọc được bảng điểm danh {0} (tệp hỏng, không phải .xlsx hoặc không có trang tính).",
        ["ATTENDANCE_COLUMNS"] = "Bảng điểm danh {0} không có dòng tiêu đề với cột \"Mã đại biểu\" và cột \"Trạng thái\" (trong 10 dòng đầu).",
        ["ATTENDANCE_NO_CODE"] = "Dòng này không có mã đại biểu nên không điểm danh được; ghi mã như trong danh sách đại biểu (ví dụ YB23-0001).",
        ["ATTENDANCE_UNKNOWN_DELEGATE"] = "Mã đại biểu \"{0}\" không có trong danh sách đại biểu của hội nghị.",
        ["ATTENDANCE_DUPLICATE"] = "Đại biểu {0} đã được điểm danh ở dòng {1}; mỗi đại biểu chỉ ghi một dòng.",
        ["ATTENDANCE_NO_STATUS"] = "Chưa ghi trạng thái của đại biểu {1}: ghi Tham dự, Dự thay hoặc Vắng.",
        ["ATTENDANCE_BAD_STATUS"] = "Trạng thái \"{0}\" của đại biểu {1} không hợp lệ: ghi Tham dự, Dự thay hoặc Vắng.",
        ["ATTENDANCE_NO_SUBSTITUTE"] = "Đại biểu {0} có trạng thái Dự thay nhưng chưa ghi người dự thay (cột \"Người dự thay\": họ tên, chức vụ).",
        ["ATTENDANCE_NOT_RECORDED"] = "Bảng điểm danh chưa có {0} đại biểu của danh sách ({1}); biên bản ghi các đại biểu này là chưa có thông tin điểm danh.",
    };
}
