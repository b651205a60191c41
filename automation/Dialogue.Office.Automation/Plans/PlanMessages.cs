using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Plans;

[ProblemCatalog]
internal static class PlanMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["PLAN_FOLDER_MISSING"] = "Không tìm thấy thư mục kế hoạch \"{0}\".",
        ["PLAN_FILE_MISSING"] = "Thư mục \"{0}\" không có tệp plan.yaml. Dùng lệnh \"dialogue new\" để tạo kế hoạch mới.",
        ["PLAN_YAML_SYNTAX"] = "Tệp kế hoạch viết sai cú pháp YAML: {0}",
        ["PLAN_YAML_TAB"] = "Dòng này có ký tự Tab (khóa \"{0}\"); tệp YAML chỉ được thụt lề bằng dấu cách. Hãy thay Tab bằng dấu cách.",
        ["PLAN_YAML_DUPLICATE_KEY"] = "Khóa \"{0}\" được ghi hai lần (lần đầu ở dòng {1}); hãy xóa hoặc gộp một trong hai.",
        ["PLAN_YAML_ALIAS"] = "Kế hoạch không dùng bí danh YAML (\"*{0}\" tại \"{1}\"); hãy ghi thẳng giá trị thay cho bí danh.",
        ["PLAN_LIST_TOO_LONG"] = "Danh sách \"{0}\" có {1} mục, vượt giới hạn {2} mục của một kế hoạch.",
        ["PLAN_MISSING_FIELD"] = "Thiếu thông tin bắt buộc \"{0}\".",
        ["PLAN_BAD_VALUE"] = "Giá trị của \"{0}\" không hợp lệ: cần {1}.",
        ["PLAN_BAD_DATE"] = "\"{0}\" không phải là ngày có thật: \"{1}\" (ghi theo dạng 2023-04-25 hoặc 25/4/2023).",
        ["PLAN_BAD_TIME"] = "\"{0}\" không phải là giờ hợp lệ: \"{1}\" (ghi theo dạng 07:30).",
        ["PLAN_BAD_NUMBER"] = "\"{0}\" phải là số nguyên từ {2} đến {3}: \"{1}\".",
        ["PLAN_BAD_CODE"] = "Mã hội nghị \"{0}\" chỉ gồm 2–12 chữ cái không dấu hoặc chữ số.",
        ["PLAN_UNKNOWN_KEY"] = "Khóa \"{0}\" không có trong mẫu kế hoạch nên bị bỏ qua (có thể gõ nhầm).",
        ["PLAN_DUPLICATE_ID"] = "Mã \"{0}\" bị trùng.",
        ["PLAN_UNKNOWN_VENUE"] = "Điểm cầu \"{0}\" không có trong kế hoạch (các điểm cầu: {1}).",
        ["PLAN_UNKNOWN_DEADLINE"] = "Thời hạn \"{0}\" không có trong mục deadlines của kế hoạch.",
        ["PLAN_DATE_ORDER"] = "Ngày không hợp lý: \"{0}\" ({1}) sau {2} ({3}).",
        ["PLAN_BAD_DOC_NUMBER"] = "Số, ký hiệu văn bản \"{0}\" không đúng dạng, ví dụ đúng: \"{1}\" (Nghị định 30/2020, Phụ lục I).",
        ["PLAN_DOC_NUMBER_ZERO"] = "Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước: \"{0}\" (Nghị định 30/2020, Phụ lục I).",
        ["PLAN_DOC_TYPE"] = "Ký hiệu \"{0}\" không mang chữ viết tắt tên loại \"{1}\" (Nghị định 30/2020, Phụ lục III).",
        ["PLAN_BAD_URL"] = "Đường dẫn tài liệu \"{0}\" không phải là địa chỉ http(s) hợp lệ.",
        ["PLAN_LAYOUT_MISMATCH"] = "Sơ đồ hội trường: các khối ghế ({0}) không cộng đủ số ghế mỗi hàng ({1}).",
        ["PLAN_SIGNER_AUTHORITY"] = "Dòng thẩm quyền ký \"{0}\" nên bắt đầu bằng TM., KT., Q., TL. hoặc TUQ. (Nghị định 30/2020, Phụ lục I).",
        ["PLAN_NO_DIALOGUE_ITEM"] = "Chương trình chưa có mục nào đánh dấu là phần đối thoại (dialogue: true).",
        ["PLAN_SCAFFOLD_EXISTS"] = "Đã có tệp kế hoạch \"{0}\"; lệnh \"dialogue new\" không ghi đè. Hãy chọn thư mục khác hoặc sửa trực tiếp tệp này.",
        ["DELEGATES_FILE_MISSING"] = "Không tìm thấy danh sách đại biểu \"{0}\" (đường dẫn đầy đủ: {1}).",
        ["DELEGATES_FILE_TYPE"] = "Danh sách đại biểu phải là tệp .xlsx hoặc .csv: \"{0}\".",
        ["DELEGATES_FILE_UNREADABLE"] = "Không đọc được danh sách đại biểu \"{0}\" (tệp hỏng hoặc không phải tệp Excel).",
        ["DELEGATES_NO_HEADER"] = "Không tìm thấy dòng tiêu đề (Họ và tên, Cơ quan, đơn vị…) trong danh sách đại biểu.",
        ["DELEGATES_MISSING_COLUMN"] = "Danh sách đại biểu thiếu cột \"{0}\".",
        ["DELEGATES_EMPTY"] = "Danh sách đại biểu chưa có đại biểu nào.",
        ["DELEGATE_NO_ADDRESSEE"] = "Dòng {0} không có họ tên, cơ quan hay dòng \"Kính gửi\": không thể lập giấy mời.",
        ["DELEGATE_BAD_CODE"] = "Mã đại biểu \"{0}\" chỉ được gồm chữ không dấu, chữ số và dấu gạch ngang.",
        ["DELEGATE_DUPLICATE_CODE"] = "Mã đại biểu \"{0}\" đã dùng ở dòng {1}.",
        ["DELEGATE_UNKNOWN_VENUE"] = "Điểm cầu \"{0}\" không có trong kế hoạch (các điểm cầu: {1}).",
        ["DELEGATE_BAD_EMAIL"] = "\"{0}\" không phải là địa chỉ thư điện tử hợp lệ.",
        ["DELEGATE_UNKNOWN_GROUP"] = "Nhóm \"{0}\" không rõ; tạm xếp vào nhóm \"Sở, ngành\".",
        ["DELEGATE_BAD_RANK"] = "Thứ bậc \"{0}\" không phải là số; đại biểu được xếp cuối nhóm.",
        ["DELEGATE_DUPLICATE"] = "Đại biểu bị trùng với dòng {0}.",
    };
}
