using System.Globalization;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>One venue's figures: invited, and how they answered and arrived.</summary>
public sealed record VenueAttendance(string VenueId, string Venue, int Invited, int Attending, int Substitute, int Absent, int NoAnswer, int CheckedIn);

/// <summary>One delegate's line of the register, in protocol order.</summary>
public sealed record AttendanceLine(ConferenceDelegate Delegate, string Venue, DelegateAttendance? State);

/// <summary>The register against the plan: per venue, and every delegate in protocol order (nobody left out).</summary>
public sealed record AttendanceSummary(IReadOnlyList<VenueAttendance> Venues, IReadOnlyList<AttendanceLine> Lines)
{
    public static AttendanceSummary Compute(ConferencePlan plan, IReadOnlyDictionary<string, DelegateAttendance> register)
    {
        var lines = ProtocolOrder.Sort(plan.Delegates)
            .Select(d => new AttendanceLine(d, (plan.FindVenue(d.VenueId) ?? plan.MainHall).Name, register.GetValueOrDefault(d.Code)))
            .ToList();
        var venues = plan.Venues.Select(v =>
        {
            var here = lines.Where(l => string.Equals((plan.FindVenue(l.Delegate.VenueId) ?? plan.MainHall).Id, v.Id, StringComparison.OrdinalIgnoreCase)).ToList();
            int Count(AttendanceStatus s) => here.Count(l => (l.State?.Status ?? AttendanceStatus.None) == s);

            // Check-ins are counted where they happened (a delegate may arrive at another venue's door).
            var checkedIn = register.Values.Count(r => r.CheckIn is { } c && string.Equals(c.VenueId, v.Id, StringComparison.OrdinalIgnoreCase));
            return new VenueAttendance(v.Id, v.Name, here.Count, Count(AttendanceStatus.Attending), Count(AttendanceStatus.Substitute), Count(AttendanceStatus.Absent),
                Count(AttendanceStatus.None), checkedIn);
        }).ToList();
        return new AttendanceSummary(venues, lines);
    }
}

/// <summary>A column of an attendance table: its Vietnamese header, its width in characters, and whether it holds a count.</summary>
public sealed record AttendanceColumn(string Header, double Width, bool IsNumber = false);

/// <summary>One table of the register's views (the export's sheets, the pane's "Điểm danh" sheet): text cells, numbers as digits.</summary>
public sealed record AttendanceTable(string Name, IReadOnlyList<AttendanceColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>The register as a workbook: "Tổng hợp" per venue, then "Danh sách" of every delegate in protocol order.</summary>
public static class AttendanceWorkbook
{
    public const string FileName = "diem-danh.xlsx";

    public static void Write(string path, ConferencePlan plan, AttendanceSummary summary) =>
        SimpleXlsxWriter.Write(path, [.. Tables(plan, summary).Select(t => new SimpleSheet(t.Name, [.. t.Columns.Select(c => (c.Header, c.Width))], t.Rows))]);

    /// <summary>The two tables every view of the register shows: the totals per venue (with a total row), then the list.</summary>
    public static IReadOnlyList<AttendanceTable> Tables(ConferencePlan plan, AttendanceSummary summary)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        static string T(DateTimeOffset? at) => at is { } a ? a.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";

        var totals = new AttendanceTable("Tổng hợp",
            [new("Điểm cầu", 40), new("Được mời", 11, true), new("Tham dự", 11, true), new("Cử người dự thay", 13, true), new("Vắng mặt", 11, true), new("Chưa xác nhận", 13, true), new("Đã điểm danh", 13, true)],
            [.. summary.Venues.Select(v => (IReadOnlyList<string>)[v.Venue, N(v.Invited), N(v.Attending), N(v.Substitute), N(v.Absent), N(v.NoAnswer), N(v.CheckedIn)]),
                [$"Cộng ({plan.Conference.Code})", N(summary.Venues.Sum(v => v.Invited)), N(summary.Venues.Sum(v => v.Attending)),
                    N(summary.Venues.Sum(v => v.Substitute)), N(summary.Venues.Sum(v => v.Absent)), N(summary.Venues.Sum(v => v.NoAnswer)), N(summary.Venues.Sum(v => v.CheckedIn))]]);
        var list = new AttendanceTable("Danh sách",
            [new("STT", 6, true), new("Mã đại biểu", 13), new("Đại biểu", 45), new("Điểm cầu", 28), new("Xác nhận", 16), new("Người dự thay", 30), new("Lý do vắng", 30), new("Thời điểm xác nhận", 18), new("Điểm danh lúc", 18), new("Trạng thái", 14)],
            [.. summary.Lines.Select((l, i) => (IReadOnlyList<string>)[
                N(i + 1), l.Delegate.Code, l.Delegate.Addressee, l.Venue, DoorCheck.StatusText(l.State?.Status ?? AttendanceStatus.None),
                l.State?.Answer is { Status: AttendanceStatus.Substitute } a ? $"{a.SubstituteName}, {a.SubstitutePosition}" : "",
                l.State?.Answer?.Reason ?? "", T(l.State?.Answer?.At), T(l.State?.CheckIn?.At), MinutesStatus(l.State)])]);
        return [totals, list];
    }

    /// <summary>
    /// The "Trạng thái" the minutes read (<c>dialogue minutes --diem-danh</c>, docs/after.md): a check-in at the door
    /// means the delegate or their substitute came; without one, the delegate's own answer stands; with neither, "Chưa
    /// rõ", which the minutes count as not recorded.
    /// </summary>
    internal static string MinutesStatus(DelegateAttendance? state) => (state?.CheckIn, state?.Status ?? AttendanceStatus.None) switch
    {
        (_, AttendanceStatus.Substitute) => "Dự thay",
        (not null, _) or (null, AttendanceStatus.Attending) => "Tham dự",
        (null, AttendanceStatus.Absent) => "Vắng",
        _ => "Chưa rõ",
    };
}
