using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Tests.Plans;

/// <summary>The plan's <c>protocol.titles</c> extend the built-in title table (docs/protocol.md).</summary>
public sealed class ProtocolPlanTitlesTests
{
    private const string Title = "Nghệ nhân Nhân dân";

    [Fact]
    public void PlanTitles_AreReadAndClassifyATitleTheTableDoesNotKnow()
    {
        using var plan = new PlanFolderBuilder();
        plan.InsertAfter("  introduce_down_to:", $"  titles:\n    - {{ title: \"{Title}\", group: \"MTTQ\", rank: 7, level: deputy }}");
        var loaded = plan.Load();
        Assert.DoesNotContain(loaded.Problems, p => p.Severity == ProblemSeverity.Error);
        var rule = Assert.Single(loaded.Plan!.Protocol.Titles);
        Assert.Equal(VietnameseText.Fold(Title), rule.Prefix);

        var without = ProtocolTitles.Classify(Title, "", "", AddresseeKind.Person, 1, []);
        Assert.False(without.Recognised);
        var with = ProtocolTitles.Classify(Title, "", "", AddresseeKind.Person, 1, [], loaded.Plan.Protocol.Titles);
        Assert.True(with.Recognised);
        Assert.Equal(ProtocolGroup.FatherlandFront, with.Group);
        Assert.Equal(7, with.Rank);
        Assert.Equal(TitleLevel.Deputy, with.Level);
    }

    [Fact]
    public void PlanTitles_UnknownGroup_IsAPlanErrorAtItsPath()
    {
        using var plan = new PlanFolderBuilder();
        plan.InsertAfter("  introduce_down_to:", $"  titles:\n    - {{ title: \"{Title}\", group: \"Khối không có\" }}");
        var loaded = plan.Load();
        Assert.Contains(loaded.Problems, p => p.Code == "PLAN_BAD_VALUE" && p.Args.Contains("protocol.titles[1].group"));
    }
}
