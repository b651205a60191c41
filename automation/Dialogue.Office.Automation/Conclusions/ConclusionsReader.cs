using System.Globalization;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Conclusions;

/// <summary>
/// Reads the conclusions workbook: sheet "Kết luận" (or the first visible sheet) by header names, one task per row;
/// sheet "Thông báo" (optional) as key | value pairs for the notice (number, date, signer, the công văn's ký hiệu).
/// Every problem names the file, sheet, row and column; a row with an error is left out of the tasks and reported.
/// </summary>
public static partial class ConclusionsReader
{
    public const string TaskSheet = "Kết luận";
    public const string NoticeSheet = "Thông báo";

    /// <summary>The workbook's usual name, looked for in the plan folder and its "sau-hoi-nghi" folder.</summary>
    public const string FileName = "ket-luan.xlsx";

    /// <summary>The plan folder's conclusions workbook (ket-luan.xlsx, then sau-hoi-nghi/ket-luan.xlsx), or null.</summary>
    public static string? FindInPlanFolder(ConferencePlan plan) =>
        new[] { Path.Combine(plan.Folder, FileName), Path.Combine(plan.Folder, "sau-hoi-nghi", FileName) }.FirstOrDefault(File.Exists);

    /// <param name="path">The conclusions workbook (.xlsx).</param>
    /// <param name="plan">The plan: topic groups and the conference date.</param>
    /// <param name="problems">Where every problem is collected.</param>
    /// <param name="knownQuestions">Question ids of the consolidated workbook, to warn about ids that do not exist; null = not checked.</param>
    public static ConclusionSheet? Read(string path, ConferencePlan plan, ProblemList problems, IReadOnlySet<string>? knownQuestions = null)
    {
        var file = Path.GetFileName(path);
        if (XlsxReader.TryRead(path, problems, "CONCLUSIONS_UNREADABLE", "The conclusions workbook cannot be read.") is not { } sheets)
        {
            return null;
        }

        var sheet = sheets.FirstOrDefault(s => VietnameseText.Fold(s.Name) == VietnameseText.Fold(TaskSheet))
            ?? sheets.FirstOrDefault(s => !s.IsHidden && VietnameseText.Fold(s.Name) != VietnameseText.Fold(NoticeSheet));
        if (sheet is null)
        {
            problems.Error("CONCLUSIONS_UNREADABLE", file, "The conclusions workbook has no sheet.", file);
            return null;
        }

        var tasks = ReadTasks(file, sheet, plan, problems, knownQuestions);
        if (tasks is null)
        {
            return null;
        }

        var notice = ReadNotice(file, sheets.FirstOrDefault(s => VietnameseText.Fold(s.Name) == VietnameseText.Fold(NoticeSheet)), problems);
        return new ConclusionSheet(tasks, notice, file);
    }

    private static List<ConclusionTask>? ReadTasks(string file, SheetValues sheet, ConferencePlan plan, ProblemList problems, IReadOnlySet<string>? knownQuestions)
    {
        foreach (var header in sheet.Rows.Take(10))
        {
            var columns = header.Cells.Select(c => VietnameseText.Fold(c)).ToList();
            var content = Find(columns, "noi dung ket luan", "noi dung nhiem vu", "nhiem vu", "noi dung");
            var lead = Find(columns, "co quan chu tri", "co quan duoc giao", "don vi chu tri", "co quan thuc hien");
            var deadline = Find(columns, "han hoan thanh", "thoi han", "han");
            if (content < 0 || lead < 0 || deadline < 0)
            {
                continue;
            }

            var id = FindExact(columns, "ma ket luan", "ma nhiem vu", "ma kl", "ma");
            var topic = Find(columns, "nhom van de", "nhom", "chu de");
            var questions = Find(columns, "cau hoi lien quan", "ma cau hoi", "cau hoi");
            var partners = Find(columns, "co quan phoi hop", "don vi phoi hop");
            var expected = Find(columns, "ket qua can dat", "ket qua");
            var status = Find(columns, "tinh trang", "trang thai");
            var replyNumber = Find(columns, "so van ban tra loi", "so van ban bao cao", "so van ban");
            var replyDate = Find(columns, "ngay van ban tra loi", "ngay van ban bao cao", "ngay van ban");
            string Name(int column) => header[column] ?? "";

            var tasks = new List<ConclusionTask>();
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in sheet.Rows.Where(r => r.Number > header.Number && !r.IsEmpty))
            {
                string At(int column) => column >= 0 ? VietnameseText.Clean(row[column]) : "";
                string Where(int column) => Locations.Row(file, sheet.Name, row.Number, Name(column));
                var ok = true;
                var text = At(content);
                if (text.Length == 0)
                {
                    problems.Error("CONCLUSIONS_CONTENT_EMPTY", Where(content), "The task has no content; the row is left out.");
                    ok = false;
                }

                var body = At(lead);
                if (body.Length == 0)
                {
                    problems.Error("CONCLUSIONS_NO_BODY", Where(lead), "The task has no assigned body; the row is left out.");
                    ok = false;
                }

                var due = ParseDate(At(deadline));
                if (due is null)
                {
                    problems.Error("CONCLUSIONS_DEADLINE_INVALID", Where(deadline), "The deadline is not a date; the row is left out.", At(deadline));
                    ok = false;
                }
                else if (due < plan.Conference.Date)
                {
                    problems.Error("CONCLUSIONS_DEADLINE_BEFORE_CONFERENCE", Where(deadline), "The deadline is before the conference; the row is left out.",
                        VietnameseText.ShortDate(due.Value), VietnameseText.ShortDate(plan.Conference.Date));
                    ok = false;
                }

                var taskId = At(id);
                if (taskId.Length == 0)
                {
                    taskId = string.Create(CultureInfo.InvariantCulture, $"KL{row.Number - header.Number:00}");
                }

                if (seen.TryGetValue(taskId, out var firstRow))
                {
                    problems.Error("CONCLUSIONS_DUPLICATE_ID", Where(id), "Two tasks have the same id; the second is left out.", taskId, firstRow.ToString(CultureInfo.InvariantCulture));
                    ok = false;
                }

                var topicNumber = 0;
                if (topic >= 0 && At(topic).Length > 0)
                {
                    topicNumber = Questions.DialogueQuestionReader.TopicNumber(At(topic), plan);
                    if (plan.Topics.All(t => t.Number != topicNumber))
                    {
                        problems.Warning("CONCLUSIONS_TOPIC_UNKNOWN", Where(topic), "The topic group is not in the plan; the task is listed under other conclusions.", At(topic));
                        topicNumber = 0;
                    }
                }

                var ids = At(questions).Split([',', ';', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                if (knownQuestions is not null)
                {
                    foreach (var unknown in ids.Where(q => !knownQuestions.Contains(q)))
                    {
                        problems.Warning("CONCLUSIONS_QUESTION_UNKNOWN", Where(questions), "A linked question id is not in the question workbook.", unknown);
                    }
                }

                var declared = ConclusionStatus.NotStarted;
                var statusText = VietnameseText.Fold(At(status));
                switch (statusText)
                {
                    case "" or "chua thuc hien" or "chua":
                        break;
                    case "dang thuc hien" or "dang":
                        declared = ConclusionStatus.InProgress;
                        break;
                    case "hoan thanh" or "da hoan thanh" or "xong":
                        declared = ConclusionStatus.Done;
                        break;
                    case "qua han":
                        // Computed from the deadline and the as-of date, never taken from the cell.
                        declared = ConclusionStatus.InProgress;
                        break;
                    default:
                        problems.Warning("CONCLUSIONS_STATUS_UNKNOWN", Where(status), "Unknown status; read as not started.", At(status));
                        break;
                }

                var replyOn = ParseDate(At(replyDate));
                if (At(replyDate).Length > 0 && replyOn is null)
                {
                    problems.Warning("CONCLUSIONS_REPLY_DATE_INVALID", Where(replyDate), "The reply date is not a date; the task is not counted as done.", At(replyDate));
                }

                if (declared == ConclusionStatus.Done && (At(replyNumber).Length == 0 || replyOn is null))
                {
                    problems.Warning("CONCLUSIONS_DONE_NO_REPLY", Where(status), "Marked done without the reply document's number and date; tracked as in progress.", taskId);
                    declared = ConclusionStatus.InProgress;
                }

                if (!ok)
                {
                    continue;
                }

                seen[taskId] = row.Number;
                tasks.Add(new ConclusionTask
                {
                    Id = taskId,
                    Row = row.Number,
                    TopicNumber = topicNumber,
                    Content = text,
                    QuestionIds = ids,
                    Lead = body,
                    Partners = At(partners),
                    Deadline = due!.Value,
                    ExpectedResult = At(expected),
                    Declared = declared,
                    ReplyNumber = At(replyNumber),
                    ReplyDate = replyOn,
                });
            }

            if (tasks.Count == 0 && !problems.HasErrors)
            {
                problems.Error("CONCLUSIONS_EMPTY", Locations.Join(file, sheet.Name), "The conclusions sheet has no task.");
            }

            return tasks;
        }

        problems.Error("CONCLUSIONS_COLUMNS", Locations.Join(file, sheet.Name), "No header row with the task, the assigned body and the deadline.", "Nội dung kết luận / Cơ quan chủ trì / Hạn hoàn thành");
        return null;
    }

    private static NoticeSettings ReadNotice(string file, SheetValues? sheet, ProblemList problems)
    {
        var notice = new NoticeSettings();
        if (sheet is null)
        {
            problems.Warning("CONCLUSIONS_NO_NOTICE_SHEET", file, "No 'Thông báo' sheet: number blank, date = conference date, signer to fill.", NoticeSheet);
            return notice;
        }

        foreach (var row in sheet.Rows.Where(r => !r.IsEmpty))
        {
            var key = VietnameseText.Fold(row[0]);
            var value = VietnameseText.Clean(row[1]);
            if (value.Length == 0)
            {
                continue;
            }

            switch (key)
            {
                case "so thong bao" or "so":
                    notice = notice with { Number = value };
                    break;
                case "ngay thong bao" or "ngay ban hanh" or "ngay":
                    var date = ParseDate(value);
                    if (date is null)
                    {
                        problems.Warning("CONCLUSIONS_NOTICE_DATE_INVALID", Locations.Row(file, sheet.Name, row.Number, row[0]), "The notice date is not a date; the conference date is used.", value);
                    }

                    notice = notice with { Date = date };
                    break;
                case "ky hieu cong van don doc" or "ky hieu cong van":
                    notice = notice with { ReminderCode = value };
                    break;
                case "tham quyen ky":
                    notice = notice with { Authority = VietnameseText.Upper(value) };
                    break;
                case "chuc vu nguoi ky" or "chuc vu ky":
                    notice = notice with { Position = VietnameseText.Upper(value) };
                    break;
                case "nguoi ky" or "ho ten nguoi ky":
                    notice = notice with { SignerName = value };
                    break;
                case "co quan giam sat" or "giam sat":
                    notice = notice with { Monitor = value };
                    break;
            }
        }

        return notice;
    }

    /// <summary>"31/5/2023", "31/05/2023", "2023-05-31", or an Excel date serial ("45077").</summary>
    public static DateOnly? ParseDate(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (Serial().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        return null;
    }

    private static int Find(List<string> columns, params string[] names)
    {
        foreach (var name in names)
        {
            var i = columns.FindIndex(c => c == name || c.StartsWith(name + " ", StringComparison.Ordinal));
            if (i >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindExact(List<string> columns, params string[] names)
    {
        foreach (var name in names)
        {
            var i = columns.FindIndex(c => c == name);
            if (i >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^\d{5}(\.\d+)?$")]
    private static partial Regex Serial();
}
