using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Cli;

public sealed class CliTests
{
    [Fact]
    public void Build_SamplePlan_WritesThePacketAndExitsZero()
    {
        using var tmp = new TempDir();
        var (code, output) = CliRunner.Run("build", RepoPaths.SamplePlan, "--out", tmp.Path);
        Assert.True(code == 0, output);
        Assert.Contains("Đã tạo hồ sơ hội nghị", output, StringComparison.Ordinal);

        // Into a pipe, progress is a few lines per step and ends at 100 % (297 letters for 298 delegates).
        var progress = output.Split('\n').Where(l => l.StartsWith("Giấy mời: ", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Giấy mời: 100%", progress[^1]);
        Assert.Equal(progress.Distinct().Count(), progress.Count);
        Assert.True(File.Exists(Path.Combine(tmp.Path, "thu-ky", "giay-moi-in-gop.docx")));
        Assert.True(Directory.GetFiles(Path.Combine(tmp.Path, "thu-ky", "giay-moi"), "*.docx").Length >= 297);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);

        // The sample has returned sheets: the consolidation, the 15/4 report to UBND tỉnh with its Phụ lục beside it, and
        // the answer book (issue 12). They are the leaders' documents; the delegates get the counts only (issue 19).
        foreach (var file in new[] { "tong-hop-cau-hoi.xlsx", "bao-cao-tong-hop-cau-hoi.docx", "bao-cao-tong-hop-cau-hoi-phu-luc.xlsx", "tai-lieu-tra-loi.docx" })
        {
            Assert.True(File.Exists(Path.Combine(tmp.Path, "lanh-dao", file)), file);
        }

        Assert.True(File.Exists(Path.Combine(tmp.Path, "dai-bieu", "thong-ke-cau-hoi.xlsx")));

        Assert.Contains("Báo cáo tổng hợp câu hỏi gửi Ủy ban nhân dân tỉnh", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenPlan_ListsProblemsInVietnameseAndExitsOne()
    {
        using var tmp = new TempDir();
        foreach (var file in Directory.GetFiles(RepoPaths.SamplePlan))
        {
            File.Copy(file, Path.Combine(tmp.Path, Path.GetFileName(file)));
        }

        var plan = Path.Combine(tmp.Path, "plan.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("date: 2023-04-25", "date: 2023-02-30", StringComparison.Ordinal));
        var (code, output) = CliRunner.Run("validate", tmp.Path);
        Assert.Equal(1, code);
        Assert.Contains("PLAN_BAD_DATE", output, StringComparison.Ordinal);
        Assert.Contains("không phải là ngày có thật", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public void Invitations_MissingFolder_IsAUsageErrorInVietnamese()
    {
        var (code, output) = CliRunner.Run("invitations", "/khong/co/thu-muc");
        Assert.NotEqual(0, code);
        Assert.Contains("Không tìm thấy thư mục kế hoạch", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_WritesAFreshCopyAndNeverOverwrites()
    {
        using var tmp = new TempDir();
        var path = tmp.File("giay-moi.docx");
        Assert.Equal(0, CliRunner.Run("template", "giay-moi", "--out", path).ExitCode);
        Assert.Empty(DocxInspector.Validate(path));
        var (code, output) = CliRunner.Run("template", "giay-moi", "--out", path);
        Assert.Equal(1, code);
        Assert.Contains("đã có", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_WithoutOut_WritesItsOwnFileNameInTheCurrentFolder()
    {
        using var tmp = new TempDir();
        var (code, stdout, stderr) = CliRunner.RunSplit(["template", "kich-ban"], workingDirectory: tmp.Path);
        Assert.True(code == 0, stdout + stderr);
        var path = Path.Combine(tmp.Path, "kich-ban.docx");
        Assert.Empty(DocxInspector.Validate(path));
        Assert.True(File.Exists(path), stdout);
    }
}
