using System.Globalization;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Seating;

/// <summary>Where a seat is: at the presidium table (bàn đoàn chủ tịch) or in the rows of the hall.</summary>
public enum SeatArea
{
    Presidium,
    Hall,
}

/// <summary>
/// One seat. Hall rows are lettered from the stage (A, B, C … Z, AA …) and seats numbered 1… left to right as the
/// chart draws them; presidium seats are numbered left to right along the table.
/// </summary>
public sealed record Seat(SeatArea Area, int RowIndex, int Number)
{
    public static Seat Presidium(int number) => new(SeatArea.Presidium, -1, number);

    public static Seat Hall(int rowIndex, int number) => new(SeatArea.Hall, rowIndex, number);

    /// <summary>"A", "B" … "Z", "AA" …; empty for the presidium.</summary>
    public string RowName => Area == SeatArea.Presidium ? "" : RowLetter(RowIndex);

    /// <summary>"Hàng A – Ghế 05" or "Bàn Đoàn Chủ tịch – Ghế 03", as printed on the invitation.</summary>
    public string Label => Area == SeatArea.Presidium
        ? string.Create(CultureInfo.InvariantCulture, $"Bàn Đoàn Chủ tịch – Ghế {Number:00}")
        : string.Create(CultureInfo.InvariantCulture, $"Hàng {RowName} – Ghế {Number:00}");

    public static string RowLetter(int index)
    {
        var name = "";
        var n = index + 1;
        while (n > 0)
        {
            n--;
            name = (char)('A' + (n % 26)) + name;
            n /= 26;
        }

        return name;
    }

    public override string ToString() => Label;
}

/// <summary>One delegate in one seat.</summary>
public sealed record SeatAssignment(ConferenceDelegate Delegate, Seat Seat);

/// <summary>
/// The seating of the main hall: every in-person delegate with a seat, each seat used once. Delegates at online bridge
/// points are not in it.
/// </summary>
public sealed class SeatingPlan
{
    internal SeatingPlan(HallLayout layout, IReadOnlyList<SeatAssignment> assignments, int reservedRows)
    {
        Layout = layout;
        Assignments = assignments;
        ReservedRows = reservedRows;
        SeatsByCode = assignments.ToDictionary(a => a.Delegate.Code, a => a.Seat.Label, StringComparer.OrdinalIgnoreCase);
    }

    public HallLayout Layout { get; }

    /// <summary>Assignments in seating order: presidium, reserved front rows, units, press.</summary>
    public IReadOnlyList<SeatAssignment> Assignments { get; }

    /// <summary>The front rows actually kept for delegates by rank.</summary>
    public int ReservedRows { get; }

    /// <summary>Seat label by delegate code, for <c>InvitationRequest.Seats</c>.</summary>
    public IReadOnlyDictionary<string, string> SeatsByCode { get; }

    public SeatAssignment? Find(Seat seat) => Assignments.FirstOrDefault(a => a.Seat == seat);
}
