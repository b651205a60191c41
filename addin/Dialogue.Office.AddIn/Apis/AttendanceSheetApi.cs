using System.Globalization;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.AddIn.Apis;

/// <summary>
/// <c>api/attendance</c>: the secretariat's view of the attendance register for the Excel pane's "Điểm danh" sheet.
/// The figures and the list are the core's (<see cref="AttendanceSummary"/>, <see cref="AttendanceWorkbook.Tables"/>,
/// the same tables <c>dialogue attendance</c> exports); the host only reads the register and maps them to JSON.
/// </summary>
public static class AttendanceSheetApi
{
    /// <summary>The sheet the pane inserts and refreshes.</summary>
    public const string SheetName = "Điểm danh";

    public sealed record ColumnDto(string Header, double Width, bool IsNumber);

    public sealed record TableDto(string Name, IReadOnlyList<ColumnDto> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

    /// <summary>The sheet: its name, title lines, when the register was read (Vietnam time), the totals and the tables.</summary>
    public sealed record SheetDto(string Sheet, string Title, string Conference, string AsOf, TotalsDto Totals, IReadOnlyList<TableDto> Tables);

    public sealed record TotalsDto(int Invited, int Attending, int Substitute, int Absent, int NoAnswer, int CheckedIn);

    public static RouteGroupBuilder MapAttendanceSheetApi(this RouteGroupBuilder api)
    {
        var attendance = api.MapGroup("attendance");
        attendance.MapGet("{planId}/sheet", SheetAsync);
        return attendance;
    }

    private static async Task<IResult> SheetAsync(string planId, PlanStore store, IAttendanceRegister register, TimeProvider time, CancellationToken ct)
    {
        if (PlansApi.Usable(store, planId, out var plan, PlanUse.Documents) is { } problem)
        {
            return problem;
        }

        var summary = AttendanceSummary.Compute(plan!, await register.SnapshotAsync(plan!.Conference.Code, ct));
        var now = time.GetUtcNow().ToOffset(VietnamTime.Offset);
        var v = summary.Venues;
        return TypedResults.Ok(new SheetDto(
            SheetName,
            "ĐIỂM DANH ĐẠI BIỂU",
            plan.Conference.Title,
            string.Create(CultureInfo.InvariantCulture, $"Số liệu lúc {now:HH:mm} ngày {now:dd/MM/yyyy}"),
            new TotalsDto(v.Sum(x => x.Invited), v.Sum(x => x.Attending), v.Sum(x => x.Substitute), v.Sum(x => x.Absent), v.Sum(x => x.NoAnswer), v.Sum(x => x.CheckedIn)),
            AttendanceWorkbook.Tables(plan, summary)
                .Select(t => new TableDto(t.Name, t.Columns.Select(c => new ColumnDto(c.Header, c.Width, c.IsNumber)).ToList(), t.Rows))
                .ToList()));
    }
}
