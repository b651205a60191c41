using System.IO.Compression;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Questions;

namespace Dialogue.Office.AddIn.Apis;

/// <summary>
/// <c>api/questions</c>: consolidate the units' returned question sheets, split the consolidated workbook by answering
/// department, and merge the departments' answers back. Each runs as a job; the pane inserts or downloads the results.
/// </summary>
public static class QuestionsApi
{
    public const int MaxFiles = 500;

    public sealed record TrackingDto(string Unit, string State, string StateLabel, string? Deadline, string? Received, int DaysLate, int Questions);

    public sealed record ConsolidationDto(
        int FilesFound,
        int FilesRead,
        int FilesRejected,
        int RowsRead,
        int RowsTaken,
        int RowsRejected,
        int RowsIgnored,
        bool Reconciles,
        int Questions,
        int DuplicateGroups,
        int ExactRepeats,
        int NearRepeats,
        int CellsConverted,
        IReadOnlyList<TrackingDto> Tracking);

    public static RouteGroupBuilder MapQuestionsApi(this RouteGroupBuilder api)
    {
        var questions = api.MapGroup("questions");
        questions.MapPost("{planId}/consolidate", ConsolidateAsync).DisableAntiforgery();
        questions.MapPost("{planId}/split", SplitAsync).DisableAntiforgery();
        questions.MapPost("answers", AnswersAsync).DisableAntiforgery();
        return questions;
    }

    /// <summary>Form: <c>files</c> (one or more .xlsx/.xlsm/.csv returns; a <c>ngay-nhan.csv</c> register may be among them).</summary>
    private static async Task<IResult> ConsolidateAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, TimeProvider time, CancellationToken ct)
    {
        if (PlansApi.Usable(store, planId, out var plan) is { } planProblem)
        {
            return planProblem;
        }

        var (files, problem) = await ReadFilesAsync(http, "files", ct);
        if (problem is not null)
        {
            return problem;
        }

        var job = jobs.Start(http.OwnerId(), "consolidate", files!.Count, (job, _) =>
        {
            var inputs = Path.Combine(job.Folder, "phieu-nhan");
            Uploads.SaveAll(files, inputs);
            var output = Path.Combine(job.Folder, "tong-hop-cau-hoi.xlsx");
            var result = QuestionConsolidator.Merge(new MergeRequest { Inputs = [inputs], OutputPath = output, Plan = plan, Time = time });
            job.Report(files.Count, files.Count);
            job.Complete(
                [new JobFile("consolidated", "Bảng tổng hợp câu hỏi", $"tong-hop-cau-hoi-{plan!.Conference.Code}.xlsx", output, PlansApi.Xlsx)],
                result.Problems,
                ToDto(result));
            return Task.CompletedTask;
        }, planId);
        return JobsApi.Accepted(job);
    }

    /// <summary>Form: <c>consolidated</c> (the workbook written by consolidate).</summary>
    private static async Task<IResult> SplitAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, CancellationToken ct)
    {
        if (PlansApi.Usable(store, planId, out var plan) is { } planProblem)
        {
            return planProblem;
        }

        var (files, problem) = await ReadFilesAsync(http, "consolidated", ct, workbooksOnly: true, max: 1);
        if (problem is not null)
        {
            return problem;
        }

        var job = jobs.Start(http.OwnerId(), "split", 1, (job, _) =>
        {
            var master = Uploads.SaveAll(files!, Path.Combine(job.Folder, "tong-hop"))[0];
            var outDir = Path.Combine(job.Folder, "giao-tra-loi");
            var written = QuestionRouting.Split(master, plan!, outDir);
            var zip = Path.Combine(job.Folder, "giao-tra-loi.zip");
            ZipFile.CreateFromDirectory(outDir, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
            job.Report(1, 1);
            job.Complete(
                [new JobFile("departments", $"Tệp giao trả lời ({written.Count} cơ quan, nén .zip)", $"giao-tra-loi-{plan!.Conference.Code}.zip", zip, "application/zip")],
                [],
                new { Departments = written.Select(Path.GetFileNameWithoutExtension).ToList() });
            return Task.CompletedTask;
        }, planId);
        return JobsApi.Accepted(job);
    }

    /// <summary>Form: <c>consolidated</c> (one workbook) and <c>answers</c> (the departments' answered workbooks).</summary>
    private static async Task<IResult> AnswersAsync(HttpContext http, JobStore jobs, CancellationToken ct)
    {
        var (master, problem) = await ReadFilesAsync(http, "consolidated", ct, workbooksOnly: true, max: 1);
        if (problem is not null)
        {
            return problem;
        }

        var (answers, answersProblem) = await ReadFilesAsync(http, "answers", ct, workbooksOnly: true);
        if (answersProblem is not null)
        {
            return answersProblem;
        }

        var job = jobs.Start(http.OwnerId(), "answers", answers!.Count, (job, _) =>
        {
            var masterPath = Uploads.SaveAll(master!, Path.Combine(job.Folder, "tong-hop"))[0];
            var answerPaths = Uploads.SaveAll(answers, Path.Combine(job.Folder, "tra-loi"));
            var output = Path.Combine(job.Folder, "tong-hop-co-tra-loi.xlsx");
            var result = QuestionRouting.MergeAnswers(masterPath, answerPaths, output);
            job.Report(answers.Count, answers.Count);
            job.Complete(
                [new JobFile("merged", "Bảng tổng hợp kèm câu trả lời", "tong-hop-co-tra-loi.xlsx", output, PlansApi.Xlsx)],
                result.Problems,
                new { result.Questions, result.Answered, result.Unanswered, result.Conflicts, result.UnknownIds });
            return Task.CompletedTask;
        });
        return JobsApi.Accepted(job);
    }

    private static async Task<(List<UploadedFile>? Files, IResult? Problem)> ReadFilesAsync(HttpContext http, string field, CancellationToken ct, bool workbooksOnly = false, int max = MaxFiles)
    {
        var (form, formProblem) = await Drafts.ReadFormAsync(http.Request, ct);
        if (formProblem is not null)
        {
            return (null, formProblem);
        }

        var uploads = form!.Files.GetFiles(field);
        if (uploads.Count == 0)
        {
            return (null, ApiProblem.Result("UPLOAD_MISSING", StatusCodes.Status400BadRequest));
        }

        if (uploads.Count > max)
        {
            return (null, ApiProblem.Result("UPLOAD_TOO_MANY_FILES", StatusCodes.Status400BadRequest, null, max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var files = new List<UploadedFile>();
        foreach (var upload in uploads)
        {
            var (file, code) = workbooksOnly ? await Uploads.ReadXlsxAsync(upload, ct) : await Uploads.ReadQuestionFileAsync(upload, ct);
            if (file is null)
            {
                return (null, ApiProblem.Result(code!, StatusCodes.Status400BadRequest, null, Uploads.DisplayName(upload.FileName)));
            }

            files.Add(file);
        }

        return (files, null);
    }

    private static ConsolidationDto ToDto(MergeResult r) => new(
        r.FilesFound, r.FilesRead, r.FilesRejected, r.RowsRead, r.RowsTaken, r.RowsRejected, r.RowsIgnored, r.Reconciles,
        r.Questions, r.DuplicateGroups, r.ExactRepeats, r.NearRepeats, r.CellsConverted,
        r.Tracking.Select(t => new TrackingDto(
            t.UnitName,
            t.State.ToString(),
            StateLabel(t.State),
            t.Deadline is { } d ? Automation.Text.VietnameseText.ShortDate(d) : null,
            t.Received is { } rc ? Automation.Text.VietnameseText.ShortDate(rc) : null,
            t.DaysLate,
            t.Questions)).ToList());

    private static string StateLabel(SubmissionState state) => state switch
    {
        SubmissionState.OnTime => "Đúng hạn",
        SubmissionState.Late => "Nộp muộn",
        SubmissionState.DateUnknown => "Chưa rõ ngày nhận",
        SubmissionState.Missing => "Chưa nộp",
        SubmissionState.NotYetDue => "Chưa đến hạn",
        _ => state.ToString(),
    };
}
