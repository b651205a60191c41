using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Script;
using Dialogue.Office.Automation.Seating;

namespace Dialogue.Office.Automation.Packets;

/// <summary>One line of the packet summary: what was written, how many files, where.</summary>
public sealed record PacketStep(string Name, int Files, string Location, IReadOnlyList<Problem> Problems);

/// <summary>Progress of the main job: the step running and how far it is.</summary>
public sealed record PacketProgress(string Step, int Done, int Total);

/// <summary>Everything the main job wrote.</summary>
public sealed record PacketResult(string OutputFolder, IReadOnlyList<PacketStep> Steps)
{
    public IEnumerable<Problem> Problems => Steps.SelectMany(s => s.Problems);
    public bool HasErrors => Problems.Any(p => p.IsError);
}

/// <summary>Options of the main job.</summary>
public sealed record PacketRequest(ConferencePlan Plan, string OutputFolder)
{
    public IProgress<PacketProgress>? Progress { get; init; }

    /// <summary>Questions chosen for the dialogue (from the consolidated workbook); null leaves marked places in the script.</summary>
    public IReadOnlyList<SelectedQuestion>? Questions { get; init; }
}

/// <summary>
/// The main job: builds a whole conference packet from a validated plan — every document the project can generate,
/// written into one output folder. Each capability adds its step here; the CLI and the add-in both call it.
/// </summary>
public static class ConferencePacket
{
    public static PacketResult Build(PacketRequest request)
    {
        var plan = request.Plan;
        Directory.CreateDirectory(request.OutputFolder);
        var steps = new List<PacketStep>();

        // Seating first: each in-person delegate's seat is printed on the invitation.
        var seating = SeatingGenerator.Generate(new SeatingRequest(plan, request.OutputFolder));
        steps.Add(new PacketStep("Sơ đồ chỗ ngồi và danh sách chỗ ngồi", seating.Path is null ? 0 : 1, SeatingGenerator.FileName, seating.Problems));

        var total = plan.Delegates.Count;
        var invitations = InvitationGenerator.Generate(new InvitationRequest(plan, request.OutputFolder)
        {
            Seats = seating.SeatsByCode,
            Progress = request.Progress is null ? null : new Progress<int>(n => request.Progress.Report(new PacketProgress("Giấy mời", n, total))),
        });
        steps.Add(new PacketStep("Giấy mời (mỗi đại biểu một tệp)", invitations.Invitations.Count, InvitationGenerator.Folder + "/", invitations.Problems));
        if (invitations.PrintFile is not null)
        {
            steps.Add(new PacketStep("Giấy mời – tệp in gộp", 1, InvitationGenerator.PrintFileName, []));
        }

        if (invitations.ListFile is not null)
        {
            steps.Add(new PacketStep("Danh sách giấy mời và đường dẫn QR", 1, InvitationGenerator.ListFileName, []));
        }

        var programme = ProgrammeGenerator.Generate(new ProgrammeRequest(plan, request.OutputFolder));
        steps.Add(new PacketStep("Chương trình hội nghị", programme.Path is null ? 0 : 1, ProgrammeGenerator.FileName, programme.Problems));

        var script = ScriptGenerator.Generate(new ScriptRequest(plan, request.OutputFolder) { Questions = request.Questions });
        steps.Add(new PacketStep("Kịch bản chi tiết (lời dẫn chương trình)", script.Path is null ? 0 : 1, ScriptGenerator.FileName, script.Problems));

        return new PacketResult(request.OutputFolder, steps);
    }
}
