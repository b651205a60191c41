using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.Automation.Inputs;

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
        catch (Exception e) when (e is InvalidDataException || (e is IOException && !ct.IsCancellationRequested && e is not BadHttpRequestException))
        {
            // Multipart without its closing boundary, a truncated body…: the client's fault, one log line.
            request.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Dialogue.Office.AddIn")
                .LogInformation("{Method} {Path}: malformed form ({Reason})", request.Method, request.Path, e.Message);
            return (null, ApiProblem.Result("UPLOAD_BAD_FORM", StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>The limits an uploaded Word document is held to: a template (<c>template</c>) or a document to check or fix.</summary>
    public static PackageLimits LimitsFor(string fileField) =>
        fileField == "template" ? InputLimits.Template : InputLimits.WordDocument;

    /// <summary>
    /// The document from <paramref name="fileField"/>, <c>ooxml</c> or <c>documentUrl</c>; (null, null) when none was
    /// sent. Whatever shape it came in, it passes the core's guarded opener (<see cref="GuardedPackage"/>) before anything
    /// else reads it: a decompression bomb, an encrypted or legacy file is refused here with its FILE_* code (422).
    /// </summary>
    public static async Task<(UploadedFile? File, IResult? Problem)> ReadAsync(HttpContext http, IFormCollection form, string fileField, CancellationToken ct)
    {
        var (file, problem) = await ReadUncheckedAsync(http, form, fileField, ct);
        if (file is null)
        {
            return (null, problem);
        }

        try
        {
            GuardedPackage.FromBytes(file.Bytes, file.Name, PackageKind.WordDocument, LimitsFor(fileField));
            return (file, null);
        }
        catch (InputFileException e)
        {
            var refused = e.ToProblem();
            return (null, ApiProblem.FromCore(refused, StatusCodes.Status422UnprocessableEntity, [refused]));
        }
    }

    private static async Task<(UploadedFile? File, IResult? Problem)> ReadUncheckedAsync(HttpContext http, IFormCollection form, string fileField, CancellationToken ct)
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
