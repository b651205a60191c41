namespace Dialogue.Office.Automation.Conclusions;

/// <summary>A task as it stands on the as-of date.</summary>
public sealed record TrackedTask(ConclusionTask Task, ConclusionStatus Status, int DaysOverdue)
{
    public bool IsOverdue => Status == ConclusionStatus.Overdue;
}

/// <summary>
/// Works out each task's status on a date: done when its reply document (number and date, dated on or before the
/// as-of date) is recorded and the task is marked done; otherwise overdue once the deadline has passed; otherwise
/// what the workbook says (chưa thực hiện / đang thực hiện).
/// </summary>
internal static class ConclusionTracker
{
    public static IReadOnlyList<TrackedTask> Track(IEnumerable<ConclusionTask> tasks, DateOnly asOf) =>
        [.. tasks.Select(t => Track(t, asOf))];

    public static TrackedTask Track(ConclusionTask task, DateOnly asOf)
    {
        if (task.Declared == ConclusionStatus.Done && task.ReplyNumber.Length > 0 && task.ReplyDate is { } replied && replied <= asOf)
        {
            return new TrackedTask(task, ConclusionStatus.Done, 0);
        }

        if (asOf > task.Deadline)
        {
            return new TrackedTask(task, ConclusionStatus.Overdue, asOf.DayNumber - task.Deadline.DayNumber);
        }

        // Marked done but replied after the as-of date: on that date it was still being worked on.
        var declared = task.Declared == ConclusionStatus.Done ? ConclusionStatus.InProgress : task.Declared;
        return new TrackedTask(task, declared, 0);
    }

    /// <summary>Overdue first, then in progress, not started, done; within each, by body and deadline.</summary>
    public static IReadOnlyList<TrackedTask> ReportOrder(IEnumerable<TrackedTask> tracked) =>
        [.. tracked
            .OrderBy(t => t.Status switch { ConclusionStatus.Overdue => 0, ConclusionStatus.InProgress => 1, ConclusionStatus.NotStarted => 2, _ => 3 })
            .ThenBy(t => t.Task.Lead, StringComparer.Ordinal)
            .ThenBy(t => t.Task.Deadline)
            .ThenBy(t => t.Task.Id, StringComparer.Ordinal)];
}
