using System.Text.Json;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Tests.Compliance;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary>The real `dialogue` process as a clerk and a script see it: help, mistakes, terminal widths, JSON.</summary>
public sealed partial class CliOutputTests
{
    /// <summary>A letter with faults all over: margins, a substitute font, the national title, the motto, the date.</summary>
    private static readonly Nd30Sample FaultyLetter = new()
    {
        MarginBottom = 850,
        MarginLeft = 1134,
        MarginRight = 567,
        Font = "Arial",
        NationalTitle = "Cộng hòa xã hội chủ nghĩa Việt Nam",
        Motto = "Độc lập – Tự do – Hạnh phúc",
        DateLine = "Yên Bái, ngày 5 tháng 4 năm 2023",
        SignerName = "TS. Nguyễn Văn An",
    };

    [Theory]
    [InlineData("--help")]
    [InlineData("check", "--help")]
    [InlineData("questions", "--help")]
    [InlineData("questions", "merge", "--help")]
    [InlineData("validate", "-h")]
    public void Help_IsVietnameseOnly(params string[] args)
    {
        var (code, output) = CliRunner.Run(args);

        Assert.Equal(0, code);
        Assert.Contains("CÁCH DÙNG:", output, StringComparison.Ordinal);
        Assert.Contains("-h, --help", output, StringComparison.Ordinal);
        Assert.Contains("Xem hướng dẫn này", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(SpectreEnglish(), output);
    }

    [Fact]
    public void Help_TopLevel_ListsCommandsExamplesAndVersion()
    {
        var (_, output) = CliRunner.Run("--help");

        Assert.Contains("LỆNH:", output, StringComparison.Ordinal);
        Assert.Contains("VÍ DỤ:", output, StringComparison.Ordinal);
        Assert.Contains("dialogue build templates/samples/yen-bai-2023 --out out/yen-bai-2023", output, StringComparison.Ordinal);
        Assert.Matches(@"-v, --version +Xem số phiên bản", output);
    }

    [Fact]
    public void MistypedCommand_IsAVietnameseUsageError()
    {
        var (code, stdout, stderr) = CliRunner.RunSplit(["chek", "thu.docx"]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("Lỗi: Không có lệnh \"chek\". Có phải ý bạn là \"check\"?", stderr, StringComparison.Ordinal);
        Assert.Contains("dialogue --help", stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(SpectreEnglish(), stderr);
    }

    [Fact]
    public void Version_PrintsTheProgramVersion()
    {
        var (code, output) = CliRunner.Run("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^dialogue \d+\.\d+\.\d+", output);
    }

    /// <summary>
    /// Start-up (issue 17): <c>--version</c> alone prints, without Spectre, the line Spectre prints when the option comes
    /// with another argument (Spectre answers the version option first).
    /// </summary>
    [Fact]
    public void Version_Alone_PrintsWhatSpectrePrintsWithoutLoadingIt()
    {
        var (code, stdout, stderr) = CliRunner.RunSplit(["--version", "--timings"]);
        var (spectreCode, spectre, _) = CliRunner.RunSplit(["--version", "build"]);
        var (shortCode, shortOut, _) = CliRunner.RunSplit(["-v"]);

        Assert.Equal((0, 0, 0), (code, spectreCode, shortCode));
        Assert.Equal(spectre, stdout);
        Assert.Equal(spectre, shortOut);
        var libraries = stderr.Split('\n').Single(l => l.StartsWith("timing: libraries loaded: ", StringComparison.Ordinal));
        Assert.DoesNotContain("Spectre", libraries, StringComparison.Ordinal);
    }

    /// <summary>The issue's acceptance: `COLUMNS=80 dialogue check &lt;a letter with faults&gt;` prints every code whole.</summary>
    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(132)]
    public void Check_OnATerminal_PrintsEveryCodeAndWordWhole(int columns)
    {
        using var dir = new TempDir();
        var letter = FaultyLetter.Save(dir.File("giay-moi-loi.docx"));
        var report = Nd30Checker.Check(letter);
        Assert.True(report.Findings.Count >= 6, report.ToString());

        var (code, screen) = CliRunner.RunInTerminal(columns, "check", letter);

        Assert.True(code == 1, screen);
        var tokens = screen.Split([' ', '\n', '│'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        foreach (var finding in report.Findings)
        {
            Assert.Contains(finding.Code, tokens);
            Assert.All(finding.Message.Split(' '), word => Assert.Contains(word, tokens));
        }

        Assert.All(screen.Split('\n'), line => Assert.True(line.TrimEnd().Length <= columns, $"wider than {columns}: {line}"));
    }

    [Fact]
    public void Check_IntoAFile_OneWholeLinePerFinding_InReadingOrder()
    {
        using var dir = new TempDir();
        var letter = FaultyLetter.Save(dir.File("giay-moi-loi.docx"));
        var report = Nd30Checker.Check(letter);

        var (code, stdout, _) = CliRunner.RunSplit(["check", letter]);

        Assert.Equal(1, code);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var findingLines = lines.Where(l => l.StartsWith("Lỗi ND30_", StringComparison.Ordinal) || l.StartsWith("Cảnh báo ND30_", StringComparison.Ordinal)).ToList();
        Assert.Equal(report.Findings.Count, findingLines.Count);
        for (var i = 0; i < report.Findings.Count; i++)
        {
            Assert.Contains(" " + report.Findings[i].Code + " · ", findingLines[i], StringComparison.Ordinal);
            Assert.Contains(" · Vị trí: " + report.Findings[i].Location + " · ", findingLines[i], StringComparison.Ordinal);
            Assert.EndsWith(report.Findings[i].Message, findingLines[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_FormatJson_ReportsEveryFindingWithCodeSeverityAndPlace()
    {
        using var dir = new TempDir();
        var letter = FaultyLetter.Save(dir.File("giay-moi-loi.docx"));
        var clean = new Nd30Sample().Save(dir.File("sach.docx"));
        var report = Nd30Checker.Check(letter);

        var (code, stdout, stderr) = CliRunner.RunSplit(["check", letter, clean, "--format", "json"]);

        Assert.Equal(1, code);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("dialogue-report", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("check", root.GetProperty("command").GetString());
        Assert.False(root.GetProperty("ok").GetBoolean());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(report.Errors.Count, root.GetProperty("errors").GetInt32());
        var problems = root.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(report.Findings.Select(f => f.Code), problems.Select(p => p.GetProperty("code").GetString()));
        for (var i = 0; i < problems.Count; i++)
        {
            var f = report.Findings[i];
            Assert.Equal(f.IsError ? "error" : "warning", problems[i].GetProperty("severity").GetString());
            Assert.Equal(f.Location, problems[i].GetProperty("location").GetString());
            Assert.Equal(letter, problems[i].GetProperty("file").GetString());
            Assert.Equal(f.Message, problems[i].GetProperty("message").GetString());
            Assert.Equal(f.Paragraph, problems[i].GetProperty("paragraph").GetInt32());
            Assert.Equal(f.Element, problems[i].GetProperty("element").GetString());
            Assert.StartsWith("NĐ 30/2020/NĐ-CP", problems[i].GetProperty("citation").GetString(), StringComparison.Ordinal);
        }

        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal([letter, clean], files.Select(f => f.GetProperty("path").GetString()));
        Assert.Equal([false, true], files.Select(f => f.GetProperty("passed").GetBoolean()));
    }

    [Fact]
    public void Validate_ProblemsInFileAndLineOrder_InTextAndJson()
    {
        using var dir = new TempDir();
        var plan = BrokenPlan(dir);

        var (textCode, text) = CliRunner.Run("validate", plan);
        var (jsonCode, stdout, _) = CliRunner.RunSplit(["validate", plan, "--format", "json"]);

        Assert.Equal(1, textCode);
        Assert.Equal(1, jsonCode);

        // A warning at line 10 comes before the error at line 17 (errors used to be listed first), the delegate list last.
        var order = new[] { "plan.yaml:10", "plan.yaml:17", "plan.yaml:22", "dai-bieu.xlsx" };
        var positions = order.Select(place => text.IndexOf("Vị trí: " + place, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, text));
        Assert.Equal(positions.Order(), positions);

        using var json = JsonDocument.Parse(stdout);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("plan").ValueKind);
        var planLines = problems.Where(p => p.GetProperty("file").GetString() == "plan.yaml").Select(p => p.GetProperty("line").GetInt32()).ToList();
        Assert.Equal([10, 17, 22], planLines);
        var rows = problems.Where(p => p.GetProperty("file").GetString() == "dai-bieu.xlsx").ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, p => Assert.Equal("Đại biểu", p.GetProperty("sheet").GetString()));
        Assert.Equal(rows.Select(p => p.GetProperty("row").GetInt32()).Order(), rows.Select(p => p.GetProperty("row").GetInt32()));
        Assert.Equal("plan.yaml", problems[0].GetProperty("file").GetString());
    }

    [Fact]
    public void Validate_FormatJson_SamplePlan_IsOkWithItsFigures()
    {
        var (code, stdout, stderr) = CliRunner.RunSplit(["validate", RepoPaths.SamplePlan, "--format", "json"]);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("YB23", json.RootElement.GetProperty("plan").GetProperty("code").GetString());
        Assert.Equal(298, json.RootElement.GetProperty("plan").GetProperty("delegates").GetInt32()); // the sample invites no body twice (issue 11)
    }

    [Fact]
    public void QuestionsMerge_FormatJson_GivesTheReconciliationAndTracking()
    {
        using var dir = new TempDir();
        var output = dir.File("tong-hop.xlsx");

        var (code, stdout, stderr) = CliRunner.RunSplit(["questions", "merge", Path.Combine(RepoPaths.SamplePlan, "phieu-tra-ve"), "--plan", RepoPaths.SamplePlan, "--out", output, "--format", "json"]);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.True(File.Exists(output));
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("questions merge", root.GetProperty("command").GetString());
        Assert.Equal(output, root.GetProperty("output").GetString());
        var r = root.GetProperty("reconciliation");
        Assert.True(r.GetProperty("rowsRead").GetInt32() > 0);
        Assert.Equal(r.GetProperty("rowsRead").GetInt32(), r.GetProperty("rowsTaken").GetInt32() + r.GetProperty("rowsRejected").GetInt32());
        Assert.True(r.GetProperty("reconciles").GetBoolean());
        var tracking = root.GetProperty("tracking").EnumerateArray().ToList();
        Assert.Contains(tracking, u => u.GetProperty("state").GetString() == "missing");
        Assert.Contains(root.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "QUESTIONS_UNIT_MISSING");
    }

    [Fact]
    public void UsageError_WithFormatJson_IsAJsonReportToo()
    {
        var (code, stdout, _) = CliRunner.RunSplit(["check", "--format", "json"]);

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(stdout);
        var problem = json.RootElement.GetProperty("problems")[0];
        Assert.Equal("CLI_USAGE", problem.GetProperty("code").GetString());
        Assert.Equal("Lệnh \"check\" còn thiếu <tệp.docx>.", problem.GetProperty("message").GetString());
    }

    /// <summary>
    /// The sample plan with an unknown key at line 10 (a warning), impossible dates at lines 17 and 22, and a delegate
    /// rank that is not a number on two rows of the list.
    /// </summary>
    private static string BrokenPlan(TempDir dir)
    {
        foreach (var file in Directory.GetFiles(RepoPaths.SamplePlan))
        {
            File.Copy(file, dir.File(Path.GetFileName(file)));
        }

        var plan = dir.File("plan.yaml");
        var lines = File.ReadAllLines(plan).ToList();
        Assert.StartsWith("  place:", lines[9], StringComparison.Ordinal);
        lines[9] = "  nickname: \"Yên Bái\"";
        lines.Insert(10, "  place: \"Yên Bái\"");
        lines.RemoveAt(11);
        var text = string.Join('\n', lines)
            .Replace("  date: 2023-04-25", "  date: 2023-02-30", StringComparison.Ordinal)
            .Replace("  confirm_by: 2023-04-21", "  confirm_by: 2023-13-01", StringComparison.Ordinal);
        File.WriteAllText(plan, text + "\n");
        SetRank(dir.File("dai-bieu.xlsx"), [40, 12], "cao");
        return dir.Path;
    }

    /// <summary>Writes <paramref name="text"/> into the "Thứ bậc" column of the delegate sheet on the given rows.</summary>
    private static void SetRank(string workbook, int[] rows, string text)
    {
        using var wb = new ClosedXML.Excel.XLWorkbook(workbook);
        var sheet = wb.Worksheet("Đại biểu");
        var header = sheet.CellsUsed(c => c.GetString() == "Thứ bậc").Single();
        foreach (var row in rows)
        {
            sheet.Cell(row, header.Address.ColumnNumber).Value = text;
        }

        wb.Save();
    }

    /// <summary>Words Spectre.Console.Cli prints in English (help headings, built-in option texts, parser errors).</summary>
    [GeneratedRegex(@"USAGE|OPTIONS|COMMANDS|ARGUMENTS|EXAMPLES|DESCRIPTION|Prints help|Prints version|Required|Unknown|Error:|Did you mean")]
    private static partial Regex SpectreEnglish();
}
