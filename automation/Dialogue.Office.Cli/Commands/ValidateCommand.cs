using Dialogue.Office.Automation.Plans;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue validate &lt;plan&gt;</c>: reads the plan and the delegate list, reports every problem.</summary>
public sealed class ValidateCommand : Command<PlanSettings>
{
    public override int Execute(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var result = PlanLoader.Load(settings.PlanFolder);
        var hasErrors = ConsoleOutput.Problems(result.Problems);
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
