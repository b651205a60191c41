using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Questions;

/// <summary>Vietnamese text of the question-consolidation problem codes ({0}, {1}… = Args).</summary>
[ProblemCatalog]
internal static class QuestionMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["QUESTIONS_INPUT_MISSING"] = "Không tìm thấy tệp hoặc thư mục \"{0}\".",
        ["QUESTIONS_NO_INPUT"] = "Không có tệp phiếu câu hỏi nào (.xlsx, .xlsm, .csv) trong các đường dẫn đã chọn.",
        ["QUESTIONS_OUTPUT_FAILED"] = "Không ghi được tệp kết quả \"{0}\" (tệp đang mở trong Excel hoặc không có quyền ghi).",
        ["QUESTIONS_FILE_CORRUPT"] = "Tệp bị hỏng hoặc tải về chưa hết nên không mở được. Đề nghị đơn vị gửi lại tệp.",
        ["QUESTIONS_FILE_ZIP_BOMB"] = "Tệp có dung lượng khi giải nén lớn bất thường (nghi tệp độc hại) nên không được mở.",
        ["QUESTIONS_FILE_ENCRYPTED"] = "Tệp được đặt mật khẩu nên không đọc được. Đề nghị đơn vị gỡ mật khẩu (File › Info › Protect Workbook) rồi gửi lại.",
        ["QUESTIONS_FILE_XLS"] = "Tệp Excel 97-2003 (.xls) không được nhận. Mở tệp bằng Excel, chọn File › Save As › Excel Workbook (*.xlsx) rồi gửi lại, hoặc dùng phiếu mẫu .xlsx.",
        ["QUESTIONS_FILE_WORD"] = "Đây là tệp Word (hoặc PowerPoint) bị đổi đuôi thành \"{0}\", không phải phiếu Excel. Đề nghị đơn vị nhập câu hỏi vào phiếu mẫu .xlsx.",
        ["QUESTIONS_FILE_NOT_SPREADSHEET"] = "Tệp \"{0}\" không phải bảng tính Excel (.xlsx) hay CSV nên không đọc được.",
        ["QUESTIONS_FILE_TOO_MANY_ROWS"] = "Trang tính có hơn {0} dòng, vượt quá giới hạn của một phiếu câu hỏi; tệp không được đọc để tránh treo máy. Đề nghị kiểm tra lại tệp.",
        ["QUESTIONS_FILE_TOO_LARGE"] = "Trang tính quá lớn ({0} khi giải nén, giới hạn {1}): quá nhiều dòng hoặc nội dung so với một phiếu câu hỏi, nên tệp không được đọc để tránh treo máy (tệp không có dấu hiệu độc hại). Đề nghị kiểm tra lại tệp, xóa các dòng thừa hoặc tách thành nhiều tệp.",
        ["QUESTIONS_FILE_CSV_ENCODING"] = "Tệp CSV không lưu theo bảng mã UTF-8 nên chữ tiếng Việt bị lỗi. Trong Excel chọn Save As › CSV UTF-8 rồi gửi lại.",
        ["QUESTIONS_FILE_NO_TABLE"] = "Không tìm thấy bảng câu hỏi: trong 25 dòng đầu của các trang không có dòng tiêu đề chứa cột \"Nội dung câu hỏi, ý kiến, kiến nghị\".",
        ["QUESTIONS_FILE_UNREADABLE"] = "Không đọc được tệp do lỗi không mong muốn; tệp được bỏ qua, các tệp khác vẫn được tổng hợp.",
        ["QUESTIONS_SHEET_SKIPPED"] = "Trang \"{0}\" không có bảng câu hỏi nên không lấy.",
        ["QUESTIONS_SHEET_OF_CONSOLIDATED"] = "Tệp là bản tổng hợp của cấp dưới: chỉ lấy trang \"{1}\" (giữ nguyên mã câu hỏi và nguồn gốc), {0} trang phụ (theo nhóm, thống kê…) không lấy lại để tránh đếm trùng.",
        ["QUESTIONS_ROW_NO_CONTENT"] = "Dòng có thông tin nhưng không có nội dung câu hỏi, ý kiến, kiến nghị.",
        ["QUESTIONS_ROW_DUPLICATE_ID"] = "Câu hỏi mã {0} đã được lấy từ {1}; dòng này không tính lại để tránh đếm trùng.",
        ["QUESTIONS_CELL_FORMULA_TEXT"] = "Ô là công thức chưa có giá trị (Excel coi chữ bắt đầu bằng \"=\" là công thức); giữ nguyên dạng chữ \"{0}\", không tính, cần xem lại.",
        ["QUESTIONS_ROW_TOTAL"] = "Dòng tổng cộng, không phải câu hỏi (bỏ qua).",
        ["QUESTIONS_ROW_FOOTER"] = "Phần ký tên, nơi nhận dưới bảng, không phải câu hỏi (bỏ qua).",
        ["QUESTIONS_ROW_COLUMN_NUMBERS"] = "Dòng đánh số cột (1), (2)…, không phải câu hỏi (bỏ qua).",
        ["QUESTIONS_ROW_HEADER_REPEAT"] = "Dòng tiêu đề lặp lại, không phải câu hỏi (bỏ qua).",
        ["QUESTIONS_TOPIC_SUGGESTED"] = "Nhóm vấn đề \"{0}\" trống hoặc không hợp lệ; máy gợi ý nhóm {1} theo từ khóa \"{2}\". Cần xem lại.",
        ["QUESTIONS_TOPIC_UNKNOWN"] = "Nhóm vấn đề \"{0}\" trống hoặc không hợp lệ và không gợi ý được; xếp vào \"Chưa phân nhóm\", cần phân loại.",
        ["QUESTIONS_UNIT_UNKNOWN"] = "Không xác định được tệp của đơn vị nào trong kế hoạch (tiêu đề: \"{0}\").",
        ["QUESTIONS_UNIT_MISSING"] = "{0} chưa gửi phiếu câu hỏi (hạn {1}).",
        ["QUESTIONS_UNIT_LATE"] = "{0} gửi muộn {1} ngày (nhận ngày {2}, hạn {3}).",
        ["QUESTIONS_RECEIVED_BAD_LINE"] = "Dòng sổ nhận phiếu không đọc được: \"{0}\" (cần dạng: tên tệp;ngày nhận, ví dụ van-yen.xlsx;08/04/2023).",
        ["QUESTIONS_ANSWER_CONFLICT"] = "Câu hỏi {0} có hai câu trả lời khác nhau: trong {1} và trong {2}. Giữ câu trả lời thứ nhất, cần thống nhất lại.",
        ["QUESTIONS_ANSWER_UNKNOWN_ID"] = "Mã câu hỏi {0} không có trong bản tổng hợp; câu trả lời không được ghép.",
        ["QUESTIONS_ANSWER_NO_TABLE"] = "Tệp trả lời không có cột \"Mã câu hỏi\" và \"Nội dung trả lời\".",
        ["QUESTIONS_MASTER_INVALID"] = "Tệp \"{0}\" không phải bản tổng hợp câu hỏi do phần mềm lập (thiếu trang Tổng hợp có cột Mã câu hỏi).",
    };
}
