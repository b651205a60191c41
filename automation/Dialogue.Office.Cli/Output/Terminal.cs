using Spectre.Console;

namespace Dialogue.Office.Cli.Output;

/// <summary>The two consoles the CLI writes to: results on standard output, usage errors on standard error.</summary>
internal static class Terminal
{
    private static IAnsiConsole? _error;

    /// <summary>Standard error, for messages that must not mix with a result a script reads (json).</summary>
    public static IAnsiConsole Error => _error ??= Sized(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    /// <summary>Applies the user's COLUMNS to standard output once, at start.</summary>
    public static void Configure() => Sized(AnsiConsole.Console);

    /// <summary>Width given to a file or a pipe: lines are never folded there (a log keeps a path on one line).</summary>
    internal const int Unfolded = 4096;

    /// <summary>
    /// COLUMNS, when the user sets it, wins over the width the terminal reports: <c>COLUMNS=80 dialogue check …</c> shows
    /// what an 80-column window shows. Shells keep COLUMNS unexported, so it is only in the environment when someone put
    /// it there. Without it, output into a file or a pipe is not folded at all (Spectre would fold it at 80 columns).
    /// </summary>
    internal static IAnsiConsole Sized(IAnsiConsole console)
    {
        if (Columns(Environment.GetEnvironmentVariable("COLUMNS")) is { } columns)
        {
            console.Profile.Width = columns;
        }
        else if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Width = Unfolded;
        }

        return console;
    }

    internal static int? Columns(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 20 and <= 1000 ? n : null;
}
