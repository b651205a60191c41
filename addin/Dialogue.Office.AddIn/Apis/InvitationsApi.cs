using System.IO.Compression;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Templating;

namespace Dialogue.Office.AddIn.Apis;

/// <summary>
/// <c>api/invitations</c>: the field vocabulary, one delegate's values (preview), and generating every invitation from
/// the draft open in Word as a background job with progress and downloads.
/// </summary>
public static class InvitationsApi
{
    public sealed record FieldDto(string Tag, string Kind, string Meaning, string Example, bool PerDelegate);

    public sealed record FileDto(string Key, string Label, string Name, string Url);

    public sealed record JobDto(string Id, string State, int Done, int Total, IReadOnlyList<FileDto> Files, IReadOnlyList<ProblemDto> Problems, string? Code, string? Title, string? Detail);

    internal const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    internal const string TemplateFileName = "mau-giay-moi.docx";

    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("invitations");

        invitations.MapGet("fields", () => TypedResults.Ok(TemplateFields.All
            .Select(f => new FieldDto(f.Tag, f.Kind.ToString().ToLowerInvariant(), f.Meaning, f.Example, f.PerDelegate)).ToList()));

        invitations.MapGet("{planId}/preview/{delegateCode}", (string planId, string delegateCode, PlanStore store) =>
        {
            if (PlansApi.Usable(store, planId, out var plan) is { } problem)
            {
                return problem;
            }

            return InvitationPreview.Values(plan!, delegateCode) is { } values
                ? TypedResults.Ok(values)
                : ApiProblem.Result("DELEGATE_NOT_FOUND", StatusCodes.Status404NotFound, null, delegateCode);
        });

        invitations.MapPost("{planId}/jobs", StartAsync).DisableAntiforgery();

        invitations.MapGet("jobs/{jobId}", (string jobId, HttpContext http, JobStore jobs) =>
            jobs.Find(jobId, http.OwnerId()) is { } job
                ? TypedResults.Ok(ToDto(job))
                : ApiProblem.Result("JOB_NOT_FOUND", StatusCodes.Status404NotFound));

        invitations.MapGet("jobs/{jobId}/files/{key}", (string jobId, string key, HttpContext http, JobStore jobs) =>
        {
            if (jobs.Find(jobId, http.OwnerId()) is not { } job)
            {
                return ApiProblem.Result("JOB_NOT_FOUND", StatusCodes.Status404NotFound);
            }

            if (job.State != JobState.Done)
            {
                return ApiProblem.Result("JOB_NOT_FINISHED", StatusCodes.Status409Conflict);
            }

            return job.Files.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal)) is { } file
                ? TypedResults.PhysicalFile(file.Path, file.ContentType, file.DownloadName)
                : ApiProblem.Result("NOT_FOUND", StatusCodes.Status404NotFound);
        });
        return invitations;
    }

    /// <summary>
    /// Form fields: <c>template</c> (the draft as .docx, from getFileAsync), or <c>ooxml</c> (flat OPC from
    /// body.getOoxml()), or <c>documentUrl</c> (read through Graph when sign-in is on); none: the plan's own template.
    /// </summary>
    private static async Task<IResult> StartAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, IServiceProvider services, CancellationToken ct)
    {
        if (PlansApi.Usable(store, planId, out var plan) is { } planProblem)
        {
            return planProblem;
        }

        UploadedFile? draft = null;
        if (http.Request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                return ApiProblem.Result("UPLOAD_BAD_FORM", StatusCodes.Status400BadRequest);
            }

            if (form.Files.GetFile("template") is { } file)
            {
                var (upload, code) = await Uploads.ReadDocxAsync(file, ct);
                if (upload is null)
                {
                    return ApiProblem.Result(code!, StatusCodes.Status400BadRequest, null, Uploads.DisplayName(file.FileName));
                }

                draft = upload;
            }
            else if (form["ooxml"].ToString() is { Length: > 0 } ooxml)
            {
                draft = Uploads.FromFlatOpc(ooxml);
                if (draft is null)
                {
                    return ApiProblem.Result("UPLOAD_NOT_DOCX", StatusCodes.Status400BadRequest, null, "văn bản đang mở");
                }
            }
            else if (form["documentUrl"].ToString() is { Length: > 0 } url && services.GetService<GraphDocuments>() is { } graph)
            {
                var token = http.Request.Headers.Authorization.ToString();
                var bytes = await graph.DownloadAsync(token["Bearer ".Length..].Trim(), url, ct);
                if (bytes is null)
                {
                    return ApiProblem.Result("GRAPH_FAILED", StatusCodes.Status502BadGateway);
                }

                draft = new UploadedFile(TemplateFileName, bytes);
            }
        }

        // Check the draft as a template now, so a clerk sees unknown or missing fields at once rather than in a job.
        if (draft is not null)
        {
            var problems = new ProblemList();
            if (DocxTemplate.Compile(draft.Bytes, draft.Name, problems, TemplateFields.RequiredForInvitation) is null || problems.HasErrors)
            {
                return ApiProblem.Result("INVITATIONS_FAILED", StatusCodes.Status422UnprocessableEntity, problems.Items);
            }
        }

        var job = jobs.Start(http.OwnerId(), "invitations", plan!.Delegates.Count, (job, _) =>
        {
            string? templatePath = null;
            if (draft is not null)
            {
                templatePath = Path.Combine(job.Folder, TemplateFileName);
                File.WriteAllBytes(templatePath, draft.Bytes);
            }

            var outDir = Path.Combine(job.Folder, "ket-qua");
            var total = plan.Delegates.Count;
            var result = InvitationGenerator.Generate(new InvitationRequest(plan, outDir)
            {
                TemplatePath = templatePath,
                Progress = new SyncProgress(n => job.Report(n, total)),
            });
            if (result.HasErrors || result.Invitations.Count == 0)
            {
                job.Fail("INVITATIONS_FAILED", result.Problems);
                return Task.CompletedTask;
            }

            var files = new List<JobFile>();
            if (result.PrintFile is { } print)
            {
                files.Add(new JobFile("print", "Tệp in gộp (mỗi giấy mời một trang)", InvitationGenerator.PrintFileName, print, Docx));
            }

            var zipPath = Path.Combine(job.Folder, "giay-moi.zip");
            ZipFile.CreateFromDirectory(Path.Combine(outDir, InvitationGenerator.Folder), zipPath, CompressionLevel.Fastest, includeBaseDirectory: false);
            files.Add(new JobFile("all", $"Từng giấy mời ({result.Invitations.Count} tệp, nén .zip)", $"giay-moi-{plan.Conference.Code}.zip", zipPath, "application/zip"));
            if (result.ListFile is { } list)
            {
                files.Add(new JobFile("list", "Danh sách giấy mời và đường dẫn mã QR", InvitationGenerator.ListFileName, list, PlansApi.Xlsx));
            }

            job.Report(result.Invitations.Count, total);
            job.Complete(files, result.Problems);
            return Task.CompletedTask;
        });

        return TypedResults.Accepted($"/api/invitations/jobs/{job.Id}", ToDto(job));
    }

    internal static JobDto ToDto(Job job) => new(
        job.Id,
        job.State.ToString().ToLowerInvariant(),
        job.Done,
        job.Total,
        job.Files.Select(f => new FileDto(f.Key, f.Label, f.DownloadName, $"/api/invitations/jobs/{job.Id}/files/{f.Key}")).ToList(),
        job.Problems.Select(ProblemDto.From).ToList(),
        job.FailureCode,
        job.FailureCode is { } c ? AddInMessages.Title(c) : null,
        job.FailureCode is { } d ? AddInMessages.Detail(d) : null);

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and arrive late or out of order).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
