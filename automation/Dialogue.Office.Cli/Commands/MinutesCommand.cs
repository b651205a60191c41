using System.ComponentModel;
using Dialogue.Office.Automation.Minutes;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Packets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue minutes &lt;plan&gt; [--out] [--questions tong-hop.xlsx] [--diem-danh diem-danh.xlsx] [--thu-ky "Họ tên, chức vụ"]</c>: the Biên bản hội nghị.</summary>
public sealed class MinutesCommand : Command<MinutesCommand.Settings>
{
    public sealed class Settings : PlanOutputSettings
    {
        [CommandOption("-q|--questions <tệp>")]
        [Description("Tệp tổng hợp câu hỏi (.xlsx); các câu hỏi đánh dấu ở cột \"Chọn\" được ghi vào biên bản theo từng nhóm vấn đề.")]
        public string? Questions { get; init; }

        [CommandOption("-d|--diem-danh <tệp>")]
        [Description("Bảng điểm danh (.xlsx: cột \"Mã đại biểu\", \"Trạng thái\" Tham dự/Dự thay/Vắng, \"Người dự thay\"); thành phần tham dự của biên bản ghi theo bảng này.")]
        public string? Attendance { get; init; }

        [CommandOption("--thu-ky <họ-tên>")]
        [Description("Thư ký (người ghi biên bản): \"Họ tên, chức vụ\".")]
        public string? Secretary { get; init; }

        protected override ValidationResult Check()
        {
            var baseResult = base.Check();
            if (!baseResult.Successful)
            {
                return baseResult;
            }

            if (Attendance is not null && !File.Exists(Attendance))
            {
                return ValidationResult.Error($"Không tìm thấy bảng điểm danh \"{Attendance}\".");
            }

            return Questions is not null && !File.Exists(Questions)
                ? ValidationResult.Error($"Không tìm thấy tệp tổng hợp câu hỏi \"{Questions}\".")
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

        var outDir = BuildCommand.OutputFolder(settings, plan);
        var output = OutputFolder.Open(outDir, plan.Folder);
        var result = MinutesGenerator.Generate(new MinutesRequest(plan, outDir)
        {
            QuestionsPath = settings.Questions is null ? null : Path.GetFullPath(settings.Questions),
            AttendancePath = settings.Attendance is null ? null : Path.GetFullPath(settings.Attendance),
            Secretary = MinutesSecretary.Parse(settings.Secretary),
        });
        output.Record("minutes", result.Path);
        output.Commit(result.Path is null ? [] : ["minutes"]);
        return BuildCommand.Summary(new PacketResult(outDir,
            [new PacketStep("Biên bản hội nghị", result.Path is null ? 0 : 1, MinutesGenerator.FileName, result.Problems)]), outDir);
    }
}
