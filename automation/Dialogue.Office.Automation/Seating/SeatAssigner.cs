using System.Globalization;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Seating;

/// <summary>
/// Seats the main hall's delegates by protocol: the presidium table by rank (seat 01 = the highest, in the middle; 02 on
/// its right hand, 03 on its left …), the reserved front rows by rank from the centre outwards, then the other rows
/// front to back, each filled from the centre outwards so both side blocks are used evenly and the members of one
/// body sit side by side around the centre where the order allows; the press in the back row from the outer edge.
/// </summary>
internal static class SeatAssigner
{
    public static SeatingPlan? Assign(ConferencePlan plan, ProblemList problems)
    {
        var layout = plan.MainHall.Layout;
        if (layout is null || layout.Rows <= 0 || layout.SeatsPerRow <= 0)
        {
            problems.Error("SEATING_NO_LAYOUT", plan.LocationOf("main_hall.layout"), "The main hall has no layout.");
            return null;
        }

        // Seating goes by level before tier: the chair of a lower-tier city or a deputy of the host sở sits among the heads and
        // deputies of the provincial bodies in the front rows, not behind every trưởng phòng.
        var inHall = ProtocolOrder.Sort(plan.Delegates.Where(d => string.Equals(d.VenueId, plan.MainHall.Id, StringComparison.OrdinalIgnoreCase)))
            .Select((d, i) => (d, i)).OrderBy(x => SeatingBucket(x.d)).ThenBy(x => x.i).Select(x => x.d).ToList();
        if (inHall.Count == 0)
        {
            problems.Warning("SEATING_NO_DELEGATES", plan.LocationOf("delegates"), "No delegate attends at the main hall.", plan.MainHall.Name);
        }

        var presidiumMembers = inHall.Where(d => d.IsPresidium).ToList();
        var atTable = presidiumMembers.Take(layout.PresidiumSeats).ToList();
        if (presidiumMembers.Count > atTable.Count)
        {
            problems.Warning("SEATING_PRESIDIUM_FULL", plan.LocationOf("main_hall.layout.presidium_seats"), "More presidium members than presidium seats.",
                Number(presidiumMembers.Count), Number(layout.PresidiumSeats), Number(presidiumMembers.Count - atTable.Count));
        }

        var capacity = atTable.Count + layout.Rows * layout.SeatsPerRow;
        if (inHall.Count > capacity)
        {
            problems.Error("SEATING_TOO_MANY", plan.LocationOf("main_hall.layout"),
                $"{inHall.Count} in-person delegates but only {capacity} seats; {inHall.Count - capacity} missing.",
                Number(inHall.Count - capacity), Number(inHall.Count), plan.MainHall.Name, Number(capacity));
            return null;
        }

        // Presidium seats are numbered by protocol (01 = the chair, in the middle); the chart draws them from the centre out.
        var assignments = new List<SeatAssignment>(inHall.Count);
        for (var i = 0; i < atTable.Count; i++)
        {
            assignments.Add(new SeatAssignment(atTable[i], Seat.Presidium(i + 1)));
        }

        var seated = new HashSet<ConferenceDelegate>(atTable, ReferenceEqualityComparer.Instance);
        var rest = inHall.Where(d => !seated.Contains(d)).ToList();
        var press = rest.Where(d => d.Group == ProtocolGroup.Press).ToList();
        var others = rest.Where(d => d.Group != ProtocolGroup.Press).ToList();

        // Front rows: the highest-ranked delegates, each row filled from the centre outwards.
        var reservedRows = Math.Clamp(layout.ReservedFrontRows, 0, layout.Rows);
        var frontSeats = new List<Seat>();
        var rowOrder = CentreOut(layout.SeatsPerRow);
        for (var r = 0; r < reservedRows; r++)
        {
            frontSeats.AddRange(rowOrder.Select(n => Seat.Hall(r, n)));
        }

        // The other seats: row by row, each from the centre outwards (both side blocks alike); press takes the back row from the outer edge.
        var blockSeats = RowOrder(layout, reservedRows);
        var freeFront = frontSeats.Count;
        var front = others.Take(freeFront).ToList();
        var units = GroupByOrganization(others.Skip(front.Count)).ToList();

        for (var i = 0; i < front.Count; i++)
        {
            assignments.Add(new SeatAssignment(front[i], frontSeats[i]));
        }

        // Unused front seats (fewer leaders than reserved seats) stay empty: the front rows are not given to units.
        // Press: the back row from the outer edge inwards, kept free of units; unused front seats only when the hall is full.
        var pressInBack = Math.Max(0, Math.Min(press.Count, blockSeats.Count - units.Count));
        var pressSeats = PressOrder(layout, reservedRows).Take(pressInBack).ToList();
        var forPress = new HashSet<Seat>(pressSeats);
        var unitSeats = blockSeats.Where(x => !forPress.Contains(x)).ToList();
        for (var i = 0; i < units.Count; i++)
        {
            assignments.Add(new SeatAssignment(units[i], unitSeats[i]));
        }

        pressSeats.AddRange(frontSeats.Skip(front.Count).Reverse().Take(press.Count - pressInBack));
        for (var i = 0; i < press.Count; i++)
        {
            assignments.Add(new SeatAssignment(press[i], pressSeats[i]));
        }

        return new SeatingPlan(layout, assignments, reservedRows);
    }

    /// <summary>0 leaders (and Trung ương), 1 heads, 2 deputies and bodies sending their leadership, 3 everyone else; press last.</summary>
    internal static int SeatingBucket(ConferenceDelegate d) => d.Group switch
    {
        ProtocolGroup.Press => 4,
        ProtocolGroup.Central => 0,
        _ when ProtocolTitles.IsLeadership(d.Group) => 0,
        _ => d.Level switch
        {
            TitleLevel.Leader or TitleLevel.Head => 1,
            TitleLevel.Deputy => 2,
            _ => 3,
        },
    };

    /// <summary>Keeps protocol order between organizations (by their first member) and puts each one's members together.</summary>
    internal static IEnumerable<ConferenceDelegate> GroupByOrganization(IEnumerable<ConferenceDelegate> ordered)
    {
        var groups = new List<List<ConferenceDelegate>>();
        var byOrg = new Dictionary<string, List<ConferenceDelegate>>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in ordered)
        {
            var key = Vietnamese.VietnameseText.Fold(d.Organization);
            if (key.Length == 0)
            {
                groups.Add([d]);
                continue;
            }

            if (!byOrg.TryGetValue(key, out var list))
            {
                byOrg[key] = list = [];
                groups.Add(list);
            }

            list.Add(d);
        }

        return groups.SelectMany(g => g);
    }

    /// <summary>Seat numbers 1..n ordered from the middle outwards, the left-of-middle first (seat of honour, then its right hand).</summary>
    internal static IReadOnlyList<int> CentreOut(int n)
    {
        var order = new List<int>(n);
        if (n <= 0)
        {
            return order;
        }

        var left = (n + 1) / 2;
        var right = left + 1;
        order.Add(left--);
        while (order.Count < n)
        {
            if (n % 2 == 0 && right <= n)
            {
                order.Add(right++);
                if (left >= 1)
                {
                    order.Add(left--);
                }
            }
            else
            {
                if (left >= 1)
                {
                    order.Add(left--);
                }

                if (right <= n && order.Count < n)
                {
                    order.Add(right++);
                }
            }
        }

        return order;
    }

    /// <summary>Seats after the reserved rows: row by row from the front, each row from the centre outwards.</summary>
    internal static List<Seat> RowOrder(HallLayout layout, int firstRow)
    {
        var order = CentreOut(layout.SeatsPerRow);
        var seats = new List<Seat>();
        for (var r = firstRow; r < layout.Rows; r++)
        {
            seats.AddRange(order.Select(n => Seat.Hall(r, n)));
        }

        return seats;
    }

    /// <summary>Seats for the press: the outer (last) block from the back row forwards, each row from the outer edge inwards; then the rest of the back.</summary>
    internal static IEnumerable<Seat> PressOrder(HallLayout layout, int firstRow)
    {
        var outerStart = layout.SeatsPerRow - Blocks(layout)[^1] + 1;
        for (var r = layout.Rows - 1; r >= firstRow; r--)
        {
            for (var n = layout.SeatsPerRow; n >= outerStart; n--)
            {
                yield return Seat.Hall(r, n);
            }
        }

        for (var r = layout.Rows - 1; r >= firstRow; r--)
        {
            for (var n = outerStart - 1; n >= 1; n--)
            {
                yield return Seat.Hall(r, n);
            }
        }
    }

    /// <summary>Seats after the reserved rows: the centre block first, then blocks nearer the centre; inside a block front to back.</summary>
    internal static List<Seat> BlockOrder(HallLayout layout, int firstRow)
    {
        var blocks = Blocks(layout);
        var starts = new List<int>();
        var at = 1;
        foreach (var width in blocks)
        {
            starts.Add(at);
            at += width;
        }

        var centre = (layout.SeatsPerRow + 1) / 2.0;
        var order = Enumerable.Range(0, blocks.Count)
            .OrderBy(b => Math.Abs(starts[b] + (blocks[b] - 1) / 2.0 - centre))
            .ThenBy(b => b);
        var seats = new List<Seat>();
        foreach (var b in order)
        {
            for (var r = firstRow; r < layout.Rows; r++)
            {
                for (var s = 0; s < blocks[b]; s++)
                {
                    seats.Add(Seat.Hall(r, starts[b] + s));
                }
            }
        }

        return seats;
    }

    /// <summary>Block widths left to right; one block when the plan gives none or they do not add up.</summary>
    internal static IReadOnlyList<int> Blocks(HallLayout layout) =>
        layout.Blocks.Count > 0 && layout.Blocks.All(b => b > 0) && layout.Blocks.Sum() == layout.SeatsPerRow
            ? layout.Blocks
            : [layout.SeatsPerRow];

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
