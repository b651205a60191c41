using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Dialogue.Office.Automation.Tests.Questions.QuestionTestKit;

namespace Dialogue.Office.Automation.Tests.Questions;

/// <summary>
/// Issue 12, "nothing lost": the table decides where it ends. Returned sheets nobody here wrote — blank STT, "1.",
/// formulas saved without a value, askers titled Hiệu trưởng or Chủ tịch Công đoàn — keep every question, and the
/// signature block under the table is still ignored; reasons are the true ones; dates read as dates.
/// </summary>
public class TableEndTests
{
    private static readonly string[] Titles = ["Hiệu trưởng", "Phó Hiệu trưởng", "Chủ tịch Công đoàn", "Trưởng phòng", "Chủ tịch Công đoàn trường", "HIỆU TRƯỞNG"];

    private static readonly string[] Texts =
    [
        "Đề nghị bổ sung biên chế giáo viên mầm non cho các trường vùng đặc biệt khó khăn.",
        "Xin thêm biên chế",
        "Tăng phụ cấp?",
        "Chủ tịch Công đoàn trường kiến nghị tăng phụ cấp cho giáo viên vùng cao.",
        "- Đề nghị sửa chữa nhà công vụ cho giáo viên điểm trường lẻ.",
        "=> Kiến nghị hỗ trợ kinh phí mua sắm thiết bị dạy học tối thiểu.",
        "Hướng dẫn thu, chi các khoản thỏa thuận ngoài học phí",
    ];

    private static readonly string[] Signature = ["TRƯỞNG PHÒNG", "(Ký, ghi rõ họ tên)", "Nguyễn Văn Thắng"];

    private static object?[] Row(object? number, int i) =>
        [number, $"Người hỏi {i}", Titles[i % Titles.Length], "Trường PTDTBT THCS Mồ Dề", "THCS", (i % 9) + 1, Texts[i % Texts.Length] + $" (ý {i})", null, null];

    [Fact]
    public void Merge_BlankDottedAndUnsavedFormulaStt_WithTitledAskers_TakesEveryQuestionAndIgnoresTheSignature()
    {
        using var dir = new TempDir("questions-tableend-");
        var blank = Enumerable.Range(1, 8).Select(i => Row(null, i)).ToList();
        var dotted = Enumerable.Range(1, 6).Select(i => Row($"{i}.", i)).ToList();
        var formula = Enumerable.Range(1, 12).Select(i => Row(i, i)).ToList();
        Save(dir.File("blank.xlsx"), blank);
        Save(dir.File("dotted.xlsx"), dotted);
        Save(dir.File("formula.xlsx"), formula);
        RemoveCachedValues(dir.File("formula.xlsx"), "A", r => $"ROW()-{ReturnedHeaderRow}");

        var result = Merge(dir, [dir.File("blank.xlsx"), dir.File("dotted.xlsx"), dir.File("formula.xlsx")]);

        var master = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        var source = Column("Nguồn (tệp › trang › dòng)");
        Assert.Equal(8, master.Count(r => r[source]!.StartsWith("blank.xlsx", StringComparison.Ordinal)));
        Assert.Equal(6, master.Count(r => r[source]!.StartsWith("dotted.xlsx", StringComparison.Ordinal)));
        Assert.Equal(12, master.Count(r => r[source]!.StartsWith("formula.xlsx", StringComparison.Ordinal)));
        Assert.Equal(26, result.RowsTaken);
        var issues = Rows(result.OutputPath, "Lỗi và bỏ qua");
        var footer = issues.Where(r => r[5] == "QUESTIONS_ROW_FOOTER").ToList();
        Assert.Equal(3 * Signature.Length, footer.Count); // the signature, every line, in every file
        Assert.Equal(result.RowsIgnored, result.RowsRejected); // nothing rejected as an error
        Assert.Contains(master, r => r[Column("Chức vụ")] == "Chủ tịch Công đoàn");
    }

    [Fact]
    public void Merge_QuestionTypedAsAFormulaSavedWithoutValue_KeepsTheFormulaTextFlaggedNeverEvaluated()
    {
        using var dir = new TempDir("questions-tableend-");
        Save(dir.File("cmd.xlsx"), [Row(1, 1), Row(2, 2)]);
        RemoveCachedValues(dir.File("cmd.xlsx"), "G", r => r == ReturnedHeaderRow + 2 ? "cmd|' /C calc'!A0" : null);

        var result = Merge(dir, [dir.File("cmd.xlsx")]);

        Assert.Equal(2, result.RowsTaken);
        var master = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        Assert.Equal("=cmd|' /C calc'!A0", master[1][Column("Nội dung câu hỏi, ý kiến, kiến nghị")]);
        Assert.Contains("công thức chưa có giá trị", master[1][Column("Cần xem lại")], StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p.Code == "QUESTIONS_CELL_FORMULA_TEXT" && p.Location.Contains("dòng 8", StringComparison.Ordinal));
        AssertNoFormulas(result.OutputPath);
    }

    [Fact]
    public void Merge_SerialDateInATextColumnAndInTheLetterhead_ReadAsDates()
    {
        using var dir = new TempDir("questions-tableend-");
        var row = Row(1, 1);
        row[8] = new DateTime(2023, 4, 10); // "Ghi chú": a date the clerk typed, stored as 45026
        ReturnedSheetBuilder.Save(dir.File("ngay.xlsx"), new ReturnedSheet
        {
            LetterheadLeft = ["UBND HUYỆN VĂN YÊN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
            DateLine = null,
            HeaderRow = ReturnedHeaderRow,
            Headers = Standard,
            Rows = [row],
        });
        using (var workbook = new ClosedXML.Excel.XLWorkbook(dir.File("ngay.xlsx")))
        {
            workbook.Worksheet(1).Cell(4, 6).Value = new DateTime(2023, 4, 9); // the letterhead's date, as a date cell
            workbook.Save();
        }

        var result = Merge(dir, [dir.File("ngay.xlsx")], SamplePlan);

        var master = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        Assert.Equal("10/04/2023", master[0][Column("Ghi chú")]);
        var vanYen = result.Tracking.Single(t => t.UnitName.Contains("Văn Yên", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2023, 4, 9), vanYen.Received);
        Assert.Equal("Ngày ghi trên phiếu", vanYen.DateSource);
    }

    [Theory]
    [InlineData("Yên Bái, ngày 09 tháng 4 năm 2023")]
    [InlineData("Yên Bái, ngày 09/4/2023")]
    [InlineData("Yên Bái, ngày 9-04-2023")]
    public void FindDate_LetterheadDateLines(string line) =>
        Assert.Equal(new DateOnly(2023, 4, 9), QuestionFileParser.FindDate(line));

    [Fact]
    public void SerialDate_1900And1904Systems() =>
        Assert.Equal(("10/04/2023", "01/03/1900", "10/04/2023"), (GuardedWorkbookReader.SerialDate("45026", false), GuardedWorkbookReader.SerialDate("61", false), GuardedWorkbookReader.SerialDate("43564", true)));

    [Theory]
    [InlineData("dd/mm/yyyy", true)]
    [InlineData("[$-42A]d mmmm yyyy", true)]
    [InlineData("\"Ngày\" d", true)]
    [InlineData("0.00", false)]
    [InlineData("[h]:mm", false)]
    [InlineData("\"dd\"0", false)]
    public void DateFormatCodes(string code, bool date) => Assert.Equal(date, GuardedWorkbookReader.IsDateFormatCode(code));

    [Fact]
    public void Read_OversizedSheetOfOrdinaryXml_IsTooManyRowsOrTooLargeNotMalicious_AndABombIsStillABomb()
    {
        using var dir = new TempDir("questions-tableend-");
        var rows = new StringBuilder();
        for (var r = 1; r <= 20_000; r++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>{r}</t></is></c><c r=\"B{r}\" t=\"inlineStr\"><is><t>Câu hỏi số {r * 7919 % 100_003} về biên chế giáo viên</t></is></c></row>");
        }

        WritePackage(dir.File("inline.xlsx"), rows.ToString());
        WritePackage(dir.File("bomb.xlsx"), "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + new string(' ', 3_000_000) + "</t></is></c></row>");
        var limits = new GuardedWorkbookReader.Limits { MaxEntryBytes = 1 << 20 };

        var manyRows = Assert.Throws<FileReadException>(() => GuardedWorkbookReader.Read(dir.File("inline.xlsx"), limits));
        var big = Assert.Throws<FileReadException>(() => GuardedWorkbookReader.Read(dir.File("inline.xlsx"), limits with { MaxRowsPerSheet = 50_000 }));
        var bomb = Assert.Throws<FileReadException>(() => GuardedWorkbookReader.Read(dir.File("bomb.xlsx"), limits));

        Assert.Equal(FileRejection.TooManyRows, manyRows.Reason); // 20 000 rows > 10 000: the true reason, counted while streaming
        Assert.Equal(FileRejection.TooLarge, big.Reason); // within the row limit but too big: size, still not malicious
        Assert.Equal(FileRejection.ZipBomb, bomb.Reason);
        Assert.Equal("1 MB", big.Args[1]);
        var text = Automation.Diagnostics.Problem.Error("QUESTIONS_FILE_TOO_LARGE", "inline.xlsx", "", big.Args).Message;
        Assert.DoesNotContain("nghi tệp độc hại", text, StringComparison.Ordinal);
        Assert.Contains("quá nhiều dòng", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_HundredThousandRowsOfInlineStrings_IsTooManyRowsNotMalicious()
    {
        // The issue's file: 100 000 rows written with inline strings, a ~72 MB sheet part (over the 64 MB part limit).
        using var dir = new TempDir("questions-tableend-");
        using (var zip = ZipFile.Open(dir.File("inline-100k.xlsx"), ZipArchiveMode.Create))
        {
            WriteParts(zip);
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            sheet.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>STT</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Nội dung câu hỏi, ý kiến, kiến nghị</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Họ và tên</t></is></c></row>");
            for (var r = 2; r <= 100_001; r++)
            {
                sheet.Write(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{r}\" spans=\"1:9\"><c r=\"A{r}\" s=\"3\"><v>{r - 1}</v></c><c r=\"B{r}\" t=\"inlineStr\" s=\"4\"><is><t xml:space=\"preserve\">Đề nghị xem xét bổ sung biên chế giáo viên cho trường số {r * 7919 % 100_003}, điểm trường lẻ thôn {r % 97}, xã {r % 31}; hỗ trợ nhà công vụ, phụ cấp thu hút và chế độ cho giáo viên hợp đồng năm học {2000 + r % 23}–{2001 + r % 23}.</t></is></c><c r=\"C{r}\" t=\"inlineStr\" s=\"4\"><is><t>Nguyễn Văn {r % 1000:000}</t></is></c><c r=\"D{r}\" t=\"inlineStr\" s=\"4\"><is><t>Trường PTDTBT Tiểu học và THCS số {r % 211}</t></is></c><c r=\"E{r}\" t=\"inlineStr\" s=\"4\"><is><t>Ghi chú: đã gửi kèm văn bản số {r % 499}/PGDĐT ngày {1 + r % 28}/{1 + r % 12}/2023</t></is></c></row>"));
            }

            sheet.Write("</sheetData></worksheet>");
        }

        using (var zip = ZipFile.OpenRead(dir.File("inline-100k.xlsx")))
        {
            var part = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            Assert.True(part.Length > 64L << 20, $"sheet part {part.Length} bytes");
            Assert.InRange(part.Length / part.CompressedLength, 2, 50); // ordinary XML compression, as Excel writes it
        }

        var result = Merge(dir, [dir.File("inline-100k.xlsx")]);

        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("QUESTIONS_FILE_TOO_MANY_ROWS", problem.Code);
        Assert.Contains("10.000 dòng", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("độc hại", problem.Message, StringComparison.Ordinal);
    }

    private const int ReturnedHeaderRow = 6;

    private static void Save(string path, List<object?[]> rows) =>
        ReturnedSheetBuilder.Save(path, new ReturnedSheet
        {
            LetterheadLeft = ["UBND HUYỆN MÙ CANG CHẢI", "TRƯỜNG PTDTBT THCS MỒ DỀ"],
            DateLine = "Mù Cang Chải, ngày 08 tháng 4 năm 2023",
            HeaderRow = ReturnedHeaderRow,
            Headers = Standard,
            Rows = rows,
            Signature = Signature,
        });

    /// <summary>Turns cells of a column under the header into formulas saved without a cached value (null = leave).</summary>
    private static void RemoveCachedValues(string path, string column, Func<int, string?> formula)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var part = document.WorkbookPart!.WorksheetParts.First();
        foreach (var cell in part.Worksheet.Descendants<Cell>().ToList())
        {
            var reference = cell.CellReference!.Value!;
            var letters = new string(reference.TakeWhile(char.IsLetter).ToArray());
            var row = int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture);
            if (letters == column && row > ReturnedHeaderRow && row <= ReturnedHeaderRow + 20 && cell.CellValue is not null && formula(row) is { } text)
            {
                cell.RemoveAllChildren();
                cell.DataType = null;
                cell.AppendChild(new CellFormula(text));
            }
        }

        part.Worksheet.Save();
    }

    private static void AssertNoFormulas(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        foreach (var part in document.WorkbookPart!.WorksheetParts)
        {
            Assert.Empty(part.Worksheet.Descendants<CellFormula>());
        }
    }

    private static void WritePackage(string path, string sheetRows)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        WriteParts(zip);
        using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + sheetRows + "</sheetData></worksheet>");
    }

    private static void WriteParts(ZipArchive zip)
    {
        void Entry(string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        Entry("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        Entry("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Entry("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        Entry("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    }
}
