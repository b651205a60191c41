using System.IO.Compression;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Sharing;
using Microsoft.Extensions.Options;

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
        questions.MapPost("{planId}/consolidate-folder", ConsolidateFolderAsync);
        questions.MapGet("share-folders", ShareFolders);
        questions.MapPost("{planId}/split", SplitAsync).DisableAntiforgery();
        questions.MapPost("answers", AnswersAsync).DisableAntiforgery();
        return questions.MapQuestionDocuments();
    }

    /// <summary>Form: <c>files</c> (one or more .xlsx/.xlsm/.csv returns; a <c>ngay-nhan.csv</c> register may be among them).</summary>
    private static async Task<IResult> ConsolidateAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, TimeProvider time, CancellationToken ct)
    {
        if (PlansApi.Usable(store, planId, out var plan, PlanUse.Questions) is { } planProblem)
        {
            return planProblem;
        }

        var (files, problem) = await ReadFilesAsync(http, "files", ct);
        if (problem is not null)
        {
            return problem;
        }

        return StartConsolidation(http, jobs, time, plan!, planId, files!.Count, inputs => Uploads.SaveAll(files!, inputs));
    }

    /// <summary>
    /// The consolidation job both ways share (uploaded files, a shared folder): <paramref name="fill"/> puts the
    /// returns into the job's input folder, then the core consolidates them into the same result shape.
    /// </summary>
    private static IResult StartConsolidation(HttpContext http, JobStore jobs, TimeProvider time, ConferencePlan plan, string planId, int count, Action<string> fill)
    {
        var job = jobs.Start(http.OwnerId(), "consolidate", count, (job, _) =>
        {
            var inputs = Path.Combine(job.Folder, "phieu-nhan");
            fill(inputs);
            var output = Path.Combine(job.Folder, "tong-hop-cau-hoi.xlsx");
            var result = QuestionConsolidator.Merge(new MergeRequest { Inputs = [inputs], OutputPath = output, Plan = plan, Time = time });
            job.Report(count, count);
            job.Complete(
                [new JobFile("consolidated", "Bảng tổng hợp câu hỏi", $"tong-hop-cau-hoi-{plan.Conference.Code}.xlsx", output, PlansApi.Xlsx)],
                result.Problems,
                ToDto(result));
            return Task.CompletedTask;
        }, planId);
        return JobsApi.Accepted(job);
    }

    /// <summary>Body of <c>consolidate-folder</c>.</summary>
    /// <param name="Folder">
    /// With SharePoint: a sharing link (or address) of the folder, or a folder path in <paramref name="Library"/> of
    /// <paramref name="Site"/> (default: the plan's <c>sharing:</c> site and library). Without a tenant: the name of a
    /// folder of the local share.
    /// </param>
    public sealed record FolderRequest(string? Folder, string? Site = null, string? Library = null);

    /// <summary>A local share folder the pane offers; <c>Mode</c> = local | sharepoint (then no list: paste a link).</summary>
    public sealed record ShareFoldersDto(string Mode, IReadOnlyList<LocalShareFolder> Folders);

    /// <summary>Largest number of sheets and bytes taken from a folder (the upload path's 20 MB per file kept).</summary>
    public const int MaxFolderFiles = 200;

    public const long MaxFolderBytes = 100L * 1024 * 1024;

    /// <summary>
    /// JSON <c>{ "folder": … }</c>: fetches the folder's sheets (SharePoint on behalf of the signed-in user, or the local
    /// share) before answering, so a missing folder, an empty one or one over the caps is a problem response; then the
    /// same consolidation job as the upload path.
    /// </summary>
    private static async Task<IResult> ConsolidateFolderAsync(
        string planId, FolderRequest? body, HttpContext http, PlanStore store, JobStore jobs, TimeProvider time, SharePointAccess sharePoint, IOptions<AddInOptions> options, CancellationToken ct)
    {
        if (PlansApi.Usable(store, planId, out var plan, PlanUse.Questions) is { } planProblem)
        {
            return planProblem;
        }

        var folder = (body?.Folder ?? "").Trim();
        if (folder.Length == 0)
        {
            return ApiProblem.Result("FOLDER_MISSING", StatusCodes.Status400BadRequest);
        }

        FolderSource source;
        if (sharePoint.SignInMissing(http))
        {
            return ApiProblem.Result("AUTH_TOKEN_MISSING", StatusCodes.Status401Unauthorized);
        }

        if (sharePoint.For(http) is { } connection)
        {
            var isLink = Uri.TryCreate(folder, UriKind.Absolute, out _);
            var site = (body?.Site ?? "").Trim() is { Length: > 0 } s ? s : plan!.Sharing.SiteUrl;
            if (!isLink && site.Length == 0)
            {
                return ApiProblem.Result("FOLDER_NEEDS_LINK", StatusCodes.Status400BadRequest);
            }

            source = isLink
                ? new SharePointFolderSource { SharingLink = folder, Connection = connection }
                : new SharePointFolderSource { SiteUrl = site, Library = (body?.Library ?? "").Trim() is { Length: > 0 } l ? l : plan!.Sharing.Library, Folder = folder, Connection = connection };
        }
        else
        {
            source = new LocalShareFolderSource { Root = PublishApi.ShareRoot(options.Value, jobs), Folder = folder };
        }

        // Fetched beside the job folders, then moved into the job: the checks answer before a job exists.
        var staging = Path.Combine(jobs.Root, "nhan-thu-muc-" + Guid.NewGuid().ToString("N"));
        var fetched = await FolderFetcher.FetchAsync(
            new FolderFetchRequest
            {
                Source = source,
                Destination = staging,
                MaxFiles = MaxFolderFiles,
                MaxFileBytes = options.Value.MaxUploadBytes,
                MaxTotalBytes = MaxFolderBytes,
            },
            time,
            ct);
        if (!fetched.Succeeded)
        {
            TryDelete(staging);
            var error = fetched.Problems.First(p => p.IsError);
            return ApiProblem.FromCore(error, FolderStatus(error.Code), fetched.Problems);
        }

        return StartConsolidation(http, jobs, time, plan!, planId, fetched.Files.Count, inputs => Directory.Move(staging, inputs));
    }

    /// <summary>The local share's folders (embedded default); with SharePoint the pane asks for a link instead.</summary>
    private static IResult ShareFolders(JobStore jobs, SharePointAccess sharePoint, IOptions<AddInOptions> options) =>
        TypedResults.Ok(sharePoint.Enabled
            ? new ShareFoldersDto("sharepoint", [])
            : new ShareFoldersDto("local", FolderFetcher.ListLocalFolders(PublishApi.ShareRoot(options.Value, jobs))));

    private static int FolderStatus(string code) => code switch
    {
        "SHARING_FOLDER_NOT_FOUND" or "SHARING_SITE_NOT_FOUND" or "SHARING_LIBRARY_NOT_FOUND" => StatusCodes.Status404NotFound,
        "SHARING_FOLDER_NO_SHEETS" => StatusCodes.Status422UnprocessableEntity,
        "SHARING_FOLDER_TOO_MANY_FILES" or "SHARING_FOLDER_FILE_TOO_LARGE" or "SHARING_FOLDER_TOO_LARGE" => StatusCodes.Status413PayloadTooLarge,
        "SHARING_FOLDER_BAD_NAME" or "SHARING_FOLDER_BAD_LINK" or "SHARING_BAD_SITE_URL" => StatusCodes.Status400BadRequest,
        "SHARING_AUTH_FAILED" or "SHARING_SIGN_IN_FAILED" => StatusCodes.Status401Unauthorized,
        "SHARING_ACCESS_DENIED" => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status502BadGateway,
    };

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Form: <c>consolidated</c> (the workbook written by consolidate).</summary>
    private static async Task<IResult> SplitAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, CancellationToken ct)
    {
        if (PlansApi.Usable(store, planId, out var plan, PlanUse.Questions) is { } planProblem)
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
            t.Deadline is { } d ? Automation.Vietnamese.VietnameseText.ShortDate(d) : null,
            t.Received is { } rc ? Automation.Vietnamese.VietnameseText.ShortDate(rc) : null,
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
