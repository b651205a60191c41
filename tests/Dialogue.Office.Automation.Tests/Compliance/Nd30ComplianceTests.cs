using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Script;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Compliance;

/// <summary>The programme, the script and the script template pass the ND30 checker without findings.</summary>
public sealed class Nd30ComplianceTests
{
    [Fact]
    public void Check_GeneratedProgrammeScriptAndTemplate_NoFindings()
    {
        using var dir = new TempDir();
        var plan = TestPlans.Sample;
        var programme = ProgrammeGenerator.Generate(new ProgrammeRequest(plan, dir.Path)).Path!;
        var script = ScriptGenerator.Generate(new ScriptRequest(plan, dir.Path)).Path!;
        var template = Path.Combine(RepoPaths.Templates, ScriptTemplate.FileName);

        foreach (var path in new[] { programme, script, template })
        {
            var report = Nd30Checker.Check(path);
            Assert.True(report.Findings.Count == 0, $"{Path.GetFileName(path)}: {string.Join("; ", report.Findings)}");
        }
    }

    [Fact]
    public void Check_ProgrammeWithoutItsOwnNumber_NoErrors()
    {
        using var dir = new TempDir();
        var plan = TestPlans.With(TestPlans.Sample, dropProgrammeDocument: true);
        var path = ProgrammeGenerator.Generate(new ProgrammeRequest(plan, dir.Path)).Path!;

        var report = Nd30Checker.Check(path);

        Assert.True(report.Passed, string.Join("; ", report.Errors));
    }
}
