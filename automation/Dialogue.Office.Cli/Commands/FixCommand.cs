using System.ComponentModel;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>Settings of <c>dialogue fix</c>.</summary>
public sealed class FixSettings : CliSettings
{
    [CommandArgument(0, "<tệp.docx>")]
    [Description("Văn bản Word (.docx) cần sửa thể thức; tệp gốc không bị thay đổi.")]
    public string File { get; init; } = "";

    [CommandOption("-o|--out <tệp>")]
    [Description("Tệp kết quả (mặc định: <tên>.nd30.docx cạnh tệp gốc).")]
    public string? Out { get; init; }

    protected override ValidationResult Check()
    {
        if (!System.IO.File.Exists(File))
        {
            return ValidationResult.Error($"Không tìm thấy tệp \"{File}\".");
        }

        return Out is not null && string.Equals(Path.GetFullPath(Out), Path.GetFullPath(File), StringComparison.Ordinal)
            ? ValidationResult.Error("Tệp kết quả phải khác tệp gốc (không ghi đè tệp gốc).")
            : ValidationResult.Success();
    }
}

/// <summary>
/// <c>dialogue fix &lt;tệp.docx&gt; [--out &lt;tệp&gt;]</c>: repairs what can be repaired safely into a new file, prints what
/// changed and what is left for a person. Exit code 0 when no error is left, 1 when errors remain.
/// </summary>
public sealed class FixCommand : Command<FixSettings>
{
    public override int Execute(CommandContext context, FixSettings settings, CancellationToken cancellationToken)
    {
        var output = settings.Out ?? Nd30Fixer.DefaultOutputPath(settings.File);
        Nd30FixResult result;
        try
        {
            result = Nd30Fixer.Fix(settings.File, output);
        }
        catch (ProblemException ex)
        {
            ConsoleOutput.Problems(ex.Problems);
            return ExitCodes.InputErrors;
        }

        if (result.Changes.Count == 0)
        {
            ConsoleOutput.Info("Không có gì cần sửa tự động.");
        }
        else
        {
            AnsiConsole.MarkupLine($"[bold]Đã sửa ({result.Changes.Count}):[/]");
            foreach (var change in result.Changes)
            {
                AnsiConsole.MarkupLine($"  [green]✓[/] {Markup.Escape(change.Message)} [grey]({Markup.Escape(change.Location)})[/]");
            }
        }

        ConsoleOutput.Success($"Đã ghi {result.OutputPath}");
        if (result.Remaining.Findings.Count > 0)
        {
            Nd30Output.Findings(result.Remaining, $"Còn lại cần người sửa: {result.Remaining.Errors.Count} lỗi, {result.Remaining.Warnings.Count} cảnh báo");
        }

        return result.Remaining.Passed ? ExitCodes.Ok : ExitCodes.InputErrors;
    }
}
