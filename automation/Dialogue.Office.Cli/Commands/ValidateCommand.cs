using System.ComponentModel;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>Settings of <c>dialogue validate</c>.</summary>
public sealed class ValidateSettings : PlanSettings
{
    [CommandOption("--format <định-dạng>")]
    [Description(OutputFormat.Description)]
    public string Format { get; init; } = OutputFormat.Text;

    internal bool Json => OutputFormat.IsJson(Format);

    protected override ValidationResult Check() => OutputFormat.Check(Format) ?? base.Check();
}

/// <summary><c>dialogue validate &lt;plan&gt; [--format json]</c>: reads the plan and the delegate list, reports every problem.</summary>
public sealed class ValidateCommand : Command<ValidateSettings>
{
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        var result = PlanLoader.Load(settings.PlanFolder);
        var exitCode = result.HasErrors ? ExitCodes.InputErrors : ExitCodes.Ok;
        if (settings.Json)
        {
            return JsonReport.Write("validate", exitCode, ProblemOrder.Sort(result.Problems).Select(p => new JsonProblem(p)), w =>
            {
                if (exitCode != ExitCodes.Ok || result.Plan is not { } plan)
                {
                    w.WriteNull("plan");
                    return;
                }

                w.WriteStartObject("plan");
                w.WriteString("code", plan.Conference.Code);
                w.WriteNumber("delegates", plan.Delegates.Count);
                w.WriteNumber("bridgePoints", plan.BridgePoints.Count + 1);
                w.WriteNumber("topics", plan.Topics.Count);
                w.WriteNumber("programmeItems", plan.Programme.Count);
                w.WriteEndObject();
            });
        }

        ConsoleOutput.Problems(result.Problems);
        if (exitCode != ExitCodes.Ok || result.Plan is null)
        {
            ConsoleOutput.Error("Kế hoạch còn lỗi; hãy sửa các lỗi trên rồi chạy lại.");
            return ExitCodes.InputErrors;
        }

        var p = result.Plan;
        ConsoleOutput.Success($"Kế hoạch hợp lệ: {p.Delegates.Count} đại biểu, {p.BridgePoints.Count + 1} điểm cầu, {p.Topics.Count} nhóm vấn đề, {p.Programme.Count} mục chương trình.");
        return ExitCodes.Ok;
    }
}
