using System.ComponentModel;
using System.Globalization;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>Settings of <c>dialogue check</c>: one or more .docx files.</summary>
public sealed class CheckSettings : ReportSettings
{
    [CommandArgument(0, "<tệp.docx>")]
    [Description("Một hoặc nhiều văn bản Word (.docx) cần kiểm tra thể thức.")]
    public string[] Files { get; init; } = [];

    protected override ValidationResult CheckValues()
    {
        if (Files.Length == 0)
        {
            return ValidationResult.Error("Hãy chỉ ra ít nhất một tệp .docx.");
        }

        var missing = Files.FirstOrDefault(f => !File.Exists(f));
        return missing is null ? ValidationResult.Success() : ValidationResult.Error($"Không tìm thấy tệp \"{missing}\".");
    }
}

/// <summary>
/// <c>dialogue check &lt;tệp.docx…&gt; [--format json]</c>: checks each document against Nghị định 30/2020/NĐ-CP, Phụ lục I
/// and prints the findings per file, in reading order. Exit code 1 when any file breaks a rule (an error finding), 0 when
/// all pass.
/// </summary>
public sealed class CheckCommand : Command<CheckSettings>
{
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var reports = new List<(string File, Nd30Report Report)>();
        foreach (var file in settings.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            reports.Add((file, Nd30Checker.Check(file)));
        }

        var exitCode = reports.All(r => r.Report.Passed) ? ExitCodes.Ok : ExitCodes.InputErrors;
        if (settings.Json)
        {
            return JsonReport.Write("check", exitCode,
                reports.SelectMany(r => r.Report.Findings.Select(f => new JsonProblem(f.ToProblem(), r.File, f))),
                w =>
                {
                    w.WriteStartArray("files");
                    foreach (var (file, report) in reports)
                    {
                        w.WriteStartObject();
                        w.WriteString("path", file);
                        w.WriteBoolean("passed", report.Passed);
                        w.WriteNumber("errors", report.Errors.Count);
                        w.WriteNumber("warnings", report.Warnings.Count);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
        }

        foreach (var (_, report) in reports)
        {
            Nd30Output.Findings(report);
        }

        if (reports.Count > 1)
        {
            var summary = new FitTable(
                "Tổng hợp",
                new FitColumn("Tệp", Fit.Words, Heading: true),
                new FitColumn("Lỗi", Fit.Atomic, Right: true),
                new FitColumn("Cảnh báo", Fit.Atomic, Right: true));
            foreach (var (file, report) in reports)
            {
                summary.Add(
                    file,
                    new FitCell(Count(report.Errors.Count), report.Errors.Count == 0 ? "green" : "red"),
                    Count(report.Warnings.Count));
            }

            summary.Write(AnsiConsole.Console);
        }

        return exitCode;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How ND30 findings are shown: one table per file, in reading order, with the element (ô số).</summary>
internal static class Nd30Output
{
    public static void Findings(Nd30Report report, string? title = null)
    {
        if (report.Findings.Count == 0)
        {
            ConsoleOutput.Success($"{report.Source}: đúng thể thức Nghị định 30/2020/NĐ-CP (không có lỗi, không có cảnh báo).");
            return;
        }

        var table = new FitTable(
            title ?? $"{report.Source}: {ConsoleOutput.Counts(report.Errors.Count, report.Warnings.Count)}",
            new FitColumn("Mức", Fit.Atomic, Heading: true),
            new FitColumn("Mã", Fit.Atomic, Heading: true),
            new FitColumn("Thành phần", Fit.Words),
            new FitColumn("Vị trí", Fit.Words),
            new FitColumn("Nội dung", Fit.Prose, Labelled: false));

        // The findings come in reading order. On a terminal the title names the file, so each location starts inside it;
        // into a file or a pipe every line keeps the file name, for grep over several documents.
        var prefix = AnsiConsole.Console.Profile.Out.IsTerminal ? report.Source + Locations.Separator : null;
        foreach (var f in report.Findings)
        {
            var location = prefix is not null && f.Location.StartsWith(prefix, StringComparison.Ordinal) ? f.Location[prefix.Length..] : f.Location;
            table.Add(ConsoleOutput.Severity(f.IsError), f.Code, f.Element, location, f.Message);
        }

        table.Write(AnsiConsole.Console);
    }
}
