using Dialogue.Office.Automation.Diagnostics;
using Spectre.Console;

namespace Dialogue.Office.Cli;

/// <summary>How the CLI shows problems and failures to a Vietnamese reader: codes and locations, never a stack trace.</summary>
internal static class ConsoleOutput
{
    /// <summary>Prints problems as a table (errors first). Returns true when there are errors.</summary>
    public static bool Problems(IReadOnlyCollection<Problem> problems, string? title = null)
    {
        if (problems.Count == 0)
        {
            return false;
        }

        var errors = problems.Count(p => p.IsError);
        var warnings = problems.Count - errors;
        if (Console.IsOutputRedirected)
        {
            // Logs and pipes get one problem per line, never cut by a table's width.
            Console.WriteLine(title ?? $"{errors} lỗi, {warnings} cảnh báo");
            foreach (var p in problems.OrderByDescending(p => p.IsError))
            {
                Console.WriteLine($"{(p.IsError ? "Lỗi" : "Cảnh báo")} {p.Code} [{p.Location}] {p.Message}");
            }

            return errors > 0;
        }

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.Title(Markup.Escape(title ?? $"{errors} lỗi, {warnings} cảnh báo"));
        table.AddColumn("Mức");
        table.AddColumn("Mã");
        table.AddColumn("Vị trí");
        table.AddColumn("Nội dung");
        foreach (var p in problems.OrderByDescending(p => p.IsError))
        {
            table.AddRow(
                p.IsError ? "[red]Lỗi[/]" : "[yellow]Cảnh báo[/]",
                Markup.Escape(p.Code),
                Markup.Escape(p.Location),
                Markup.Escape(p.Message));
        }

        AnsiConsole.Write(table);
        return errors > 0;
    }

    public static void Error(string message) => AnsiConsole.MarkupLine($"[red]Lỗi:[/] {Markup.Escape(message)}");

    public static void Success(string message) => AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(message)}");

    public static void Info(string message) => AnsiConsole.MarkupLine(Markup.Escape(message));

    /// <summary>Last resort: log the exception to a file for the maintainers, show the user a plain message.</summary>
    public static int Crash(Exception ex)
    {
        if (ex is Spectre.Console.Cli.CommandParseException or Spectre.Console.Cli.CommandRuntimeException)
        {
            Error($"Câu lệnh không hợp lệ: {ex.Message}");
            return ExitCodes.Usage;
        }

        if (ex is UsageException usage)
        {
            Error($"Câu lệnh không hợp lệ: {usage.Message}");
            return ExitCodes.Usage;
        }

        if (ex is ProblemException pe)
        {
            Problems(pe.Problems);
            return ExitCodes.InputErrors;
        }

        var log = Path.Combine(Path.GetTempPath(), $"dialogue-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
        try
        {
            File.WriteAllText(log, ex.ToString());
        }
        catch (IOException)
        {
            log = "(không ghi được nhật ký)";
        }

        Error($"Đã xảy ra lỗi không mong muốn. Chi tiết kỹ thuật đã được ghi vào {log}; vui lòng gửi tệp này cho bộ phận hỗ trợ.");
        return ExitCodes.Crash;
    }
}

/// <summary>A command line that names something unusable (an --out that is a file…): exit 2 with the message.</summary>
internal sealed class UsageException(string message) : Exception(message);
