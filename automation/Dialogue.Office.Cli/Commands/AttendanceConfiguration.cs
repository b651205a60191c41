using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Sharing;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Dialogue.Office.Cli.Commands;

/// <summary>
/// The attendance settings of the CLI: the <c>Attendance</c> section of the same configuration as publishing
/// (appsettings.json, user-secrets, <c>DIALOGUE_Attendance__*</c>). The secrets written by
/// <c>dialogue attendance rotate</c> are in the user-secrets store <see cref="SecretsId"/>, which the add-in host reads
/// too, so both shells sign the same links.
/// </summary>
internal static class AttendanceConfiguration
{
    /// <summary>The user-secrets store shared by the CLI and the add-in host for the attendance secrets.</summary>
    public const string SecretsId = "dialogue-office-attendance";

    public static AttendanceOptions Options(IConfiguration? config = null)
    {
        var options = new AttendanceOptions();
        (config ?? SharingConfiguration.Build()).GetSection(AttendanceOptions.Section).Bind(options);
        return options;
    }

    /// <summary>The delegate page of <paramref name="plan"/> (null when off); false with the problems printed when misconfigured.</summary>
    public static bool Page(ConferencePlan plan, out DelegatePage? page, AttendanceOptions options)
    {
        var problems = new ProblemList();
        page = PublishTargets.DelegatePage(plan, options, problems);
        if (problems.Items.Count > 0)
        {
            ConsoleOutput.Problems(problems.Items);
        }

        return !problems.HasErrors;
    }

    /// <summary>
    /// The secretariat's checklist of the delegate page: its address and each venue's door page and door code. Printed
    /// on the console only — never written into the packet, which is published.
    /// </summary>
    public static void PrintChecklist(ConferencePlan plan, DelegatePage? page)
    {
        if (page is null)
        {
            AnsiConsole.MarkupLine("Trang xác nhận của đại biểu: [bold]chưa bật[/] (mã QR mở tài liệu hội nghị). Bật bằng attendance.public_base_url trong kế hoạch hoặc DIALOGUE_Attendance__PublicBaseUrl.");
            return;
        }

        AnsiConsole.MarkupLine($"Trang xác nhận của đại biểu: [bold]{Markup.Escape(page.BaseUrl)}/d/…[/] (mỗi mã QR mở trang riêng của một đại biểu).");
        var table = new Table().Title("Điểm danh tại cửa – giao cho tổ đón tiếp từng điểm cầu (không đăng lên thư mục tài liệu)");
        table.AddColumn("Điểm cầu");
        table.AddColumn("Trang điểm danh");
        table.AddColumn("Mã cửa");
        foreach (var venue in plan.Venues)
        {
            table.AddRow(Markup.Escape(venue.Name), Markup.Escape(page.DoorLink(venue.Id)), Markup.Escape(page.Key.DoorCode(venue.Id)));
        }

        AnsiConsole.Write(table);
    }
}
