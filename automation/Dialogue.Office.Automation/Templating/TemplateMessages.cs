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
        ["TEMPLATE_UNKNOWN_MERGEFIELD"] = "Trường trộn thư MERGEFIELD \"{0}\" không trùng tên cột nào của danh sách đại biểu và không có trong danh mục trường (templates/README.md).{1} Các cột của danh sách: {2}. Hãy sửa tên trường trong Word (Mailings › Insert Merge Field) hoặc đổi tên cột cho khớp.",
        ["TEMPLATE_UNSUPPORTED_FIELD"] = "Mẫu có trường {0} của Word (\"{1}\"), trường này không dùng được khi lập giấy mời: mỗi đại biểu đã có một giấy mời riêng, không có hộp hỏi hay chuyển bản ghi. Hãy xóa trường này khỏi mẫu.",
        ["TEMPLATE_FIELD_UNREADABLE"] = "Không đọc được trường {0} (\"{1}\"). Trường IF cần có dạng: IF «trường» = \"Nam\" \"Ông\" \"Bà\"; trường MERGEFIELD cần có tên trường.",
        ["TEMPLATE_FIELD_UNCLOSED"] = "Trường \"{0}\" bắt đầu ở đoạn \"{1}\" nhưng không kết thúc trong đoạn đó; hãy đặt cả trường trong một đoạn văn.",
        ["TEMPLATE_QR_PLACED"] = "Mẫu không có chỗ cho mã QR (trường MaQR, dấu trang hay ảnh tên \"MaQR\"), nên mã QR được đặt {0}. Muốn đặt chỗ khác: chèn một dấu trang (Insert › Bookmark) tên MaQR, hoặc một ảnh có tên/văn bản thay thế \"MaQR\" vào đúng chỗ trong mẫu.",
        ["TEMPLATE_HEADER_PER_DELEGATE"] = "{0} có trường riêng của từng đại biểu ({1}): mỗi giấy mời vẫn đúng, nhưng trong tệp in gộp các trường này để trống.",
        ["TEMPLATE_REQUIRED_FIELD"] = "Mẫu thiếu trường bắt buộc \"{0}\".",
        ["TEMPLATE_FIELD_PLACEMENT"] = "Trường \"{0}\" phải là ô nội dung dạng chữ hoặc đoạn văn, không đặt trên cả ô bảng hay hàng bảng.",
        ["INVITATION_NO_DELEGATES"] = "Không có đại biểu nào để lập giấy mời.",
        ["INVITATION_MISSING_VALUE"] = "Đại biểu ở dòng {0} thiếu thông tin cho trường \"{1}\" nên không lập giấy mời.",
        ["INVITATION_SIGNER_SKIPPED"] = "Đồng chí {0} là người ký giấy mời nên không lập giấy mời cho chính mình (vẫn có trong danh sách và sơ đồ chỗ ngồi).",
        ["INVITATION_UNKNOWN_SEAT"] = "Đại biểu {0} có chỗ ngồi nhưng không thuộc điểm cầu chính; chỗ ngồi bị bỏ qua.",
    };
}
