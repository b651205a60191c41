using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>An upload that passed the checks: its bytes and a safe display name.</summary>
public sealed record UploadedFile(string Name, byte[] Bytes);

/// <summary>
/// Reads uploads and checks they are what they claim: a .docx/.xlsx is an Open XML package with its main part, not
/// just a file name. The body size limit is enforced before (see <see cref="RequestLimits"/>).
/// </summary>
public static class Uploads
{
    /// <summary>A Word document from a form file, or null with the problem code to answer.</summary>
    public static async Task<(UploadedFile? File, string? Code)> ReadDocxAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "UPLOAD_MISSING");
        }

        var bytes = await ReadAsync(file, ct);
        return IsPackageWith(bytes, "word/document.xml") ? (new UploadedFile(DisplayName(file.FileName), bytes), null) : (null, "UPLOAD_NOT_DOCX");
    }

    /// <summary>A workbook from a form file, or null with the problem code to answer.</summary>
    public static async Task<(UploadedFile? File, string? Code)> ReadXlsxAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0)
        {
            return (null, "UPLOAD_MISSING");
        }

        var bytes = await ReadAsync(file, ct);
        return IsPackageWith(bytes, "xl/workbook.xml") ? (new UploadedFile(DisplayName(file.FileName), bytes), null) : (null, "UPLOAD_NOT_XLSX");
    }

    /// <summary>
    /// A YAML settings file (the budget's rates) from a form file, or null with the problem code: a .yaml/.yml name and
    /// UTF-8 text without NUL. Its keys are the core reader's to judge (it names the line of each problem).
    /// </summary>
    public static async Task<(UploadedFile? File, string? Code)> ReadYamlAsync(IFormFile file, CancellationToken ct)
    {
        var name = DisplayName(file.FileName);
        var extension = Path.GetExtension(name);
        if (file.Length == 0 || !(extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, "UPLOAD_NOT_YAML");
        }

        var bytes = await ReadAsync(file, ct);
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Contains('\0', StringComparison.Ordinal) ? (null, "UPLOAD_NOT_YAML") : (new UploadedFile(name, bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "UPLOAD_NOT_YAML");
        }
    }

    /// <summary>Extensions of returned question sheets (the core reads each and reports unreadable ones itself).</summary>
    public static readonly IReadOnlySet<string> QuestionExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".xlsx", ".xlsm", ".xls", ".csv" };

    /// <summary>
    /// A returned question sheet by its extension, or null with the problem code. Contents are not judged here: the
    /// consolidator reads every file, rejects a broken one with its reason and goes on with the others.
    /// </summary>
    public static async Task<(UploadedFile? File, string? Code)> ReadQuestionFileAsync(IFormFile file, CancellationToken ct)
    {
        var name = DisplayName(file.FileName);
        if (file.Length == 0 || !QuestionExtensions.Contains(Path.GetExtension(name)))
        {
            return (null, "UPLOAD_NOT_QUESTION_FILE");
        }

        return (new UploadedFile(name, await ReadAsync(file, ct)), null);
    }

    /// <summary>
    /// Writes uploads into <paramref name="folder"/> under their own names when those are plain file names (problems
    /// then name the file the clerk knows, and the register ngay-nhan.csv matches), else under a safe name; duplicates
    /// get a suffix. Returns the paths in upload order.
    /// </summary>
    public static IReadOnlyList<string> SaveAll(IEnumerable<UploadedFile> files, string folder)
    {
        Directory.CreateDirectory(folder);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var paths = new List<string>();
        foreach (var f in files)
        {
            var extension = Path.GetExtension(f.Name).TrimStart('.').ToLowerInvariant();
            var stem = Path.GetFileNameWithoutExtension(f.Name);
            var name = IsPlainFileName(f.Name) ? f.Name : Automation.Vietnamese.SafeFileName.From(stem, extension);
            for (var n = 2; !used.Add(name); n++)
            {
                name = Automation.Vietnamese.SafeFileName.From($"{stem}-{n}", extension);
            }

            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, f.Bytes);
            paths.Add(path);
        }

        return paths;
    }

    private static bool IsPlainFileName(string name) =>
        name.Length is > 0 and <= 120 && name.Trim() == name && !name.StartsWith('.')
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) < 0;

    /// <summary>
    /// A Word document from flat OPC text (what <c>body.getOoxml()</c> returns in Word on the web, where
    /// <c>getFileAsync</c> is unreliable), or null when the text is not a Word package.
    /// </summary>
    public static UploadedFile? FromFlatOpc(string ooxml)
    {
        try
        {
            using var doc = WordprocessingDocument.FromFlatOpcString(ooxml);
            using var output = new MemoryStream();
            using (doc.Clone(output))
            {
            }

            var bytes = output.ToArray();
            return IsPackageWith(bytes, "word/document.xml") ? new UploadedFile("van-ban-dang-mo.docx", bytes) : null;
        }
        catch (Exception e) when (e is System.Xml.XmlException or OpenXmlPackageException or InvalidOperationException or ArgumentException or IOException)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static bool IsPackageWith(byte[] bytes, string mainPart)
    {
        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(mainPart) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The client's file name for messages only: no folders, no control characters, bounded length.</summary>
    internal static string DisplayName(string? name)
    {
        var leaf = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new StringBuilder();
        foreach (var c in leaf.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c))
            {
                clean.Append(c);
            }
        }

        var text = clean.ToString().Trim();
        return text.Length == 0 ? "tệp" : text.Length > 120 ? text[..120] : text;
    }
}
