using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Support;

/// <summary>The sample plan (loaded once) and copies of it with one part changed.</summary>
internal static class TestPlans
{
    private static readonly Lazy<ConferencePlan> SampleLazy = new(() => PlanLoader.Load(RepoPaths.SamplePlan).Require());

    public static ConferencePlan Sample => SampleLazy.Value;

    public static ConferencePlan With(
        ConferencePlan plan,
        IReadOnlyList<ProgrammeItem>? programme = null,
        IReadOnlyList<ConferenceDelegate>? delegates = null,
        Venue? mainHall = null,
        IReadOnlyList<Venue>? bridgePoints = null,
        DocumentSettings? programmeDocument = null,
        bool dropProgrammeDocument = false,
        IReadOnlyList<Topic>? topics = null) => new()
        {
            Folder = plan.Folder,
            FileName = plan.FileName,
            Issuer = plan.Issuer,
            Issuers = plan.Issuers,
            Conference = plan.Conference,
            MainHall = mainHall ?? plan.MainHall,
            BridgePoints = bridgePoints ?? plan.BridgePoints,
            Programme = programme ?? plan.Programme,
            Topics = topics ?? plan.Topics,
            Deadlines = plan.Deadlines,
            Units = plan.Units,
            Signer = plan.Signer,
            Invitation = plan.Invitation,
            ProgrammeDocument = dropProgrammeDocument ? null : programmeDocument ?? plan.ProgrammeDocument,
            ScriptDocument = plan.ScriptDocument,
            Recipients = plan.Recipients,
            DelegateFile = plan.DelegateFile,
            Delegates = delegates ?? plan.Delegates,
            Sharing = plan.Sharing,
            Audiences = plan.Audiences,
            Protocol = plan.Protocol,
            KeyLines = plan.KeyLines,
        };

    /// <summary>The delegates in a random order (fixed seed, so a failure can be replayed).</summary>
    public static IReadOnlyList<ConferenceDelegate> Shuffled(IReadOnlyList<ConferenceDelegate> delegates, int seed)
    {
        var copy = delegates.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }
}
