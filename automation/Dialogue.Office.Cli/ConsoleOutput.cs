using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli;

/// <summary>How the CLI shows problems and failures to a Vietnamese reader: codes and locations, never a stack trace.</summary>
internal static class ConsoleOutput
{
    /// <summary>
    /// Prints problems in file and line order (plan.yaml:9 before plan.yaml:12, then the delegate list row by row), as a
    /// table or, when the console is too narrow to keep every code and word whole, as a list. Returns true when there
    /// are errors.
    /// </summary>
    public static bool Problems(IReadOnlyCollection<Problem> problems, string? title = null)
    {
        if (problems.Count == 0)
        {
            return false;
        }

        var errors = problems.Count(p => p.IsError);
        var table = new FitTable(
            title ?? Counts(errors, problems.Count - errors),
            new FitColumn("Mức", Fit.Atomic, Heading: true),
            new FitColumn("Mã", Fit.Atomic, Heading: true),
            new FitColumn("Vị trí", Fit.Words),
            new FitColumn("Nội dung", Fit.Prose, Labelled: false));
        foreach (var p in ProblemOrder.Sort(problems))
        {
            table.Add(Severity(p.IsError), p.Code, p.Location, p.Message);
        }

        table.Write(AnsiConsole.Console);
        return errors > 0;
    }

    public static string Counts(int errors, int warnings) => $"{errors} lỗi, {warnings} cảnh báo";

    public static FitCell Severity(bool isError) => isError ? new FitCell("Lỗi", "red") : new FitCell("Cảnh báo", "yellow");

    public static void Error(string message) => Line("[red]Lỗi:[/] ", "Lỗi: ", message);

    public static void Success(string message) => Line("[green]✓[/] ", "✓ ", message);

    public static void Info(string message) => Line("", "", message);

    /// <summary>
    /// One line of a message: through Spectre's markup on a terminal, else (a file or a pipe) written as it is when
    /// Spectre would write exactly that: no colour codes, one line that the width does not fold. A run into a file or a
    /// pipe then does not pay for the JIT of Spectre's rendering path (about a hundred generic methods; issue 17).
    /// </summary>
    internal static void Line(string markup, string plain, string message) => Line(AnsiConsole.Console, markup, plain, message);

    internal static void Line(IAnsiConsole console, string markup, string plain, string message)
    {
        var text = plain + message;
        if (!console.Profile.Out.IsTerminal && !console.Profile.Capabilities.Ansi && text.AsSpan().IndexOfAny('\r', '\n') < 0 && 2 * text.Length <= console.Profile.Width)
        {
            console.Profile.Out.Writer.WriteLine(text);
            return;
        }

        console.MarkupLine(markup + Markup.Escape(message));
    }

    /// <summary>
    /// Last resort for whatever a command did not handle: a usage error in Vietnamese (exit 2), the problems of a
    /// <see cref="ProblemException"/> (exit 1), else the exception logged to a file and a plain message (exit 70). With
    /// <c>--format json</c> the same outcome is written as a JSON report, so a script always gets one.
    /// </summary>
    public static int Crash(Exception ex, IReadOnlyList<string> args)
    {
        var json = JsonReport.Requested(args);
        if (ex is CommandAppException cli && UsageErrors.Describe(cli, args) is { } usage)
        {
            if (json)
            {
                return JsonReport.Failure(args, JsonReport.UsageCode, "Invalid command line", usage, ExitCodes.Usage);
            }

            Terminal.Error.MarkupLine($"[red]Lỗi:[/] {Markup.Escape(usage)}");
            Terminal.Error.MarkupLine(Markup.Escape(UsageErrors.Hint(ex, args)));
            return ExitCodes.Usage;
        }

        if (ex is UsageException usageException)
        {
            var invalid = $"Câu lệnh không hợp lệ: {usageException.Message}";
            if (json)
            {
                return JsonReport.Failure(args, JsonReport.UsageCode, "Invalid command line", invalid, ExitCodes.Usage);
            }

            Terminal.Error.MarkupLine($"[red]Lỗi:[/] {Markup.Escape(invalid)}");
            return ExitCodes.Usage;
        }

        if (ex is ProblemException pe)
        {
            if (json)
            {
                return JsonReport.Write(JsonReport.CommandName(args), ExitCodes.InputErrors, ProblemOrder.Sort(pe.Problems).Select(p => new JsonProblem(p)));
            }

            Problems(pe.Problems);
            return ExitCodes.InputErrors;
        }

        var log = Path.Combine(Path.GetTempPath(), $"dialogue-error-{TimeProvider.System.GetUtcNow():yyyyMMdd-HHmmss}.log");
        try
        {
            File.WriteAllText(log, ex.ToString());
        }
        catch (IOException)
        {
            log = "(không ghi được nhật ký)";
        }

        var message = $"Đã xảy ra lỗi không mong muốn. Chi tiết kỹ thuật đã được ghi vào {log}; vui lòng gửi tệp này cho bộ phận hỗ trợ.";
        if (json)
        {
            return JsonReport.Failure(args, JsonReport.CrashCode, "Unexpected failure; see the log file", message, ExitCodes.Crash);
        }

        Terminal.Error.MarkupLine($"[red]Lỗi:[/] {Markup.Escape(message)}");
        return ExitCodes.Crash;
    }
}

/// <summary>A command line that names something unusable (an --out that is a file…): exit 2 with the message.</summary>
internal sealed class UsageException(string message) : Exception(message);
