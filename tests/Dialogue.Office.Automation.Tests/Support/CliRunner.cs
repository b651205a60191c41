namespace Dialogue.Office.Automation.Tests.Support;

/// <summary>Runs the real `dialogue` command (the CLI assembly copied beside the tests) in its own process.</summary>
public static class CliRunner
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dialogue.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var (code, stdout, stderr) = ExternalTools.Run(dotnet, ["exec", dll, .. args], timeout: TimeSpan.FromMinutes(5));
        return (code, stdout + stderr);
    }
}
