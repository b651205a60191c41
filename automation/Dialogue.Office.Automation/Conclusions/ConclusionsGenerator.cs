using System.Globalization;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Minutes;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Conclusions;

/// <summary>What to read (the conclusions workbook, optionally the question workbook) and where to write.</summary>
public sealed record ConclusionsRequest(ConferencePlan Plan, string ConclusionsPath, string OutputFolder)
{
    /// <summary>The consolidated question workbook: question ids are checked and each question shows its conclusions.</summary>
    public string? QuestionsPath { get; init; }

    /// <summary>The tracking date; null = today by <see cref="Clock"/>.</summary>
    public DateOnly? AsOf { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>What a follow-up run wrote and found.</summary>
public sealed record FollowupResult(
    string? ReportPath,
    IReadOnlyList<string> Reminders,
    IReadOnlyList<TrackedTask> Tasks,
    DateOnly AsOf,
    IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}

/// <summary>
/// After the dialogue: the Thông báo kết luận from the conclusions workbook, and the follow-up on a date — the
/// tracking workbook (tasks overdue first, per body; a summary per body and per topic for the Công đoàn's monitoring;
/// each question with the conclusions that answer it) and one công văn đôn đốc to each body with overdue tasks.
/// </summary>
public static class ConclusionsGenerator
{
    public const string NoticeFileName = "thong-bao-ket-luan.docx";
    public const string ReportFileName = "theo-doi-ket-luan.xlsx";
    public const string RemindersFolder = "don-doc";

    public static Programme.DocumentResult Notice(ConclusionsRequest request)
    {
        var problems = new ProblemList();
        var sheet = Read(request, problems, out _);
        if (sheet is null || problems.HasErrors)
        {
            return new Programme.DocumentResult(null, problems.Items);
        }

        Directory.CreateDirectory(request.OutputFolder);
        var path = Path.Combine(request.OutputFolder, NoticeFileName);
        Outputs.AtomicFile.WriteAllBytes(path, ConclusionDocuments.Notice(request.Plan, sheet));
        return new Programme.DocumentResult(path, problems.Items);
    }

    public static FollowupResult Followup(ConclusionsRequest request)
    {
        var problems = new ProblemList();
        var asOf = request.AsOf ?? DateOnly.FromDateTime(request.Clock.GetLocalNow().DateTime);
        var sheet = Read(request, problems, out var questions);
        if (sheet is null || problems.HasErrors)
        {
            return new FollowupResult(null, [], [], asOf, problems.Items);
        }

        return Write(request, sheet, questions, asOf, problems);
    }

    /// <summary>
    /// The follow-up with the tasks kept in a SharePoint list: the workbook's tasks are synchronised into the list
    /// (created on first use), the departments' status and replies are read back, and the same report and reminders
    /// are written as from the workbook alone.
    /// </summary>
    public static async Task<FollowupResult> FollowupAsync(ConclusionsRequest request, ConclusionsListTarget list, CancellationToken ct = default)
    {
        var problems = new ProblemList();
        var asOf = request.AsOf ?? DateOnly.FromDateTime(request.Clock.GetLocalNow().DateTime);
        var sheet = Read(request, problems, out var questions);
        if (sheet is null || problems.HasErrors)
        {
            return new FollowupResult(null, [], [], asOf, problems.Items);
        }

        var sync = await ConclusionsList.SyncAsync(sheet, list, problems, request.Clock, ct);
        if (sync is null || problems.HasErrors)
        {
            return new FollowupResult(null, [], [], asOf, problems.Items);
        }

        return Write(request, sheet with { Tasks = sync.Tasks }, questions, asOf, problems);
    }

    private static FollowupResult Write(ConclusionsRequest request, ConclusionSheet sheet, IReadOnlyList<MinutesQuestion>? questions, DateOnly asOf, ProblemList problems)
    {
        var tracked = ConclusionTracker.Track(sheet.Tasks, asOf);
        var ordered = ConclusionTracker.ReportOrder(tracked);
        Directory.CreateDirectory(request.OutputFolder);
        var report = Path.Combine(request.OutputFolder, ReportFileName);
        SimpleXlsxWriter.Write(report, [.. TrackingSheets(request.Plan, sheet, ordered, questions, asOf)]);

        var reminderDir = Path.Combine(request.OutputFolder, RemindersFolder);
        // Reminders of an earlier date are stale once this run decides who is overdue.
        if (Directory.Exists(reminderDir))
        {
            foreach (var old in Directory.GetFiles(reminderDir, "don-doc-*.docx"))
            {
                File.Delete(old);
            }
        }

        var reminders = new List<string>();
        foreach (var body in ordered.Where(t => t.IsOverdue).GroupBy(t => t.Task.Lead, StringComparer.Ordinal))
        {
            Directory.CreateDirectory(reminderDir);
            var name = $"don-doc-{VietnameseText.AsciiSlug(body.Key, 50).ToLowerInvariant()}.docx";
            var path = Path.Combine(reminderDir, name);
            Outputs.AtomicFile.WriteAllBytes(path, ConclusionDocuments.Reminder(request.Plan, sheet, body.Key, [.. body], asOf));
            reminders.Add(path);
        }

        return new FollowupResult(report, reminders, ordered, asOf, problems.Items);
    }

    private static ConclusionSheet? Read(ConclusionsRequest request, ProblemList problems, out IReadOnlyList<MinutesQuestion>? questions)
    {
        questions = null;
        if (request.QuestionsPath is { } q)
        {
            var quiet = new ProblemList();
            questions = MinutesQuestionReader.Read(q, request.Plan, quiet);
            problems.AddRange(quiet.Items.Where(p => p.IsError));
            if (questions is null)
            {
                return null;
            }
        }

        return ConclusionsReader.Read(request.ConclusionsPath, request.Plan, problems,
            questions?.Select(x => x.Id).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    private static IEnumerable<SimpleSheet> TrackingSheets(ConferencePlan plan, ConclusionSheet sheet, IReadOnlyList<TrackedTask> ordered, IReadOnlyList<MinutesQuestion>? questions, DateOnly asOf)
    {
        var day = VietnameseText.ShortDate(asOf);
        string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
        var stt = 0;
        yield return new SimpleSheet("Theo dõi",
        [
            ("STT", 6), ("Mã kết luận", 12), ("Cơ quan chủ trì", 28), ("Nội dung nhiệm vụ", 60), ("Câu hỏi liên quan", 20),
            ("Hạn hoàn thành", 14), ($"Tình trạng (đến {day})", 18), ("Số ngày quá hạn", 10), ("Văn bản trả lời", 26),
        ],
        ordered.Select(t => (IReadOnlyList<string?>)
        [
            Num(++stt), t.Task.Id, t.Task.Lead, t.Task.Content, string.Join(", ", t.Task.QuestionIds), VietnameseText.ShortDate(t.Task.Deadline),
            ConclusionStatusText.Vietnamese(t.Status), t.IsOverdue ? Num(t.DaysOverdue) : "",
            t.Status == ConclusionStatus.Done ? $"Số {t.Task.ReplyNumber} ngày {VietnameseText.ShortDate(t.Task.ReplyDate!.Value)}" : "",
        ]).ToList());

        IReadOnlyList<string?> Counts(string name, IEnumerable<TrackedTask> group)
        {
            var list = group.ToList();
            var done = list.Count(t => t.Status == ConclusionStatus.Done);
            return
            [
                name, Num(list.Count), Num(done), Num(list.Count(t => t.Status == ConclusionStatus.InProgress)),
                Num(list.Count(t => t.Status == ConclusionStatus.NotStarted)), Num(list.Count(t => t.IsOverdue)),
                list.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * done / list.Count:0}%"),
            ];
        }

        (string, double)[] countColumns = [("Số nhiệm vụ", 12), ("Hoàn thành", 12), ("Đang thực hiện", 14), ("Chưa thực hiện", 14), ("Quá hạn", 10), ("Tỷ lệ hoàn thành", 14)];
        yield return new SimpleSheet("Theo cơ quan", [("Cơ quan chủ trì", 36), .. countColumns],
            [.. ordered.GroupBy(t => t.Task.Lead, StringComparer.Ordinal).OrderByDescending(g => g.Count(t => t.IsOverdue)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Counts(g.Key, g)), Counts("Tổng cộng", ordered)]);

        // The Công đoàn's monitoring summary: per topic group, what the staff asked and how far its answer has come.
        yield return new SimpleSheet("Giám sát", [("Nhóm vấn đề", 48), .. countColumns],
            [.. ordered.GroupBy(t => t.Task.TopicNumber).OrderBy(g => g.Key == 0 ? int.MaxValue : g.Key)
                .Select(g => Counts(plan.Topics.FirstOrDefault(t => t.Number == g.Key) is { } topic ? $"{topic.Number}. {topic.ShortName}" : "Nội dung khác", g)),
             Counts("Tổng cộng", ordered)]);

        if (questions is not null)
        {
            var byQuestion = ordered.SelectMany(t => t.Task.QuestionIds.Select(q => (q, t))).ToLookup(x => x.q, x => x.t, StringComparer.OrdinalIgnoreCase);
            yield return new SimpleSheet("Câu hỏi - kết luận",
                [("Mã câu hỏi", 16), ("Người hỏi", 24), ("Nội dung câu hỏi", 60), ("Kết luận trả lời", 16), ("Cơ quan chủ trì", 28), ("Tình trạng", 18)],
                questions.Select(q =>
                {
                    var answers = byQuestion[q.Id].ToList();
                    return (IReadOnlyList<string?>)
                    [
                        q.Id, q.Asker, q.Text, answers.Count == 0 ? "Chưa có kết luận" : string.Join(", ", answers.Select(a => a.Task.Id)),
                        string.Join("; ", answers.Select(a => a.Task.Lead).Distinct(StringComparer.Ordinal)),
                        string.Join("; ", answers.Select(a => ConclusionStatusText.Vietnamese(a.Status)).Distinct(StringComparer.Ordinal)),
                    ];
                }).ToList());
        }

        yield return new SimpleSheet("Thông tin", [("Mục", 30), ("Nội dung", 80)],
        [
            ["Hội nghị", plan.Conference.Title],
            ["Tình trạng tính đến ngày", day],
            ["Tệp kết luận", sheet.FileName],
            ["Cách tính", "Hoàn thành: đã ghi số, ngày văn bản trả lời (không muộn hơn ngày tính). Quá hạn: chưa hoàn thành và đã qua hạn hoàn thành."],
        ]);
    }
}
