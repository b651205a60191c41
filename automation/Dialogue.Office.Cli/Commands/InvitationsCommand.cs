using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Cli.Output;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>
/// <c>dialogue invitations &lt;plan&gt; [--out]</c>: only the invitations, the print file and their list (the packet
/// flow with <see cref="PacketParts.Invitations"/>; a SharePoint plan publishes first, as <c>build</c> does).
/// </summary>
public sealed class InvitationsCommand : Command<PlanOutputSettings>
{
    public override int Execute(CommandContext context, PlanOutputSettings settings, CancellationToken cancellationToken)
    {
        var plan = BuildCommand.Load(settings.PlanFolder);
        if (plan is null)
        {
            return ExitCodes.InputErrors;
        }

        var outDir = BuildCommand.OutputFolder(settings, plan);
        if (!BuildCommand.ReadSettings(plan, outDir, publishRequested: false, out var publish, out var page))
        {
            return ExitCodes.InputErrors;
        }

        // The same flow as build, invitations only: letters of delegates no longer in the list (and older names of
        // renamed ones) are removed, so the folder holds exactly the current letters.
        var result = StepProgress.Run(steps => ConferencePacket.Build(new PacketRequest(plan, outDir)
        {
            Parts = PacketParts.Invitations,
            Progress = new InlineProgress<PacketProgress>(p => steps.Report(p.Step, p.Done, p.Total)),
            Publish = publish,
            DelegatePage = page,
        }));
        return BuildCommand.Summary(result, outDir);
    }
}
