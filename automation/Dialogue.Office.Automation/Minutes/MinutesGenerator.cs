using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;

namespace Dialogue.Office.Automation.Minutes;

/// <summary>The person who keeps the minutes (Thư ký, người ghi biên bản).</summary>
public sealed record MinutesSecretary(string Name, string Position = "")
{
    /// <summary>"Họ tên, chức vụ" (the position after the first comma, optional); null for an empty text.</summary>
    public static MinutesSecretary? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma < 0
            ? new MinutesSecretary(text.Trim())
            : new MinutesSecretary(text[..comma].Trim(), text[(comma + 1)..].Trim());
    }
}

/// <summary>What to write the minutes for: the plan, the questions of the dialogue (optional), and where.</summary>
public sealed record MinutesRequest(ConferencePlan Plan, string OutputFolder)
{
    /// <summary>The consolidated question workbook (with an optional "Chọn" column); null = topics only.</summary>
    public string? QuestionsPath { get; init; }

    /// <summary>
    /// The attendance register (.xlsx: "Mã đại biểu", "Trạng thái" Tham dự | Dự thay | Vắng, "Người dự thay"); null =
    /// the Thành phần names the invited and leaves the number present to fill.
    /// </summary>
    public string? AttendancePath { get; init; }

    /// <summary>The secretary; null leaves a control for the clerk to fill and warns.</summary>
    public MinutesSecretary? Secretary { get; init; }
}

/// <summary>
/// Writes the Biên bản hội nghị (ND30 Mẫu 1.9, "Số: …/BB-…", no date line): the meeting name, the time it began, the
/// place, who attended, the chair and the secretary, then the programme in order with a content control under each
/// item for what was said; under the dialogue, each topic group with its questions (asker, unit, answering body as a
/// heading, the question, a control for the answer); the end time left to fill; THƯ KÝ and CHỦ TỌA signatures.
/// </summary>
public static class MinutesGenerator
{
    public const string FileName = "bien-ban-hoi-nghi.docx";

    public static DocumentResult Generate(MinutesRequest request)
    {
        var problems = new ProblemList();
        var bytes = Build(request, problems);
        if (bytes is null || problems.HasErrors)
        {
            return new DocumentResult(null, problems.Items);
        }

        Directory.CreateDirectory(request.OutputFolder);
        var path = Path.Combine(request.OutputFolder, FileName);
        Outputs.AtomicFile.WriteAllBytes(path, bytes);
        return new DocumentResult(path, problems.Items);
    }

    public static byte[]? Build(MinutesRequest request, ProblemList problems)
    {
        var plan = request.Plan;
        if (plan.Programme.Count == 0)
        {
            problems.Error("PROGRAMME_EMPTY", plan.LocationOf("programme"), "The plan has no programme items.");
            return null;
        }

        IReadOnlyList<MinutesQuestion> questions = [];
        if (request.QuestionsPath is { } path)
        {
            var read = MinutesQuestionReader.Read(path, plan, problems);
            if (read is null)
            {
                return null;
            }

            questions = read;
        }

        AttendanceRecord? attendance = null;
        if (request.AttendancePath is { } register)
        {
            attendance = AttendanceReader.Read(register, plan, problems);
            if (attendance is null || problems.HasErrors)
            {
                return null;
            }
        }

        if (request.Secretary is null || request.Secretary.Name.Trim().Length == 0)
        {
            problems.Warning("MINUTES_NO_SECRETARY", "--thu-ky", "No secretary given; the minutes leave the name to fill.");
        }

        var schedule = ConferenceSchedule.Compute(plan);
        return MinutesDocument.Build(plan, schedule, questions, attendance, request.Secretary, Number(plan));
    }

    /// <summary>"      /BB-UBND": the number is left blank for the clerk, the issuer code taken from the invitation's.</summary>
    internal static string Number(ConferencePlan plan)
    {
        var dash = plan.Invitation.Number.IndexOf('-', StringComparison.Ordinal);
        var issuerCode = dash >= 0 ? plan.Invitation.Number[(dash + 1)..] : "";
        return issuerCode.Length > 0 ? $"      /BB-{issuerCode}" : "      /BB";
    }
}
