using Dialogue.Office.AddIn.Auth;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// Reads the multipart form of an API call, and the Word document it carries in one of three shapes: a .docx file
/// (getFileAsync on desktop, or a file chosen in a browser), flat OPC text from body.getOoxml() (<c>ooxml</c>), or the
/// document's SharePoint/OneDrive address (<c>documentUrl</c>, read through Graph on behalf of the user).
/// </summary>
public static class Drafts
{
    /// <summary>The form, or the problem to answer (not a form, malformed multipart).</summary>
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return (null, ApiProblem.Result("UPLOAD_BAD_FORM", StatusCodes.Status400BadRequest));
        }

        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (InvalidDataException)
        {
            return (null, ApiProblem.Result("UPLOAD_BAD_FORM", StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>The document from <paramref name="fileField"/>, <c>ooxml</c> or <c>documentUrl</c>; (null, null) when none was sent.</summary>
    public static async Task<(UploadedFile? File, IResult? Problem)> ReadAsync(HttpContext http, IFormCollection form, string fileField, CancellationToken ct)
    {
        if (form.Files.GetFile(fileField) is { } file)
        {
            var (upload, code) = await Uploads.ReadDocxAsync(file, ct);
            return upload is null
                ? (null, ApiProblem.Result(code!, StatusCodes.Status400BadRequest, null, Uploads.DisplayName(file.FileName)))
                : (upload, null);
        }

        if (form["ooxml"].ToString() is { Length: > 0 } ooxml)
        {
            var draft = Uploads.FromFlatOpc(ooxml);
            return draft is null ? (null, ApiProblem.Result("UPLOAD_NOT_DOCX", StatusCodes.Status400BadRequest, null, "văn bản đang mở")) : (draft, null);
        }

        if (form["documentUrl"].ToString() is { Length: > 0 } url && http.RequestServices.GetService<GraphDocuments>() is { } graph)
        {
            var header = http.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
            var bytes = token.Length == 0 ? null : await graph.DownloadAsync(token, url, ct);
            return bytes is null
                ? (null, ApiProblem.Result("GRAPH_FAILED", StatusCodes.Status502BadGateway))
                : (new UploadedFile("van-ban-dang-mo.docx", bytes), null);
        }

        return (null, null);
    }
}
