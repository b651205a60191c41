using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dialogue.Office.Automation.Tests.Support;

/// <summary>Runs the real `dialogue` command (the CLI assembly copied beside the tests) in its own process.</summary>
public static partial class CliRunner
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var (code, stdout, stderr) = RunSplit(args);
        return (code, stdout + stderr);
    }

    /// <summary>Standard output and standard error apart (a JSON report must be alone on standard output).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunSplit(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return Start(dotnet, ["exec", Dll, .. args], environment, workingDirectory);
    }

    /// <summary>
    /// Runs the command on a pseudo-terminal (util-linux <c>script</c>), as a clerk's terminal window runs it, with
    /// COLUMNS set; returns what the window shows, colours and cursor movements removed.
    /// </summary>
    public static (int ExitCode, string Screen) RunInTerminal(int columns, params string[] args)
    {
        var script = ExternalTools.Require("script", "bsdutils");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var command = string.Join(" ", new[] { dotnet, "exec", Dll }.Concat(args).Select(Quote));
        var (code, stdout, stderr) = Start(script, ["-q", "-e", "-c", command, "/dev/null"], new Dictionary<string, string> { ["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var screen = Ansi().Replace(stdout + stderr, "").Replace("\r\n", "\n", StringComparison.Ordinal);
        return (code, screen);
    }

    private static string Dll
    {
        get
        {
            // The CLI's own build output, with its own runtimeconfig and dependencies (the copy beside the tests resolves
            // shared assemblies from ASP.NET Core's framework, which the CLI does not load).
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(RepoPaths.Root, "automation", "Dialogue.Office.Cli", "bin", configuration, "net10.0", "dialogue.dll");
        }
    }

    private static (int, string, string) Start(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        // The test runner's own COLUMNS (if any) must not leak into a run that did not ask for one.
        psi.Environment.Remove("COLUMNS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[name] = value;
        }

        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in time");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Escape sequences: colours, cursor movement, keypad modes.</summary>
    [GeneratedRegex(@"\x1b(\[[0-9;?]*[a-zA-Z]|[=>])")]
    private static partial Regex Ansi();
}
