using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dialogue.Office.Automation.Spreadsheets;

/// <summary>One sheet to write: name, column headers with widths (in characters), and rows of text.</summary>
internal sealed record SimpleSheet(string Name, IReadOnlyList<(string Header, double Width)> Columns, IEnumerable<IReadOnlyList<string?>> Rows);

/// <summary>
/// Writes plain tabular workbooks with the Open XML SDK's streaming writer: a bold frozen header row, autofilter,
/// fixed column widths and wrapped text. Every value is an inline string, so text such as "=1+1" or "@x" is shown
/// as typed and never becomes a formula. Fast and flat in memory, for lists that may hold thousands of rows.
/// </summary>
internal static class SimpleXlsxWriter
{
    public static void Write(string path, params SimpleSheet[] sheets)
    {
        Outputs.AtomicFile.Write(path, stream => Write(stream, sheets));
    }

    public static void Write(Stream stream, params SimpleSheet[] sheets)
    {
        using var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border(), new Border(
                new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())),
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center })
                { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true }));

        var sheetsElement = new Sheets();
        var definedNames = new DefinedNames();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = wb.AddNewPart<WorksheetPart>();
            var lastRow = WriteSheet(part, sheet);
            sheetsElement.Append(new Sheet { Name = sheet.Name, SheetId = id, Id = wb.GetIdOfPart(part) });
            if (sheet.Columns.Count > 0)
            {
                var lastCol = XlsxReader.ColumnName(sheet.Columns.Count - 1);
                definedNames.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${lastCol}${Math.Max(1, lastRow)}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = id - 1,
                    Hidden = true,
                });
            }

            id++;
        }

        wb.Workbook = new Workbook(sheetsElement);
        if (definedNames.HasChildren)
        {
            wb.Workbook.Append(definedNames);
        }

        wb.Workbook.Save();
    }

    private static int WriteSheet(WorksheetPart part, SimpleSheet sheet)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0, TabSelected = false });
        writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.Columns[i].Width, CustomWidth = true });
        }

        writer.WriteEndElement();
        writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.SheetData());
        var rowIndex = 1;
        WriteRow(writer, rowIndex, sheet.Columns.Select(c => (string?)c.Header).ToList(), 2);
        foreach (var row in sheet.Rows)
        {
            rowIndex++;
            WriteRow(writer, rowIndex, row, 1);
        }

        writer.WriteEndElement();
        if (sheet.Columns.Count > 0)
        {
            writer.WriteElement(new AutoFilter { Reference = $"A1:{XlsxReader.ColumnName(sheet.Columns.Count - 1)}{Math.Max(1, rowIndex)}" });
        }

        writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteEndElement();
        return rowIndex;
    }

    private static void WriteRow(OpenXmlWriter writer, int rowIndex, IReadOnlyList<string?> values, uint style)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
        for (var c = 0; c < values.Count; c++)
        {
            var value = values[c] ?? "";
            var reference = XlsxReader.ColumnName(c) + rowIndex.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(new Cell { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style });
            writer.WriteElement(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value) { Space = SpaceProcessingModeValues.Preserve }));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
