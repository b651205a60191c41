using Spectre.Console;

namespace Dialogue.Office.Cli.Output;

/// <summary>
/// One progress bar per step of a long job. A bar only moves forward (reports may arrive late and out of order), and
/// when the job returns every bar is set to its end: a step that finished shows 100 %, even when its total was an
/// estimate (the signer gets no invitation of their own, so 299 letters are written for 300 delegates). Into a file,
/// a pipe or a terminal without cursor control there are no bars: each step writes "Giấy mời: 25%", 50 %, 75 % as it passes them, then "Giấy mời: 100%"
/// once when it ends (Spectre's own fallback skips finished tasks, so a log never said 100 %).
/// </summary>
internal sealed class StepProgress
{
    private static readonly int[] Milestones = [25, 50, 75];

    private readonly ProgressContext? _context;
    private readonly TextWriter? _log;
    private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Value, double Max, int Printed)> _lines = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private StepProgress(ProgressContext? context, TextWriter? log)
    {
        _context = context;
        _log = log;
    }

    /// <summary>Runs <paramref name="job"/> under a progress display and returns its result once every step shows 100 %.</summary>
    public static T Run<T>(Func<StepProgress, T> job) =>
        RunAsync(AnsiConsole.Console, steps => Task.FromResult(job(steps))).GetAwaiter().GetResult();

    /// <inheritdoc cref="Run{T}(Func{StepProgress, T})"/>
    public static Task<T> RunAsync<T>(Func<StepProgress, Task<T>> job) => RunAsync(AnsiConsole.Console, job);

    internal static async Task<T> RunAsync<T>(IAnsiConsole console, Func<StepProgress, Task<T>> job)
    {
        // Live bars need a terminal that takes cursor movements; anything else gets lines.
        if (!console.Profile.Out.IsTerminal || !console.Profile.Capabilities.Ansi || !console.Profile.Capabilities.Interactive)
        {
            var lines = new StepProgress(null, console.Profile.Out.Writer);
            var done = await job(lines);
            lines.Finish();
            return done;
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var steps = new StepProgress(context, null);
                var result = await job(steps);
                steps.Finish();
                return result;
            });
    }

    public void Report(string step, double done, double total)
    {
        lock (_lock)
        {
            if (_log is not null)
            {
                ReportLine(step, done, total);
                return;
            }

            if (!_bars.TryGetValue(step, out var bar))
            {
                // A new step starts: the ones before it are over.
                FinishBars();
                bar = _bars[step] = _context!.AddTask(Markup.Escape(step), maxValue: Math.Max(1, total));
            }

            bar.MaxValue = Math.Max(bar.MaxValue, Math.Max(1, total));
            bar.Value = Math.Max(bar.Value, Math.Min(done, bar.MaxValue));
        }
    }

    private void Finish()
    {
        lock (_lock)
        {
            FinishBars();
        }
    }

    private void ReportLine(string step, double done, double total)
    {
        if (!_lines.TryGetValue(step, out var line))
        {
            FinishBars();
            line = (0, 1, 0);
        }

        var max = Math.Max(line.Max, Math.Max(1, total));
        var value = Math.Max(line.Value, Math.Min(done, max));
        var percent = (int)(100 * value / max);
        var printed = line.Printed;
        var passed = Milestones.LastOrDefault(m => m <= percent);
        if (passed > printed && percent < 100)
        {
            // Only the last milestone passed: a jump from 10 % to 80 % writes "75%", not three lines at once.
            _log!.WriteLine($"{step}: {passed}%");
            printed = passed;
        }

        _lines[step] = (value, max, printed);
    }

    private void FinishBars()
    {
        foreach (var (step, line) in _lines.Where(l => l.Value.Printed < 100).ToList())
        {
            _log!.WriteLine($"{step}: 100%");
            _lines[step] = line with { Printed = 100 };
        }

        foreach (var bar in _bars.Values.Where(b => !b.IsFinished))
        {
            bar.Value = bar.MaxValue;
            bar.StopTask();
        }
    }
}
