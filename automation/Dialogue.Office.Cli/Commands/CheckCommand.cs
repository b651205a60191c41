using System.ComponentModel;
using Dialogue.Office.Automation.Compliance;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>Settings of <c>dialogue check</c>: one or more .docx files.</summary>
public sealed class CheckSettings : CommandSettings
{
    [CommandArgument(0, "<tệp.docx>")]
    [Description("Một hoặc nhiều văn bản Word (.docx) cần kiểm tra thể thức.")]
    public string[] Files { get; init; } = [];

    public override ValidationResult Validate()
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
/// <c>dialogue check &lt;tệp.docx…&gt;</c>: checks each document against Nghị định 30/2020/NĐ-CP, Phụ lục I and prints
/// the findings per file. Exit code 1 when any file breaks a rule (an error finding), 0 when all pass.
/// </summary>
public sealed class CheckCommand : Command<CheckSettings>
{
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var summary = new Table().Border(TableBorder.Rounded).Title("Tổng hợp");
        summary.AddColumn("Tệp");
        summary.AddColumn(new TableColumn("Lỗi").RightAligned());
        summary.AddColumn(new TableColumn("Cảnh báo").RightAligned());
        var anyError = false;
        foreach (var file in settings.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = Nd30Checker.Check(file);
            Nd30Output.Findings(report);
            anyError |= !report.Passed;
            summary.AddRow(
                Markup.Escape(file),
                report.Errors.Count == 0 ? "[green]0[/]" : $"[red]{report.Errors.Count}[/]",
                report.Warnings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (settings.Files.Length > 1)
        {
            AnsiConsole.Write(summary);
        }

        return anyError ? ExitCodes.InputErrors : ExitCodes.Ok;
    }
}

/// <summary>How ND30 findings and repairs are shown: one table per file, errors first, with the element (ô số).</summary>
internal static class Nd30Output
{
    public static void Findings(Nd30Report report, string? title = null)
    {
        if (report.Findings.Count == 0)
        {
            ConsoleOutput.Success($"{report.Source}: đúng thể thức Nghị định 30/2020/NĐ-CP (không có lỗi, không có cảnh báo).");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.Title(Markup.Escape(title ?? $"{report.Source}: {report.Errors.Count} lỗi, {report.Warnings.Count} cảnh báo"));
        table.AddColumn("Mức");
        table.AddColumn("Mã");
        table.AddColumn("Thành phần");
        table.AddColumn("Vị trí");
        table.AddColumn("Nội dung");
        foreach (var f in report.Findings.OrderByDescending(f => f.IsError))
        {
            table.AddRow(
                f.IsError ? "[red]Lỗi[/]" : "[yellow]Cảnh báo[/]",
                Markup.Escape(f.Code),
                Markup.Escape(f.Element),
                Markup.Escape(f.Location),
                Markup.Escape(f.Message));
        }

        AnsiConsole.Write(table);
    }
}
