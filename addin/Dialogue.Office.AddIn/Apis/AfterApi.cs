using System.IO.Compression;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Budget;
using Dialogue.Office.Automation.Conclusions;
using Dialogue.Office.Automation.Minutes;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.AddIn.Apis;

/// <summary>
/// <c>api/after</c>: the work around the dialogue that the CLI's <c>minutes</c>, <c>conclusions</c>, <c>followup</c> and
/// <c>budget</c> do — the Biên bản hội nghị, the Thông báo kết luận, the follow-up on a date (tracking workbook and công
/// văn đôn đốc) and the Dự toán kinh phí with its Tờ trình. Each runs as a job over the core; inputs come as form files
/// (a workbook the clerk chose) or, when left out, from the plan folder as the CLI finds them.
/// </summary>
public static class AfterApi
{
    /// <summary>Summary of a follow-up job: the date, the counts, and the overdue tasks the reminders chase.</summary>
    public sealed record FollowupDto(string AsOf, int Tasks, int Done, int Overdue, int Reminders, IReadOnlyList<OverdueDto> OverdueTasks);

    public sealed record OverdueDto(string Id, string Lead, string Deadline, int DaysOverdue);

    /// <summary>Summary of a budget job: the total, in figures and in words ("Bằng chữ"), and the number of lines.</summary>
    public sealed record BudgetDto(long Total, string TotalText, string TotalInWords, int Lines);

    public static RouteGroupBuilder MapAfterApi(this RouteGroupBuilder api)
    {
        var after = api.MapGroup("after");
        after.MapPost("{planId}/minutes", MinutesAsync).DisableAntiforgery();
        after.MapPost("{planId}/conclusions", ConclusionsAsync).DisableAntiforgery();
        after.MapPost("{planId}/followup", FollowupAsync).DisableAntiforgery();
        after.MapPost("{planId}/budget", BudgetAsync).DisableAntiforgery();
        return after;
    }

    /// <summary>
    /// Form (all optional): <c>questions</c> (the consolidated workbook with "Chọn"), <c>attendance</c> (the attendance
    /// register, .xlsx), <c>secretary</c> ("Họ tên, chức vụ").
    /// </summary>
    private static async Task<IResult> MinutesAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, CancellationToken ct)
    {
        var (plan, inputs, problem) = await PrepareAsync(planId, http, store, PlanUse.Documents, ct, "questions", "attendance");
        if (problem is not null)
        {
            return problem;
        }

        return Start(http, jobs, planId, "minutes", inputs!, (files, output, _) =>
        {
            var result = MinutesGenerator.Generate(new MinutesRequest(plan!, output)
            {
                QuestionsPath = files.GetValueOrDefault("questions"),
                AttendancePath = files.GetValueOrDefault("attendance"),
                Secretary = MinutesSecretary.Parse(inputs!.Text("secretary")),
            });
            return new Outcome(result.Path is null ? null : [Docx("minutes", "Biên bản hội nghị", MinutesGenerator.FileName, result.Path)], result.Problems);
        });
    }

    /// <summary>Form (all optional): <c>conclusions</c> (default: ket-luan.xlsx of the plan folder), <c>questions</c>.</summary>
    private static async Task<IResult> ConclusionsAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, CancellationToken ct)
    {
        var (plan, inputs, problem) = await PrepareAsync(planId, http, store, PlanUse.Questions, ct, "conclusions", "questions");
        if ((problem ?? NoConclusions(plan!, inputs!)) is { } refused)
        {
            return refused;
        }

        return Start(http, jobs, planId, "conclusions", inputs!, (files, output, _) =>
        {
            var result = ConclusionsGenerator.Notice(ConclusionsRequest(plan!, files, output));
            return new Outcome(result.Path is null ? null : [Docx("notice", "Thông báo kết luận", ConclusionsGenerator.NoticeFileName, result.Path)], result.Problems);
        });
    }

    /// <summary>
    /// Form (all optional): <c>conclusions</c>, <c>questions</c>, <c>asOf</c> (15/7/2023 or 2023-07-15; default: today by
    /// the host's clock). The statuses come from the workbook (the SharePoint list is the CLI's for now).
    /// </summary>
    private static async Task<IResult> FollowupAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, TimeProvider time, CancellationToken ct)
    {
        var (plan, inputs, problem) = await PrepareAsync(planId, http, store, PlanUse.Questions, ct, "conclusions", "questions");
        if (problem is not null)
        {
            return problem;
        }

        DateOnly? asOf = null;
        if (inputs!.Text("asOf") is { Length: > 0 } asOfText)
        {
            asOf = ConclusionsReader.ParseDate(asOfText);
            if (asOf is null)
            {
                return ApiProblem.Result("AS_OF_INVALID", StatusCodes.Status400BadRequest, null, asOfText.Length > 40 ? asOfText[..40] : asOfText);
            }
        }

        if (NoConclusions(plan!, inputs) is { } missing)
        {
            return missing;
        }

        return Start(http, jobs, planId, "followup", inputs, (files, output, job) =>
        {
            var result = ConclusionsGenerator.Followup(ConclusionsRequest(plan!, files, output) with { AsOf = asOf, Clock = time });
            if (result.ReportPath is null)
            {
                return new Outcome(null, result.Problems);
            }

            var outputs = new List<JobFile> { new("report", "Báo cáo theo dõi thực hiện kết luận", ConclusionsGenerator.ReportFileName, result.ReportPath, PlansApi.Xlsx) };
            if (result.Reminders.Count > 0)
            {
                var zip = Path.Combine(job.Folder, "don-doc.zip");
                ZipFile.CreateFromDirectory(Path.Combine(output, ConclusionsGenerator.RemindersFolder), zip, CompressionLevel.Fastest, includeBaseDirectory: false);
                outputs.Add(new("reminders", $"Công văn đôn đốc ({result.Reminders.Count} cơ quan, nén .zip)", $"don-doc-{plan!.Conference.Code}.zip", zip, "application/zip"));
            }

            var overdue = result.Tasks.Where(t => t.IsOverdue).ToList();
            return new Outcome(outputs, result.Problems, new FollowupDto(
                VietnameseText.ShortDate(result.AsOf),
                result.Tasks.Count,
                result.Tasks.Count(t => t.Status == ConclusionStatus.Done),
                overdue.Count,
                result.Reminders.Count,
                overdue.Select(t => new OverdueDto(t.Task.Id, t.Task.Lead, VietnameseText.ShortDate(t.Task.Deadline), t.DaysOverdue)).ToList()));
        });
    }

    /// <summary>Form (optional): <c>budget</c> (the rates file, .yaml; default: du-toan.yaml of the plan folder).</summary>
    private static async Task<IResult> BudgetAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, CancellationToken ct)
    {
        var (plan, inputs, problem) = await PrepareAsync(planId, http, store, PlanUse.Documents, ct, "budget");
        if (problem is not null)
        {
            return problem;
        }

        var planSettings = Path.Combine(plan!.Folder, BudgetSettingsReader.FileName);
        if (!inputs!.Has("budget") && !File.Exists(planSettings))
        {
            return ApiProblem.Result("BUDGET_SETTINGS_MISSING", StatusCodes.Status400BadRequest);
        }

        return Start(http, jobs, planId, "budget", inputs, (files, output, _) =>
        {
            var result = BudgetGenerator.Generate(new BudgetRequest(plan, files.GetValueOrDefault("budget") ?? planSettings, output));
            return result.WorkbookPath is null || result.SubmissionPath is null
                ? new Outcome(null, result.Problems)
                : new Outcome(
                [
                    new JobFile("estimate", "Dự toán kinh phí", BudgetGenerator.WorkbookFileName, result.WorkbookPath, PlansApi.Xlsx),
                    Docx("submission", "Tờ trình đề nghị thẩm định dự toán", BudgetGenerator.SubmissionFileName, result.SubmissionPath),
                ],
                    result.Problems,
                    new BudgetDto(result.Total, BudgetEstimate.Money(result.Total), AmountInWords.Dong(result.Total), result.Lines.Count));
        });
    }

    /// <summary>400 when no workbook was sent and the plan folder has none either.</summary>
    private static IResult? NoConclusions(ConferencePlan plan, Inputs inputs) =>
        inputs.Has("conclusions") || ConclusionsReader.FindInPlanFolder(plan) is not null
            ? null
            : ApiProblem.Result("CONCLUSIONS_MISSING", StatusCodes.Status400BadRequest);

    /// <summary>The uploaded conclusions workbook, else the plan folder's (checked by <see cref="NoConclusions"/>).</summary>
    private static ConclusionsRequest ConclusionsRequest(ConferencePlan plan, Dictionary<string, string> files, string output) =>
        new(plan, files.GetValueOrDefault("conclusions") ?? ConclusionsReader.FindInPlanFolder(plan)!, output)
        {
            QuestionsPath = files.GetValueOrDefault("questions"),
        };

    /// <summary>The plan <paramref name="use"/> may go ahead with and the form's inputs, or the problem to answer instead.</summary>
    private static async Task<(ConferencePlan? Plan, Inputs? Inputs, IResult? Problem)> PrepareAsync(
        string planId, HttpContext http, PlanStore store, PlanUse use, CancellationToken ct, params string[] fields)
    {
        if (PlansApi.Usable(store, planId, out var plan, use) is { } planProblem)
        {
            return (null, null, planProblem);
        }

        var (inputs, problem) = await ReadInputsAsync(http, ct, fields);
        return (plan, inputs, problem);
    }

    /// <summary>What a job's core call gave: its files (null when errors stopped it), problems and summary.</summary>
    private sealed record Outcome(IReadOnlyList<JobFile>? Files, IReadOnlyList<Automation.Diagnostics.Problem> Problems, object? Summary = null);

    /// <summary>
    /// Starts the one-step job: the inputs are written into its folder, <paramref name="run"/> calls the core with their
    /// paths and the output folder; no files means the core refused, and the job fails with its problems.
    /// </summary>
    private static IResult Start(HttpContext http, JobStore jobs, string planId, string kind, Inputs inputs, Func<Dictionary<string, string>, string, Job, Outcome> run)
    {
        var job = jobs.Start(http.OwnerId(), kind, 1, (job, _) =>
        {
            var outcome = run(inputs.Save(job.Folder), Path.Combine(job.Folder, "ket-qua"), job);
            if (outcome.Files is null)
            {
                job.Fail("JOB_FAILED", outcome.Problems);
                return Task.CompletedTask;
            }

            job.Report(1, 1);
            job.Complete(outcome.Files, outcome.Problems, outcome.Summary);
            return Task.CompletedTask;
        }, planId);
        return JobsApi.Accepted(job);
    }

    private static JobFile Docx(string key, string label, string name, string path) => new(key, label, name, path, InvitationsApi.Docx);

    /// <summary>The form's files (at most one per field, checked by kind) and its text fields.</summary>
    private sealed class Inputs(Dictionary<string, UploadedFile> files, IFormCollection? form)
    {
        public bool Has(string field) => files.ContainsKey(field);

        public string Text(string field) => (form?[field].ToString() ?? "").Trim();

        /// <summary>Writes each file under its own (plain) name into the job's input folder; field → path.</summary>
        public Dictionary<string, string> Save(string jobFolder)
        {
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (field, file) in files)
            {
                paths[field] = Uploads.SaveAll([file], Path.Combine(jobFolder, "dau-vao", field))[0];
            }

            return paths;
        }
    }

    /// <summary>
    /// Reads the optional form: a request with no form (or no file in a field) uses the plan folder's inputs. A field
    /// holding a file of the wrong kind is refused before a job starts, naming the file.
    /// </summary>
    private static async Task<(Inputs? Inputs, IResult? Problem)> ReadInputsAsync(HttpContext http, CancellationToken ct, params string[] fields)
    {
        if (!http.Request.HasFormContentType)
        {
            return (new Inputs([], null), null);
        }

        var (form, formProblem) = await Drafts.ReadFormAsync(http.Request, ct);
        if (formProblem is not null)
        {
            return (null, formProblem);
        }

        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var uploads = form!.Files.GetFiles(field);
            if (uploads.Count == 0)
            {
                continue;
            }

            if (uploads.Count > 1)
            {
                return (null, ApiProblem.Result("UPLOAD_TOO_MANY_FILES", StatusCodes.Status400BadRequest, null, "1"));
            }

            var (file, code) = field == "budget" ? await Uploads.ReadYamlAsync(uploads[0], ct) : await Uploads.ReadXlsxAsync(uploads[0], ct);
            if (file is null)
            {
                return (null, ApiProblem.Result(code!, StatusCodes.Status400BadRequest, null, Uploads.DisplayName(uploads[0].FileName)));
            }

            files[field] = file;
        }

        return (new Inputs(files, form), null);
    }
}
