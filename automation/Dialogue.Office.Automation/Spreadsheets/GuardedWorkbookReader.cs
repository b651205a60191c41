using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Dialogue.Office.Automation.Inputs;

namespace Dialogue.Office.Automation.Spreadsheets;

/// <summary>
/// One cell as read: its text (cached value for formulas), its font family, and rich-text runs when they carry fonts.
/// A formula saved without a cached value keeps its formula text ("=cmd|…") as <see cref="Text"/>, never evaluated,
/// and <see cref="UnsavedFormula"/> says so; a number in a date format reads as the date (dd/MM/yyyy).
/// </summary>
internal sealed class RawCell(string text, string? font, RichRun[]? runs, bool unsavedFormula = false)
{
    public string Text { get; } = text;
    public string? Font { get; } = font;
    public RichRun[]? Runs { get; } = runs;
    public bool UnsavedFormula { get; } = unsavedFormula;
}

/// <summary>One rich-text run with its own font (a cell may mix a Times New Roman run and a .VnTime run).</summary>
internal readonly record struct RichRun(string Text, string? Font);

/// <summary>A row: 1-based number and cells by 0-based column (null = empty).</summary>
internal sealed class RawRow(int number, RawCell?[] cells)
{
    public int Number { get; } = number;
    public RawCell?[] Cells { get; set; } = cells;

    public string Text(int column) => column >= 0 && column < Cells.Length ? Cells[column]?.Text ?? "" : "";

    /// <summary>Formula and error cells by column, as <see cref="XlsxReader"/> reports them (null when the row has none).</summary>
    public Dictionary<int, CellNote>? Notes { get; set; }
}

internal sealed class RawSheet
{
    public required string Name { get; init; }
    public bool Hidden { get; init; }
    public List<RawRow> Rows { get; } = [];
    public List<MergedRange> Merges { get; } = [];

    /// <summary>True when the sheet had more rows than the limit; reading stopped there.</summary>
    public bool Truncated { get; set; }
}

internal sealed class RawWorkbook
{
    public List<RawSheet> Sheets { get; } = [];

    /// <summary>Defined names (e.g. the form's version stamp and unit id); values as written.</summary>
    public Dictionary<string, string> DefinedNames { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Why a file could not be read at all; the caller maps each to a problem code (QUESTIONS_FILE_* for returned sheets).</summary>
internal enum FileRejection
{
    None,
    Corrupt,
    ZipBomb,
    Encrypted,
    LegacyXls,
    WordDocument,
    NotSpreadsheet,
    TooManyRows,
    CsvNotUtf8,

    /// <summary>A part too large for a returned sheet but compressed like ordinary XML (many rows, not a bomb).</summary>
    TooLarge,
}

internal sealed class FileReadException(FileRejection reason, string detail, params string[] args) : Exception(detail)
{
    public FileRejection Reason { get; } = reason;

    /// <summary>Figures for the message (sizes, limits), already formatted for people.</summary>
    public string[] Args { get; } = args;
}

/// <summary>
/// The guarded reader, for spreadsheets people send (returned question sheets, answered workbooks): a small, fast
/// .xlsx/.csv reader over System.IO.Compression + <see cref="XmlScanner"/>, with the checks a hostile file needs before
/// anything is inflated (sizes and ratios from the zip directory, a hard cap on bytes actually inflated, DTDs rejected,
/// a row limit). Keeps what consolidation needs and <see cref="XlsxReader"/> drops: each cell's font family (for
/// .VnTime/VNI detection), rich-text run fonts, defined names. See README.md in this folder for which reader to use.
/// </summary>
internal static class GuardedWorkbookReader
{
    /// <summary>Limits that keep memory and time bounded on hostile files (defaults: <see cref="InputLimits.ReturnedSheet"/>).</summary>
    internal sealed record Limits
    {
        public long MaxFileBytes { get; init; } = InputLimits.ReturnedSheet.MaxFileBytes;
        public long MaxEntryBytes { get; init; } = InputLimits.ReturnedSheet.MaxXmlPartBytes;
        public long MaxTotalBytes { get; init; } = InputLimits.ReturnedSheet.MaxTotalBytes;
        public int MaxRatio { get; init; } = InputLimits.ReturnedSheet.MaxRatio;
        public int MaxEntries { get; init; } = InputLimits.ReturnedSheet.MaxParts;
        public int MaxRowsPerSheet { get; init; } = InputLimits.ReturnedSheet.MaxRows;

        /// <summary>A number in a date format reads as dd/MM/yyyy (returned sheets); false keeps the stored serial (the delegate list, as before).</summary>
        public bool DatesAsText { get; init; } = true;
    }

    public static RawWorkbook Read(string path, Limits limits)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        using var stream = OpenInput(path, limits);
        Span<byte> magic = stackalloc byte[8];
        var read = stream.ReadAtLeast(magic, 8, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read >= 4 && magic[0] == 0xD0 && magic[1] == 0xCF && magic[2] == 0x11 && magic[3] == 0xE0)
        {
            // OLE compound file: an encrypted (password-protected) .xlsx or a legacy .xls.
            throw IsEncryptedOle(stream)
                ? new FileReadException(FileRejection.Encrypted, "OLE file with an EncryptedPackage stream")
                : new FileReadException(FileRejection.LegacyXls, "OLE compound file (Excel 97-2003 .xls)");
        }

        if (extension == ".csv")
        {
            return ReadCsv(stream, limits);
        }

        if (read < 4 || magic[0] != (byte)'P' || magic[1] != (byte)'K')
        {
            throw new FileReadException(FileRejection.NotSpreadsheet, "Not a zip package");
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new FileReadException(FileRejection.Corrupt, ex.Message);
        }

        using (zip)
        {
            try
            {
                CheckSizes(zip, limits); // the central directory is read lazily: a broken one throws here
                return ReadPackage(zip, limits);
            }
            catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or FormatException)
            {
                throw new FileReadException(FileRejection.Corrupt, ex.Message);
            }
        }
    }

    /// <summary>
    /// Reads the cell values of a workbook the guarded opener has already checked (the delegate list): the same
    /// <see cref="SheetValues"/> as <see cref="XlsxReader"/> gives (formula and error notes, numbers as stored, hidden
    /// sheets, merged ranges), without loading the Open XML SDK. A package that is malformed inside throws
    /// <see cref="FileReadException"/> (<see cref="FileRejection.Corrupt"/>).
    /// </summary>
    public static IReadOnlyList<SheetValues> ReadValues(GuardedPackage package)
    {
        var checkedLimits = package.Limits;
        var limits = new Limits
        {
            MaxFileBytes = checkedLimits.MaxFileBytes,
            MaxEntryBytes = checkedLimits.MaxXmlPartBytes,
            MaxTotalBytes = checkedLimits.MaxTotalBytes,
            MaxRatio = checkedLimits.MaxRatio,
            MaxEntries = checkedLimits.MaxParts,
            MaxRowsPerSheet = checkedLimits.MaxRows,
            DatesAsText = false,
        };

        RawWorkbook workbook;
        try
        {
            using var zip = new ZipArchive(package.OpenRead(), ZipArchiveMode.Read, leaveOpen: false);
            workbook = ReadPackage(zip, limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or FormatException)
        {
            throw new FileReadException(FileRejection.Corrupt, ex.Message);
        }

        return workbook.Sheets.Select(ToValues).ToList();
    }

    private static SheetValues ToValues(RawSheet sheet)
    {
        var rows = new List<SheetRow>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            var cells = new string?[row.Cells.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row.Cells[i]?.Text;
            }

            if (row.Notes is { } notes)
            {
                foreach (var (column, note) in notes.Where(n => n.Value.Kind == CellKind.FormulaNoValue))
                {
                    // As XlsxReader: a formula saved without a value reads as its text, never evaluated.
                    if (column >= cells.Length)
                    {
                        Array.Resize(ref cells, column + 1);
                    }

                    cells[column] = "=" + note.Formula;
                }
            }

            rows.Add(new SheetRow(row.Number, cells) { Notes = row.Notes });
        }

        return new SheetValues(sheet.Name, rows, sheet.Merges, sheet.Hidden);
    }

    /// <summary>
    /// A returned sheet is typically 10–50 KB: read it in one call into memory (the zip reader seeks back and forth,
    /// and a 64 KB file buffer per file was most of what reading 1 000 files allocated); big files stay on disk.
    /// Only regular files within the size limit are opened (<see cref="InputFile"/>: a pipe would block forever).
    /// </summary>
    /// <exception cref="InputFileException">Not a regular file, or too large.</exception>
    private static Stream OpenInput(string path, Limits limits)
    {
        var length = InputFile.RegularLength(path, Path.GetFileName(path));
        if (length > limits.MaxFileBytes)
        {
            throw new InputFileException(InputRejection.TooLarge, Path.GetFileName(path), $"{length} bytes on disk", length, limits.MaxFileBytes);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        if (stream.Length > 4 << 20)
        {
            stream.Dispose();
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }

        using (stream)
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return new MemoryStream(bytes, writable: false);
        }
    }

    private static void CheckSizes(ZipArchive zip, Limits limits)
    {
        if (zip.Entries.Count > limits.MaxEntries)
        {
            throw new FileReadException(FileRejection.ZipBomb, $"{zip.Entries.Count} entries");
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            var ratio = entry.CompressedLength > 0 ? entry.Length / entry.CompressedLength : entry.Length;
            var oversized = entry.Length > limits.MaxEntryBytes || total > limits.MaxTotalBytes;
            if (entry.Length > 1_000_000 && (ratio > limits.MaxRatio || (oversized && ratio > OrdinaryXmlRatio)))
            {
                throw new FileReadException(FileRejection.ZipBomb, $"{entry.FullName}: {entry.Length} bytes from {entry.CompressedLength}");
            }

            if (oversized)
            {
                // Ordinary XML compression (a 100 000-row sheet written with inline strings is ~72 MB at ratio ~10):
                // too big for a returned sheet, not a sign of a malicious file.
                if (entry.FullName.Contains("worksheets/", StringComparison.OrdinalIgnoreCase) && CountRows(entry, limits.MaxRowsPerSheet) is var rows && rows > limits.MaxRowsPerSheet)
                {
                    throw new FileReadException(FileRejection.TooManyRows, $"{entry.FullName}: more than {limits.MaxRowsPerSheet} rows in {entry.Length} bytes");
                }

                var (size, limit) = entry.Length > limits.MaxEntryBytes ? (entry.Length, limits.MaxEntryBytes) : (total, limits.MaxTotalBytes);
                throw new FileReadException(FileRejection.TooLarge, $"{entry.FullName}: {entry.Length} bytes from {entry.CompressedLength}, total {total}", Megabytes(size), Megabytes(limit));
            }
        }
    }

    /// <summary>
    /// Worksheet XML deflates about 5–20 to 1 (a 100 000-row sheet of inline strings: 72 MB at ~10); an oversized
    /// part compressed far better than that is filler (zeros, one repeated block), which only a bomb is made of.
    /// </summary>
    private const long OrdinaryXmlRatio = 50;

    /// <summary>
    /// Counts &lt;row&gt; start tags of an oversized worksheet by streaming it (never buffered; stops after
    /// <paramref name="limit"/> + 1 rows or past the declared size), so the reason given is the true one.
    /// </summary>
    private static int CountRows(ZipArchiveEntry entry, int limit)
    {
        using var stream = entry.Open();
        var buffer = new byte[64 * 1024];
        var rows = 0;
        long read = 0;
        var carry = 0;
        while (rows <= limit && read <= entry.Length + (1 << 20))
        {
            var n = stream.Read(buffer, carry, buffer.Length - carry);
            if (n == 0)
            {
                break;
            }

            read += n;
            var span = buffer.AsSpan(0, carry + n);
            for (var i = span.IndexOf("row"u8); i >= 0 && i + 3 < span.Length; i = NextRow(span, i + 3))
            {
                if (i > 0 && span[i - 1] is (byte)'<' or (byte)':' && span[i + 3] is (byte)' ' or (byte)'>')
                {
                    rows++;
                }
            }

            carry = Math.Min(4, span.Length);
            span[^carry..].CopyTo(buffer);
        }

        return rows;

        static int NextRow(ReadOnlySpan<byte> span, int from)
        {
            var next = span[from..].IndexOf("row"u8);
            return next < 0 ? -1 : from + next;
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " MB";

    private static RawWorkbook ReadPackage(ZipArchive zip, Limits limits)
    {
        var rootRels = ReadRelationships(zip, "_rels/.rels", "");
        var officeDoc = rootRels.Values.FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal))?.Target;
        if (officeDoc is null || zip.GetEntry(officeDoc) is null)
        {
            throw zip.GetEntry("word/document.xml") is not null || zip.GetEntry("ppt/presentation.xml") is not null
                ? new FileReadException(FileRejection.WordDocument, "Word or PowerPoint package")
                : new FileReadException(FileRejection.Corrupt, "No office document part");
        }

        if (!officeDoc.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || officeDoc.StartsWith("word/", StringComparison.OrdinalIgnoreCase) || officeDoc.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileReadException(FileRejection.WordDocument, officeDoc);
        }

        var baseDir = officeDoc.Contains('/') ? officeDoc[..(officeDoc.LastIndexOf('/') + 1)] : "";
        var relsPath = baseDir + "_rels/" + officeDoc[baseDir.Length..] + ".rels";
        var rels = ReadRelationships(zip, relsPath, baseDir);
        var sharedPath = rels.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal))?.Target;
        var stylesPath = rels.Values.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal))?.Target;
        var (fonts, xfFonts, xfDates) = stylesPath is null ? ([], [], []) : ReadStyles(zip, stylesPath, limits);
        var shared = sharedPath is null ? [] : ReadSharedStrings(zip, sharedPath, limits);

        var workbook = new RawWorkbook();
        var sheets = new List<SheetReference>();
        var date1904 = false;
        using (var part = Buffer(zip, officeDoc, limits))
        {
            var scanner = new XmlScanner(part.Span);
            string? definedName = null;
            while (scanner.Next() is var token && token != XmlScanner.Token.None)
            {
                if (token == XmlScanner.Token.Start && scanner.Is("workbookPr"u8))
                {
                    date1904 = scanner.Attribute("date1904"u8) is "1" or "true";
                }
                else if (token == XmlScanner.Token.Start && scanner.Is("sheet"u8))
                {
                    var state = scanner.Attribute("state"u8);
                    sheets.Add(new SheetReference(scanner.Attribute("name"u8) ?? "", scanner.Attribute("id"u8) ?? "", state is "hidden" or "veryHidden"));
                }
                else if (token == XmlScanner.Token.Start && scanner.Is("definedName"u8))
                {
                    definedName = scanner.IsEmpty ? null : scanner.Attribute("name"u8);
                }
                else if (token == XmlScanner.Token.Text && definedName is not null)
                {
                    workbook.DefinedNames[definedName] = scanner.Text();
                    definedName = null;
                }
                else if (token == XmlScanner.Token.End)
                {
                    definedName = null;
                }
            }
        }

        foreach (var (name, relId, hidden) in sheets)
        {
            if (!rels.TryGetValue(relId, out var rel) || !rel.Type.EndsWith("/worksheet", StringComparison.Ordinal) || zip.GetEntry(rel.Target) is null)
            {
                continue; // chart sheets, dialog sheets
            }

            var sheet = new RawSheet { Name = name, Hidden = hidden };
            ReadSheet(zip, rel.Target, sheet, shared, new CellStyles(fonts, xfFonts, xfDates, date1904, limits.DatesAsText), limits);
            workbook.Sheets.Add(sheet);
        }

        return workbook;
    }

    // Records, not tuples: collections of a value type are generic instantiations ReadyToRun cannot precompile (JIT at start).
    private sealed record SheetReference(string Name, string RelId, bool Hidden);

    private sealed record Relationship(string Type, string Target);

    private static Dictionary<string, Relationship> ReadRelationships(ZipArchive zip, string path, string baseDir)
    {
        var result = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        if (zip.GetEntry(path) is null)
        {
            return result;
        }

        using var part = Buffer(zip, path, new Limits());
        var scanner = new XmlScanner(part.Span);
        while (scanner.Next() is var token && token != XmlScanner.Token.None)
        {
            if (token == XmlScanner.Token.Start && scanner.Is("Relationship"u8))
            {
                var target = scanner.Attribute("Target"u8) ?? "";
                if (scanner.Attribute("TargetMode"u8) == "External")
                {
                    continue;
                }

                target = target.StartsWith('/') ? target[1..] : Normalize(baseDir + target);
                result[scanner.Attribute("Id"u8) ?? ""] = new Relationship(scanner.Attribute("Type"u8) ?? "", target);
            }
        }

        return result;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>What a cell's style index says: its font family, whether its number format shows a date.</summary>
    private sealed record CellStyles(List<string?> Fonts, List<int> XfFonts, List<bool> XfDates, bool Date1904, bool DatesAsText = true);

    private static (List<string?> Fonts, List<int> XfFonts, List<bool> XfDates) ReadStyles(ZipArchive zip, string path, Limits limits)
    {
        var fonts = new List<string?>();
        var xfFonts = new List<int>();
        var xfDates = new List<bool>();
        var customDates = new HashSet<int>();
        if (zip.GetEntry(path) is null)
        {
            return (fonts, xfFonts, xfDates);
        }

        using var part = Buffer(zip, path, limits);
        var scanner = new XmlScanner(part.Span);
        var section = 0; // 1 fonts, 2 cellXfs, 3 other lists holding <font>/<xf>
        var inFont = false;
        while (scanner.Next() is var token && token != XmlScanner.Token.None)
        {
            if (token == XmlScanner.Token.Start)
            {
                if (scanner.Is("fonts"u8))
                {
                    section = 1;
                }
                else if (scanner.Is("cellXfs"u8))
                {
                    section = 2;
                }
                else if (scanner.Is("cellStyleXfs"u8) || scanner.Is("dxfs"u8))
                {
                    section = 3;
                }
                else if (section == 1 && scanner.Is("font"u8))
                {
                    fonts.Add(null);
                    inFont = !scanner.IsEmpty;
                }
                else if (section == 1 && inFont && scanner.Is("name"u8))
                {
                    fonts[^1] = scanner.Attribute("val"u8);
                }
                else if (section == 2 && scanner.Is("xf"u8))
                {
                    xfFonts.Add(Math.Max(0, scanner.IntAttribute("fontId"u8)));
                    var format = scanner.IntAttribute("numFmtId"u8);
                    xfDates.Add(IsBuiltInDateFormat(format) || customDates.Contains(format));
                }
                else if (scanner.Is("numFmt"u8) && IsDateFormatCode(scanner.Attribute("formatCode"u8) ?? ""))
                {
                    customDates.Add(scanner.IntAttribute("numFmtId"u8));
                }
            }
            else if (token == XmlScanner.Token.End)
            {
                if (scanner.Is("font"u8))
                {
                    inFont = false;
                }
                else if (scanner.Is("fonts"u8) || scanner.Is("cellXfs"u8) || scanner.Is("cellStyleXfs"u8) || scanner.Is("dxfs"u8))
                {
                    section = 0;
                }
            }
        }

        return (fonts, xfFonts, xfDates);
    }

    /// <summary>Built-in number formats that show a date (14–17, 22; the East Asian 27–36 and 50–58).</summary>
    private static bool IsBuiltInDateFormat(int id) => id is (>= 14 and <= 17) or 22 or (>= 27 and <= 36) or (>= 50 and <= 58);

    /// <summary>A custom format shows a date when it has d, m or y outside quotes, brackets and escapes (not a time-only format).</summary>
    internal static bool IsDateFormatCode(string code)
    {
        var quoted = false;
        var bracket = false;
        bool day = false, year = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (ch == '\\' || ch == '_' || ch == '*')
            {
                i++;
            }
            else if (ch == '[')
            {
                bracket = true;
            }
            else if (ch == ']')
            {
                bracket = false;
            }
            else if (!bracket)
            {
                day |= ch is 'd' or 'D';
                year |= ch is 'y' or 'Y';
            }
        }

        return day || year;
    }

    /// <summary>An Excel serial day number as dd/MM/yyyy (1900 system with its phantom 29/02/1900, or 1904).</summary>
    internal static string? SerialDate(string raw, bool date1904)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 1 || serial >= 2958466)
        {
            return null;
        }

        var days = (int)Math.Floor(serial);
        var date = date1904 ? new DateOnly(1904, 1, 1).AddDays(days) : new DateOnly(1899, 12, 31).AddDays(days > 59 ? days - 1 : days);
        return date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    private static PartBuffer Buffer(ZipArchive zip, string path, Limits limits)
    {
        var entry = zip.GetEntry(path) ?? throw new InvalidDataException("Missing part " + path);
        using var stream = entry.Open();
        return new PartBuffer(stream, entry.Length, Math.Min(limits.MaxEntryBytes, entry.Length + 1024));
    }

    private static RawCell[] ReadSharedStrings(ZipArchive zip, string path, Limits limits)
    {
        if (zip.GetEntry(path) is null)
        {
            return [];
        }

        using var part = Buffer(zip, path, limits);
        var scanner = new XmlScanner(part.Span);
        var list = new List<RawCell>();
        var builder = new StringBuilder();
        string? single = null;
        var pieces = 0;
        var runText = new StringBuilder();
        List<RichRun>? runs = null;
        string? runFont = null;
        var inRun = false;
        var inPhonetic = 0;
        var inText = false;
        while (true)
        {
            var token = scanner.Next();
            if (token == XmlScanner.Token.None)
            {
                break;
            }

            if (token == XmlScanner.Token.Start)
            {
                if (scanner.Is("si"u8))
                {
                    builder.Clear();
                    single = null;
                    pieces = 0;
                    runs = null;
                    if (scanner.IsEmpty)
                    {
                        list.Add(new RawCell("", null, null));
                    }
                }
                else if (scanner.Is("r"u8) && inPhonetic == 0 && !scanner.IsEmpty)
                {
                    inRun = true;
                    runFont = null;
                    runText.Clear();
                }
                else if (scanner.Is("rFont"u8) && inRun)
                {
                    runFont = scanner.Attribute("val"u8);
                }
                else if (scanner.Is("rPh"u8) && !scanner.IsEmpty)
                {
                    inPhonetic++;
                }
                else if (scanner.Is("t"u8) && inPhonetic == 0)
                {
                    inText = !scanner.IsEmpty;
                }
            }
            else if (token == XmlScanner.Token.Text)
            {
                if (inText)
                {
                    // Most items are one <t>: its string is the item's, without a copy through the builder.
                    var text = scanner.Text();
                    if (++pieces == 1)
                    {
                        single = text;
                    }
                    else
                    {
                        if (pieces == 2)
                        {
                            builder.Append(single);
                        }

                        builder.Append(text);
                    }

                    if (inRun)
                    {
                        runText.Append(text);
                    }
                }
            }
            else if (scanner.Is("t"u8))
            {
                inText = false;
            }
            else if (scanner.Is("rPh"u8))
            {
                inPhonetic--;
            }
            else if (scanner.Is("r"u8) && inRun)
            {
                inRun = false;
                (runs ??= []).Add(new RichRun(runText.ToString(), runFont));
            }
            else if (scanner.Is("si"u8))
            {
                var hasFonts = runs is not null && runs.Exists(r => r.Font is not null);
                list.Add(new RawCell(pieces == 1 ? single! : builder.ToString(), null, hasFonts ? [.. runs!] : null));
            }
        }

        return [.. list];
    }

    private static void ReadSheet(ZipArchive zip, string path, RawSheet sheet, RawCell[] shared, CellStyles styles, Limits limits)
    {
        using var part = Buffer(zip, path, limits);
        var scanner = new XmlScanner(part.Span);
        var cells = new List<RawCell?>(16);
        var rowNumber = 0;
        var cellColumn = 0;
        string? cellType = null;
        var cellStyle = 0;
        var value = new StringBuilder();
        var sharedIndex = -1;
        var formula = new StringBuilder();
        var inFormula = false;
        var inValue = false;
        var inInline = false;
        var inCell = false;
        var hasFormula = false;
        var hasValue = false;
        Dictionary<int, CellNote>? notes = null;
        var nextColumn = 0;
        while (true)
        {
            var token = scanner.Next();
            if (token == XmlScanner.Token.None)
            {
                break;
            }

            if (token == XmlScanner.Token.Start)
            {
                var name = scanner.Name;
                if (name.Length == 1 && name[0] == (byte)'c')
                {
                    var column = scanner.ColumnAttribute("r"u8);
                    cellColumn = column < 0 ? nextColumn : column;
                    nextColumn = cellColumn + 1;
                    cellType = CellType(scanner);
                    cellStyle = Math.Max(0, scanner.IntAttribute("s"u8));
                    sharedIndex = -1;
                    value.Clear();
                    formula.Clear();
                    hasFormula = false;
                    hasValue = false;
                    inCell = !scanner.IsEmpty;
                }
                else if (name.Length == 1 && name[0] == (byte)'f')
                {
                    hasFormula |= inCell;
                    inFormula = inCell && !scanner.IsEmpty;
                }
                else if (name.Length == 1 && name[0] == (byte)'v')
                {
                    hasValue |= inCell;
                    inValue = inCell && !scanner.IsEmpty;
                }
                else if (name.Length == 1 && name[0] == (byte)'t')
                {
                    inValue = inInline && !scanner.IsEmpty;
                }
                else if (scanner.Is("is"u8))
                {
                    inInline = inCell && !scanner.IsEmpty;
                }
                else if (scanner.Is("row"u8))
                {
                    var r = scanner.IntAttribute("r"u8);
                    rowNumber = r > 0 ? r : rowNumber + 1;
                    cells.Clear();
                    notes = null;
                    nextColumn = 0;
                    if (scanner.IsEmpty)
                    {
                        cells.Clear();
                    }
                }
                else if (scanner.Is("mergeCell"u8))
                {
                    if (scanner.Attribute("ref"u8) is { } range && range.Split(':') is [var a, var b])
                    {
                        sheet.Merges.Add(new MergedRange(RowOf(a), XlsxReader.ColumnIndex(a), RowOf(b), XlsxReader.ColumnIndex(b)));
                    }
                }
            }
            else if (token == XmlScanner.Token.Text)
            {
                if (inValue)
                {
                    if (cellType == "s" && value.Length == 0 && sharedIndex < 0 && XmlScanner.Digits(scanner.RawText) is var index and >= 0)
                    {
                        sharedIndex = index; // the usual <v>12</v>: no string for the index
                    }
                    else
                    {
                        if (sharedIndex >= 0)
                        {
                            value.Append(sharedIndex);
                            sharedIndex = -1;
                        }

                        scanner.AppendText(value);
                    }
                }
                else if (inFormula)
                {
                    scanner.AppendText(formula);
                }
            }
            else
            {
                var name = scanner.Name;
                if (name.Length == 1 && (name[0] == (byte)'v' || name[0] == (byte)'t'))
                {
                    inValue = false;
                }
                else if (name.Length == 1 && name[0] == (byte)'f')
                {
                    inFormula = false;
                }
                else if (scanner.Is("is"u8))
                {
                    inInline = false;
                }
                else if (name.Length == 1 && name[0] == (byte)'c' && inCell)
                {
                    inCell = false;
                    if (sharedIndex >= 0)
                    {
                        Put(SharedCell(sharedIndex, FontOf(cellStyle, styles), shared), cellColumn);
                    }
                    else if (value.Length == 0 && formula.Length > 0)
                    {
                        // Saved without a cached value (written by a program, or "calculate manually"): the formula's
                        // text is what the person typed; kept as text, never evaluated.
                        AddFormula("=" + formula, cellStyle, cellColumn);
                    }
                    else
                    {
                        AddCell(value.ToString(), cellType, cellStyle, cellColumn);
                    }

                    if ((hasFormula || cellType == "e") && cellColumn < 16_384)
                    {
                        (notes ??= [])[cellColumn] = Note(cellType, formula, hasValue);
                    }
                }
                else if (scanner.Is("row"u8))
                {
                    if (cells.Exists(c => c is not null && c.Text.Length > 0))
                    {
                        if (sheet.Rows.Count >= limits.MaxRowsPerSheet)
                        {
                            sheet.Truncated = true;
                            return;
                        }

                        sheet.Rows.Add(new RawRow(rowNumber, [.. cells]) { Notes = notes });
                    }

                    cells.Clear();
                    notes = null;
                }
            }
        }

        void AddCell(string raw, string? type, int style, int column) => Put(MakeCell(raw, type, style, shared, styles), column);

        void AddFormula(string text, int style, int column) => Put(new RawCell(text, FontOf(style, styles), null, unsavedFormula: true), column);

        void Put(RawCell? cell, int column)
        {
            if (cell is not null && column < 16_384)
            {
                while (cells.Count <= column)
                {
                    cells.Add(null);
                }

                cells[column] = cell;
            }
        }
    }

    /// <summary>What a formula or error cell was, the way <see cref="XlsxReader"/> says it (the delegate list's checks read it).</summary>
    private static CellNote Note(string? type, StringBuilder formula, bool hasValue)
    {
        if (type == "e")
        {
            return new CellNote(CellKind.Error, formula.ToString());
        }

        // A shared formula's other cells carry only its index: the formula text is on its first cell.
        var text = formula.Length == 0 ? "(công thức dùng chung)" : formula.ToString();
        return !hasValue ? new CellNote(CellKind.FormulaNoValue, text)
            : new CellNote(type is "str" or "s" or "inlineStr" ? CellKind.FormulaText : CellKind.FormulaOther, text);
    }

    private static string? FontOf(int style, CellStyles styles) =>
        style >= 0 && style < styles.XfFonts.Count && styles.XfFonts[style] >= 0 && styles.XfFonts[style] < styles.Fonts.Count ? styles.Fonts[styles.XfFonts[style]] : null;

    private static RawCell? MakeCell(string raw, string? type, int style, RawCell[] shared, CellStyles styles)
    {
        var font = FontOf(style, styles);
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) ? SharedCell(index, font, shared) : null;
            case "b":
                return new RawCell(raw == "1" ? "TRUE" : "FALSE", font, null);
            case "e":
                return raw.Length == 0 ? null : new RawCell(raw, font, null);
            case null or "n" when raw.Length > 0 && styles.DatesAsText && style < styles.XfDates.Count && styles.XfDates[style]:
                // A date typed into a text column: Excel stores the serial day; people wrote a date.
                return new RawCell(SerialDate(raw, styles.Date1904) ?? raw, font, null);
            default:
                return raw.Length == 0 ? null : new RawCell(raw, font, null);
        }
    }

    private static RawCell? SharedCell(int index, string? font, RawCell[] shared)
    {
        if (index < 0 || index >= shared.Length)
        {
            return null;
        }

        var item = shared[index];
        return item.Text.Length == 0 ? null : new RawCell(item.Text, font, item.Runs);
    }

    /// <summary>The cell types as constants: one string per cell for "s" was a tenth of what reading allocated.</summary>
    private static string? CellType(in XmlScanner scanner)
    {
        if (!scanner.TryRawAttribute("t"u8, out var raw))
        {
            return null;
        }

        return raw.SequenceEqual("s"u8) ? "s"
            : raw.SequenceEqual("str"u8) ? "str"
            : raw.SequenceEqual("inlineStr"u8) ? "inlineStr"
            : raw.SequenceEqual("n"u8) ? "n"
            : raw.SequenceEqual("b"u8) ? "b"
            : raw.SequenceEqual("e"u8) ? "e"
            : XmlScanner.Decode(raw);
    }

    private static int RowOf(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is >= '0' and <= '9')
            {
                n = (n * 10) + (ch - '0');
            }
        }

        return n;
    }

    /// <summary>An encrypted OOXML file is an OLE container holding a stream named "EncryptedPackage".</summary>
    private static bool IsEncryptedOle(Stream stream)
    {
        var buffer = new byte[Math.Min(stream.Length, 1 << 20)];
        stream.Position = 0;
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var needle = Encoding.Unicode.GetBytes("EncryptedPackage");
        return buffer.AsSpan(0, n).IndexOf(needle) >= 0;
    }

    private static RawWorkbook ReadCsv(Stream stream, Limits limits)
    {
        if (stream.Length > limits.MaxEntryBytes)
        {
            throw new FileReadException(FileRejection.TooLarge, "CSV too large", Megabytes(stream.Length), Megabytes(limits.MaxEntryBytes));
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new FileReadException(FileRejection.CsvNotUtf8, "CSV is not UTF-8");
        }

        var data = CsvReader.Parse(text, "CSV", limits.MaxRowsPerSheet);
        var sheet = new RawSheet { Name = "CSV" };
        foreach (var row in data.Rows)
        {
            if (sheet.Rows.Count >= limits.MaxRowsPerSheet)
            {
                sheet.Truncated = true;
                break;
            }

            sheet.Rows.Add(new RawRow(row.Number, row.Cells.Select(c => string.IsNullOrEmpty(c) ? null : new RawCell(c, null, null)).ToArray()));
        }

        var workbook = new RawWorkbook();
        workbook.Sheets.Add(sheet);
        return workbook;
    }
}
