using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary>
/// Issue 17: the Open XML SDK's first load cost 0.35–0.9 s a run, so the invitation path does without it once the
/// template is in the cache (plan and delegate list by the raw readers, letters, print file and list as markup).
/// </summary>
public sealed class InvitationsWithoutSdkCliTests
{
    [Fact]
    public void Invitations_TemplateFromTheCache_RunWithoutLoadingTheOpenXmlSdkOrClosedXml()
    {
        using var tmp = new TempDir();
        // A home of its own: no user-secrets store, so the configuration has a source only when a variable gives one.
        var environment = new Dictionary<string, string>
        {
            ["DIALOGUE_CACHE_DIR"] = Path.Combine(tmp.Path, "cache"), ["DIALOGUE_TIMINGS"] = "1", ["HOME"] = tmp.Path, ["XDG_DATA_HOME"] = Path.Combine(tmp.Path, "data"),
        };
        var configured = new Dictionary<string, string>(environment) { ["DIALOGUE_Attendance__ExpiresAfterDays"] = "30" };
        var (first, firstOut, firstErr) = CliRunner.RunSplit(["invitations", RepoPaths.SamplePlan, "--out", Path.Combine(tmp.Path, "first")], configured, tmp.Path);
        Assert.True(first == 0, firstOut + firstErr);
        Assert.Contains("Microsoft.Extensions.Configuration.EnvironmentVariables", Libraries(firstErr), StringComparison.Ordinal);

        var (code, stdout, stderr) = CliRunner.RunSplit(["invitations", RepoPaths.SamplePlan, "--out", Path.Combine(tmp.Path, "second")], environment, tmp.Path);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("timing: template: from the cache", stderr, StringComparison.Ordinal);
        var libraries = Libraries(stderr);
        Assert.Contains("Dialogue.Office.Automation", libraries, StringComparison.Ordinal);
        Assert.DoesNotContain("DocumentFormat.OpenXml", libraries, StringComparison.Ordinal);
        Assert.DoesNotContain("ClosedXML", libraries, StringComparison.Ordinal);

        // No appsettings.json, user-secrets file or DIALOGUE_Sharing/Attendance variable: no configuration stack (only
        // the small UserSecrets library, whose PathHelper says where the two stores would be).
        foreach (var configuration in new[] { "Microsoft.Extensions.Configuration,", "Microsoft.Extensions.Configuration.Json", "Microsoft.Extensions.Configuration.EnvironmentVariables", "Microsoft.Extensions.Configuration.Binder", "Microsoft.Extensions.FileProviders" })
        {
            Assert.DoesNotContain(configuration, libraries + ",", StringComparison.Ordinal);
        }
        Assert.Single(Directory.GetFiles(Path.Combine(tmp.Path, "second"), InvitationGenerator.ListFileName, SearchOption.AllDirectories));
    }

    private static string Libraries(string stderr) =>
        stderr.Split('\n').Single(l => l.StartsWith("timing: libraries loaded: ", StringComparison.Ordinal));
}
