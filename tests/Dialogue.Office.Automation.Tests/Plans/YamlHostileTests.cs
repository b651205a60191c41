using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Tests.Plans;

/// <summary>YAML the parser library mishandles, found by the fuzz run; each is a syntax problem at a line, never a crash.</summary>
public sealed class YamlHostileTests
{
    [Theory]
    [InlineData("%TAG ! không-phải-URI\n---\nschema: 1\n")]
    [InlineData("schema: [1\n")]
    [InlineData("a: &x [*x]\n")]
    public void Load_ParserEdgeCase_ReportedAsAProblem(string yaml)
    {
        using var b = new PlanFolderBuilder();
        b.WriteFile("plan.yaml", yaml);
        var result = PlanLoader.Load(b.Folder);
        Assert.True(result.HasErrors);
        Assert.Contains(result.Problems, p => p.Code.StartsWith("PLAN_YAML_", StringComparison.Ordinal));
    }
}
