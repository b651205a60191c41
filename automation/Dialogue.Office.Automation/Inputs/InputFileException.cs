using System.Globalization;
using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Inputs;

/// <summary>Why an input file is refused before any reader sees it. Each has one stable problem code (<see cref="InputFileException.CodeOf"/>).</summary>
public enum InputRejection
{
    /// <summary>FILE_MISSING: no such file.</summary>
    Missing,

    /// <summary>FILE_NOT_REGULAR: a folder, a device, a pipe, a socket, or an empty file.</summary>
    NotRegularFile,

    /// <summary>FILE_OUTSIDE_PLAN_FOLDER: the real path (links followed) is not inside the plan folder.</summary>
    OutsideFolder,

    /// <summary>FILE_TOO_LARGE: bigger than the limit on disk or once inflated, at an ordinary compression ratio.</summary>
    TooLarge,

    /// <summary>FILE_ZIP_BOMB: a compression ratio no document has, or a part inflating beyond what its header declares.</summary>
    ZipBomb,

    /// <summary>FILE_TOO_MANY_PARTS: far more zip entries than such a document has.</summary>
    TooManyParts,

    /// <summary>FILE_TOO_MANY_ROWS: a worksheet (or CSV) with more rows than the limit.</summary>
    TooManyRows,

    /// <summary>FILE_TOO_MANY_PARAGRAPHS: a Word document with more paragraphs than the limit.</summary>
    TooManyParagraphs,

    /// <summary>FILE_NOT_OFFICE: not a zip package at all (text, PDF, a picture…).</summary>
    NotPackage,

    /// <summary>FILE_CORRUPT: a damaged or truncated package.</summary>
    Corrupt,

    /// <summary>FILE_ENCRYPTED: protected by a password.</summary>
    Encrypted,

    /// <summary>FILE_LEGACY_FORMAT: Office 97-2003 (.xls, .doc).</summary>
    LegacyFormat,

    /// <summary>FILE_WRONG_KIND: a Word document where a workbook is expected, or the other way round.</summary>
    WrongKind,

    /// <summary>FILE_DTD: a part declares a DTD or entities (XML bombs, external entities).</summary>
    Dtd,

    /// <summary>FILE_NOT_UTF8: a text file (plan.yaml, .csv) not saved as UTF-8.</summary>
    NotUtf8,

    /// <summary>FILE_UNREADABLE: the system refused to read it (permissions, a lock, an I/O error).</summary>
    Unreadable,
}

/// <summary>
/// An input file refused by <see cref="InputFile"/> or <see cref="GuardedPackage"/>: the reason, the file's display
/// name, and the measure and limit when there are some. <see cref="ToProblem"/> makes the problem a caller reports.
/// </summary>
public sealed class InputFileException : Exception
{
    public InputFileException(InputRejection reason, string name, string detail, long measure = 0, long limit = 0)
        : base($"{name}: {reason}: {detail}")
    {
        Reason = reason;
        Name = name;
        Detail = detail;
        Measure = measure;
        Limit = limit;
    }

    public InputRejection Reason { get; }

    /// <summary>The file as the user knows it (a name or a path relative to the plan folder).</summary>
    public string Name { get; }

    /// <summary>English, for logs.</summary>
    public string Detail { get; }

    public long Measure { get; }

    public long Limit { get; }

    /// <summary>The full real path, when the file is on disk (shown with path problems so a clerk sees where it looked).</summary>
    public string? FullPath { get; init; }

    /// <summary>The stable problem code of this rejection.</summary>
    public string Code => CodeOf(Reason);

    public static string CodeOf(InputRejection reason) => reason switch
    {
        InputRejection.Missing => "FILE_MISSING",
        InputRejection.NotRegularFile => "FILE_NOT_REGULAR",
        InputRejection.OutsideFolder => "FILE_OUTSIDE_PLAN_FOLDER",
        InputRejection.TooLarge => "FILE_TOO_LARGE",
        InputRejection.ZipBomb => "FILE_ZIP_BOMB",
        InputRejection.TooManyParts => "FILE_TOO_MANY_PARTS",
        InputRejection.TooManyRows => "FILE_TOO_MANY_ROWS",
        InputRejection.TooManyParagraphs => "FILE_TOO_MANY_PARAGRAPHS",
        InputRejection.NotPackage => "FILE_NOT_OFFICE",
        InputRejection.Corrupt => "FILE_CORRUPT",
        InputRejection.Encrypted => "FILE_ENCRYPTED",
        InputRejection.LegacyFormat => "FILE_LEGACY_FORMAT",
        InputRejection.WrongKind => "FILE_WRONG_KIND",
        InputRejection.Dtd => "FILE_DTD",
        InputRejection.NotUtf8 => "FILE_NOT_UTF8",
        _ => "FILE_UNREADABLE",
    };

    /// <summary>
    /// The problem to report, at <paramref name="location"/> (default: the file name; a plan path reports its
    /// plan.yaml line). Args: {0} the file, {1} the measure, {2} the limit (sizes in MB, counts as numbers).
    /// </summary>
    public Problem ToProblem(string? location = null) =>
        Problem.Error(Code, location ?? Name, Detail, Name, Format(Measure), Format(Limit), FullPath ?? Name);

    private string Format(long value) => Reason is InputRejection.TooLarge or InputRejection.ZipBomb
        ? (value / (1024.0 * 1024.0)).ToString(value < 10 << 20 ? "0.#" : "0", Vietnamese.VietnameseText.Culture) + " MB"
        : value.ToString("N0", Vietnamese.VietnameseText.Culture);
}

[ProblemCatalog]
internal static class InputMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["FILE_MISSING"] = "Không tìm thấy tệp \"{0}\" (đường dẫn đầy đủ: {3}).",
        ["FILE_NOT_REGULAR"] = "\"{0}\" không phải là một tệp có nội dung (đây là thư mục, thiết bị, ống dẫn hoặc tệp rỗng) nên không được mở (đường dẫn đầy đủ: {3}).",
        ["FILE_OUTSIDE_PLAN_FOLDER"] = "Tệp \"{0}\" nằm ngoài thư mục kế hoạch ({3}) nên không được mở. Hãy chép tệp vào thư mục kế hoạch và ghi tên tệp (không dùng \"..\" hay đường dẫn tuyệt đối).",
        ["FILE_TOO_LARGE"] = "Tệp \"{0}\" quá lớn ({1}, giới hạn {2}) nên không được mở để tránh treo máy.",
        ["FILE_ZIP_BOMB"] = "Tệp \"{0}\" khi giải nén lớn bất thường ({1}), nghi là tệp độc hại, nên không được mở.",
        ["FILE_TOO_MANY_PARTS"] = "Tệp \"{0}\" chứa quá nhiều thành phần ({1}, giới hạn {2}) so với một văn bản thông thường nên không được mở.",
        ["FILE_TOO_MANY_ROWS"] = "Tệp \"{0}\" có quá nhiều dòng ({1}, giới hạn {2}) nên không được đọc để tránh treo máy.",
        ["FILE_TOO_MANY_PARAGRAPHS"] = "Văn bản \"{0}\" có quá nhiều đoạn ({1}, giới hạn {2}) nên không được mở để tránh treo máy.",
        ["FILE_NOT_OFFICE"] = "Tệp \"{0}\" không phải là tệp Word (.docx) hay Excel (.xlsx).",
        ["FILE_CORRUPT"] = "Tệp \"{0}\" bị hỏng hoặc chưa tải về hết nên không mở được.",
        ["FILE_ENCRYPTED"] = "Tệp \"{0}\" được đặt mật khẩu nên không đọc được; hãy gỡ mật khẩu rồi lưu lại.",
        ["FILE_LEGACY_FORMAT"] = "Tệp \"{0}\" ở định dạng Office 97-2003 (.xls, .doc); hãy mở bằng Word hoặc Excel và lưu lại thành .docx hoặc .xlsx.",
        ["FILE_WRONG_KIND"] = "Tệp \"{0}\" không đúng loại: cần tệp Excel (.xlsx) cho danh sách, tệp Word (.docx) cho mẫu và văn bản.",
        ["FILE_DTD"] = "Tệp \"{0}\" có khai báo DTD hoặc thực thể XML, điều mà văn bản Office không có, nên không được mở.",
        ["FILE_NOT_UTF8"] = "Tệp \"{0}\" không lưu theo bảng mã UTF-8 (lỗi ở dòng {1}); hãy lưu lại với bảng mã UTF-8.",
        ["FILE_UNREADABLE"] = "Không đọc được tệp \"{0}\" (không có quyền đọc hoặc tệp đang bị khóa).",
    };
}
