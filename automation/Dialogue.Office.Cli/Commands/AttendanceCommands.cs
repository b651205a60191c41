using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Sharing;
using Microsoft.Extensions.Configuration.UserSecrets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>Settings of the commands that read the attendance register.</summary>
public class RegisterSettings : PlanSettings
{
    [CommandOption("--register <tệp>")]
    [Description("Sổ điểm danh (attendance.db) của máy chủ add-in; mặc định: thiết lập Attendance:Database (biến môi trường DIALOGUE_Attendance__Database), nếu không có thì danh sách SharePoint khi đã cấu hình SharePoint như khi công bố tài liệu.")]
    public string? Register { get; init; }

    protected override ValidationResult Check()
    {
        var plan = base.Check();
        return !plan.Successful || Register is null || File.Exists(Register)
            ? plan
            : ValidationResult.Error($"Không tìm thấy sổ điểm danh \"{Register}\".");
    }

    /// <summary>
    /// The register's state for <paramref name="plan"/>, or null with the reason printed: the file named by
    /// <c>--register</c> or <c>Attendance:Database</c>; else, with SharePoint configured as for publishing (the plan's
    /// <c>sharing.site_url</c> or <c>Sharing:SiteUrl</c>, and <c>Sharing:Graph</c>), the list the add-in host keeps there.
    /// </summary>
    internal IReadOnlyDictionary<string, DelegateAttendance>? Read(ConferencePlan plan)
    {
        var config = SharingConfiguration.Build();
        var path = Register ?? AttendanceConfiguration.Options(config).Database;
        var sharing = PublishTargets.Merge(SharingConfiguration.Sharing(config), plan.Sharing);
        if (string.IsNullOrWhiteSpace(path) && sharing.SiteUrl.Length > 0)
        {
            var connection = SharingConfiguration.Graph(config);
            if (!PublishCommand.PrepareSignIn(connection))
            {
                return null;
            }

            ConsoleOutput.Info($"Đọc sổ điểm danh trên danh sách SharePoint \"{AttendanceListTarget.DefaultListName}\" ({sharing.SiteUrl}).");
            using var list = new SharePointAttendanceRegister(new AttendanceListTarget { SiteUrl = sharing.SiteUrl, Connection = connection });
            try
            {
                return list.SnapshotAsync(plan.Conference.Code).GetAwaiter().GetResult();
            }
            catch (AttendanceRegisterUnavailableException e)
            {
                ConsoleOutput.Error($"Không đọc được sổ điểm danh trên SharePoint: {e.Message}");
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            ConsoleOutput.Error(string.IsNullOrWhiteSpace(path)
                ? "Chưa biết sổ điểm danh ở đâu: ghi --register <tệp attendance.db>, đặt DIALOGUE_Attendance__Database, hoặc cấu hình SharePoint (Sharing:SiteUrl) như khi công bố tài liệu."
                : $"Không tìm thấy sổ điểm danh \"{path}\".");
            return null;
        }

        using var register = new SqliteAttendanceRegister(Path.GetFullPath(path));
        return register.SnapshotAsync(plan.Conference.Code).GetAwaiter().GetResult();
    }
}

/// <summary><c>dialogue attendance &lt;plan&gt; [--out diem-danh.xlsx]</c>: the register as a workbook, per venue and by protocol order.</summary>
public sealed class AttendanceExportCommand : Command<AttendanceExportCommand.Settings>
{
    public sealed class Settings : RegisterSettings
    {
        [CommandOption("-o|--out <tệp>")]
        [Description("Tệp Excel ghi kết quả (mặc định: out/<mã hội nghị>/diem-danh.xlsx).")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var plan = BuildCommand.Load(settings.PlanFolder);
        if (plan is null || settings.Read(plan) is not { } snapshot)
        {
            return ExitCodes.InputErrors;
        }

        var summary = AttendanceSummary.Compute(plan, snapshot);
        var path = Path.GetFullPath(settings.Out ?? Path.Combine("out", plan.Conference.Code, AttendanceWorkbook.FileName));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AttendanceWorkbook.Write(path, plan, summary);

        var table = new Table().AddColumns("Điểm cầu", "Được mời", "Tham dự", "Dự thay", "Vắng mặt", "Chưa xác nhận", "Đã điểm danh");
        foreach (var v in summary.Venues)
        {
            table.AddRow(Markup.Escape(v.Venue), $"{v.Invited}", $"{v.Attending}", $"{v.Substitute}", $"{v.Absent}", $"{v.NoAnswer}", $"{v.CheckedIn}");
        }

        AnsiConsole.Write(table);
        ConsoleOutput.Success($"Đã ghi sổ điểm danh ({summary.Lines.Count} đại biểu) vào {path}");
        return ExitCodes.Ok;
    }
}

/// <summary>
/// <c>dialogue attendance rotate &lt;plan&gt;</c>: a new secret for this conference (every QR link and door code
/// changes), written to the user-secrets store the add-in host also reads — never to the plan folder.
/// </summary>
public sealed class AttendanceRotateCommand : Command<PlanSettings>
{
    public override int Execute(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var plan = BuildCommand.Load(settings.PlanFolder);
        if (plan is null)
        {
            return ExitCodes.InputErrors;
        }

        var file = PathHelper.GetSecretsPathFromSecretsId(AttendanceConfiguration.SecretsId);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var secrets = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? [] : [];
        var key = $"{AttendanceOptions.Section}:Secrets:{plan.Conference.Code.ToUpperInvariant()}";
        var replaced = secrets.ContainsKey(key);
        secrets[key] = ConferenceKey.NewSecret();
        var temp = file + ".tmp";
        File.WriteAllText(temp, secrets.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, file, overwrite: true);

        ConsoleOutput.Success(replaced
            ? $"Đã đổi khóa bí mật của hội nghị {plan.Conference.Code}: mã QR trên giấy mời đã in trước đây và mã cửa cũ không còn dùng được; hãy tạo lại giấy mời (dialogue invitations) và khởi động lại máy chủ add-in."
            : $"Đã tạo khóa bí mật của hội nghị {plan.Conference.Code} (lưu trong user-secrets \"{AttendanceConfiguration.SecretsId}\" của máy này, không nằm trong thư mục kế hoạch). Khởi động lại máy chủ add-in để dùng khóa mới.");
        var options = AttendanceConfiguration.Options();
        options.Secrets[plan.Conference.Code.ToUpperInvariant()] = secrets[key]!.GetValue<string>();
        var page = options.PublicBaseUrl.Length > 0 || plan.Attendance.PublicBaseUrl.Length > 0
            ? new DelegatePage((plan.Attendance.PublicBaseUrl.Length > 0 ? plan.Attendance.PublicBaseUrl : options.PublicBaseUrl).TrimEnd('/'), ConferenceKey.From(options, plan.Conference.Code)!)
            : null;
        AttendanceConfiguration.PrintChecklist(plan, page);
        return ExitCodes.Ok;
    }
}
