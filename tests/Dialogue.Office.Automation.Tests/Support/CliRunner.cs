namespace Dialogue.Office.Automation.Tests.Support;

/// <summary>Runs the real `dialogue` command (the CLI assembly copied beside the tests) in its own process.</summary>
public static class CliRunner
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        // The CLI's own build output, with its own runtimeconfig and dependencies (the copy beside the tests resolves
        // shared assemblies from ASP.NET Core's framework, which the CLI does not load).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "automation", "Dialogue.Office.Cli", "bin", configuration, "net10.0", "dialogue.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var (code, stdout, stderr) = ExternalTools.Run(dotnet, ["exec", dll, .. args], timeout: TimeSpan.FromMinutes(5));
        return (code, stdout + stderr);
    }
}
