using System.ComponentModel;
using Dialogue.Office.Automation.Conclusions;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Sharing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>Settings shared by the commands that read the conclusions workbook.</summary>
public class ConclusionsSettings : PlanOutputSettings
{
    [CommandOption("-k|--ket-luan <tệp>")]
    [Description("Tệp kết luận (.xlsx, trang \"Kết luận\" và \"Thông báo\"); mặc định: ket-luan.xlsx hoặc sau-hoi-nghi/ket-luan.xlsx trong thư mục kế hoạch.")]
    public string? Conclusions { get; init; }

    [CommandOption("-q|--questions <tệp>")]
    [Description("Tệp tổng hợp câu hỏi (.xlsx) để đối chiếu mã câu hỏi và ghi kết luận trả lời cho từng câu hỏi.")]
    public string? Questions { get; init; }

    protected override ValidationResult Check()
    {
        var baseResult = base.Check();
        if (!baseResult.Successful)
        {
            return baseResult;
        }

        if (Conclusions is not null && !File.Exists(Conclusions))
        {
            return ValidationResult.Error($"Không tìm thấy tệp kết luận \"{Conclusions}\".");
        }

        return Questions is not null && !File.Exists(Questions)
            ? ValidationResult.Error($"Không tìm thấy tệp tổng hợp câu hỏi \"{Questions}\".")
            : ValidationResult.Success();
    }

    /// <summary>The workbook given, or the one in the plan folder; null (with a message) when there is none.</summary>
    internal string? ConclusionsPath(ConferencePlan plan)
    {
        if (Conclusions is not null)
        {
            return Path.GetFullPath(Conclusions);
        }

        var found = ConclusionsReader.FindInPlanFolder(plan);
        if (found is null)
        {
            AnsiConsole.MarkupLine(Markup.Escape("Lỗi: không tìm thấy tệp kết luận (ket-luan.xlsx) trong thư mục kế hoạch; chỉ rõ bằng --ket-luan."));
        }

        return found;
    }
}

/// <summary><c>dialogue conclusions &lt;plan&gt;</c>: the Thông báo kết luận issued by the Văn phòng.</summary>
public sealed class ConclusionsCommand : Command<ConclusionsSettings>
{
    public override int Execute(CommandContext context, ConclusionsSettings settings, CancellationToken cancellationToken)
    {
        var plan = BuildCommand.Load(settings.PlanFolder);
        var workbook = plan is null ? null : settings.ConclusionsPath(plan);
        if (plan is null || workbook is null)
        {
            return ExitCodes.InputErrors;
        }

        var outDir = BuildCommand.OutputFolder(settings, plan);
        var output = OutputFolder.Open(outDir, plan.Folder);
        var result = ConclusionsGenerator.Notice(new ConclusionsRequest(plan, workbook, outDir)
        {
            QuestionsPath = settings.Questions is null ? null : Path.GetFullPath(settings.Questions),
        });
        output.Record("conclusions", result.Path);
        output.Commit(result.Path is null ? [] : ["conclusions"]);
        return BuildCommand.Summary(new PacketResult(outDir,
            [new PacketStep("Thông báo kết luận", result.Path is null ? 0 : 1, ConclusionsGenerator.NoticeFileName, result.Problems)]), outDir);
    }
}

/// <summary><c>dialogue followup &lt;plan&gt; [--as-of 15/7/2023]</c>: tracking workbook and công văn đôn đốc for overdue tasks.</summary>
public sealed class FollowupCommand : Command<FollowupCommand.Settings>
{
    public sealed class Settings : ConclusionsSettings
    {
        [CommandOption("--as-of <ngày>")]
        [Description("Ngày tính tình trạng (ví dụ 15/7/2023); mặc định: hôm nay.")]
        public string? AsOf { get; init; }

        [CommandOption("--no-sharepoint")]
        [Description("Chỉ dùng tệp kết luận, kể cả khi đã cấu hình SharePoint (mặc định: có SharePoint thì nhiệm vụ được theo dõi trên danh sách SharePoint để các cơ quan tự cập nhật).")]
        public bool NoSharePoint { get; init; }

        protected override ValidationResult Check()
        {
            var baseResult = base.Check();
            return baseResult.Successful && AsOf is not null && ConclusionsReader.ParseDate(AsOf) is null
                ? ValidationResult.Error($"--as-of \"{AsOf}\" không phải là ngày (ghi theo dạng 15/7/2023 hoặc 2023-07-15).")
                : baseResult;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var plan = BuildCommand.Load(settings.PlanFolder);
        var workbook = plan is null ? null : settings.ConclusionsPath(plan);
        if (plan is null || workbook is null)
        {
            return ExitCodes.InputErrors;
        }

        var outDir = BuildCommand.OutputFolder(settings, plan);
        var output = OutputFolder.Open(outDir, plan.Folder);
        var request = new ConclusionsRequest(plan, workbook, outDir)
        {
            QuestionsPath = settings.Questions is null ? null : Path.GetFullPath(settings.Questions),
            AsOf = settings.AsOf is null ? null : ConclusionsReader.ParseDate(settings.AsOf),
        };

        // With SharePoint configured (configuration or plan), the tasks live in a list the departments update.
        var config = SharingConfiguration.Build();
        var sharing = PublishTargets.Merge(SharingConfiguration.Sharing(config), plan.Sharing);
        ConclusionsListTarget? list = null;
        if (!settings.NoSharePoint && sharing.SiteUrl.Length > 0)
        {
            var connection = SharingConfiguration.Graph(config);
            if (!PublishCommand.PrepareSignIn(connection))
            {
                return ExitCodes.InputErrors;
            }

            list = new ConclusionsListTarget { SiteUrl = sharing.SiteUrl, Connection = connection };
            ConsoleOutput.Info($"Nhiệm vụ được theo dõi trên danh sách SharePoint \"{list.ListName}\" ({sharing.SiteUrl}).");
        }

        var result = list is null
            ? ConclusionsGenerator.Followup(request)
            : ConclusionsGenerator.FollowupAsync(request, list, cancellationToken).GetAwaiter().GetResult();
        if (list is not null && result.Problems.Any(p => p.IsError && p.Code.StartsWith("SHARING_", StringComparison.Ordinal)))
        {
            ConsoleOutput.Problems(result.Problems);
            return ExitCodes.ServiceFailure;
        }

        output.Record("followup", [result.ReportPath, .. result.Reminders]);
        output.Commit(result.ReportPath is null ? [] : ["followup"]);
        if (result.ReportPath is not null)
        {
            var overdue = result.Tasks.Count(t => t.IsOverdue);
            var done = result.Tasks.Count(t => t.Status == ConclusionStatus.Done);
            AnsiConsole.MarkupLine(Markup.Escape($"Đến ngày {Automation.Vietnamese.VietnameseText.ShortDate(result.AsOf)}: {result.Tasks.Count} nhiệm vụ, {done} hoàn thành, {overdue} quá hạn; {result.Reminders.Count} công văn đôn đốc."));
        }

        return BuildCommand.Summary(new PacketResult(outDir,
        [
            new PacketStep("Báo cáo theo dõi thực hiện kết luận", result.ReportPath is null ? 0 : 1, ConclusionsGenerator.ReportFileName, result.Problems),
            new PacketStep("Công văn đôn đốc", result.Reminders.Count, ConclusionsGenerator.RemindersFolder + "/", []),
        ]), outDir);
    }
}
