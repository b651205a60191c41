using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Invitations;

/// <summary>Generates the sample conference's invitations once for all tests of the class.</summary>
public sealed class SampleInvitationsFixture : IDisposable
{
    private readonly TempDir _dir = new("dialogue-inv-");

    public SampleInvitationsFixture()
    {
        Plan = PlanLoader.Load(RepoPaths.SamplePlan).Require();
        Result = InvitationGenerator.Generate(new InvitationRequest(Plan, _dir.Path)
        {
            Seats = new Dictionary<string, string> { [Plan.Delegates[0].Code] = "Hàng A – Ghế 05" },
        });
        Folder = _dir.Path;
    }

    public ConferencePlan Plan { get; }
    public InvitationResult Result { get; }
    public string Folder { get; }

    public string PathOf(GeneratedInvitation invitation) => Path.Combine(Folder, invitation.RelativePath);

    public void Dispose() => _dir.Dispose();
}
