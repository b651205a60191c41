using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Conclusions;

[ProblemCatalog]
internal static class ConclusionsMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["CONCLUSIONS_UNREADABLE"] = "Không đọc được tệp kết luận {0} (tệp hỏng, không phải .xlsx hoặc không có trang tính).",
        ["CONCLUSIONS_COLUMNS"] = "Không tìm thấy dòng tiêu đề có đủ các cột bắt buộc ({0}).",
        ["CONCLUSIONS_EMPTY"] = "Trang kết luận chưa có nhiệm vụ nào.",
        ["CONCLUSIONS_CONTENT_EMPTY"] = "Dòng này chưa có nội dung kết luận, nhiệm vụ; dòng không được đưa vào thông báo.",
        ["CONCLUSIONS_NO_BODY"] = "Dòng này chưa ghi cơ quan chủ trì thực hiện; dòng không được đưa vào thông báo.",
        ["CONCLUSIONS_DEADLINE_INVALID"] = "Hạn hoàn thành \"{0}\" không phải là ngày (ghi theo dạng 30/6/2023); dòng không được đưa vào thông báo.",
        ["CONCLUSIONS_DEADLINE_BEFORE_CONFERENCE"] = "Hạn hoàn thành {0} sớm hơn ngày tổ chức Hội nghị ({1}); dòng không được đưa vào thông báo.",
        ["CONCLUSIONS_DUPLICATE_ID"] = "Mã kết luận \"{0}\" đã dùng ở dòng {1}; dòng sau không được đưa vào thông báo.",
        ["CONCLUSIONS_TOPIC_UNKNOWN"] = "Nhóm vấn đề \"{0}\" không có trong kế hoạch; nhiệm vụ được ghi ở mục các nội dung khác.",
        ["CONCLUSIONS_QUESTION_UNKNOWN"] = "Mã câu hỏi \"{0}\" không có trong tệp tổng hợp câu hỏi.",
        ["CONCLUSIONS_STATUS_UNKNOWN"] = "Tình trạng \"{0}\" không thuộc các giá trị: Chưa thực hiện, Đang thực hiện, Hoàn thành; tạm coi là chưa thực hiện.",
        ["CONCLUSIONS_REPLY_DATE_INVALID"] = "Ngày văn bản trả lời \"{0}\" không phải là ngày; nhiệm vụ chưa được tính là hoàn thành.",
        ["CONCLUSIONS_DONE_NO_REPLY"] = "Nhiệm vụ {0} ghi \"Hoàn thành\" nhưng chưa có số, ngày văn bản trả lời; vẫn theo dõi như đang thực hiện.",
        ["CONCLUSIONS_NO_NOTICE_SHEET"] = "Tệp kết luận không có trang \"{0}\": số thông báo để trống, ngày lấy theo ngày Hội nghị, người ký để văn thư điền.",
        ["CONCLUSIONS_NOTICE_DATE_INVALID"] = "Ngày thông báo \"{0}\" không phải là ngày; tạm lấy ngày tổ chức Hội nghị.",
    };
}
