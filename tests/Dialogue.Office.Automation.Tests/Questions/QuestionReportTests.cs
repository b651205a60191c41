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
