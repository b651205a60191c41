using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Cli.Output;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue invitations &lt;plan&gt; [--out]</c>: only the invitations, the print file and their list.</summary>
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
        var output = OutputFolder.Open(outDir, plan.Folder);
        var result = StepProgress.Run(steps => InvitationGenerator.Generate(new InvitationRequest(plan, outDir)
        {
            Progress = new InlineProgress<int>(n => steps.Report("Giấy mời", n, plan.Delegates.Count)),
        }));

        // Letters of delegates no longer in the list (and older names of renamed ones) are removed: the folder holds
        // exactly the current letters.
        output.Record("invitations", [.. result!.Invitations.Select(i => i.RelativePath), result.PrintFile, result.ListFile]);
        var commit = output.Commit(result.HasErrors ? [] : ["invitations"]);
        var steps = new List<PacketStep>
        {
            new("Giấy mời (mỗi đại biểu một tệp)", result.Invitations.Count, InvitationGenerator.Folder + "/", result.Problems),
        };
        if (commit.Removed.Count > 0 || commit.Problems.Count > 0)
        {
            steps.Add(new PacketStep("Gỡ tệp của lần tạo trước không còn trong hồ sơ", commit.Removed.Count, OutputFolder.ManifestName, commit.Problems));
        }

        if (result.PrintFile is not null)
        {
            steps.Add(new PacketStep("Giấy mời – tệp in gộp", 1, InvitationGenerator.PrintFileName, []));
        }

        return BuildCommand.Summary(new PacketResult(outDir, steps), outDir);
    }
}
