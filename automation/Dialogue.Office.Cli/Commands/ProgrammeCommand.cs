using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Programme;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue programme &lt;plan&gt; [--out]</c>: the Chương trình hội nghị only.</summary>
public sealed class ProgrammeCommand : Command<PlanOutputSettings>
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
        var result = ProgrammeGenerator.Generate(new ProgrammeRequest(plan, PacketLayout.FolderOf(plan, outDir, OutputKind.Programme)));
        output.Record("programme", result.Path);
        output.Commit(result.Path is null ? [] : ["programme"]);
        return BuildCommand.Summary(new PacketResult(outDir,
            [new PacketStep("Chương trình hội nghị", result.Path is null ? 0 : 1, PacketLayout.Display(plan, OutputKind.Programme, ProgrammeGenerator.FileName), result.Problems)]), outDir);
    }
}
