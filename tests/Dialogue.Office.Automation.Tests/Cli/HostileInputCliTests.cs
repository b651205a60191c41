using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Inputs;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary>The cases of issue 13 through the real process: a Vietnamese message with its code and place, exit 1 or 2, never 70.</summary>
public sealed class HostileInputCliTests
{
    private static string CopySample(TempDir tmp, string name)
    {
        var folder = Directory.CreateDirectory(tmp.File(name)).FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.SamplePlan))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    private static void Edit(string folder, string text, string replacement)
    {
        var plan = Path.Combine(folder, "plan.yaml");
        var yaml = File.ReadAllText(plan);
        Assert.Contains(text, yaml, StringComparison.Ordinal);
        File.WriteAllText(plan, yaml.Replace(text, replacement, StringComparison.Ordinal));
    }

    private static void AssertRefused(string output, int code, int expected, string problemCode, string place)
    {
        Assert.True(code == expected, $"exit {code}: {output}");
        Assert.Contains(problemCode, output, StringComparison.Ordinal);
        Assert.Contains(place, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("không mong muốn", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DelegateListThatIsAZipBomb_FileZipBombExitOne()
    {
        using var tmp = new TempDir();
        var plan = CopySample(tmp, "bomb");
        File.WriteAllBytes(Path.Combine(plan, "dai-bieu.xlsx"), HostileFiles.Bomb(File.ReadAllBytes(Path.Combine(RepoPaths.SamplePlan, "dai-bieu.xlsx")), "xl/worksheets/sheet1.xml", 500));
        var (code, output) = CliRunner.Run("validate", plan);
        AssertRefused(output, code, 1, "FILE_ZIP_BOMB", "dai-bieu.xlsx");
    }

    [Fact]
    public void Validate_DelegateListInASiblingFolderSharingThePrefix_OutsideExitOne()
    {
        using var tmp = new TempDir();
        var plan = CopySample(tmp, "dpath");
        Directory.CreateDirectory(tmp.File("dpath-evil"));
        File.Copy(Path.Combine(plan, "dai-bieu.xlsx"), tmp.File("dpath-evil/secret.xlsx"));
        Edit(plan, "delegates: dai-bieu.xlsx", "delegates: \"../dpath-evil/secret.xlsx\"");
        var (code, output) = CliRunner.Run("validate", plan);
        AssertRefused(output, code, 1, "FILE_OUTSIDE_PLAN_FOLDER", "plan.yaml:");
    }

    [Theory]
    [InlineData("../../../../etc/passwd", "FILE_OUTSIDE_PLAN_FOLDER")]
    [InlineData("/etc/shadow", "FILE_OUTSIDE_PLAN_FOLDER")]
    [InlineData("/dev/zero", "FILE_OUTSIDE_PLAN_FOLDER")]
    [InlineData(".", "FILE_NOT_REGULAR")]
    [InlineData("khong-co.docx", "TEMPLATE_MISSING")]
    public void Validate_TemplateThatCannotBeUsed_ReportedAtItsPlanLine(string template, string problemCode)
    {
        using var tmp = new TempDir();
        var plan = CopySample(tmp, "tpl");
        Edit(plan, "  template: \"\"                         # để trống", $"  template: \"{template}\"                         # để trống");
        var (code, output) = CliRunner.Run("validate", plan);
        AssertRefused(output, code, 1, problemCode, "plan.yaml:");
    }

    [SkippableFact]
    public void Validate_TemplateThatIsANamedPipe_RefusedWithoutHanging()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "named pipes: Linux");
        using var tmp = new TempDir();
        var plan = CopySample(tmp, "fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(plan, "mau.docx")))
        {
            mkfifo.WaitForExit();
        }

        Edit(plan, "  template: \"\"                         # để trống", "  template: \"mau.docx\"                         # để trống");
        var (code, output) = CliRunner.Run("validate", plan);
        AssertRefused(output, code, 1, "FILE_NOT_REGULAR", "plan.yaml:");
    }

    [Fact]
    public void Validate_PlanOverOneMegabyte_FileTooLargeExitOne()
    {
        using var tmp = new TempDir();
        var plan = CopySample(tmp, "big");
        File.AppendAllText(Path.Combine(plan, "plan.yaml"), "# " + new string('x', 1 << 20) + "\n");
        var (code, output) = CliRunner.Run("validate", plan);
        AssertRefused(output, code, 1, "FILE_TOO_LARGE", "plan.yaml");
    }

    [Fact]
    public void Validate_SampleCopiedElsewhere_IsValidWithItsBuiltInTemplates()
    {
        using var tmp = new TempDir();
        var plan = CopySample(tmp, Path.Combine("a", "b", "hoi-nghi"));
        var (code, output) = CliRunner.Run("validate", plan);
        Assert.True(code == 0, output);
    }

    [Theory]
    [InlineData("file")]
    [InlineData("plan")]
    [InlineData("foreign")]
    public void Build_OutOntoAFileThePlanFolderOrSomeoneElsesFolder_ExitTwo(string kind)
    {
        using var tmp = new TempDir();
        var plan = CopySample(tmp, "plan");
        File.WriteAllText(tmp.File("tep.txt"), "x");
        Directory.CreateDirectory(tmp.File("bao-cao"));
        File.WriteAllText(tmp.File("bao-cao/bao-cao-nam.docx"), "x");
        var (@out, problemCode) = kind switch
        {
            "file" => (tmp.File("tep.txt"), "OUTPUT_IS_FILE"),
            "plan" => (plan, "OUTPUT_IS_PLAN_FOLDER"),
            _ => (tmp.File("bao-cao"), "OUTPUT_FOREIGN_FOLDER"),
        };
        var (code, output) = CliRunner.Run("build", plan, "--out", @out);
        AssertRefused(output, code, 2, problemCode, "");
        Assert.Equal("x", File.ReadAllText(tmp.File("bao-cao/bao-cao-nam.docx")));
    }

    [Fact]
    public void ValidateFixLists_StaleVenueDropDown_RefreshedFromThePlanRowsKept()
    {
        using var tmp = new TempDir();
        var plan = CopySample(tmp, "lists");
        var list = Path.Combine(plan, "dai-bieu.xlsx");
        DelegateWorkbook.Write(list, ["tinh", "huyen-cu"], [new Dictionary<string, string> { ["name"] = "Nguyễn Văn An", ["org"] = "Sở Nội vụ", ["venue"] = "luc-yen" }]);
        var (before, warning) = CliRunner.Run("validate", plan);
        Assert.Contains("DELEGATES_LIST_STALE", warning, StringComparison.Ordinal);

        var (code, output) = CliRunner.Run("validate", plan, "--fix-lists");
        Assert.True(code == 0, output);
        Assert.DoesNotContain("DELEGATES_LIST_STALE", output, StringComparison.Ordinal);
        var sheets = XlsxReader.Read(list);
        Assert.Equal(PlanLoader.Load(plan).Require().Venues.Select(v => v.Id), DelegateWorkbook.ListedVenues(sheets)!);
        Assert.Contains(sheets.Single(s => s.Name == DelegateColumns.SheetName).Rows, r => r.Cells.Contains("Nguyễn Văn An"));
    }
}
