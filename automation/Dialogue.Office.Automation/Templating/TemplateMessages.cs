using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Templating;

[ProblemCatalog]
internal static class TemplateMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["TEMPLATE_MISSING"] = "Không tìm thấy tệp mẫu \"{0}\" (đường dẫn đầy đủ: {1}). Để trống mục template để dùng mẫu dựng sẵn, hoặc chép tệp mẫu vào thư mục kế hoạch và ghi tên tệp.",
        ["TEMPLATE_NOT_WORD"] = "Tệp mẫu \"{0}\" không phải là văn bản Word (.docx) hợp lệ.",
        ["TEMPLATE_ND30"] = "Mẫu chưa đúng thể thức ({0}): {1} Các văn bản sinh từ mẫu sẽ mang lỗi này; hãy sửa mẫu (dialogue fix).",
        ["TEMPLATE_UNKNOWN_FIELD"] = "Trường \"{0}\" không có trong danh mục trường của mẫu (xem templates/README.md); hãy sửa tên thẻ (tag) của ô nội dung.",
        ["TEMPLATE_REQUIRED_FIELD"] = "Mẫu thiếu trường bắt buộc \"{0}\".",
        ["TEMPLATE_FIELD_PLACEMENT"] = "Trường \"{0}\" phải là ô nội dung dạng chữ hoặc đoạn văn, không đặt trên cả ô bảng hay hàng bảng.",
        ["INVITATION_NO_DELEGATES"] = "Không có đại biểu nào để lập giấy mời.",
        ["INVITATION_MISSING_VALUE"] = "Đại biểu ở dòng {0} thiếu thông tin cho trường \"{1}\" nên không lập giấy mời.",
        ["INVITATION_SIGNER_SKIPPED"] = "Đồng chí {0} là người ký giấy mời nên không lập giấy mời cho chính mình (vẫn có trong danh sách và sơ đồ chỗ ngồi).",
        ["INVITATION_UNKNOWN_SEAT"] = "Đại biểu {0} có chỗ ngồi nhưng không thuộc điểm cầu chính; chỗ ngồi bị bỏ qua.",
    };
}
