using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>Vietnamese text of the attendance problems ({0}, {1}… = Args).</summary>
[ProblemCatalog]
internal static class AttendanceMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["ATTENDANCE_BAD_BASE_URL"] = "Địa chỉ trang xác nhận của đại biểu \"{0}\" không hợp lệ (ví dụ đúng: https://hoinghi.yenbai.gov.vn, không có dấu ? hoặc #).",
        ["ATTENDANCE_NO_SECRET"] = "Đã bật trang xác nhận của đại biểu nhưng chưa có khóa bí mật cho hội nghị {0}: chạy \"dialogue attendance rotate <thư mục kế hoạch>\" để tạo khóa, hoặc đặt biến môi trường DIALOGUE_Attendance__Secret (chuỗi base64 dài ít nhất 32 byte). Khóa không được để trong thư mục kế hoạch.",
        ["ATTENDANCE_REGISTER_UNREADABLE"] = "Không đọc được sổ điểm danh \"{0}\": {1}.",
    };
}
