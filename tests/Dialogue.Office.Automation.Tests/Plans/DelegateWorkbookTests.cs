using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Plans;

public sealed class DelegateWorkbookTests
{
    private static readonly string[] Venues = ["tinh", "nghia-lo", "luc-yen"];

    [Fact]
    public void Write_WithRows_PassesOpenXmlValidation()
    {
        using var dir = new TempDir();
        var path = dir.File("dai-bieu.xlsx");
        DelegateWorkbook.Write(path, Venues, [PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc Sở Nội vụ", "Sở Nội vụ")]);

        using var doc = SpreadsheetDocument.Open(path, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void Write_Blank_HasListDropdownsForHonorificGroupVenueAndPresidium()
    {
        using var dir = new TempDir();
        var path = dir.File("dai-bieu.xlsx");
        DelegateWorkbook.Write(path, Venues);

        using var doc = SpreadsheetDocument.Open(path, false);
        var sheet = Worksheet(doc, DelegateColumns.SheetName);
        var validations = sheet.Descendants<DataValidation>().ToList();
        Assert.Equal(4, validations.Count);
        Assert.All(validations, v => Assert.Equal(DataValidationValues.List, v.Type!.Value));

        // Each dropdown covers its own column from row 2 down and points at the hidden list sheet.
        foreach (var key in new[] { "honorific", "group", "venue", "presidium" })
        {
            var letter = ColumnLetter(DelegateColumns.All.ToList().FindIndex(c => c.Key == key) + 1);
            var validation = Assert.Single(validations, v => v.SequenceOfReferences!.InnerText!.StartsWith($"{letter}2:{letter}", StringComparison.Ordinal));
            Assert.StartsWith($"'{DelegateWorkbook.ListSheetName}'!", validation.Formula1!.Text, StringComparison.Ordinal);
            var lastRow = int.Parse(validation.SequenceOfReferences!.InnerText!.Split(':')[1][letter.Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(lastRow >= 1 + DelegateWorkbook.MinimumInputRows);
        }

        var listSheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == DelegateWorkbook.ListSheetName);
        Assert.Equal(SheetStateValues.Hidden, listSheet.State!.Value);
        var lists = XlsxReader.Read(path).Single(s => s.Name == DelegateWorkbook.ListSheetName);
        Assert.Equal(DelegateWorkbook.Honorifics, Column(lists, 0));
        Assert.Equal(DelegateWorkbook.GroupLabels, Column(lists, 1));
        Assert.Equal(Venues, Column(lists, 2));
        Assert.Equal(["x"], Column(lists, 3));

        // Every label offered in the dropdown is read back as its own group.
        Assert.Equal(Enum.GetValues<ProtocolGroup>().OrderBy(ProtocolTitles.TierOrder).ThenBy(g => (int)g), DelegateWorkbook.GroupLabels.Select(l => DelegateColumns.ParseGroup(l)!.Value));
    }

    [Fact]
    public void Write_Blank_HeaderIsBoldFrozenFilteredWithSetWidths()
    {
        using var dir = new TempDir();
        var path = dir.File("dai-bieu.xlsx");
        DelegateWorkbook.Write(path, Venues);

        using var doc = SpreadsheetDocument.Open(path, false);
        var sheet = Worksheet(doc, DelegateColumns.SheetName);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Contains(pane.State!.Value, new[] { PaneStateValues.Frozen, PaneStateValues.FrozenSplit });
        Assert.NotNull(sheet.Descendants<AutoFilter>().SingleOrDefault());
        var columns = sheet.Descendants<Column>().ToList();
        Assert.All(columns, c => Assert.True(c.CustomWidth?.Value == true && c.Width!.Value >= 6));
        Assert.Equal((uint)DelegateColumns.All.Count, columns.Max(c => c.Max!.Value));

        var stylesheet = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var firstHeaderCell = sheet.Descendants<Cell>().First(c => c.CellReference == "A1");
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)firstHeaderCell.StyleIndex!.Value);
        var font = stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
        Assert.NotNull(font.Bold);

        var header = XlsxReader.Read(path).Single(s => s.Name == DelegateColumns.SheetName).Rows[0];
        Assert.Equal(DelegateColumns.All.Select(c => c.Header), header.Cells);
    }

    [Fact]
    public void Write_TextThatLooksLikeFormulasOrNumbers_IsStoredAsTextVerbatim()
    {
        using var dir = new TempDir();
        var path = dir.File("dai-bieu.xlsx");
        string[] tricky = ["=HYPERLINK(\"http://x\",\"bấm\")", "+84 912 345 678", "-5", "@SUM(A1)", "0216 3852 219", "007", "1E5"];
        var rows = tricky.Select((t, i) => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["name"] = t,
            ["org"] = "Sở Nội vụ",
            ["phone"] = t,
            ["rank"] = t,
        }).ToArray();
        DelegateWorkbook.Write(path, Venues, rows);

        using (var doc = SpreadsheetDocument.Open(path, false))
        {
            var sheet = Worksheet(doc, DelegateColumns.SheetName);
            Assert.Empty(sheet.Descendants<CellFormula>());
            var dataCells = sheet.Descendants<Cell>().Where(c => c.CellValue is not null && RowOf(c) > 1).ToList();
            Assert.All(dataCells, c => Assert.Equal(CellValues.SharedString, c.DataType!.Value));
        }

        var read = XlsxReader.Read(path).Single(s => s.Name == DelegateColumns.SheetName);
        var nameColumn = DelegateColumns.All.ToList().FindIndex(c => c.Key == "name");
        var phoneColumn = DelegateColumns.All.ToList().FindIndex(c => c.Key == "phone");
        Assert.Equal(tricky, read.Rows.Skip(1).Where(r => !r.IsEmpty).Select(r => r[nameColumn]));
        Assert.Equal(tricky, read.Rows.Skip(1).Where(r => !r.IsEmpty).Select(r => r[phoneColumn]));
    }

    [Fact]
    public void Write_HelpSheet_ExplainsEveryColumnInVietnamese()
    {
        using var dir = new TempDir();
        var path = dir.File("dai-bieu.xlsx");
        DelegateWorkbook.Write(path, Venues);

        var help = XlsxReader.Read(path).Single(s => s.Name == DelegateWorkbook.HelpSheetName);
        Assert.False(help.IsHidden);
        foreach (var column in DelegateColumns.All)
        {
            var row = Assert.Single(help.Rows, r => r[0] == column.Header);
            Assert.False(string.IsNullOrWhiteSpace(row[2]), $"no help for {column.Header}");
            if (column.Help.Length > 0)
            {
                Assert.StartsWith(column.Help, row[2]!, StringComparison.Ordinal);
            }
        }

        Assert.Contains("nghia-lo", help.Rows.Single(r => r[0] == "Điểm cầu")[2]!, StringComparison.Ordinal);
        Assert.Equal("Có cột", help.Rows.Single(r => r[0] == "Họ và tên")[1]);
    }

    [Fact]
    public void Write_UnknownColumnKey_Throws()
    {
        using var dir = new TempDir();
        var row = new Dictionary<string, string> { ["ho_ten"] = "Nguyễn Văn An" };
        Assert.Throws<ArgumentException>(() => DelegateWorkbook.Write(dir.File("x.xlsx"), Venues, [row]));
    }

    [SkippableFact]
    public void Write_Sample_OpensInLibreOfficeWithVietnameseIntact()
    {
        using var dir = new TempDir();
        var path = dir.File("dai-bieu.xlsx");
        DelegateWorkbook.Write(path, Venues, [PlanFolderBuilder.ValidRow("Nguyễn Thị Hường", "Trưởng phòng Giáo dục Mầm non", "Sở Giáo dục và Đào tạo", "luc-yen")]);

        var csv = ExternalTools.ConvertWithLibreOffice(path, dir.File("out"), "csv:Text - txt - csv (StarCalc):44,34,76"); // 76 = UTF-8

        var text = File.ReadAllText(csv);
        Assert.Contains("Nguyễn Thị Hường", text, StringComparison.Ordinal);
        Assert.Contains("luc-yen", text, StringComparison.Ordinal);
    }

    private static Worksheet Worksheet(SpreadsheetDocument doc, string name)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static List<string> Column(SheetValues sheet, int index) =>
        sheet.Rows.Skip(1).Select(r => r[index]).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

    private static int RowOf(Cell cell) =>
        int.Parse(new string(cell.CellReference!.Value!.SkipWhile(char.IsLetter).ToArray()), System.Globalization.CultureInfo.InvariantCulture);

    private static string ColumnLetter(int number) => ((char)('A' + number - 1)).ToString();
}
