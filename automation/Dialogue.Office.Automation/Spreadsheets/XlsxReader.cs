using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;

namespace Dialogue.Office.Automation.Spreadsheets;

/// <summary>What a cell held besides plain typed content, when it matters to whoever checks the value.</summary>
internal enum CellKind
{
    /// <summary>Typed text or a number.</summary>
    Value,

    /// <summary>A formula whose cached value is text (t="str"): the text is that value.</summary>
    FormulaText,

    /// <summary>A formula whose cached value is a number, a date or a boolean: the text is that value.</summary>
    FormulaOther,

    /// <summary>A formula saved without a cached value: the text is the formula ("=A1+1").</summary>
    FormulaNoValue,

    /// <summary>An error value (#REF!, #N/A…), typed or computed: the text is the error.</summary>
    Error,
}

/// <summary>A cell that is not plain content: its kind and, for formulas, the formula without "=".</summary>
internal readonly record struct CellNote(CellKind Kind, string Formula);

/// <summary>One row as read: its 1-based number and its cell texts by 0-based column (null = empty).</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<string?> Cells)
{
    public string? this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : null;

    /// <summary>Formula and error cells by column (null when the row has none).</summary>
    public IReadOnlyDictionary<int, CellNote>? Notes { get; init; }

    public CellNote? NoteAt(int column) => Notes is not null && Notes.TryGetValue(column, out var note) ? note : null;

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A sheet as read: its name, its rows (empty rows left out) and its merged ranges.</summary>
internal sealed record SheetValues(string Name, IReadOnlyList<SheetRow> Rows, IReadOnlyList<MergedRange> Merges, bool IsHidden);

/// <summary>A merged range, 1-based rows and 0-based columns, inclusive.</summary>
internal sealed record MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn);

/// <summary>
/// Reads cell values from .xlsx with the Open XML SDK's streaming reader: no styles, no object model, so it
/// stays fast and small on the hot paths (delegate lists, returned question sheets). Formula cells give their
/// cached value. ClosedXML is kept for writing formatted workbooks. A file is read only after
/// <see cref="GuardedPackage"/> has checked it.
/// </summary>
internal static class XlsxReader
{
    /// <summary>Reads every sheet (or only <paramref name="sheetFilter"/> ones) of a workbook, checked with <paramref name="limits"/> (default <see cref="InputLimits.Workbook"/>).</summary>
    /// <exception cref="InputFileException">The file is refused before it is read.</exception>
    public static IReadOnlyList<SheetValues> Read(string path, Func<string, bool>? sheetFilter = null, int maxRows = int.MaxValue, PackageLimits? limits = null)
    {
        var package = GuardedPackage.Open(path, PackageKind.Workbook, limits ?? InputLimits.Workbook);
        return Read(package, sheetFilter, maxRows);
    }

    /// <summary>
    /// Reads an input workbook for a reader that reports instead of throwing: a refused file adds its FILE_* problem, an
    /// unreadable one adds <paramref name="unreadableCode"/> (location and argument: the file name); both give null.
    /// </summary>
    public static IReadOnlyList<SheetValues>? TryRead(string path, ProblemList problems, string unreadableCode, string detail)
    {
        var file = System.IO.Path.GetFileName(path);
        try
        {
            return Read(path);
        }
        catch (InputFileException ex)
        {
            problems.Add(ex.ToProblem());
            return null;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException || GuardedPackage.IsPackageFault(ex))
        {
            problems.Error(unreadableCode, file, detail, file);
            return null;
        }
    }

    /// <summary>Reads a workbook the guarded opener has checked.</summary>
    public static IReadOnlyList<SheetValues> Read(GuardedPackage package, Func<string, bool>? sheetFilter = null, int maxRows = int.MaxValue)
    {
        using var document = package.OpenSpreadsheet();
        return Read(document, sheetFilter, maxRows);
    }

    /// <summary>Reads a workbook from a stream the caller trusts (one the core has just written).</summary>
    public static IReadOnlyList<SheetValues> Read(Stream stream, Func<string, bool>? sheetFilter = null, int maxRows = int.MaxValue)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        return Read(document, sheetFilter, maxRows);
    }

    private static IReadOnlyList<SheetValues> Read(SpreadsheetDocument document, Func<string, bool>? sheetFilter, int maxRows)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
        var sharedStrings = ReadSharedStrings(workbookPart.SharedStringTablePart);
        var result = new List<SheetValues>();
        var sheets = workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [];
        foreach (var sheet in sheets)
        {
            var name = sheet.Name?.Value ?? "";
            if (sheetFilter is not null && !sheetFilter(name))
            {
                continue;
            }

            if (sheet.Id?.Value is not { } relId || workbookPart.GetPartById(relId) is not WorksheetPart worksheetPart)
            {
                continue; // chart sheets and dialog sheets hold no cells
            }

            var hidden = sheet.State is not null && sheet.State.Value != SheetStateValues.Visible;
            result.Add(ReadSheet(name, worksheetPart, sharedStrings, maxRows, hidden));
        }

        return result;
    }

    /// <summary>Names of the worksheets in workbook order.</summary>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        using var document = GuardedPackage.Open(path, PackageKind.Workbook, InputLimits.Workbook).OpenSpreadsheet();
        return document.WorkbookPart?.Workbook?.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? "").ToList() ?? [];
    }

    private static string[] ReadSharedStrings(SharedStringTablePart? part)
    {
        if (part is null)
        {
            return [];
        }

        var list = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        var builder = new StringBuilder();
        var inPhonetic = 0;
        var inItem = false;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    inItem = true;
                    builder.Clear();
                }
                else
                {
                    inItem = false;
                    list.Add(builder.ToString());
                }
            }
            else if (reader.ElementType == typeof(PhoneticRun))
            {
                inPhonetic += reader.IsStartElement ? 1 : -1;
            }
            else if (inItem && inPhonetic == 0 && reader.IsStartElement && reader.ElementType == typeof(DocumentFormat.OpenXml.Spreadsheet.Text))
            {
                builder.Append(reader.GetText());
            }
        }

        return [.. list];
    }

    private static SheetValues ReadSheet(string name, WorksheetPart part, string[] sharedStrings, int maxRows, bool hidden)
    {
        var rows = new List<SheetRow>();
        var merges = new List<MergedRange>();
        using var reader = OpenXmlReader.Create(part);
        List<string?>? cells = null;
        Dictionary<int, CellNote>? notes = null;
        var rowNumber = 0;
        var implicitRow = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    var r = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                    rowNumber = int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : implicitRow + 1;
                    implicitRow = rowNumber;
                    cells = [];
                    notes = null;
                }
                else if (cells is not null)
                {
                    if (cells.Exists(c => !string.IsNullOrEmpty(c)))
                    {
                        rows.Add(new SheetRow(rowNumber, cells) { Notes = notes });
                        if (rows.Count >= maxRows)
                        {
                            break;
                        }
                    }

                    cells = null;
                }
            }
            else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && cells is not null)
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count <= column)
                {
                    cells.Add(null);
                }

                cells[column] = CellText(cell, sharedStrings);
                if (Note(cell) is { } note)
                {
                    (notes ??= [])[column] = note;
                    cells[column] = note.Kind == CellKind.FormulaNoValue ? "=" + note.Formula : cells[column];
                }
            }
            else if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement)
            {
                var cell = (MergeCell)reader.LoadCurrentElement()!;
                if (cell.Reference?.Value is { } range && ParseRange(range) is { } merged)
                {
                    merges.Add(merged);
                }
            }
        }

        return new SheetValues(name, rows, merges, hidden);
    }

    private static CellNote? Note(Cell cell)
    {
        var type = cell.DataType?.Value;
        var formula = cell.CellFormula?.Text;
        if (type == CellValues.Error)
        {
            return new CellNote(CellKind.Error, formula ?? "");
        }

        if (cell.CellFormula is null)
        {
            return null;
        }

        // A shared formula's other cells carry only its index: the formula text is on its first cell.
        formula = string.IsNullOrEmpty(formula) ? "(công thức dùng chung)" : formula;
        if (cell.CellValue?.Text is null)
        {
            return new CellNote(CellKind.FormulaNoValue, formula);
        }

        return new CellNote(type == CellValues.String || type == CellValues.SharedString || type == CellValues.InlineString ? CellKind.FormulaText : CellKind.FormulaOther, formula);
    }

    private static string? CellText(Cell cell, string[] sharedStrings)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        var raw = cell.CellValue?.Text;
        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Length
                ? sharedStrings[index]
                : null;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        return raw;
    }

    /// <summary>"AB12" → 27 (0-based column).</summary>
    public static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (ch - 'A' + 1);
            }
            else if (ch is >= 'a' and <= 'z')
            {
                column = (column * 26) + (ch - 'a' + 1);
            }
            else
            {
                break;
            }
        }

        return column - 1;
    }

    /// <summary>0-based column → "A", "B", … "AA".</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        column++;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            name = (char)('A' + rem) + name;
            column = (column - 1) / 26;
        }

        return name;
    }

    private static MergedRange? ParseRange(string range)
    {
        var parts = range.Split(':');
        if (parts.Length != 2)
        {
            return null;
        }

        static int RowOf(string reference)
        {
            var digits = new string(reference.SkipWhile(char.IsLetter).ToArray());
            return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }

        return new MergedRange(RowOf(parts[0]), ColumnIndex(parts[0]), RowOf(parts[1]), ColumnIndex(parts[1]));
    }
}
