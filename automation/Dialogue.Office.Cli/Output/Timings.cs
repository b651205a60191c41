using System.Diagnostics;
using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Cli.Output;

/// <summary>
/// The CLI's side of <see cref="PhaseTimings"/>: <c>--timings</c> anywhere on the command line (taken out before the
/// parser sees it) or <c>DIALOGUE_TIMINGS=1</c> writes each phase to standard error, from the runtime's start to the
/// end of the command, so a script's standard output is unchanged.
/// </summary>
internal static class Timings
{
    public const string Flag = "--timings";
    public const string Variable = "DIALOGUE_TIMINGS";

    private static long _main;

    /// <summary>Enables the timings when asked and returns the arguments without the flag.</summary>
    public static string[] Start(string[] args)
    {
        var asked = Array.IndexOf(args, Flag) >= 0 || Environment.GetEnvironmentVariable(Variable) is "1" or "true";
        if (!asked)
        {
            return args;
        }

        _main = Stopwatch.GetTimestamp();
        PhaseTimings.Enable(Console.Error);
        WriteRuntimeStart();
        return [.. args.Where(a => a != Flag)];
    }

    /// <summary>
    /// Process start (exec) to Main: the runtime's own start, assembly loading and the JIT of the entry point. A method of
    /// its own, so a run without timings does not load System.Diagnostics.Process to compile <see cref="Start"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void WriteRuntimeStart()
    {
        using var self = Process.GetCurrentProcess();
        PhaseTimings.Write("runtime start (exec to Main)", TimeProvider.System.GetUtcNow() - self.StartTime.ToUniversalTime());
    }

    /// <summary>Writes the summed phases and the whole time since Main.</summary>
    public static void Finish()
    {
        if (!PhaseTimings.Enabled)
        {
            return;
        }

        PhaseTimings.Flush();
        PhaseTimings.Write("Main to exit", Stopwatch.GetElapsedTime(_main));
    }
}
