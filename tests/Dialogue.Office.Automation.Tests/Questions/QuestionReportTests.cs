using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Automation.Spreadsheets;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static Dialogue.Office.Automation.Tests.Questions.QuestionTestKit;

namespace Dialogue.Office.Automation.Tests.Questions;

/// <summary>Issue 12: the reports the seed's deadlines ask for (a district's by 10/4, the Sở's by 15/4), ND30-clean.</summary>
public class QuestionReportTests
{
    [SkippableFact]
    public void ProvinceReport_ToUbndTinhBy15April_CountsByTopicAndUnit_LateAndMissing_Nd30Clean_LibreOfficeConverts()
    {
        using var dir = new TempDir("questions-report-");
        var merged = Merge(dir, [SampleReturns], SamplePlan);
        var path = dir.File("bao-cao-15-4.docx");

        QuestionReport.Write(new QuestionReportRequest { Workbook = merged.OutputPath, Plan = SamplePlan, DeadlineId = "so-gddt", OutputPath = path });

        var text = Text(path);
        Assert.Contains("SỞ GIÁO DỤC VÀ ĐÀO TẠO", text, StringComparison.Ordinal);
        // What a Sở signs (looked at on the PDF): the parent body abbreviated on one line, the plan cited by number and
        // date, the conference's name capitalised, and the signature block never split from its last sentence.
        Assert.Contains("UBND TỈNH YÊN BÁI", text, StringComparison.Ordinal);
        Assert.Contains("Thực hiện Kế hoạch số 90/KH-UBND ngày 31/3/2023 của Ủy ban nhân dân tỉnh Yên Bái về tổ chức Hội nghị đối thoại giữa", text, StringComparison.Ordinal);
        Assert.Contains("gửi Hội nghị đối thoại giữa", text, StringComparison.Ordinal);
        Assert.Contains("chỉ đạo các cơ quan chủ trì trả lời chuẩn bị nội dung trả lời", text, StringComparison.Ordinal);
        AssertSignatureKeptWithLastSentence(path);
        Assert.Contains("Yên Bái, ngày 15 tháng 4 năm 2023", text, StringComparison.Ordinal); // the plan's date, not the clock
        Assert.Contains("Kính gửi: Ủy ban nhân dân tỉnh Yên Bái.", text, StringComparison.Ordinal);
        Assert.Contains("/BC-SGDĐT", text, StringComparison.Ordinal);
        Assert.Contains($"tổng hợp được {merged.Questions} câu hỏi", text, StringComparison.Ordinal);
        Assert.Contains("Đơn vị gửi muộn: Ủy ban nhân dân huyện Mù Cang Chải", text, StringComparison.Ordinal);
        Assert.Contains("Đơn vị chưa gửi: Ủy ban nhân dân huyện Trạm Tấu", text, StringComparison.Ordinal);
        var report = Nd30Checker.Check(path);
        Assert.True(!report.Errors.Any(), string.Join("; ", report.Errors.Select(f => f.Code + " " + f.Location)));
        var pdf = ExternalTools.ConvertWithLibreOffice(path, dir.File("pdf"));
        Assert.True(new FileInfo(pdf).Length > 10_000);
        if (Environment.GetEnvironmentVariable("DIALOGUE_REPORT_OUT") is { Length: > 0 } keep)
        {
            File.Copy(path, Path.Combine(keep, "bao-cao-15-4.docx"), true);
        }
    }

    [SkippableFact]
    public void ProvinceReport_HasItsPhuLuc_SelectedQuestionsPerTopicWithAskerUnitAndBody_Nd30TitleBlock_TextNeverAFormula()
    {
        using var dir = new TempDir("questions-appendix-");
        var merged = Merge(dir, [SampleReturns], SamplePlan);
        // The clerk's edited selection: one question typed like a formula must stay what was typed.
        const string Hostile = "=HYPERLINK(\"http://x.invalid\",\"Bấm vào đây\")";
        using (var workbook = new ClosedXML.Excel.XLWorkbook(merged.OutputPath))
        {
            var sheet = workbook.Worksheet(ConsolidatedWorkbookWriter.MasterSheet);
            var first = sheet.RowsUsed().First(r => r.RowNumber() > ConsolidatedWorkbookWriter.HeaderRow && r.Cell(Column("Chọn") + 1).GetString() == "x");
            var cell = first.Cell(Column("Câu hỏi đưa ra đối thoại") + 1);
            cell.DataType = ClosedXML.Excel.XLDataType.Text;
            cell.SetValue(Hostile);
            cell.DataType = ClosedXML.Excel.XLDataType.Text;
            workbook.Save();
        }

        var path = dir.File("bao-cao-15-4.docx");
        var result = QuestionReport.Write(new QuestionReportRequest { Workbook = merged.OutputPath, Plan = SamplePlan, DeadlineId = "so-gddt", Number = "7", OutputPath = path });

        // Beside the report, and the report points to it with the same number.
        Assert.Equal(dir.File("bao-cao-15-4-phu-luc.xlsx"), result.Appendix);
        var text = Text(path);
        Assert.Contains("07/BC-SGDĐT", text, StringComparison.Ordinal);
        Assert.Contains("(chi tiết tại Phụ lục kèm theo Báo cáo này)", text, StringComparison.Ordinal);

        using (var document = SpreadsheetDocument.Open(result.Appendix!, false))
        {
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document).Select(e => e.Description));
            var part = document.WorkbookPart!.WorksheetParts.Single();
            Assert.Empty(part.Worksheet.Descendants<CellFormula>());
            Assert.All(part.Worksheet.Descendants<Cell>().Where(c => c.CellValue is not null || c.InlineString is not null),
                c => Assert.True(c.DataType?.Value is CellValues.SharedString or CellValues.InlineString or CellValues.String, c.CellReference));
            // Widths chosen by hand for every column (no AdjustToContents), the heading row repeated on every page.
            var columns = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Where(c => c.Min!.Value <= QuestionReportAppendix.Headers.Length).ToList();
            Assert.Equal(QuestionReportAppendix.Headers.Length, columns.Sum(c => (int)(c.Max!.Value - c.Min!.Value + 1)));
            Assert.All(columns, c => Assert.True(c.CustomWidth?.Value == true && c.Width!.Value >= 6, $"column {c.Min}"));
            var titles = document.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles");
            Assert.Equal("'Phụ lục'!$5:$5", titles.Text);
        }

        var appendix = XlsxReader.Read(result.Appendix!, _ => true).Single();
        Assert.Equal(QuestionReportAppendix.SheetName, appendix.Name);
        string? At(int row, int col) => appendix.Rows.FirstOrDefault(r => r.Number == row)?[col];
        Assert.Equal("Phụ lục", At(1, 0));
        Assert.Equal(QuestionReportAppendix.Title, At(2, 0));
        Assert.Equal("(Kèm theo Báo cáo số 07/BC-SGDĐT ngày 15 tháng 4 năm 2023 của Sở Giáo dục và Đào tạo)", At(3, 0));
        Assert.Equal(QuestionReportAppendix.Headers, appendix.Rows.Single(r => r.Number == QuestionReportAppendix.HeaderRow).Cells);

        // Every selected question once, per topic in plan order, with the workbook's text, sending unit and answering body.
        var lines = appendix.Rows.Where(r => r.Number > QuestionReportAppendix.HeaderRow && int.TryParse(r[0], out _)).ToList();
        var selected = Rows(merged.OutputPath, ConsolidatedWorkbookWriter.MasterSheet).Where(r => r[Column("Chọn")] == "x").ToList();
        Assert.Equal(selected.Count, lines.Count);
        Assert.Equal(selected.Count, result.Selected);
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Select(l => l[0]));
        var topicNumbers = lines.Select(l => int.Parse(l[1]!.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(topicNumbers.Order(), topicNumbers);
        Assert.Equal(
            selected.Select(r => (r[Column("Câu hỏi đưa ra đối thoại")], r[Column("Đơn vị gửi")], r[Column("Cơ quan chủ trì trả lời")])).OrderBy(t => t.Item1, StringComparer.Ordinal),
            lines.Select(l => (l[2], l[4], l[5])).OrderBy(t => t.Item1, StringComparer.Ordinal));
        Assert.Contains(lines, l => l[2] == Hostile);
        Assert.All(lines, l => Assert.True(char.IsUpper(l[3]![0]), l[3]));
        Assert.Equal($"Tổng số: {lines.Count} câu hỏi, ý kiến, kiến nghị thuộc {topicNumbers.Distinct().Count()} nhóm vấn đề./.", At(QuestionReportAppendix.HeaderRow + lines.Count + 2, 0));

        var pdf = ExternalTools.ConvertWithLibreOffice(result.Appendix!, dir.File("pdf"));
        Assert.True(new FileInfo(pdf).Length > 10_000);
    }

    /// <summary>The consolidation's "Thống kê" and the 15/4 report count the same questions, per topic and per unit.</summary>
    [Fact]
    public void ProvinceReport_CountsAgreeWithTheConsolidationsStatistics()
    {
        using var dir = new TempDir("questions-report-counts-");
        var merged = Merge(dir, [SampleReturns], SamplePlan);
        var path = dir.File("bao-cao.docx");
        QuestionReport.Write(new QuestionReportRequest { Workbook = merged.OutputPath, Plan = SamplePlan, DeadlineId = "so-gddt", OutputPath = path });

        var statistics = XlsxReader.Read(merged.OutputPath, n => n == "Thống kê").Single();
        var header = statistics.Rows.Single(r => r.Number == ConsolidatedWorkbookWriter.HeaderRow).Cells;
        var body = statistics.Rows.Where(r => r.Number > ConsolidatedWorkbookWriter.HeaderRow).TakeWhile(r => r[0] != "Tổng cộng").ToList();
        var total = statistics.Rows.Single(r => r[0] == "Tổng cộng");
        var last = header.Count - 1;
        Assert.Equal("Tổng", header[last]);
        var byUnit = body.ToDictionary(r => r[0]!, r => int.Parse(r[last]!, System.Globalization.CultureInfo.InvariantCulture));
        var byTopic = Enumerable.Range(1, last - 1).ToDictionary(i => header[i]!, i => int.Parse(total[i]!, System.Globalization.CultureInfo.InvariantCulture));

        using var doc = WordprocessingDocument.Open(path, false);
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        static List<string[]> Cells(DocumentFormat.OpenXml.Wordprocessing.Table t) =>
            [.. t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(1).Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray())];
        static int N(string s) => int.Parse(s.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var topicRows = Cells(tables[1]);
        var unitRows = Cells(tables[2]);

        // Per topic, in plan order (the statistics heads its columns with the topics' short names), and in total.
        Assert.Equal(SamplePlan.Topics.Count + 1, topicRows.Count);
        Assert.Equal(byTopic.Values, topicRows.Take(SamplePlan.Topics.Count).Select(r => N(r[2])));
        Assert.Equal(merged.Questions, N(topicRows[^1][2]));
        Assert.Equal(byTopic.Values.Sum(), merged.Questions);
        // Per unit: every unit of the statistics once in the report, with the same count (a missing unit with none).
        Assert.Equal(byUnit.OrderBy(u => u.Key, StringComparer.Ordinal), unitRows.Select(r => new KeyValuePair<string, int>(r[1], N(r[2]))).OrderBy(u => u.Key, StringComparer.Ordinal));
        Assert.Contains(unitRows, r => r[1] == "Ủy ban nhân dân huyện Trạm Tấu" && N(r[2]) == 0);
    }

    [Fact]
    public void Appendix_WrapsWordsIntoTheLinesItsRowHeightIsMadeFor()
    {
        Assert.Equal(1, QuestionReportAppendix.WrappedLines("", 10));
        Assert.Equal(1, QuestionReportAppendix.WrappedLines("Sở Nội vụ", 22));
        Assert.Equal(2, QuestionReportAppendix.WrappedLines("Ủy ban nhân dân huyện Mù Cang Chải", 20)); // 25 characters a line
        Assert.Equal(3, QuestionReportAppendix.WrappedLines(new string('a', 60), 20)); // one long word is cut
    }

    [Fact]
    public void DistrictReport_ToTheSoBy10April_FromItsOwnMerge()
    {
        using var dir = new TempDir("questions-report-");
        var merged = Merge(dir, [Path.Combine(SampleReturns, "van-yen-tong-hop.xlsx")], SamplePlan);
        var path = dir.File("bao-cao-10-4.docx");

        QuestionReport.Write(new QuestionReportRequest
        {
            Workbook = merged.OutputPath, Plan = SamplePlan, DeadlineId = "don-vi", From = "Ủy ban nhân dân huyện Văn Yên", OutputPath = path,
            Signer = new Automation.Plans.Signer { Authority = "TM. ỦY BAN NHÂN DÂN", Position = "CHỦ TỊCH", Name = "" },
        });

        var text = Text(path);
        // A district sends its whole consolidation with its report (the Sở merges it): no Phụ lục of its own.
        Assert.False(File.Exists(QuestionReportAppendix.PathFor(path)));
        Assert.Contains("(cột \"Chọn\" của bản tổng hợp kèm theo)", text, StringComparison.Ordinal);
        Assert.Contains("HUYỆN VĂN YÊN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("UBND TỈNH", text, StringComparison.Ordinal); // a district heads its own letterhead
        // A district does not direct the answering departments: it asks the Sở to take its questions on.
        Assert.Contains("Đề nghị Sở Giáo dục và Đào tạo tổng hợp các câu hỏi, ý kiến, kiến nghị trên (chi tiết tại bản tổng hợp kèm theo), báo cáo Ủy ban nhân dân tỉnh Yên Bái theo Kế hoạch.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("chỉ đạo các cơ quan chủ trì", text, StringComparison.Ordinal);
        AssertSignatureKeptWithLastSentence(path);
        Assert.Contains("/BC-UBND", text, StringComparison.Ordinal);
        Assert.Contains("ngày 10 tháng 4 năm 2023", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Sở Giáo dục và Đào tạo.", text, StringComparison.Ordinal);
        Assert.Contains($"tổng hợp được {Count(merged.Questions)} câu hỏi", text, StringComparison.Ordinal);
        var report = Nd30Checker.Check(path);
        Assert.True(!report.Errors.Any(), string.Join("; ", report.Errors.Select(f => f.Code + " " + f.Location)));
    }

    /// <summary>The closing row cannot split across pages, and the sentence before it keeps with it.</summary>
    private static void AssertSignatureKeptWithLastSentence(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var closing = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Last();
        Assert.Contains("Nơi nhận", closing.InnerText, StringComparison.Ordinal);
        Assert.All(closing.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>(), r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.CantSplit>()));
        var last = Assert.IsType<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(closing.PreviousSibling());
        Assert.EndsWith("./.", last.InnerText, StringComparison.Ordinal);
        Assert.NotNull(last.ParagraphProperties?.KeepNext);
    }

    private static string Count(int n) => n < 10 ? $"0{n}" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}

/// <summary>Issue 12: the leaders' answer book, after the departments' answers are merged back.</summary>
public class AnswerBookTests
{
    [SkippableFact]
    public void AnswerBook_PerTopic_SelectedQuestionsWithAskerBodyAndAnswer_UnansweredMarked_Nd30Clean()
    {
        using var dir = new TempDir("questions-answers-");
        var merged = Merge(dir, [SampleReturns], SamplePlan);
        var files = QuestionRouting.Split(merged.OutputPath, SamplePlan, dir.File("giao"));
        var noiVu = files.Single(f => Path.GetFileName(f) == "Tra-Loi-So-Noi-Vu.xlsx");
        const string Reply = "Sở Nội vụ đã trình UBND tỉnh giao bổ sung chỉ tiêu hợp đồng giáo viên mầm non năm học 2023-2024.";
        using (var workbook = new ClosedXML.Excel.XLWorkbook(noiVu))
        {
            workbook.Worksheet("Chủ trì trả lời").Cell(5, 11).Value = Reply;
            workbook.Save();
        }

        QuestionRouting.MergeAnswers(merged.OutputPath, [noiVu], dir.File("co-tra-loi.xlsx"));
        var path = dir.File(AnswerBook.FileName);

        AnswerBook.Write(dir.File("co-tra-loi.xlsx"), SamplePlan, new DateOnly(2023, 4, 20), path);

        using (var doc = WordprocessingDocument.Open(path, false))
        {
            var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            Assert.Contains("Nhóm vấn đề 1:", text, StringComparison.Ordinal);
            // A working document for the chairs: no registered number (and no invented "TL" type), the conference named as such.
            Assert.DoesNotContain("Số:", text, StringComparison.Ordinal);
            Assert.Contains("tại Hội nghị đối thoại giữa", text, StringComparison.Ordinal);
            Assert.Contains("Trả lời: " + Reply, text, StringComparison.Ordinal);
            Assert.Contains("CHƯA CÓ NỘI DUNG TRẢ LỜI", text, StringComparison.Ordinal);
            Assert.Contains("Cơ quan trả lời: Sở Nội vụ.", text, StringComparison.Ordinal);
            var selected = Rows(merged.OutputPath, ConsolidatedWorkbookWriter.MasterSheet).Count(r => r[Column("Chọn")] == "x");
            Assert.Equal(selected, System.Text.RegularExpressions.Regex.Count(text, "Câu hỏi \\d+: "));
        }

        var report = Nd30Checker.Check(path);
        Assert.True(!report.Errors.Any(), string.Join("; ", report.Errors.Select(f => f.Code + " " + f.Location)));
        var pdf = ExternalTools.ConvertWithLibreOffice(path, dir.File("pdf"));
        Assert.True(new FileInfo(pdf).Length > 10_000);
        if (Environment.GetEnvironmentVariable("DIALOGUE_REPORT_OUT") is { Length: > 0 } keep)
        {
            File.Copy(path, Path.Combine(keep, AnswerBook.FileName), true);
        }
    }
}
