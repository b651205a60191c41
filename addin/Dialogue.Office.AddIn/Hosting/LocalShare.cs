using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// The local share at <c>/share</c>: files only, read-only. No folder listing (a folder gives our own Vietnamese 404
/// page); every file carries <c>nosniff</c> and a sandboxing CSP, and active content (.html, .svg, .xml…) is sent as a
/// download, never rendered on the add-in's own origin. With a tenant configured, a signed-in caller is required.
/// A packet is split by audience (issue 19): the leaders' and the secretariat's folders are never served without
/// sign-in — with no tenant configured, never at all (401; those documents go through the pane or SharePoint) — while
/// the delegates' folder is served as the rest of the share.
/// </summary>
public static class LocalShare
{
    /// <summary>Types a browser would run or render as a page: sent as attachments.</summary>
    private static readonly HashSet<string> Active = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt", ".js", ".mjs", ".css", ".pdf",
    };

    /// <summary>Folders of the packet that only signed-in people may open, wherever they sit in the share.</summary>
    private static readonly HashSet<string> Protected = new(
        Dialogue.Office.Automation.Audiences.OutputKinds.Audiences
            .Where(a => a != Dialogue.Office.Automation.Audiences.Audience.Delegates)
            .Select(Dialogue.Office.Automation.Audiences.OutputKinds.Folder),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>True when a share path (after the request path) lies in a leaders' or secretariat's folder.</summary>
    public static bool IsProtected(string relative)
    {
        var segments = Uri.UnescapeDataString(relative).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 1 && segments[..^1].Any(Protected.Contains);
    }

    public static void Use(WebApplication app, string root, string requestPath, bool signInRequired)
    {
        Directory.CreateDirectory(root);
        var files = new PhysicalFileProvider(root);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(requestPath), branch =>
        {
            branch.Use(async (http, next) =>
            {
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
                if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
                {
                    http.Response.Headers.Allow = "GET, HEAD";
                    await Page(http, StatusCodes.Status405MethodNotAllowed, "Thao tác không được hỗ trợ", "Thư mục chia sẻ chỉ cho phép xem và tải tệp.");
                    return;
                }

                var relative = http.Request.Path.Value!.Length > requestPath.Length ? http.Request.Path.Value[requestPath.Length..] : "/";
                if ((signInRequired || IsProtected(relative)) && http.User.Identity?.IsAuthenticated != true)
                {
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                    await Page(http, StatusCodes.Status401Unauthorized, "Cần đăng nhập", IsProtected(relative)
                        ? "Tài liệu này dành cho lãnh đạo chủ trì hoặc Tổ thư ký hội nghị, chỉ mở được sau khi đăng nhập bằng tài khoản Microsoft 365 của cơ quan (hoặc trong add-in). Đại biểu xem tài liệu hội nghị qua mã QR trong giấy mời."
                        : "Tài liệu hội nghị chỉ mở được sau khi đăng nhập bằng tài khoản Microsoft 365 của cơ quan. Đại biểu nhận tài liệu qua đường dẫn riêng trong giấy mời.");
                    return;
                }

                var info = files.GetFileInfo(relative);
                if (relative.EndsWith('/') || !info.Exists || info.IsDirectory)
                {
                    // A folder, or nothing: never a listing of what the share holds.
                    await Page(http, StatusCodes.Status404NotFound, "Không có tài liệu tại địa chỉ này",
                        "Địa chỉ này không phải một tệp tài liệu. Hãy mở đúng đường dẫn hoặc mã QR trong giấy mời, hoặc liên hệ ban tổ chức hội nghị.");
                    return;
                }

                await next(http);
            });
            branch.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                RequestPath = requestPath,
                ServeUnknownFileTypes = false,
                OnPrepareResponse = context =>
                {
                    if (Active.Contains(Path.GetExtension(context.File.Name)))
                    {
                        var disposition = new ContentDispositionHeaderValue("attachment");
                        disposition.SetHttpFileName(context.File.Name);
                        context.Context.Response.Headers.ContentDisposition = disposition.ToString();
                    }
                },
            });
        });
    }

    /// <summary>Only the markup characters: Vietnamese letters stay as they are (NFC text, UTF-8 page).</summary>
    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>Our own small page in Vietnamese (lang="vi"), no script, no external resource.</summary>
    private static Task Page(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        var t = Encode(title);
        var d = Encode(detail);
        return http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
            + $"<title>{t}</title></head><body><h1>{t}</h1><p>{d}</p></body></html>");
    }
}
