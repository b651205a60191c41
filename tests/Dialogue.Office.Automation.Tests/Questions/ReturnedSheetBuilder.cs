using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dialogue.Office.Automation.Tests.Questions;

/// <summary>
/// Builds returned question sheets the way units really send them: a letterhead over the table, the header on
/// any row, renamed or reordered columns, merged cells, column numbers, a totals row and a signature block,
/// legacy fonts, formulas with cached values. Shared by the tests and by the sample generator in bench/.
/// </summary>
internal sealed class ReturnedSheet
{
    public string Name { get; init; } = "Sheet1";
    public string[] LetterheadLeft { get; init; } = [];
    public string[] LetterheadRight { get; init; } = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];
    public string? DateLine { get; init; }
    public string? Title { get; init; } = "TỔNG HỢP CÂU HỎI, Ý KIẾN, KIẾN NGHỊ";
    public int HeaderRow { get; init; } = 7;
    public required string[] Headers { get; init; }
    public List<object?[]> Rows { get; init; } = [];
    public bool ColumnNumbers { get; init; }
    public string? TotalRow { get; init; }
    public string[] Signature { get; init; } = [];

    /// <summary>Font of the table cells (".VnTime", "VNI-Times"…) and of the letterhead (".VnTimeH").</summary>
    public string Font { get; init; } = "Times New Roman";

    public string? LetterheadFont { get; init; }

    /// <summary>Applied to every text written (TCVN3/VNI encoders, NFD…).</summary>
    public Func<string, string> Encode { get; init; } = s => s;

    /// <summary>Ranges merged in the table, e.g. "D8:D10" (value taken from the top-left cell).</summary>
    public List<string> Merges { get; init; } = [];

    /// <summary>Column letters whose numbers get a formula (=ROW()-n) keeping the number as cached value.</summary>
    public string? FormulaColumn { get; init; }

    /// <summary>Per-cell font overrides: (row offset in Rows, column) → font.</summary>
    public Dictionary<(int Row, int Column), string> CellFonts { get; init; } = [];

    public bool Hidden { get; init; }
}

internal static class ReturnedSheetBuilder
{
    public static void Save(string path, params ReturnedSheet[] sheets)
    {
        using (var workbook = new XLWorkbook())
        {
            foreach (var spec in sheets)
            {
                Fill(workbook.Worksheets.Add(spec.Name), spec);
                if (spec.Hidden)
                {
                    workbook.Worksheet(spec.Name).Hide();
                }
            }

            workbook.SaveAs(path);
        }

        var formulas = sheets.Where(s => s.FormulaColumn is not null).ToList();
        if (formulas.Count == 0)
        {
            return;
        }

        // ClosedXML does not store cached values for formulas; add the formula over the cached number with the SDK.
        using var document = SpreadsheetDocument.Open(path, true);
        var book = document.WorkbookPart!;
        foreach (var spec in formulas)
        {
            var sheet = book.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == spec.Name);
            var part = (WorksheetPart)book.GetPartById(sheet.Id!);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var reference = cell.CellReference!.Value!;
                var column = new string(reference.TakeWhile(char.IsLetter).ToArray());
                var row = int.Parse(reference[column.Length..], CultureInfo.InvariantCulture);
                if (column == spec.FormulaColumn && row > spec.HeaderRow && cell.CellValue is not null && cell.DataType is null)
                {
                    cell.CellFormula = new CellFormula($"ROW()-{spec.HeaderRow}");
                    cell.CellValue = new CellValue(cell.CellValue.Text);
                    cell.InsertBefore(cell.CellFormula, cell.CellValue);
                }
            }

            part.Worksheet.Save();
        }
    }

    private static void Fill(IXLWorksheet ws, ReturnedSheet spec)
    {
        ws.Style.Font.FontName = spec.Font;
        var columns = Math.Max(spec.Headers.Length, 6);
        var leftSpan = Math.Max(2, columns / 2 - 1);
        for (var i = 0; i < spec.LetterheadLeft.Length; i++)
        {
            var range = ws.Range(i + 1, 1, i + 1, leftSpan).Merge();
            range.FirstCell().Value = spec.Encode(spec.LetterheadLeft[i]);
            range.Style.Font.Bold = i > 0;
            range.Style.Font.FontName = spec.LetterheadFont ?? spec.Font;
            range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        }

        for (var i = 0; i < spec.LetterheadRight.Length; i++)
        {
            var range = ws.Range(i + 1, leftSpan + 1, i + 1, columns).Merge();
            range.FirstCell().Value = spec.Encode(spec.LetterheadRight[i]);
            range.Style.Font.Bold = true;
            range.Style.Font.FontName = spec.LetterheadFont ?? spec.Font;
            range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        }

        var next = Math.Max(spec.LetterheadLeft.Length, spec.LetterheadRight.Length) + 1;
        if (spec.DateLine is not null && next < spec.HeaderRow)
        {
            var range = ws.Range(next, leftSpan + 1, next, columns).Merge();
            range.FirstCell().Value = spec.Encode(spec.DateLine);
            range.Style.Font.Italic = true;
            next++;
        }

        if (spec.Title is not null && next < spec.HeaderRow)
        {
            var range = ws.Range(next, 1, next, columns).Merge();
            range.FirstCell().Value = spec.Encode(spec.Title);
            range.Style.Font.Bold = true;
            range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        }

        for (var c = 0; c < spec.Headers.Length; c++)
        {
            var cell = ws.Cell(spec.HeaderRow, c + 1);
            cell.Value = spec.Encode(spec.Headers[c]);
            cell.Style.Font.Bold = true;
            ws.Column(c + 1).Width = spec.Headers[c].Length > 20 ? 50 : 16;
        }

        var row = spec.HeaderRow + 1;
        if (spec.ColumnNumbers)
        {
            for (var c = 0; c < spec.Headers.Length; c++)
            {
                ws.Cell(row, c + 1).Value = $"({c + 1})";
            }

            row++;
        }

        for (var r = 0; r < spec.Rows.Count; r++, row++)
        {
            var values = spec.Rows[r];
            for (var c = 0; c < values.Length; c++)
            {
                var cell = ws.Cell(row, c + 1);
                switch (values[c])
                {
                    case null:
                        break;
                    case int n:
                        cell.Value = n;
                        break;
                    case DateTime date:
                        cell.Value = date; // a serial day number in a date format, as Excel stores a typed date
                        break;
                    case string s:
                        // Data as typed: text stays text even when it looks like a formula or a number.
                        cell.SetValue(spec.Encode(s));
                        cell.DataType = XLDataType.Text;
                        break;
                }

                if (spec.CellFonts.TryGetValue((r, c), out var font))
                {
                    cell.Style.Font.FontName = font;
                }

                cell.Style.Alignment.WrapText = true;
                cell.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            }
        }

        foreach (var merge in spec.Merges)
        {
            ws.Range(merge).Merge();
        }

        if (spec.TotalRow is not null)
        {
            ws.Cell(row, 1).Value = spec.Encode(spec.TotalRow);
            ws.Range(row, 1, row, 3).Merge();
            ws.Cell(row, 1).Style.Font.Bold = true;
            row++;
        }

        row++;
        foreach (var line in spec.Signature)
        {
            var range = ws.Range(row, leftSpan + 1, row, columns).Merge();
            range.FirstCell().Value = spec.Encode(line);
            range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            row++;
        }
    }
}
