using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
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
        Assert.Contains("ỦY BAN NHÂN DÂN HUYỆN VĂN YÊN", text, StringComparison.Ordinal);
        Assert.Contains("/BC-UBND", text, StringComparison.Ordinal);
        Assert.Contains("ngày 10 tháng 4 năm 2023", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Sở Giáo dục và Đào tạo.", text, StringComparison.Ordinal);
        Assert.Contains($"tổng hợp được {Count(merged.Questions)} câu hỏi", text, StringComparison.Ordinal);
        var report = Nd30Checker.Check(path);
        Assert.True(!report.Errors.Any(), string.Join("; ", report.Errors.Select(f => f.Code + " " + f.Location)));
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
