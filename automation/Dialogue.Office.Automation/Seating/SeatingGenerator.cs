using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Seating;

/// <summary>What to seat, and where to write the chart.</summary>
public sealed record SeatingRequest(ConferencePlan Plan, string OutputFolder);

/// <summary>The seating (null when errors stopped it), the chart written, and the problems found.</summary>
public sealed record SeatingResult(SeatingPlan? Seating, string? Path, IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);

    /// <summary>Seat label by delegate code ("Hàng A – Ghế 05") for the invitations; empty when nothing was seated.</summary>
    public IReadOnlyDictionary<string, string> SeatsByCode => Seating?.SeatsByCode ?? new Dictionary<string, string>();
}

/// <summary>
/// The seating chart (sơ đồ chỗ ngồi) of the main hall: assigns each in-person delegate one seat by protocol and writes
/// <c>so-do-cho-ngoi.xlsx</c> (a grid of the hall and a list by name). Delegates at bridge points get no hall seat.
/// More delegates than seats is an error that names how many seats are missing.
/// </summary>
public static class SeatingGenerator
{
    public const string FileName = "so-do-cho-ngoi.xlsx";

    /// <summary>Seats the delegates without writing anything (the main job passes the result to the invitations).</summary>
    public static SeatingPlan? Assign(ConferencePlan plan, ProblemList problems) => SeatAssigner.Assign(plan, problems);

    public static SeatingResult Generate(SeatingRequest request)
    {
        var problems = new ProblemList();
        var seating = SeatAssigner.Assign(request.Plan, problems);
        if (seating is null || problems.HasErrors)
        {
            return new SeatingResult(null, null, problems.Items);
        }

        Directory.CreateDirectory(request.OutputFolder);
        var path = Path.Combine(request.OutputFolder, FileName);
        SeatingChartWriter.Write(request.Plan, seating, path);
        return new SeatingResult(seating, path, problems.Items);
    }
}
