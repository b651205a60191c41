using System.Globalization;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Conclusions;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.AddIn.Apis;

/// <summary>
/// <c>api/questions/{plan}/…</c>: the documents written from a consolidated workbook, as the CLI's <c>questions report</c>
/// and <c>questions book</c> write them — the Báo cáo tổng hợp câu hỏi a deadline of the plan asks for (a district's to
/// Sở GD&amp;ĐT by 10/4, the Sở's to UBND tỉnh by 15/4) and the leaders' answer book (Tài liệu trả lời). Each is a job;
/// the date comes from the plan or from the clerk, never from the clock.
/// </summary>
public static class QuestionDocumentsApi
{
    /// <summary>Longest sending body accepted ("Ủy ban nhân dân huyện Văn Yên" is 29 characters).</summary>
    public const int MaxFromLength = 200;

    /// <summary>A report the plan's deadlines ask for; <c>Units</c> may send it when it is a unit's own report.</summary>
    public sealed record ReportChoiceDto(string Id, string Description, string From, string To, string Date, bool UnitLevel, IReadOnlyList<string> Units);

    /// <summary>What the pane offers: the reports (the issuer's first when the plan has one) and the answer book's date.</summary>
    public sealed record DocumentChoicesDto(IReadOnlyList<ReportChoiceDto> Reports, string? DefaultReport, string BookDate);

    /// <summary>Summary of a report or book job: which deadline, from whom, to whom, and the date written on it.</summary>
    public sealed record DocumentDto(string Kind, string? Deadline, string? From, string? To, string Date);

    public static RouteGroupBuilder MapQuestionDocuments(this RouteGroupBuilder questions)
    {
        questions.MapGet("{planId}/documents", Choices);
        questions.MapPost("{planId}/report", ReportAsync).DisableAntiforgery();
        questions.MapPost("{planId}/book", BookAsync).DisableAntiforgery();
        return questions;
    }

    private static IResult Choices(string planId, PlanStore store)
    {
        if (PlansApi.Usable(store, planId, out var plan, PlanUse.Questions) is { } problem)
        {
            return problem;
        }

        var issuer = QuestionReport.IssuerDeadline(plan!);
        var reports = plan!.Deadlines
            .Where(d => d.To.Length > 0)
            .OrderBy(d => d.Id == issuer?.Id ? 0 : 1)
            .Select(d => new ReportChoiceDto(d.Id, d.Description, d.From, d.To, VietnameseText.ShortDate(d.Date), d.Id != issuer?.Id,
                plan.Units.Where(u => u.DeadlineId == d.Id).Select(u => u.Name).ToList()))
            .ToList();
        return TypedResults.Ok(new DocumentChoicesDto(reports, issuer?.Id, VietnameseText.ShortDate(AnswerBook.DefaultDate(plan))));
    }

    /// <summary>
    /// Form: <c>consolidated</c> (the workbook written by consolidate, with the clerk's "Chọn"), and optionally
    /// <c>deadline</c> (a deadline id of the plan; default: the one addressed to the plan's issuer), <c>from</c> (the
    /// sending body as written in a sentence; default: the deadline's) and <c>date</c> (15/4/2023 or 2023-04-15; default:
    /// the deadline's date).
    /// </summary>
    private static async Task<IResult> ReportAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, CancellationToken ct)
    {
        var (plan, form, workbook, date, problem) = await PrepareAsync(planId, http, store, ct);
        if (problem is not null)
        {
            return problem;
        }

        var deadlineId = Text(form!, "deadline");
        var deadline = deadlineId.Length == 0 ? QuestionReport.IssuerDeadline(plan!) : plan!.FindDeadline(deadlineId);
        if (deadline is null)
        {
            return deadlineId.Length == 0
                ? ApiProblem.Result("REPORT_DEADLINE_MISSING", StatusCodes.Status422UnprocessableEntity)
                : ApiProblem.Result("REPORT_DEADLINE_UNKNOWN", StatusCodes.Status400BadRequest, null, Shown(deadlineId));
        }

        var from = AttendanceForm.Clean(Text(form!, "from"), MaxFromLength);
        var code = plan!.Conference.Code;
        var job = jobs.Start(http.OwnerId(), "report", 1, (job, _) =>
        {
            var input = Uploads.SaveAll([workbook!], Path.Combine(job.Folder, "tong-hop"))[0];
            var output = Path.Combine(job.Folder, "ket-qua", QuestionReport.FileName);
            var result = QuestionReport.Write(new QuestionReportRequest
            {
                Workbook = input,
                Plan = plan,
                DeadlineId = deadline.Id,
                From = from.Length > 0 ? from : null,
                Date = date,
                OutputPath = output,
            });
            job.Report(1, 1);
            var stem = $"bao-cao-tong-hop-cau-hoi-{code}-{deadline.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
            var files = new List<JobFile>
            {
                new("report", $"Báo cáo tổng hợp câu hỏi gửi {deadline.To} (hạn {VietnameseText.ShortDate(deadline.Date)})", stem + ".docx", result.Report, InvitationsApi.Docx),
            };
            if (result.Appendix is not null)
            {
                files.Add(new JobFile("appendix", "Phụ lục: danh sách câu hỏi đưa ra đối thoại (kèm theo Báo cáo)", stem + "-phu-luc.xlsx", result.Appendix, PlansApi.Xlsx));
            }

            job.Complete(
                files,
                [],
                new DocumentDto("report", deadline.Id, from.Length > 0 ? from : deadline.From, deadline.To, VietnameseText.ShortDate(date ?? deadline.Date)));
            return Task.CompletedTask;
        }, planId);
        return JobsApi.Accepted(job);
    }

    /// <summary>
    /// Form: <c>consolidated</c> (best the one with the departments' answers merged in, from <c>questions/answers</c>) and
    /// optionally <c>date</c> (default: the conference day).
    /// </summary>
    private static async Task<IResult> BookAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, CancellationToken ct)
    {
        var (plan, _, workbook, date, problem) = await PrepareAsync(planId, http, store, ct);
        if (problem is not null)
        {
            return problem;
        }

        var day = date ?? AnswerBook.DefaultDate(plan!);
        var job = jobs.Start(http.OwnerId(), "book", 1, (job, _) =>
        {
            var input = Uploads.SaveAll([workbook!], Path.Combine(job.Folder, "tong-hop"))[0];
            var output = Path.Combine(job.Folder, "ket-qua", AnswerBook.FileName);
            AnswerBook.Write(input, plan!, day, output);
            job.Report(1, 1);
            job.Complete(
                [new JobFile("book", "Tài liệu trả lời (phục vụ chủ trì Hội nghị)", $"tai-lieu-tra-loi-{plan!.Conference.Code}.docx", output, InvitationsApi.Docx)],
                [],
                new DocumentDto("book", null, null, null, VietnameseText.ShortDate(day)));
            return Task.CompletedTask;
        }, planId);
        return JobsApi.Accepted(job);
    }

    /// <summary>The plan, the form, its consolidated workbook and its date (null: the plan's), or the problem to answer instead.</summary>
    private static async Task<(ConferencePlan? Plan, IFormCollection? Form, UploadedFile? Workbook, DateOnly? Date, IResult? Problem)> PrepareAsync(
        string planId, HttpContext http, PlanStore store, CancellationToken ct)
    {
        if (PlansApi.Usable(store, planId, out var plan, PlanUse.Questions) is { } planProblem)
        {
            return (null, null, null, null, planProblem);
        }

        var (form, workbook, problem) = await ReadAsync(http, ct);
        if (problem is not null)
        {
            return (null, null, null, null, problem);
        }

        var (date, invalid) = ParseDate(form!);
        return (plan, form, workbook, date, invalid);
    }

    /// <summary>The form and its one consolidated workbook (checked to be a workbook), or the problem to answer.</summary>
    private static async Task<(IFormCollection? Form, UploadedFile? Workbook, IResult? Problem)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var (form, formProblem) = await Drafts.ReadFormAsync(http.Request, ct);
        if (formProblem is not null)
        {
            return (null, null, formProblem);
        }

        var uploads = form!.Files.GetFiles("consolidated");
        if (uploads.Count == 0)
        {
            return (null, null, ApiProblem.Result("UPLOAD_MISSING", StatusCodes.Status400BadRequest));
        }

        if (uploads.Count > 1)
        {
            return (null, null, ApiProblem.Result("UPLOAD_TOO_MANY_FILES", StatusCodes.Status400BadRequest, null, "1"));
        }

        var (file, code) = await Uploads.ReadXlsxAsync(uploads[0], ct);
        return file is null
            ? (null, null, ApiProblem.Result(code!, StatusCodes.Status400BadRequest, null, Uploads.DisplayName(uploads[0].FileName)))
            : (form, file, null);
    }

    /// <summary>The form's <c>date</c>: none (the plan's date applies), a date, or the refusal naming what was typed.</summary>
    private static (DateOnly? Date, IResult? Invalid) ParseDate(IFormCollection form)
    {
        var text = Text(form, "date");
        if (text.Length == 0)
        {
            return (null, null);
        }

        return ConclusionsReader.ParseDate(text) is { } date
            ? (date, null)
            : (null, ApiProblem.Result("REPORT_DATE_INVALID", StatusCodes.Status400BadRequest, null, Shown(text)));
    }

    private static string Text(IFormCollection form, string field) => form[field].ToString().Trim();

    /// <summary>Typed text quoted back in a message: cleaned and cut short.</summary>
    private static string Shown(string text) => AttendanceForm.Clean(text, 40);
}
