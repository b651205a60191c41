using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Templating;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue validate &lt;plan&gt;</c>: reads the plan and the delegate list, reports every problem.</summary>
public sealed class ValidateCommand : Command<PlanSettings>
{
    public override int Execute(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var result = PlanLoader.Load(settings.PlanFolder);
        var problems = result.Problems;
        if (result.Plan is not null)
        {
            // The templates the plan uses are loaded and checked as build will load them.
            problems = [.. problems, .. PlanTemplateCheck.Check(result.Plan)];
        }

        var hasErrors = ConsoleOutput.Problems(problems);
        if (hasErrors || result.Plan is null)
        {
            ConsoleOutput.Error("Kế hoạch còn lỗi; hãy sửa các lỗi trên rồi chạy lại.");
            return ExitCodes.InputErrors;
        }

        var plan = result.Plan;
        ConsoleOutput.Success($"Kế hoạch hợp lệ: {plan.Delegates.Count} đại biểu, {plan.BridgePoints.Count + 1} điểm cầu, {plan.Topics.Count} nhóm vấn đề, {plan.Programme.Count} mục chương trình.");
        return ExitCodes.Ok;
    }
}
