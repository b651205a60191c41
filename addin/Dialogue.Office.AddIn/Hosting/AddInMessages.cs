using System.Globalization;
using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// Vietnamese titles and details of the host's own problem codes (HTTP-level: uploads, auth, ids). Problems from the
/// core keep their own catalog (<see cref="ProblemMessages"/>).
/// </summary>
public static class AddInMessages
{
    /// <summary>Code → (title, detail with {0}… placeholders).</summary>
    public static readonly IReadOnlyDictionary<string, (string Title, string Detail)> Vietnamese = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["UPLOAD_TOO_LARGE"] = ("Tệp tải lên quá lớn", "Dung lượng gửi lên vượt quá giới hạn {0} MB. Hãy chọn tệp nhỏ hơn hoặc chia thành nhiều lần."),
        ["UPLOAD_MISSING"] = ("Chưa có tệp", "Chưa chọn tệp nào để gửi lên."),
        ["UPLOAD_NOT_DOCX"] = ("Tệp không phải văn bản Word", "Tệp \"{0}\" không phải văn bản Word (.docx) đọc được. Hãy lưu văn bản dưới dạng .docx rồi thử lại."),
        ["UPLOAD_NOT_XLSX"] = ("Tệp không phải bảng tính Excel", "Tệp \"{0}\" không phải bảng tính Excel (.xlsx) đọc được. Hãy lưu bảng tính dưới dạng .xlsx rồi thử lại."),
        ["UPLOAD_BAD_FORM"] = ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không đúng dạng biểu mẫu tải tệp."),
        ["PLAN_NOT_FOUND"] = ("Không tìm thấy hội nghị", "Không có hội nghị với mã \"{0}\" trong thư mục dữ liệu."),
        ["PLAN_HAS_ERRORS"] = ("Kế hoạch hội nghị còn lỗi", "Kế hoạch \"{0}\" còn lỗi; hãy sửa các lỗi được liệt kê rồi thử lại."),
        ["DELEGATE_NOT_FOUND"] = ("Không tìm thấy đại biểu", "Không có đại biểu mã \"{0}\" trong danh sách đại biểu của hội nghị."),
        ["JOB_NOT_FOUND"] = ("Không tìm thấy lượt tạo", "Lượt tạo tài liệu này không còn hoặc không thuộc về người dùng hiện tại."),
        ["JOB_NOT_FINISHED"] = ("Chưa tạo xong", "Tài liệu đang được tạo; hãy chờ hoàn tất rồi tải về."),
        ["JOB_FAILED"] = ("Không hoàn thành", "Việc xử lý không hoàn thành; xem danh sách lỗi bên dưới."),
        ["UPLOAD_NOT_QUESTION_FILE"] = ("Tệp không phải phiếu câu hỏi", "Tệp \"{0}\" không phải phiếu câu hỏi: chỉ nhận bảng tính Excel (.xlsx, .xlsm, .xls) hoặc tệp .csv."),
        ["UPLOAD_TOO_MANY_FILES"] = ("Quá nhiều tệp", "Mỗi lần gửi tối đa {0} tệp."),
        ["PROGRAMME_FAILED"] = ("Không tạo được văn bản", "Không tạo được văn bản từ kế hoạch; xem danh sách lỗi bên dưới."),
        ["CHECK_FAILED"] = ("Không kiểm tra được văn bản", "Không đọc được văn bản để kiểm tra thể thức; xem danh sách lỗi bên dưới."),
        ["PUBLISH_NO_SITE"] = ("Kế hoạch chưa khai báo trang SharePoint", "Máy chủ đang dùng Microsoft 365 nhưng kế hoạch \"{0}\" chưa khai báo trang SharePoint (mục sharing: siteUrl) nên không công bố được. Hãy bổ sung trang SharePoint vào kế hoạch rồi công bố lại."),
        ["PUBLISH_NOTHING"] = ("Chưa có gì để công bố", "Lượt tạo này chưa có tệp kết quả để công bố."),
        ["UPLOAD_NOT_YAML"] = ("Tệp không phải tệp định mức", "Tệp \"{0}\" không phải tệp định mức dự toán: chỉ nhận tệp văn bản .yaml (mã UTF-8), như du-toan.yaml của hội nghị."),
        ["CONCLUSIONS_MISSING"] = ("Chưa có tệp kết luận", "Hãy chọn tệp kết luận (.xlsx, trang \"Kết luận\"): thư mục hội nghị không có ket-luan.xlsx."),
        ["REPORT_DATE_INVALID"] = ("Ngày ghi trên văn bản không hợp lệ", "\"{0}\" không phải là ngày; hãy ghi theo dạng 15/4/2023 hoặc 2023-04-15, hoặc để trống để dùng ngày trong kế hoạch."),
        ["REPORT_DEADLINE_UNKNOWN"] = ("Không có thời hạn báo cáo này", "Kế hoạch hội nghị không có thời hạn \"{0}\"; hãy chọn một báo cáo trong danh sách."),
        ["REPORT_DEADLINE_MISSING"] = ("Kế hoạch chưa có thời hạn báo cáo", "Kế hoạch hội nghị không có thời hạn gửi báo cáo cho cơ quan ban hành kế hoạch; hãy chọn báo cáo theo một thời hạn trong danh sách."),
        ["AS_OF_INVALID"] = ("Ngày tính không hợp lệ", "\"{0}\" không phải là ngày; hãy ghi theo dạng 15/7/2023 hoặc 2023-07-15."),
        ["BUDGET_SETTINGS_MISSING"] = ("Chưa có tệp định mức", "Hãy chọn tệp định mức dự toán (.yaml): thư mục hội nghị không có du-toan.yaml."),
        ["INVITATIONS_FAILED"] = ("Không tạo được giấy mời", "Không tạo được giấy mời; xem danh sách lỗi bên dưới."),
        ["AUTH_TOKEN_MISSING"] = ("Chưa đăng nhập", "Máy chủ yêu cầu đăng nhập bằng tài khoản Microsoft 365 của cơ quan."),
        ["AUTH_TOKEN_INVALID"] = ("Đăng nhập không hợp lệ", "Thông tin đăng nhập không hợp lệ hoặc không dành cho ứng dụng này. Hãy đăng nhập lại."),
        ["AUTH_TOKEN_EXPIRED"] = ("Phiên đăng nhập đã hết hạn", "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại."),
        ["AUTH_FORBIDDEN"] = ("Không có quyền", "Tài khoản hiện tại không có quyền thực hiện thao tác này."),
        ["GRAPH_FAILED"] = ("Không đọc được tệp trên SharePoint", "Không tải được văn bản từ SharePoint/OneDrive. Hãy kiểm tra quyền truy cập tệp rồi thử lại."),
        ["FOLDER_MISSING"] = ("Chưa chọn thư mục", "Hãy dán liên kết thư mục SharePoint hoặc chọn một thư mục chia sẻ."),
        ["FOLDER_NEEDS_LINK"] = ("Cần liên kết thư mục", "Kế hoạch hội nghị chưa khai báo trang SharePoint: hãy dán liên kết chia sẻ của thư mục (bắt đầu bằng https://)."),
        ["SHARING_FOLDER_NOT_FOUND"] = ("Không tìm thấy thư mục", "Không tìm thấy thư mục \"{0}\"."),
        ["SHARING_FOLDER_BAD_NAME"] = ("Tên thư mục không hợp lệ", "Tên thư mục \"{0}\" không hợp lệ."),
        ["SHARING_FOLDER_BAD_LINK"] = ("Liên kết không hợp lệ", "\"{0}\" không phải liên kết thư mục SharePoint hợp lệ."),
        ["SHARING_FOLDER_NO_SHEETS"] = ("Thư mục không có phiếu", "Thư mục \"{0}\" không có phiếu câu hỏi nào."),
        ["SHARING_FOLDER_TOO_MANY_FILES"] = ("Quá nhiều tệp", "Thư mục có {0} phiếu, vượt giới hạn {1} tệp mỗi lần tổng hợp."),
        ["SHARING_FOLDER_FILE_TOO_LARGE"] = ("Tệp quá lớn", "Tệp \"{0}\" lớn hơn giới hạn {1} MB."),
        ["SHARING_FOLDER_TOO_LARGE"] = ("Thư mục quá lớn", "Các phiếu trong thư mục vượt giới hạn {1} MB mỗi lần tổng hợp."),
        ["SHARING_SITE_NOT_FOUND"] = ("Không tìm thấy trang SharePoint", "Không tìm thấy trang SharePoint \"{0}\"."),
        ["SHARING_LIBRARY_NOT_FOUND"] = ("Không tìm thấy thư viện tài liệu", "Trang SharePoint không có thư viện tài liệu \"{0}\"."),
        ["SHARING_BAD_SITE_URL"] = ("Địa chỉ SharePoint không hợp lệ", "Địa chỉ trang SharePoint \"{0}\" không hợp lệ."),
        ["SHARING_AUTH_FAILED"] = ("Phiên đăng nhập không dùng được", "Microsoft 365 từ chối phiên đăng nhập; hãy đăng nhập lại."),
        ["SHARING_SIGN_IN_FAILED"] = ("Không đăng nhập được Microsoft 365", "Máy chủ không đổi được phiên đăng nhập để đọc SharePoint; báo cho quản trị hệ thống."),
        ["SHARING_ACCESS_DENIED"] = ("Không có quyền", "Tài khoản hiện tại không có quyền mở thư mục này."),
        ["SHARING_THROTTLED"] = ("SharePoint đang bận", "SharePoint yêu cầu giảm tốc độ; hãy thử lại sau ít phút."),
        ["SHARING_NETWORK"] = ("Mất kết nối", "Mất kết nối tới SharePoint; hãy thử lại."),
        ["SHARING_SERVICE_ERROR"] = ("SharePoint báo lỗi", "SharePoint báo lỗi khi đọc thư mục; hãy thử lại."),
        ["SERVER_BUSY"] = ("Máy chủ đang bận", "Máy chủ đang xử lý nhiều yêu cầu cùng lúc. Hãy thử lại sau {0} giây."),
        ["JOBS_BUSY"] = ("Đang có nhiều việc chờ xử lý", "Đã có quá nhiều việc đang chạy hoặc đang chờ. Hãy thử lại sau {0} giây."),
        ["CROSS_SITE_REFUSED"] = ("Yêu cầu bị từ chối", "Yêu cầu không đến từ ngăn tác vụ của ứng dụng nên không được thực hiện."),
        ["UNSUPPORTED_MEDIA_TYPE"] = ("Dạng dữ liệu không được hỗ trợ", "Máy chủ chỉ nhận dữ liệu dạng JSON (application/json) hoặc biểu mẫu tải tệp (multipart/form-data)."),
        ["METHOD_NOT_ALLOWED"] = ("Thao tác không được hỗ trợ", "Địa chỉ này không nhận thao tác {0}."),
        ["NOT_FOUND"] = ("Không tìm thấy", "Địa chỉ được yêu cầu không tồn tại."),
        ["BAD_REQUEST"] = ("Yêu cầu không hợp lệ", "Yêu cầu gửi lên máy chủ không hợp lệ."),
        ["INTERNAL_ERROR"] = ("Lỗi máy chủ", "Máy chủ gặp lỗi khi xử lý yêu cầu. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị hệ thống kèm thời điểm xảy ra."),
    };

    public static string Title(string code) =>
        Vietnamese.TryGetValue(code, out var m) ? m.Title
        : code.StartsWith("FILE_", StringComparison.Ordinal) ? "Tệp không mở được"
        : "Có lỗi xảy ra";

    public static string Detail(string code, params string[] args)
    {
        if (!Vietnamese.TryGetValue(code, out var m))
        {
            return $"Lỗi {code}.";
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, m.Detail, args.Cast<object>().ToArray());
        }
        catch (FormatException)
        {
            return m.Detail;
        }
    }
}
