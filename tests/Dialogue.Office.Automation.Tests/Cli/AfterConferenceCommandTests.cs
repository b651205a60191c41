using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary>The four after-the-dialogue commands as a clerk runs them on the sample (issue 16).</summary>
public sealed class AfterConferenceCommandTests
{
    [Fact]
    public void Followup_AsOfDate_WritesReportAndOneReminderPerBodyWithOverdueTasks()
    {
        using var dir = new TempDir("after-cli-");
        var (code, output) = CliRunner.Run("followup", RepoPaths.SamplePlan, "--out", dir.Path, "--as-of", "15/7/2023");

        Assert.Equal(0, code);
        Assert.Contains("Đến ngày 15/7/2023: 8 nhiệm vụ, 2 hoàn thành, 2 quá hạn; 2 công văn đôn đốc.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "theo-doi-ket-luan.xlsx")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(dir.Path, "don-doc"), "*.docx").Length);
    }

    [Fact]
    public void Followup_AsOfNotADate_ExitsWithAVietnameseMessage()
    {
        using var dir = new TempDir("after-cli-");
        var (code, output) = CliRunner.Run("followup", RepoPaths.SamplePlan, "--out", dir.Path, "--as-of", "mai");

        Assert.NotEqual(0, code);
        Assert.Contains("không phải là ngày", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MinutesConclusionsBudget_Sample_WriteTheirDocuments()
    {
        using var dir = new TempDir("after-cli-");
        var questions = Path.Combine(RepoPaths.SamplePlan, "sau-hoi-nghi", "cau-hoi-doi-thoai.xlsx");

        var register = Path.Combine(RepoPaths.SamplePlan, "sau-hoi-nghi", "diem-danh.xlsx");
        Assert.Equal(0, CliRunner.Run("minutes", RepoPaths.SamplePlan, "--out", dir.Path, "--questions", questions, "--diem-danh", register, "--thu-ky", "Nguyễn Thị Thu Hà, Chuyên viên").ExitCode);
        Assert.Contains(DocxText.Paragraphs(Path.Combine(dir.Path, "bien-ban-hoi-nghi.docx")), t => t.StartsWith("Số đại biểu có mặt: 295/298", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("conclusions", RepoPaths.SamplePlan, "--out", dir.Path, "--questions", questions).ExitCode);
        var budget = CliRunner.Run("budget", RepoPaths.SamplePlan, "--out", dir.Path);
        Assert.Equal(0, budget.ExitCode);
        Assert.Contains("Tổng dự toán: 48.844.000 đồng", budget.Output, StringComparison.Ordinal);
        foreach (var file in new[] { "bien-ban-hoi-nghi.docx", "thong-bao-ket-luan.docx", "du-toan-kinh-phi.xlsx", "to-trinh-du-toan.docx" })
        {
            Assert.True(File.Exists(Path.Combine(dir.Path, file)), file);
        }
    }
}
