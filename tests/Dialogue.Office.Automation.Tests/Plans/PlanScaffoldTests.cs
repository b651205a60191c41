using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Cli.Commands;
using Spectre.Console.Cli;

namespace Dialogue.Office.Automation.Tests.Plans;

public sealed partial class PlanScaffoldTests
{
    [Fact]
    public void Create_EmptyFolder_WritesAPlanThatParsesWithOnlyMissingValuesReported()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "hoi-nghi-moi");

        var created = PlanScaffold.Create(folder);

        Assert.False(created.HasErrors);
        Assert.Equal([Path.Combine(folder, "plan.yaml"), Path.Combine(folder, "dai-bieu.xlsx")], created.Written);
        var result = PlanLoader.Load(folder);
        Assert.NotNull(result.Plan);
        var codes = result.Problems.Select(p => p.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["DELEGATES_EMPTY", "PLAN_MISSING_FIELD"], codes);
        Assert.All(result.Problems.Where(p => p.Code == "PLAN_MISSING_FIELD"), p => Assert.Matches(@"^plan\.yaml:\d+$", p.Location));
        Assert.Contains(result.Problems, p => p.Code == "PLAN_MISSING_FIELD" && p.Args[0] == "conference.date");
    }

    [Fact]
    public void Create_EveryBlankFilledAndDelegatesAdded_ValidatesClean()
    {
        using var dir = new TempDir();
        PlanScaffold.Create(dir.Path);
        var planPath = dir.File("plan.yaml");
        var text = File.ReadAllText(planPath);
        string[] optionalBlanks = ["parent", "template", "site_url"];
        text = Blank().Replace(text, m => optionalBlanks.Contains(m.Groups["key"].Value) ? m.Value : $"{m.Groups["key"].Value}: \"{Sample(m.Groups["key"].Value)}\"");
        text = text.Replace("departments: []", "departments: [\"Sở Nội vụ\", \"Sở Tài chính\"]", StringComparison.Ordinal);
        File.WriteAllText(planPath, text);
        var venues = PlanLoader.Load(dir.Path).Plan!.Venues.Select(v => v.Id).ToList();
        DelegateWorkbook.Write(dir.File("dai-bieu.xlsx"), venues,
        [
            PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc Sở Nội vụ", "Sở Nội vụ", venues[0]),
            PlanFolderBuilder.ValidRow("", "", "Ủy ban nhân dân xã Mường Lai", venues[^1]),
        ]);

        var result = PlanLoader.Load(dir.Path);

        Assert.Empty(result.Problems);
        Assert.Equal(["chinh", "diem-cau-1", "diem-cau-2"], venues);
        Assert.Equal(5, result.Plan!.Programme.Count);
        var dialogue = Assert.Single(result.Plan.Programme, p => p.IsDialogue);
        // The time keys are in the scaffold with their defaults (docs/plan.md): equal shares, a giải lao past 90 minutes.
        Assert.Contains("break_after: 90", text, StringComparison.Ordinal);
        Assert.Contains("weight: 1", text, StringComparison.Ordinal);
        Assert.Equal((90, 10), (dialogue.BreakAfter, dialogue.BreakMinutes));
        Assert.All(result.Plan.Topics, t => Assert.Equal((null, 1), (t.Minutes, t.Weight)));
        Assert.Contains(Dialogue.Office.Automation.Programme.ConferenceSchedule.Compute(result.Plan).DialogueParts, p => p.IsBreak); // 150 > 90
    }

    [Fact]
    public void Create_BlankWorkbook_OffersThePlansVenuesInTheDropdownList()
    {
        using var dir = new TempDir();
        PlanScaffold.Create(dir.Path);

        var sheets = XlsxReader.Read(dir.File("dai-bieu.xlsx"));
        var lists = Assert.Single(sheets, s => s.Name == DelegateWorkbook.ListSheetName);
        Assert.True(lists.IsHidden);
        Assert.Equal(["chinh", "diem-cau-1", "diem-cau-2"], lists.Rows.Skip(1).Select(r => r[2]).Where(v => v is not null));
        var header = sheets.Single(s => s.Name == DelegateColumns.SheetName).Rows[0];
        Assert.Equal(DelegateColumns.All.Select(c => c.Header), header.Cells);
    }

    [Fact]
    public void Create_FolderWithAPlan_RefusesAndLeavesThePlanUntouched()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("plan.yaml"), "# kế hoạch đang soạn\n");

        var result = PlanScaffold.Create(dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("PLAN_SCAFFOLD_EXISTS", problem.Code);
        Assert.Contains("không ghi đè", problem.Message, StringComparison.Ordinal);
        Assert.Equal("# kế hoạch đang soạn\n", File.ReadAllText(dir.File("plan.yaml")));
        Assert.False(File.Exists(dir.File("dai-bieu.xlsx")));
    }

    [Fact]
    public void Create_FolderWithAWorkbookButNoPlan_KeepsTheClerksWorkbook()
    {
        using var dir = new TempDir();
        DelegateWorkbook.Write(dir.File("dai-bieu.xlsx"), ["tinh"], [PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc", "Sở Nội vụ")]);
        var before = File.ReadAllBytes(dir.File("dai-bieu.xlsx"));

        var result = PlanScaffold.Create(dir.Path);

        Assert.Equal([dir.File("dai-bieu.xlsx")], result.Kept);
        Assert.Equal(before, File.ReadAllBytes(dir.File("dai-bieu.xlsx")));
    }

    [Fact]
    public void NewCommand_RunTwice_SecondRunExitsWithInputErrors()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "moi");
        var app = new CommandApp();
        app.Configure(c => c.AddCommand<NewCommand>("new"));

        Assert.Equal(0, app.Run(["new", folder]));
        Assert.True(File.Exists(Path.Combine(folder, "plan.yaml")));
        Assert.Equal(1, app.Run(["new", folder]));
    }

    [Fact]
    public void PlanText_IsTheTemplateUnderTemplatesNew()
    {
        var onDisk = File.ReadAllText(Path.Combine(RepoPaths.Templates, "new", "plan.yaml"));
        Assert.Equal(onDisk.ReplaceLineEndings(), PlanScaffold.PlanText.ReplaceLineEndings());
        Assert.DoesNotContain('\t', PlanScaffold.PlanText); // YAML forbids tabs for indentation
    }

    private static string Sample(string key) => key switch
    {
        "code" => "HN26",
        "date" => "2026-04-25",
        "confirm_by" => "2026-04-20",
        "packet_url" => "https://hoinghi.example.gov.vn/doi-thoai-2026",
        "email" => "vanphong@example.gov.vn",
        "phone" => "0214 3820 111",
        "number" => "05/GM-UBND",
        _ => $"Nội dung {key}",
    };

    [GeneratedRegex("(?<key>\\b[a-z_]+): \"\"")]
    private static partial Regex Blank();
}
