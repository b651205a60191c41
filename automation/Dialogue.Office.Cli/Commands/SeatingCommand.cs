using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Seating;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue seating &lt;plan&gt; [--out]</c>: the seating chart of the main hall only.</summary>
public sealed class SeatingCommand : Command<PlanOutputSettings>
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
        var result = SeatingGenerator.Generate(new SeatingRequest(plan, PacketLayout.FolderOf(plan, outDir, OutputKind.Seating)));
        output.Record("seating", result.Path);
        output.Commit(result.Path is null ? [] : ["seating"]);
        return BuildCommand.Summary(new PacketResult(outDir,
            [new PacketStep($"Sơ đồ chỗ ngồi ({result.SeatsByCode.Count} đại biểu có chỗ)", result.Path is null ? 0 : 1, PacketLayout.Display(plan, OutputKind.Seating, SeatingGenerator.FileName), result.Problems)]), outDir);
    }
}
