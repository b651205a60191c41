using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Outputs;
using System.ComponentModel;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Script;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue script &lt;plan&gt; [--out] [--questions tong-hop.xlsx] [--template kich-ban.docx]</c>: the MC's script.</summary>
public sealed class ScriptCommand : Command<ScriptCommand.Settings>
{
    public sealed class Settings : PlanOutputSettings
    {
        [CommandOption("-q|--questions <tệp>")]
        [Description("Tệp tổng hợp câu hỏi (.xlsx); các câu hỏi được chọn được đưa vào phần đối thoại theo từng nhóm vấn đề.")]
        public string? Questions { get; init; }

        [CommandOption("--attendance")]
        [Description("Giới thiệu đại biểu theo sổ điểm danh: bỏ đại biểu báo vắng mặt, giới thiệu người dự thay theo tên (\"đồng chí X, chức vụ, dự thay đồng chí Y\").")]
        public bool Attendance { get; init; }

        [CommandOption("--register <tệp>")]
        [Description("Sổ điểm danh (attendance.db) dùng với --attendance; mặc định: thiết lập Attendance:Database.")]
        public string? Register { get; init; }

        [CommandOption("-t|--template <tệp>")]
        [Description("Mẫu kịch bản (.docx) thay cho mẫu trong kế hoạch hoặc mẫu dựng sẵn.")]
        public string? Template { get; init; }

        protected override ValidationResult Check()
        {
            var baseResult = base.Check();
            if (!baseResult.Successful)
            {
                return baseResult;
            }

            if (Questions is not null && !File.Exists(Questions))
            {
                return ValidationResult.Error($"Không tìm thấy tệp tổng hợp câu hỏi \"{Questions}\".");
            }

            return Template is not null && !File.Exists(Template)
                ? ValidationResult.Error($"Không tìm thấy mẫu kịch bản \"{Template}\".")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var plan = BuildCommand.Load(settings.PlanFolder);
        if (plan is null)
        {
            return ExitCodes.InputErrors;
        }

        IReadOnlyList<SelectedQuestion>? questions = null;
        var readProblems = new ProblemList();
        if (settings.Questions is not null)
        {
            questions = SelectedQuestionReader.Read(Path.GetFullPath(settings.Questions), plan, readProblems);
            if (questions is null)
            {
                ConsoleOutput.Problems(readProblems.Items);
                return ExitCodes.InputErrors;
            }

            AnsiConsole.MarkupLine(Markup.Escape($"Đã đọc {questions.Count} câu hỏi được chọn."));
        }

        IReadOnlyDictionary<string, int>? present = null;
        if (settings.Attendance)
        {
            var snapshot = new RegisterSettings { PlanFolder = settings.PlanFolder, Register = settings.Register }.Read(plan);
            if (snapshot is null)
            {
                return ExitCodes.InputErrors;
            }

            plan = Automation.Attendance.AttendanceScript.Apply(plan, snapshot, out var changes);
            present = changes.PresentAtBridgePoints;
            AnsiConsole.MarkupLine(Markup.Escape($"Theo sổ điểm danh: bỏ {changes.Absent.Count} đại biểu báo vắng mặt, giới thiệu {changes.Substitutes.Count} người dự thay"
                + (present.Count > 0 ? $"; chào mừng {present.Count} điểm cầu theo số đại biểu đã điểm danh." : ".")));
        }

        var outDir = BuildCommand.OutputFolder(settings, plan);
        var output = OutputFolder.Open(outDir, plan.Folder);
        var result = ScriptGenerator.Generate(new ScriptRequest(plan, PacketLayout.FolderOf(plan, outDir, OutputKind.Script))
        {
            Questions = questions,
            PresentAtBridgePoints = present,
            TemplatePath = settings.Template is null ? null : Path.GetFullPath(settings.Template),
        });
        output.Record("script", result.Path);
        output.Commit(result.Path is null ? [] : ["script"]);
        return BuildCommand.Summary(new PacketResult(outDir,
            [new PacketStep("Kịch bản chi tiết (lời dẫn chương trình)", result.Path is null ? 0 : 1, PacketLayout.Display(plan, OutputKind.Script, ScriptGenerator.FileName), [.. readProblems.Items, .. result.Problems])]), outDir);
    }
}
