using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary><c>--timings</c> / DIALOGUE_TIMINGS=1 (issue 17): the phases on standard error, standard output unchanged.</summary>
public sealed class TimingsCliTests
{
    [Fact]
    public void Timings_FlagWritesEveryPhaseOfTheInvitationJobToStandardErrorOnly()
    {
        using var tmp = new TempDir();
        var (code, stdout, stderr) = CliRunner.RunSplit(["invitations", RepoPaths.SamplePlan, "--out", tmp.Path, "--timings"]);
        Assert.True(code == 0, stdout + stderr);
        foreach (var phase in new[]
        {
            "runtime start (exec to Main)", "plan: plan.yaml read and parsed", "plan: delegate list read", "plan: validated",
            "invitations: template compiled", "invitations: QR code", "invitations: letter rendered and written",
            "invitations: print file, letter appended", "invitations: print file completed", "invitations: list of links written",
            "packet step: invitations", "summary printed", "Main to exit",
        })
        {
            Assert.Contains($"timing: {phase} ", stderr, StringComparison.Ordinal);
        }

        // The QR phase runs once per letter on many threads: one summed line with the count.
        Assert.Contains("summed over 297 ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("timing:", stdout, StringComparison.Ordinal);
        Assert.Contains("Đã tạo hồ sơ hội nghị", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Timings_VariableTurnsThemOnAndTheyAreOffByDefault()
    {
        var (_, _, quiet) = CliRunner.RunSplit(["--help"]);
        Assert.DoesNotContain("timing:", quiet, StringComparison.Ordinal);
        var (code, stdout, stderr) = CliRunner.RunSplit(["--help"], new Dictionary<string, string> { ["DIALOGUE_TIMINGS"] = "1" });
        Assert.Equal(0, code);
        Assert.Contains("timing: command (parse, run, print) ", stderr, StringComparison.Ordinal);
        Assert.Contains("dialogue", stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// Start-up (issue 17): <c>--help</c> loads neither the Open XML SDK nor ClosedXML, Graph, Azure or YamlDotNet, and
    /// the ND30 check of a letter loads none of them either: it reads the .docx with its raw XML reader, not the SDK.
    /// </summary>
    [Fact]
    public void Timings_ListTheAssembliesACommandLoaded_HelpAndCheckLoadOnlyWhatTheyUse()
    {
        using var tmp = new TempDir();
        var (code, _, help) = CliRunner.RunSplit(["--help", "--timings"]);
        Assert.Equal(0, code);
        var helpLoaded = Loaded(help);
        Assert.Contains("Spectre.Console.Cli", helpLoaded);
        foreach (var heavy in new[] { "DocumentFormat.OpenXml", "ClosedXML", "Microsoft.Graph", "Azure.Core", "Azure.Identity", "YamlDotNet", "QRCoder", "Microsoft.Data.Sqlite" })
        {
            Assert.DoesNotContain(heavy, helpLoaded);
        }

        var letter = Path.Combine(tmp.Path, "giay-moi.docx");
        var (made, madeOut) = CliRunner.Run("template", "giay-moi", "--out", letter);
        Assert.True(made == 0, madeOut);
        var (_, stdout, check) = CliRunner.RunSplit(["check", letter, "--timings"]);
        var checkLoaded = Loaded(check);
        // The check reads the .docx with its own raw XML reader; the Open XML SDK is only for packages it declines.
        Assert.DoesNotContain("check: raw reading declined", check, StringComparison.Ordinal);
        foreach (var heavy in new[] { "DocumentFormat.OpenXml", "ClosedXML", "Microsoft.Graph", "Azure.Core", "Azure.Identity", "YamlDotNet", "QRCoder", "Microsoft.Data.Sqlite" })
        {
            Assert.DoesNotContain(heavy, checkLoaded);
        }

        Assert.DoesNotContain("timing:", stdout, StringComparison.Ordinal);
    }

    private static HashSet<string> Loaded(string stderr)
    {
        // PhaseTimings.Flush's last line: the run's assemblies that are not the runtime's own.
        const string Prefix = "timing: libraries loaded: ";
        var line = stderr.Split('\n').Single(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return [.. line[Prefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }
}
