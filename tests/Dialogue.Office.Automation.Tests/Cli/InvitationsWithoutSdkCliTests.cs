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
        var environment = new Dictionary<string, string> { ["DIALOGUE_CACHE_DIR"] = Path.Combine(tmp.Path, "cache"), ["DIALOGUE_TIMINGS"] = "1" };
        var (first, firstOut, firstErr) = CliRunner.RunSplit(["invitations", RepoPaths.SamplePlan, "--out", Path.Combine(tmp.Path, "first")], environment);
        Assert.True(first == 0, firstOut + firstErr);

        var (code, stdout, stderr) = CliRunner.RunSplit(["invitations", RepoPaths.SamplePlan, "--out", Path.Combine(tmp.Path, "second")], environment);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("timing: template: from the cache", stderr, StringComparison.Ordinal);
        var libraries = stderr.Split('\n').Single(l => l.StartsWith("timing: libraries loaded: ", StringComparison.Ordinal));
        Assert.Contains("Dialogue.Office.Automation", libraries, StringComparison.Ordinal);
        Assert.DoesNotContain("DocumentFormat.OpenXml", libraries, StringComparison.Ordinal);
        Assert.DoesNotContain("ClosedXML", libraries, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(tmp.Path, "second"), InvitationGenerator.ListFileName, SearchOption.AllDirectories));
    }
}
