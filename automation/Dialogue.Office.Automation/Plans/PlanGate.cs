using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Plans;

/// <summary>What a plan is used for: the gate lets through different problems.</summary>
public enum PlanUse
{
    /// <summary>Documents from the delegate list (invitations, seating, programme, script, the packet): every error blocks.</summary>
    Documents,

    /// <summary>Question work (forms, consolidation, split): topics, units and deadlines matter, the delegate list does not.</summary>
    Questions,
}

/// <summary>One policy, for the CLI and the host alike, of which plan problems block which job.</summary>
public static class PlanGate
{
    /// <summary>The errors that stop <paramref name="use"/> (sorted); empty when the plan may be used.</summary>
    public static IReadOnlyList<Problem> Blocking(PlanLoadResult loaded, PlanUse use)
    {
        var errors = loaded.Problems.Where(p => p.IsError && !(use == PlanUse.Questions && IsDelegateListProblem(p)));
        return ProblemOrder.Sort(errors);
    }

    /// <summary>The plan when <paramref name="use"/> may go ahead, else null with the blocking errors.</summary>
    public static ConferencePlan? Open(PlanLoadResult loaded, PlanUse use, out IReadOnlyList<Problem> blocking)
    {
        blocking = Blocking(loaded, use);
        return blocking.Count == 0 ? loaded.Plan : null; // a plan that could not be read at all has errors too
    }

    private static bool IsDelegateListProblem(Problem p) => p.Code.StartsWith("DELEGATE", StringComparison.Ordinal);
}
