using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary>Issue 12: <c>dialogue questions report</c> and <c>questions book</c> as a clerk runs them (a real process).</summary>
public sealed class QuestionDocumentsCliTests
{
    private static string Returns => Path.Combine(RepoPaths.SamplePlan, "phieu-tra-ve");

    private static string Merge(TempDir dir, params string[] inputs)
    {
        var merged = dir.File("tong-hop.xlsx");
        var (code, output) = CliRunner.Run(["questions", "merge", .. inputs, "--plan", RepoPaths.SamplePlan, "--out", merged]);
        Assert.True(code == 0, output);
        return merged;
    }

    [Fact]
    public void Report_ProvinceBy15April_AndDistrictBy10April_Nd30Clean_DatedFromThePlanOrTheCommandLine()
    {
        using var dir = new TempDir("questions-cli-");
        var merged = Merge(dir, Returns);

        // No --deadline: the one addressed to the plan's issuer (so-gddt, 15/4), dated from the plan.
        var province = dir.File("bao-cao-15-4.docx");
        var (code, output) = CliRunner.Run("questions", "report", merged, "--plan", RepoPaths.SamplePlan, "--out", province);
        Assert.True(code == 0, output);
        Assert.Contains("Đã lập báo cáo gửi Ủy ban nhân dân tỉnh (hạn 15/4/2023)", output, StringComparison.Ordinal);
        var text = Text(province);
        Assert.Contains("Yên Bái, ngày 15 tháng 4 năm 2023", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Ủy ban nhân dân tỉnh Yên Bái.", text, StringComparison.Ordinal);
        Assert.Contains("GIÁM ĐỐC", text, StringComparison.Ordinal);
        AssertNd30Clean(province);

        // A district's own merge, to the Sở by 10/4, its head signing for the collective; the date from the command line.
        var district = Merge(new TempDir("questions-cli-"), Path.Combine(Returns, "van-yen-tong-hop.xlsx"));
        var path = dir.File("bao-cao-10-4.docx");
        (code, output) = CliRunner.Run("questions", "report", district, "--plan", RepoPaths.SamplePlan, "--deadline", "don-vi",
            "--from", "Ủy ban nhân dân huyện Văn Yên", "--date", "8/4/2023", "--out", path);
        Assert.True(code == 0, output);
        text = Text(path);
        Assert.Contains("ỦY BAN NHÂN DÂN\nHUYỆN VĂN YÊN", text, StringComparison.Ordinal); // the letterhead on two lines, never cut mid-name
        Assert.Contains("Văn Yên, ngày 08 tháng 4 năm 2023", text, StringComparison.Ordinal); // its own place
        Assert.DoesNotContain("ỦY BAN NHÂN DÂN TỈNH", text, StringComparison.Ordinal); // a district heads its own letterhead
        // Its own merge: its schools, not the province's other units listed as missing.
        Assert.DoesNotContain("Đơn vị chưa gửi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ủy ban nhân dân huyện Trạm Tấu", text, StringComparison.Ordinal);
        Assert.Contains("3. Câu hỏi theo cơ quan, đơn vị, trường học", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Sở Giáo dục và Đào tạo.", text, StringComparison.Ordinal);
        Assert.Contains("TM. ỦY BAN NHÂN DÂN", text, StringComparison.Ordinal);
        Assert.Contains("CHỦ TỊCH", text, StringComparison.Ordinal);
        AssertNd30Clean(path);
    }

    [Fact]
    public void Report_UnknownDeadline_NotAConsolidation_BadDate_VietnameseMessagesNoStackTrace()
    {
        using var dir = new TempDir("questions-cli-");
        var merged = Merge(dir, Path.Combine(Returns, "luc-yen.xlsx"));

        var (code, output) = CliRunner.Run("questions", "report", merged, "--plan", RepoPaths.SamplePlan, "--deadline", "15-4", "--out", dir.File("a.docx"));
        Assert.Equal(1, code);
        Assert.Contains("QUESTIONS_REPORT_DEADLINE_UNKNOWN", output, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch không có thời hạn \"15-4\"; các thời hạn có: don-vi (", output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("a.docx")));

        // The delegate list is a workbook, but not a consolidation: named, refused, nothing written.
        (code, output) = CliRunner.Run("questions", "book", Path.Combine(RepoPaths.SamplePlan, "dai-bieu.xlsx"), "--plan", RepoPaths.SamplePlan, "--out", dir.File("b.docx"));
        Assert.Equal(1, code);
        Assert.Contains("QUESTIONS_MASTER_INVALID", output, StringComparison.Ordinal);
        Assert.Contains("\"dai-bieu.xlsx\" không phải bản tổng hợp câu hỏi", output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("b.docx")));

        (code, output) = CliRunner.Run("questions", "report", merged, "--plan", RepoPaths.SamplePlan, "--date", "mai", "--out", dir.File("c.docx"));
        Assert.NotEqual(0, code);
        Assert.Contains("--date \"mai\" không phải là ngày", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Book_AfterAnswersMerged_OneEntryPerSelectedQuestion_DatedTheConferenceDay_Nd30Clean()
    {
        using var dir = new TempDir("questions-cli-");
        var merged = Merge(dir, Returns);
        var path = dir.File("tai-lieu-tra-loi.docx");

        var (code, output) = CliRunner.Run("questions", "book", merged, "--plan", RepoPaths.SamplePlan, "--out", path);

        Assert.True(code == 0, output);
        Assert.Contains("Đã lập tài liệu trả lời cho chủ trì Hội nghị", output, StringComparison.Ordinal);
        var text = Text(path);
        Assert.Contains("ngày 25 tháng 4 năm 2023", text, StringComparison.Ordinal); // the plan's conference day, not the clock
        Assert.Contains("Nhóm vấn đề 1:", text, StringComparison.Ordinal);
        Assert.Contains("CHƯA CÓ NỘI DUNG TRẢ LỜI", text, StringComparison.Ordinal);
        AssertNd30Clean(path);
    }

    private static void AssertNd30Clean(string path)
    {
        var report = Nd30Checker.Check(path);
        Assert.True(!report.Errors.Any(), string.Join("; ", report.Errors.Select(f => f.Code + " " + f.Location)));
    }

    private static string Text(string path) => DocxInspector.AllText(path);
}
