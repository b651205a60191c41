using System.Text.RegularExpressions;
using Dialogue.Office.AddIn.Tests.Support;

namespace Dialogue.Office.AddIn.Tests.Pane;

/// <summary>
/// Runs the task pane's Office.js unit tests (addin/Dialogue.Office.AddIn/test/*.test.js, office-addin-mock under
/// Node's test runner) so that the solution's one test command covers them.
/// </summary>
public partial class OfficeJsMockTests
{
    [SkippableFact]
    public void PaneOfficeJsCode_PassesNodeTestsWithOfficeAddinMock()
    {
        var node = ExternalTools.Require("node", "nodejs");
        ExternalTools.RequireNodePackage(RepoPaths.AddIn, "office-addin-mock");

        var (code, stdout, stderr) = ExternalTools.Run(node, ["--test", "test/"], RepoPaths.AddIn, TimeSpan.FromMinutes(2));

        Assert.True(code == 0, $"node --test failed ({code}):\n{stdout}\n{stderr}");
        var passed = int.Parse(Pass().Match(stdout).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(passed >= 15, $"expected the pane's mock tests to run, got {passed}:\n{stdout}");
        Assert.Matches(Fail(), stdout);
    }

    [GeneratedRegex(@"^# pass (\d+)$", RegexOptions.Multiline)]
    private static partial Regex Pass();

    [GeneratedRegex(@"^# fail 0$", RegexOptions.Multiline)]
    private static partial Regex Fail();
}
