using ClosedXML.Excel;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Dialogue.Office.Automation.Tests.Questions.QuestionTestKit;

namespace Dialogue.Office.Automation.Tests.Questions;

public class QuestionFormsAndRoutingTests
{
    [Fact]
    public void WriteAll_SamplePlan_WritesOneValidFormPerUnitWithDropdownsStampAndUnitName()
    {
        using var dir = new TempDir();

        var files = QuestionForms.WriteAll(SamplePlan, dir.Path);

        Assert.Equal(SamplePlan.Units.Count, files.Count);
        Assert.All(files, f => Assert.True(global::Dialogue.Office.Automation.Vietnamese.SafeFileName.IsSafe(Path.GetFileName(f)), f));
        var vanYen = files.Single(f => f.EndsWith("Van-Yen.xlsx", StringComparison.Ordinal));
        AssertValid(vanYen);
        using var document = SpreadsheetDocument.Open(vanYen, false);
        var book = document.WorkbookPart!;
        var names = book.Workbook.DefinedNames!.Elements<DefinedName>().ToDictionary(n => n.Name!.Value!, n => n.Text);
        Assert.Equal("\"van-yen\"", names["DV_MA"]);
        Assert.Equal("\"v1-YB23\"", names["Dialogue_MauPhieu"]);
        var sheets = book.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Phiếu câu hỏi", "Hướng dẫn", "Danh mục"], sheets.Select(s => s.Name!.Value));
        Assert.Equal(SheetStateValues.Hidden, sheets[2].State!.Value);
        var form = (WorksheetPart)book.GetPartById(sheets[0].Id!);
        var validations = form.Worksheet.Descendants<DataValidation>().ToList();
        Assert.Contains(validations, v => v.SequenceOfReferences!.InnerText == "F10:F109" && v.Formula1!.Text.Contains("Danh mục", StringComparison.Ordinal));
        Assert.Contains(validations, v => v.SequenceOfReferences!.InnerText == "E10:E109");
        using var workbook = new XLWorkbook(vanYen);
        Assert.Equal("Đơn vị: Ủy ban nhân dân huyện Văn Yên", workbook.Worksheet("Phiếu câu hỏi").Cell(7, 1).GetString());
        Assert.Equal("9. Đề xuất khác", workbook.Worksheet("Danh mục").Cell(10, 1).GetString());
        Assert.Contains("Mẫu phiếu v1 – YB23", workbook.Worksheet("Hướng dẫn").Cell(2, 2).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_FilledForm_UnitTakenFromTheStampAndInstructionsSheetIgnored()
    {
        using var dir = new TempDir();
        var path = dir.File("bat-ky-ten-gi.xlsx");
        QuestionForms.Write(SamplePlan, SamplePlan.Units.Single(u => u.Id == "yen-binh"), path);
        using (var workbook = new XLWorkbook(path))
        {
            var sheet = workbook.Worksheet(QuestionForms.SheetName);
            sheet.Cell(10, 1).Value = 1;
            sheet.Cell(10, 2).Value = "Phan Thị Duyên";
            sheet.Cell(10, 6).Value = "4. Công bằng, chính sách học sinh";
            sheet.Cell(10, 7).Value = "Đề nghị hỗ trợ gạo cho học sinh bán trú.";
            workbook.Save();
        }

        var result = Merge(dir, [path], SamplePlan);

        var row = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet).Single();
        Assert.Equal("Ủy ban nhân dân huyện Yên Bình", row[Column("Đơn vị gửi")]);
        Assert.Equal("4. Công bằng, chính sách học sinh", row[Column("Nhóm vấn đề")]);
        Assert.DoesNotContain(result.Problems, p => p.Code == "QUESTIONS_SHEET_SKIPPED");
        Assert.Equal(2, result.RowsIgnored); // the signature lines under the 100 blank rows
    }

    [Fact]
    public void Split_SampleConsolidation_OneValidWorkbookPerDepartmentWithItsQuestions()
    {
        using var dir = new TempDir();
        var merged = Merge(dir, [SampleReturns], SamplePlan);

        var files = QuestionRouting.Split(merged.OutputPath, SamplePlan, dir.File("giao"));

        var departments = SamplePlan.Topics.SelectMany(t => t.Departments).Distinct().ToList();
        Assert.Equal(departments.Count, files.Count);
        var noiVu = files.Single(f => Path.GetFileName(f) == "Tra-Loi-So-Noi-Vu.xlsx");
        AssertValid(noiVu);
        var lead = Automation.Spreadsheets.XlsxReader.Read(noiVu, n => n == "Chủ trì trả lời").Single().Rows.Where(r => r.Number > 4).ToList();
        var master = Rows(merged.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        Assert.Equal(master.Count(r => r[Column("Cơ quan chủ trì trả lời")] == "Sở Nội vụ"), lead.Count);
        Assert.Contains(lead, r => r[8] is { Length: > 0 } group && group.StartsWith('T')); // the repeated question's group travels with it
        var leadTotal = files.Sum(f => Automation.Spreadsheets.XlsxReader.Read(f, n => n == "Chủ trì trả lời").Single().Rows.Count(r => r.Number > 4));
        Assert.Equal(merged.Questions - master.Count(r => r[Column("Nhóm vấn đề")] == "Chưa phân nhóm"), leadTotal); // each question to exactly one lead
    }

    [Fact]
    public void MergeAnswers_ByQuestionId_NoRowLostOrDoubledAndConflictsReported()
    {
        using var dir = new TempDir();
        var merged = Merge(dir, [SampleReturns], SamplePlan);
        var files = QuestionRouting.Split(merged.OutputPath, SamplePlan, dir.File("giao"));
        var noiVu = files.Single(f => Path.GetFileName(f) == "Tra-Loi-So-Noi-Vu.xlsx");
        var second = dir.File("noi-vu-ban-2.xlsx");
        string firstId;
        using (var workbook = new XLWorkbook(noiVu))
        {
            var sheet = workbook.Worksheet("Chủ trì trả lời");
            firstId = sheet.Cell(5, 2).GetString();
            sheet.Cell(5, 11).Value = "Sở Nội vụ đã trình UBND tỉnh giao bổ sung chỉ tiêu hợp đồng giáo viên mầm non năm học 2023-2024.";
            sheet.Cell(6, 11).SetValue("=Đang tổng hợp"); // text, and it stays text in the master
            workbook.SaveAs(second);
            sheet.Cell(5, 11).Value = "Một câu trả lời khác.";
            sheet.Cell(7, 2).Value = "YB23-KHONGCO1";
            sheet.Cell(7, 11).Value = "Trả lời cho mã không tồn tại.";
            workbook.SaveAs(dir.File("noi-vu-ban-3.xlsx"));
        }

        var result = QuestionRouting.MergeAnswers(merged.OutputPath, [second, dir.File("noi-vu-ban-3.xlsx")], dir.File("co-tra-loi.xlsx"));

        Assert.Equal(merged.Questions, result.Questions);
        Assert.Equal(2, result.Answered); // ban-3 repeats one answer, contradicts the other, and names an unknown id
        Assert.Equal(1, result.Conflicts);
        Assert.Equal(1, result.UnknownIds);
        Assert.Contains(result.Problems, p => p.Code == "QUESTIONS_ANSWER_CONFLICT" && p.Args[0] == firstId);
        AssertValid(result.OutputPath);
        var rows = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        Assert.Equal(merged.Questions, rows.Count);
        Assert.Equal(rows.Select(r => r[Column("Mã câu hỏi")]).Distinct().Count(), rows.Count);
        var answered = rows.Single(r => r[Column("Mã câu hỏi")] == firstId);
        Assert.StartsWith("Sở Nội vụ đã trình", answered[Column("Nội dung trả lời")], StringComparison.Ordinal);
        Assert.Equal("Đã trả lời", answered[Column("Trạng thái")]);
        Assert.Contains(rows, r => r[Column("Nội dung trả lời")] == "=Đang tổng hợp");
    }

    [Fact]
    public void Split_NotAConsolidatedWorkbook_ReportsCode()
    {
        using var dir = new TempDir();

        var ex = Assert.Throws<ProblemException>(() => QuestionRouting.Split(Path.Combine(SampleReturns, "luc-yen.xlsx"), SamplePlan, dir.Path));

        Assert.Equal("QUESTIONS_MASTER_INVALID", ex.Problems.Single().Code);
    }

    [SkippableFact]
    public void Merge_SampleConsolidation_OpensInLibreOfficeAndRendersPages()
    {
        var pdftoppm = ExternalTools.Require("pdftoppm", "poppler-utils");
        using var dir = new TempDir();
        var merged = Merge(dir, [SampleReturns], SamplePlan);

        var pdf = ExternalTools.ConvertWithLibreOffice(merged.OutputPath, dir.File("pdf"), "pdf");

        var (code, _, _) = ExternalTools.Run(pdftoppm, ["-png", "-r", "40", "-f", "1", "-l", "1", pdf, dir.File("pdf/page")]);
        Assert.Equal(0, code);
        Assert.True(new FileInfo(Directory.GetFiles(dir.File("pdf"), "page*.png").Single()).Length > 5_000);
        var (textCode, text, _) = ExternalTools.Run("pdftotext", [pdf, "-"]);
        Assert.Equal(0, textCode);
        Assert.Contains("TỔNG HỢP CÂU HỎI, Ý KIẾN, KIẾN NGHỊ", text, StringComparison.Ordinal);
        Assert.Contains("THỐNG KÊ CÂU HỎI THEO ĐƠN VỊ VÀ NHÓM VẤN ĐỀ", text, StringComparison.Ordinal);
        Assert.Contains("Chưa gửi – đã quá hạn", text, StringComparison.Ordinal);
    }
}
