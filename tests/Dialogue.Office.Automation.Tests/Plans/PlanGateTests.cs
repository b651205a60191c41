using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Plans;

/// <summary>One policy for the CLI and the host: which plan errors block documents, which block question work.</summary>
public sealed class PlanGateTests
{
    private static PlanLoadResult With(params Problem[] problems) => new(PlanLoader.Load(RepoPaths.SamplePlan).Require(), problems);

    [Fact]
    public void DelegateListError_BlocksDocumentsButNotQuestions()
    {
        var loaded = With(Problem.Error("DELEGATE_DUPLICATE_CODE", "dai-bieu.xlsx › Đại biểu › dòng 7", "duplicate", "XA26-0002", "5"));

        Assert.Null(PlanGate.Open(loaded, PlanUse.Documents, out var documents));
        Assert.Equal("DELEGATE_DUPLICATE_CODE", Assert.Single(documents).Code);
        Assert.NotNull(PlanGate.Open(loaded, PlanUse.Questions, out var questions));
        Assert.Empty(questions);
    }

    [Fact]
    public void PlanError_BlocksBoth_WarningsBlockNothing()
    {
        var loaded = With(Problem.Error("PLAN_BAD_URL", "plan.yaml › conference.packet_url", "bad", "x"), Problem.Warning("DELEGATE_BAD_EMAIL", "dai-bieu.xlsx › Đại biểu › dòng 9 › Email", "bad", "a@"));

        Assert.Null(PlanGate.Open(loaded, PlanUse.Documents, out _));
        Assert.Null(PlanGate.Open(loaded, PlanUse.Questions, out var blocking));
        Assert.Equal("PLAN_BAD_URL", Assert.Single(blocking).Code);
        Assert.NotNull(PlanGate.Open(With(Problem.Warning("DELEGATE_BAD_EMAIL", "dai-bieu.xlsx › Đại biểu › dòng 9 › Email", "bad", "a@")), PlanUse.Documents, out _));
    }

    [Fact]
    public void UnreadablePlan_IsNeverOpened() =>
        Assert.Null(PlanGate.Open(new PlanLoadResult(null, []), PlanUse.Questions, out _));
}
