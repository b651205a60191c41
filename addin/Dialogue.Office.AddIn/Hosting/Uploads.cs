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

    /// <summary>A returned question sheet: a workbook (.xlsx/.xlsm) or a text .csv, or null with the problem code.</summary>
    public static async Task<(UploadedFile? File, string? Code)> ReadQuestionFileAsync(IFormFile file, CancellationToken ct)
    {
        var name = DisplayName(file.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var bytes = await ReadAsync(file, ct);
        var ok = extension switch
        {
            ".xlsx" or ".xlsm" => IsPackageWith(bytes, "xl/workbook.xml"),
            ".csv" => bytes.Length > 0 && Array.IndexOf(bytes, (byte)0) < 0,
            _ => false,
        };
        return ok ? (new UploadedFile(name, bytes), null) : (null, "UPLOAD_NOT_QUESTION_FILE");
    }

    /// <summary>
    /// Writes uploads into <paramref name="folder"/> under safe, unique names that keep the clerk's wording (unit names
    /// in file names help match returns to units). Returns the paths in upload order.
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
            var name = Automation.Text.SafeFileName.From(stem, extension);
            for (var n = 2; !used.Add(name); n++)
            {
                name = Automation.Text.SafeFileName.From($"{stem}-{n}", extension);
            }

            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, f.Bytes);
            paths.Add(path);
        }

        return paths;
    }

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
