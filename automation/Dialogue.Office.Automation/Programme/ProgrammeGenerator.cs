using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Programme;

/// <summary>What to write the programme (Chương trình hội nghị) for, and where.</summary>
public sealed record ProgrammeRequest(ConferencePlan Plan, string OutputFolder);

/// <summary>A generated document (or none when errors stopped it) and the problems found.</summary>
public sealed record DocumentResult(string? Path, IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}

/// <summary>
/// Writes the Chương trình hội nghị (ND30 Mẫu 1.4, "Số: …/CTr-…"): the header, "CHƯƠNG TRÌNH" and the subject, the
/// time, place and chair, and a time-slot table computed by <see cref="ConferenceSchedule"/> with the dialogue part
/// broken into the plan's topic groups and the departments that answer each.
/// </summary>
public static class ProgrammeGenerator
{
    public const string FileName = "chuong-trinh.docx";

    public static DocumentResult Generate(ProgrammeRequest request)
    {
        var problems = new ProblemList();
        var bytes = Build(request.Plan, problems);
        if (bytes is null)
        {
            return new DocumentResult(null, problems.Items);
        }

        Directory.CreateDirectory(request.OutputFolder);
        var path = System.IO.Path.Combine(request.OutputFolder, FileName);
        Outputs.AtomicFile.WriteAllBytes(path, bytes);
        return new DocumentResult(path, problems.Items);
    }

    /// <summary>The document bytes, or null when the plan has no programme.</summary>
    public static byte[]? Build(ConferencePlan plan, ProblemList problems)
    {
        if (plan.Programme.Count == 0)
        {
            problems.Error("PROGRAMME_EMPTY", plan.LocationOf("programme"), "The plan has no programme items.");
            return null;
        }

        var schedule = ConferenceSchedule.Compute(plan);
        CheckMidnight(plan, schedule, problems);
        var settings = Settings(plan, problems);
        return ProgrammeDocument.Build(plan, schedule, settings);
    }

    /// <summary>The programme's number, date and subject; falls back on the invitation's when the plan has none.</summary>
    internal static DocumentSettings Settings(ConferencePlan plan, ProblemList problems)
    {
        if (plan.ProgrammeDocument is { } own)
        {
            return own;
        }

        // Before registration a draft leaves the number blank for the clerk: "Số:      /CTr-UBND".
        var dash = plan.Invitation.Number.IndexOf('-', StringComparison.Ordinal);
        var issuerCode = dash >= 0 ? plan.Invitation.Number[(dash + 1)..] : "";
        var number = issuerCode.Length > 0 ? $"      /CTr-{issuerCode}" : "      /CTr";
        problems.Warning("PROGRAMME_NO_SETTINGS", plan.LocationOf("programme_document"), "No programme_document in the plan; number left blank.", number.Trim());
        return new DocumentSettings { Number = number, Date = plan.Invitation.Date, Subject = plan.Conference.Title };
    }

    internal static void CheckMidnight(ConferencePlan plan, ConferenceSchedule schedule, ProblemList problems)
    {
        var total = plan.Programme.Sum(p => Math.Max(0, p.Minutes));
        if (plan.Conference.Start.ToTimeSpan() + TimeSpan.FromMinutes(total) >= TimeSpan.FromDays(1))
        {
            problems.Warning("PROGRAMME_PAST_MIDNIGHT", plan.LocationOf("programme"), "The programme runs past midnight.",
                Vietnamese.VietnameseText.CompactTime(schedule.End));
        }
    }
}
