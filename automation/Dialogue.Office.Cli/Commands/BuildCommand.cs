using System.ComponentModel;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Plans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue build &lt;plan&gt; [--out]</c>: the main job, the whole conference packet.</summary>
public sealed class BuildCommand : Command<BuildCommand.Settings>
{
    public sealed class Settings : PlanOutputSettings
    {
        [CommandOption("--publish")]
        [Description("Công bố tài liệu sau khi tạo. Khi kế hoạch hoặc cấu hình có trang SharePoint (sharing.site_url), việc công bố luôn được thực hiện và mã QR mang liên kết chia sẻ thật; không có SharePoint thì công bố vào thư mục chia sẻ cục bộ.")]
        public bool Publish { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var plan = Load(settings.PlanFolder);
        if (plan is null)
        {
            return ExitCodes.InputErrors;
        }

        var outDir = OutputFolder(settings, plan);
        PublishRequest? publish = null;
        var config = SharingConfiguration.Build();
        var sharing = PublishCommand.Merge(SharingConfiguration.Sharing(config), plan.Sharing);
        if (sharing.SiteUrl.Length > 0 || settings.Publish)
        {
            var connection = SharingConfiguration.Graph(config);
            var target = PublishTarget.FromPlan(sharing, connection, SharingConfiguration.Local(config), plan.Conference.Code);
            if (target is SharePointTarget && !PublishCommand.PrepareSignIn(connection))
            {
                return ExitCodes.InputErrors;
            }

            ConsoleOutput.Info(target is SharePointTarget
                ? $"Tài liệu sẽ được công bố lên SharePoint ({sharing.SiteUrl}); mã QR trên giấy mời mang liên kết chia sẻ của thư mục tài liệu."
                : "Chưa cấu hình SharePoint: tài liệu được công bố vào thư mục chia sẻ cục bộ; mã QR mang đường dẫn tài liệu ghi trong kế hoạch.");
            publish = new PublishRequest { SourceFolder = outDir, Target = target, Options = PublishOptions.FromPlan(sharing) };
        }

        PacketResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new InlineProgress<PacketProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Step, out var task))
                    {
                        task = tasks[p.Step] = ctx.AddTask(Markup.Escape(p.Step), maxValue: Math.Max(1, p.Total));
                    }

                    task.Value = p.Done;
                });
                result = ConferencePacket.Build(new PacketRequest(plan, outDir) { Progress = progress, Publish = publish });
            });

        return Summary(result!, outDir);
    }

    internal static ConferencePlan? Load(string folder)
    {
        var loaded = PlanLoader.Load(folder);
        var hasErrors = ConsoleOutput.Problems(loaded.Problems);
        if (hasErrors || loaded.Plan is null)
        {
            ConsoleOutput.Error("Kế hoạch còn lỗi nên chưa tạo tài liệu; hãy sửa các lỗi trên rồi chạy lại (dialogue validate để chỉ kiểm tra).");
            return null;
        }

        return loaded.Plan;
    }

    /// <summary>The output folder (default out/&lt;code&gt;); one that cannot be used is a usage error (exit 2).</summary>
    internal static string OutputFolder(PlanOutputSettings settings, ConferencePlan plan)
    {
        var path = Path.GetFullPath(settings.Out ?? Path.Combine("out", plan.Conference.Code));
        return Automation.Outputs.OutputFolder.Check(path, plan.Folder) is { } problem
            ? throw new UsageException($"{problem.Code}: {problem.Message}")
            : path;
    }

    internal static int Summary(PacketResult result, string outDir)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Kết quả");
        table.AddColumn("Nội dung");
        table.AddColumn(new TableColumn("Số tệp").RightAligned());
        table.AddColumn("Vị trí");
        table.AddColumn(new TableColumn("Cảnh báo").RightAligned());
        table.AddColumn(new TableColumn("Lỗi").RightAligned());
        foreach (var step in result.Steps)
        {
            table.AddRow(Markup.Escape(step.Name), step.Files.ToString(), Markup.Escape(step.Location),
                step.Problems.Count(p => !p.IsError).ToString(), step.Problems.Count(p => p.IsError).ToString());
        }

        AnsiConsole.Write(table);
        ConsoleOutput.Problems(result.Problems.ToList());
        if (result.HasErrors)
        {
            ConsoleOutput.Error($"Có lỗi; các tệp đã tạo nằm trong {outDir}.");
            return ExitCodes.InputErrors;
        }

        ConsoleOutput.Success($"Đã tạo hồ sơ hội nghị trong {outDir}");
        return ExitCodes.Ok;
    }
}
