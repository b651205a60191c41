using System.ComponentModel;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Templating;
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

    [CommandOption("--fix-lists")]
    [Description("Cập nhật danh sách thả xuống (mã điểm cầu) trong tệp danh sách đại biểu theo kế hoạch, giữ nguyên các dòng đã nhập.")]
    public bool FixLists { get; init; }

    internal bool Json => OutputFormat.IsJson(Format);

    protected override ValidationResult Check() => OutputFormat.Check(Format) ?? base.Check();
}

/// <summary>
/// <c>dialogue validate &lt;plan&gt; [--fix-lists] [--format json]</c>: reads the plan, the delegate list and the
/// templates, reports every problem.
/// </summary>
public sealed class ValidateCommand : Command<ValidateSettings>
{
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        var result = PlanLoader.Load(settings.PlanFolder);
        if (settings.FixLists && result.Plan is { DelegateFile.Length: > 0 } loaded && !FixLists(loaded))
        {
            return ExitCodes.InputErrors;
        }

        if (settings.FixLists)
        {
            result = PlanLoader.Load(settings.PlanFolder);
        }

        var problems = result.Problems;
        if (result.Plan is not null)
        {
            // The templates the plan uses are loaded and checked as build will load them.
            problems = [.. problems, .. PlanTemplateCheck.Check(result.Plan)];
        }

        var hasErrors = problems.Any(p => p.IsError);
        var exitCode = hasErrors || result.Plan is null ? ExitCodes.InputErrors : ExitCodes.Ok;
        if (settings.Json)
        {
            return JsonReport.Write("validate", exitCode, ProblemOrder.Sort(problems).Select(p => new JsonProblem(p)), w =>
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

        ConsoleOutput.Problems(problems);
        if (exitCode != ExitCodes.Ok || result.Plan is null)
        {
            ConsoleOutput.Error("Kế hoạch còn lỗi; hãy sửa các lỗi trên rồi chạy lại.");
            return ExitCodes.InputErrors;
        }

        var p = result.Plan;
        ConsoleOutput.Success($"Kế hoạch hợp lệ: {p.Delegates.Count} đại biểu, {p.BridgePoints.Count + 1} điểm cầu, {p.Topics.Count} nhóm vấn đề, {p.Programme.Count} mục chương trình.");
        return ExitCodes.Ok;
    }

    private static bool FixLists(ConferencePlan plan)
    {
        try
        {
            var path = ContainedPath.Resolve(plan.Folder, plan.DelegateFile);
            if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || !DelegateWorkbook.RefreshLists(path, plan.Venues.Select(v => v.Id).ToList()))
            {
                ConsoleOutput.Error($"Tệp \"{plan.DelegateFile}\" không có trang \"{DelegateColumns.SheetName}\" với cột \"Điểm cầu\" nên không cập nhật được danh sách thả xuống.");
                return false;
            }

            ConsoleOutput.Success($"Đã cập nhật danh sách thả xuống \"Điểm cầu\" của {plan.DelegateFile}: {string.Join(", ", plan.Venues.Select(v => v.Id))}.");
            return true;
        }
        catch (InputFileException ex)
        {
            ConsoleOutput.Problems([ex.ToProblem(plan.LocationOf("delegates"))]);
            return false;
        }
    }
}
