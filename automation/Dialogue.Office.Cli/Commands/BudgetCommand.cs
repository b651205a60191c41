using System.ComponentModel;
using Dialogue.Office.Automation.Budget;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Packets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue budget &lt;plan&gt; [--du-toan du-toan.yaml]</c>: the Dự toán kinh phí and its Tờ trình.</summary>
public sealed class BudgetCommand : Command<BudgetCommand.Settings>
{
    public sealed class Settings : PlanOutputSettings
    {
        [CommandOption("--du-toan <tệp>")]
        [Description("Tệp định mức và thông tin dự toán (mặc định: du-toan.yaml trong thư mục kế hoạch).")]
        public string? Budget { get; init; }

        protected override ValidationResult Check()
        {
            var baseResult = base.Check();
            return baseResult.Successful && Budget is not null && !File.Exists(Budget)
                ? ValidationResult.Error($"Không tìm thấy tệp dự toán \"{Budget}\".")
                : baseResult;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var plan = BuildCommand.Load(settings.PlanFolder);
        if (plan is null)
        {
            return ExitCodes.InputErrors;
        }

        var file = settings.Budget is not null ? Path.GetFullPath(settings.Budget) : Path.Combine(plan.Folder, BudgetSettingsReader.FileName);
        if (!File.Exists(file))
        {
            AnsiConsole.MarkupLine(Markup.Escape($"Lỗi: không tìm thấy tệp {BudgetSettingsReader.FileName} trong thư mục kế hoạch; chỉ rõ bằng --du-toan."));
            return ExitCodes.InputErrors;
        }

        var outDir = BuildCommand.OutputFolder(settings, plan);
        var output = OutputFolder.Open(outDir, plan.Folder);
        var result = BudgetGenerator.Generate(new BudgetRequest(plan, file, outDir));
        output.Record("budget", result.WorkbookPath, result.SubmissionPath);
        output.Commit(result.WorkbookPath is null ? [] : ["budget"]);
        if (result.WorkbookPath is not null)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"Tổng dự toán: {BudgetEstimate.Money(result.Total)} đồng ({AmountInWords.Dong(result.Total)})."));
        }

        return BuildCommand.Summary(new PacketResult(outDir,
        [
            new PacketStep("Dự toán kinh phí", result.WorkbookPath is null ? 0 : 1, BudgetGenerator.WorkbookFileName, result.Problems),
            new PacketStep("Tờ trình đề nghị thẩm định", result.SubmissionPath is null ? 0 : 1, BudgetGenerator.SubmissionFileName, []),
        ]), outDir);
    }
}
