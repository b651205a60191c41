using Spectre.Console.Cli;

namespace Dialogue.Office.Cli;

/// <summary>Commands added by later capabilities register here (one line each), keeping Program.cs short.</summary>
internal static class CommandRegistry
{
    public static void AddMore(IConfigurator config)
    {
        _ = config;
    }
}
