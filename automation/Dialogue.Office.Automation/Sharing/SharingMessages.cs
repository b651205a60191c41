using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>Vietnamese text of the publishing problems ({0}, {1}… = Args).</summary>
[ProblemCatalog]
internal static class SharingMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["SHARING_SOURCE_MISSING"] = "Không tìm thấy thư mục tài liệu cần công bố \"{0}\".",
        ["SHARING_SOURCE_UNREADABLE"] = "Không đọc được tệp \"{0}\" trên máy (đang được chương trình khác mở hoặc không có quyền đọc); tệp này chưa được công bố.",
        ["SHARING_SOURCE_EMPTY"] = "Thư mục \"{0}\" không có tệp nào để công bố.",
        ["SHARING_LIST_FAILED"] = "Không tạo được danh sách \"{0}\" trên trang SharePoint; kiểm tra quyền ghi của ứng dụng trên trang (Sites.Selected, quyền write).",
        ["SHARING_BAD_SITE_URL"] = "Địa chỉ trang SharePoint \"{0}\" không hợp lệ (ví dụ đúng: https://tenant.sharepoint.com/sites/VanPhong).",
        ["SHARING_AUTH_CONFIG"] = "Thiếu hoặc sai thiết lập đăng nhập Microsoft 365: \"{0}\". Xem mục cấu hình trong hướng dẫn công bố tài liệu.",
        ["SHARING_NAME_MAPPED"] = "Tên \"{0}\" có ký tự hoặc dạng tên SharePoint không cho phép; tệp được công bố với tên \"{1}\".",
        ["SHARING_PATH_TOO_LONG"] = "Đường dẫn \"{0}\" dài {1} ký tự, vượt giới hạn 400 ký tự của SharePoint; hãy rút ngắn tên thư mục hoặc tên tệp.",
        ["SHARING_SKIPPED_TEMP"] = "Bỏ qua tệp tạm của Word/Excel \"{0}\" (tệp khóa khi đang mở tài liệu).",
        ["SHARING_MANIFEST_UNREADABLE"] = "Không đọc được sổ ghi công bố \"{0}\"; lần này mọi tệp được đối chiếu lại từ đầu.",
        ["SHARING_EDITORS_NO_WORKBOOK"] = "Có danh sách người được sửa nhưng không tìm thấy bảng tổng hợp câu hỏi (.xlsx) để mời.",
        ["SHARING_LOCAL_NO_INVITE"] = "Thư mục chia sẻ cục bộ không phân quyền theo người dùng; bỏ qua việc mời {0} người sửa bảng tổng hợp.",
        ["SHARING_PDF_LOCAL"] = "Chỉ SharePoint mới tạo được bản PDF cho điện thoại; thư mục chia sẻ cục bộ bỏ qua bước này.",
        ["SHARING_SITE_NOT_FOUND"] = "Không tìm thấy trang SharePoint \"{0}\" hoặc ứng dụng chưa được cấp quyền vào trang này.",
        ["SHARING_LIBRARY_NOT_FOUND"] = "Trang SharePoint không có thư viện tài liệu \"{0}\" (các thư viện hiện có: {1}).",
        ["SHARING_AUTH_FAILED"] = "Microsoft 365 từ chối phiên đăng nhập (mã truy cập hết hạn hoặc không hợp lệ); hãy đăng nhập lại rồi chạy lại lệnh.",
        ["SHARING_SIGN_IN_FAILED"] = "Không đăng nhập được Microsoft 365; kiểm tra mạng, mã ứng dụng (ClientId), thư mục (TenantId) và bí mật hoặc chứng chỉ đã cấu hình.",
        ["SHARING_ACCESS_DENIED"] = "Không có quyền thực hiện thao tác trên \"{0}\"; quản trị viên cần cấp quyền ghi cho ứng dụng trên trang này.",
        ["SHARING_NAME_CONFLICT"] = "Tệp \"{0}\" trùng tên với một mục đã có trên SharePoint (có thể là thư mục cùng tên); tệp chưa được tải lên.",
        ["SHARING_FOLDER_NAME_CONFLICT"] = "Không tạo được thư mục \"{0}\" trên SharePoint vì ở đó đã có một tệp cùng tên; hãy đổi tên hoặc chuyển tệp đó rồi chạy lại lệnh (chưa tệp nào trong thư mục này được tải lên).",
        ["SHARING_FILE_LOCKED"] = "Tệp \"{0}\" đang được người khác mở hoặc khóa trên SharePoint; hãy đóng tệp rồi chạy lại lệnh (các tệp khác không bị ảnh hưởng).",
        ["SHARING_QUOTA"] = "Thư viện SharePoint đã hết dung lượng nên không tải được \"{0}\"; liên hệ quản trị viên để tăng dung lượng.",
        ["SHARING_THROTTLED"] = "SharePoint yêu cầu giảm tốc độ và vẫn từ chối sau nhiều lần thử khi xử lý \"{0}\"; hãy chạy lại lệnh sau ít phút (các tệp đã xong không phải tải lại).",
        ["SHARING_NETWORK"] = "Mất kết nối mạng khi xử lý \"{0}\"; hãy chạy lại lệnh, phần đã tải lên được giữ và tải tiếp.",
        ["SHARING_UPLOAD_EXPIRED"] = "Việc tải lên tệp \"{0}\" bị gián đoạn và phiên tải lên trên SharePoint đã hết hạn hai lần; hãy kiểm tra mạng rồi chạy lại lệnh (các tệp đã xong không phải tải lại).",
        ["SHARING_SERVICE_ERROR"] = "SharePoint báo lỗi khi xử lý \"{0}\" (mã {1} {2}).",
        ["SHARING_ANONYMOUS_REFUSED"] = "Chính sách của đơn vị không cho phép liên kết công khai (ai có liên kết cũng xem được); đã tạo liên kết trong nội bộ đơn vị thay thế cho \"{0}\".",
        ["SHARING_OLD_LINK_REMOVED"] = "Đã gỡ liên kết chia sẻ cũ tới cả thư mục hội nghị ({0}): từ nay mã QR chỉ mở thư mục của đại biểu. Giấy mời đã in với liên kết cũ cần in lại.",
        ["SHARING_STALE_NOT_REMOVED"] = "Không gỡ được bản cũ \"{0}\" (không còn trong hồ sơ) khỏi nơi chia sẻ (mã {1}); hãy xóa tay.",
        ["SHARING_NO_LEADERS"] = "Chưa có ai để mời vào thư mục của lãnh đạo \"{0}\": đánh dấu cột \"Chủ trì\" và ghi Email của lãnh đạo trong danh sách đại biểu, hoặc ghi audiences.leaders trong kế hoạch.",
        ["SHARING_NO_SECRETARIAT"] = "Chưa có ai để mời vào thư mục của Tổ thư ký \"{0}\": ghi địa chỉ nhóm hoặc người trong audiences.secretariat của kế hoạch. Thư mục này không bao giờ chia sẻ bằng liên kết.",
        ["SHARING_INVITE_FAILED"] = "Không mời được \"{0}\" sửa \"{1}\" (mã {2}).",
        ["SHARING_PDF_FAILED"] = "Không tạo được bản PDF của \"{0}\" (mã {1}).",
        ["SHARING_LINK_FAILED"] = "Không tạo được liên kết chia sẻ cho \"{0}\" (mã {1}).",
        ["SHARING_REMOTE_OVERWRITTEN"] = "Tệp \"{0}\" có thể đã được sửa trực tiếp trên SharePoint sau lần công bố trước; bản mới trên máy đã được ghi đè lên (bản trên SharePoint vẫn còn trong Lịch sử phiên bản).",
        ["SHARING_FOLDER_NOT_FOUND"] = "Không tìm thấy thư mục \"{0}\" hoặc tài khoản hiện tại không có quyền mở thư mục này.",
        ["SHARING_FOLDER_ACCESS_DENIED"] = "Tài khoản đang đăng nhập không có quyền mở thư mục \"{0}\" trên SharePoint; hãy nhờ người chia sẻ thư mục cấp quyền xem cho tài khoản này rồi thử lại.",
        ["SHARING_FOLDER_BAD_NAME"] = "Tên thư mục \"{0}\" không hợp lệ: chỉ ghi tên một thư mục trong thư mục chia sẻ, không có dấu \"/\", \"\\\" hay \"..\".",
        ["SHARING_FOLDER_BAD_LINK"] = "\"{0}\" không phải liên kết thư mục SharePoint hợp lệ (liên kết phải bắt đầu bằng https://).",
        ["SHARING_FOLDER_NO_SHEETS"] = "Thư mục \"{0}\" không có phiếu câu hỏi nào (tệp .xlsx, .xlsm, .xls hoặc .csv).",
        ["SHARING_FOLDER_TOO_MANY_FILES"] = "Thư mục có {0} phiếu, vượt giới hạn {1} tệp mỗi lần tổng hợp; hãy chia thành các thư mục nhỏ hơn.",
        ["SHARING_FOLDER_FILE_TOO_LARGE"] = "Tệp \"{0}\" lớn hơn giới hạn {1} MB cho mỗi tệp; hãy kiểm tra lại tệp này hoặc chuyển nó ra khỏi thư mục.",
        ["SHARING_FOLDER_TOO_LARGE"] = "Các phiếu trong thư mục có tổng dung lượng khoảng {0} MB, vượt giới hạn {1} MB mỗi lần tổng hợp; hãy chia thành các thư mục nhỏ hơn.",
        ["SHARING_LOCAL_WRITE"] = "Không ghi được \"{0}\" vào thư mục chia sẻ cục bộ (ổ đĩa đầy hoặc không có quyền ghi).",
    };

    private static readonly HashSet<string> ServiceCodes =
    [
        "SHARING_SITE_NOT_FOUND", "SHARING_LIBRARY_NOT_FOUND", "SHARING_AUTH_FAILED", "SHARING_SIGN_IN_FAILED",
        "SHARING_ACCESS_DENIED", "SHARING_FOLDER_ACCESS_DENIED", "SHARING_NAME_CONFLICT", "SHARING_FOLDER_NAME_CONFLICT", "SHARING_FILE_LOCKED", "SHARING_QUOTA", "SHARING_THROTTLED",
        "SHARING_NETWORK", "SHARING_UPLOAD_EXPIRED", "SHARING_SERVICE_ERROR", "SHARING_LINK_FAILED", "SHARING_LOCAL_WRITE",
    ];

    /// <summary>True for codes that mean the service, the network or the share failed (not the input).</summary>
    public static bool IsServiceCode(string code) => ServiceCodes.Contains(code);
}
