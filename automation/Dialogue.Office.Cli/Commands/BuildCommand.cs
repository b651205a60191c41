using System.ComponentModel;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Cli.Output;
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
        if (!ReadSettings(plan, outDir, settings.Publish, out var publish, out var page))
        {
            return ExitCodes.InputErrors;
        }

        var result = StepProgress.Run(steps => ConferencePacket.Build(new PacketRequest(plan, outDir)
        {
            Progress = new InlineProgress<PacketProgress>(p => steps.Report(p.Step, p.Done, p.Total)),
            Publish = publish,
            DelegatePage = page,
        }));

        var exit = Summary(result, outDir);
        AttendanceConfiguration.PrintChecklist(plan, page);
        return exit;
    }

    /// <summary>
    /// The publish request of a packet run (the core resolves the target: plan over configuration), or null when the
    /// run does not publish: a SharePoint target always publishes first (so the QR codes carry its link), the local
    /// share only with --publish. False when the Microsoft 365 sign-in is not set up.
    /// </summary>
    internal static bool Publishing(ConferencePlan plan, string outDir, bool requested, out PublishRequest? publish, MachineSettings settings)
    {
        publish = null;
        var connection = settings.Graph;
        var request = PublishTargets.ForPlan(plan, settings.Sharing, connection, settings.Local, outDir);
        if (!requested && !PublishTargets.PublishWithBuild(request.Target))
        {
            return true;
        }

        if (request.Target is SharePointTarget sp)
        {
            if (!PublishCommand.PrepareSignIn(connection))
            {
                return false;
            }

            ConsoleOutput.Info($"Tài liệu sẽ được công bố lên SharePoint ({sp.SiteUrl}); mã QR trên giấy mời mang liên kết chia sẻ của thư mục tài liệu.");
        }
        else
        {
            ConsoleOutput.Info(PublishTargets.QrCarriesFolderLink(request.Target)
                ? "Chưa cấu hình SharePoint: tài liệu được công bố vào thư mục chia sẻ cục bộ; mã QR mang liên kết của thư mục đó."
                : "Chưa cấu hình SharePoint: tài liệu được công bố vào thư mục chia sẻ cục bộ; mã QR mang đường dẫn tài liệu ghi trong kế hoạch.");
        }

        publish = request;
        return true;
    }

    /// <summary>
    /// The publish request and the delegate page of a packet run, from one reading of the configuration (appsettings,
    /// user-secrets, environment; not loaded when none of them exists); false when either is misconfigured (the
    /// problems are printed).
    /// </summary>
    internal static bool ReadSettings(ConferencePlan plan, string outDir, bool publishRequested, out PublishRequest? publish, out Automation.Attendance.DelegatePage? page)
    {
        page = null;
        using var _ = PhaseTimings.Start("settings: publishing and delegate page (configuration read once)");
        var settings = MachineSettings.Read();
        return Publishing(plan, outDir, publishRequested, out publish, settings) && AttendanceConfiguration.Page(plan, out page, settings.Attendance);
    }

    internal static ConferencePlan? Load(string folder)
    {
        PlanLoadResult loaded;
        using (PhaseTimings.Start("plan loaded (plan.yaml, delegate list, checks)"))
        {
            loaded = PlanLoader.Load(folder);
        }

        ConsoleOutput.Problems(loaded.Problems);
        if (PlanGate.Open(loaded, PlanUse.Documents, out _) is null)
        {
            ConsoleOutput.Error("Kế hoạch còn lỗi nên chưa tạo tài liệu; hãy sửa các lỗi trên rồi chạy lại (dialogue validate để chỉ kiểm tra).");
            return null;
        }

        return loaded.Plan!;
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
        using var timing = PhaseTimings.Start("summary printed");
        var table = new FitTable(
            "Kết quả",
            new FitColumn("Nội dung", Fit.Words, Heading: true),
            new FitColumn("Số tệp", Fit.Atomic, Right: true),
            new FitColumn("Vị trí", Fit.Atomic),
            new FitColumn("Cảnh báo", Fit.Atomic, Right: true),
            new FitColumn("Lỗi", Fit.Atomic, Right: true));
        foreach (var step in result.Steps)
        {
            var errors = step.Problems.Count(p => p.IsError);
            table.Add(step.Name, Count(step.Files), step.Location, Count(step.Problems.Count - errors), new FitCell(Count(errors), errors > 0 ? "red" : null));
        }

        table.Write(AnsiConsole.Console);
        ConsoleOutput.Problems(result.Problems.ToList());
        if (result.HasErrors)
        {
            ConsoleOutput.Error($"Có lỗi; các tệp đã tạo nằm trong {outDir}.");
            return ExitCodes.InputErrors;
        }

        ConsoleOutput.Success($"Đã tạo hồ sơ hội nghị trong {outDir}");
        return ExitCodes.Ok;
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
