using System.Text;
using Spectre.Console;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary>Spectre consoles writing into a string: a terminal of a given width, or a file (not a terminal).</summary>
internal static class TestConsoles
{
    /// <summary>A terminal; with <paramref name="ansi"/> it takes colours and cursor movements (live progress bars).</summary>
    public static (IAnsiConsole Console, StringWriter Text) Terminal(int width, bool ansi = false) => Create(width, terminal: true, ansi);

    public static (IAnsiConsole Console, StringWriter Text) File() => Create(Dialogue.Office.Cli.Output.Terminal.Unfolded, terminal: false, ansi: false);

    private static (IAnsiConsole, StringWriter) Create(int width, bool terminal, bool ansi)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new Output(writer, terminal, width),
        });
        console.Profile.Width = width;
        return (console, writer);
    }

    private sealed class Output(TextWriter writer, bool terminal, int width) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;

        public bool IsTerminal => terminal;

        public int Width => width;

        public int Height => 50;

        public void SetEncoding(Encoding encoding)
        {
        }
    }
}
