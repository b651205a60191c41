using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Plans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue build &lt;plan&gt; [--out]</c>: the main job, the whole conference packet.</summary>
public sealed class BuildCommand : Command<PlanOutputSettings>
{
    public override int Execute(CommandContext context, PlanOutputSettings settings, CancellationToken cancellationToken)
    {
        var plan = Load(settings.PlanFolder);
        if (plan is null)
        {
            return ExitCodes.InputErrors;
        }

        var outDir = OutputFolder(settings, plan);
        PacketResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new Progress<PacketProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Step, out var task))
                    {
                        task = tasks[p.Step] = ctx.AddTask(Markup.Escape(p.Step), maxValue: Math.Max(1, p.Total));
                    }

                    task.Value = p.Done;
                });
                result = ConferencePacket.Build(new PacketRequest(plan, outDir) { Progress = new SynchronousProgress<PacketProgress>(progress) });
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

    internal static string OutputFolder(PlanOutputSettings settings, ConferencePlan plan) =>
        Path.GetFullPath(settings.Out ?? Path.Combine("out", plan.Conference.Code));

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

/// <summary>Progress that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and lag behind).</summary>
internal sealed class SynchronousProgress<T>(IProgress<T> inner) : IProgress<T>
{
    public void Report(T value) => inner.Report(value);
}
