using Dialogue.Office.Automation.Audiences;
using System.IO.Compression;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Templating;

namespace Dialogue.Office.AddIn.Apis;

/// <summary>
/// <c>api/invitations</c>: the field vocabulary, one delegate's values (preview), and generating every invitation from
/// the draft open in Word as a background job with progress and downloads.
/// </summary>
public static class InvitationsApi
{
    public sealed record FieldDto(string Tag, string Kind, string Meaning, string Example, bool PerDelegate);

    internal const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    internal const string TemplateFileName = "mau-giay-moi.docx";

    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("invitations");

        invitations.MapGet("fields", () => TypedResults.Ok(TemplateFields.All
            .Select(f => new FieldDto(f.Tag, f.Kind.ToString().ToLowerInvariant(), f.Meaning, f.Example, f.PerDelegate)).ToList()));

        invitations.MapGet("{planId}/preview/{delegateCode}", (string planId, string delegateCode, PlanStore store, HttpContext http) =>
        {
            if (PlansApi.Usable(store, planId, out var plan) is { } problem)
            {
                return problem;
            }

            // The preview shows the link and the wording the letter will carry (the delegate page's when it is on).
            var page = AttendanceApi.Page(plan!, http.RequestServices, new ProblemList());
            return InvitationPreview.Values(plan!, delegateCode, page: page) is { } values
                ? TypedResults.Ok(values)
                : ApiProblem.Result("DELEGATE_NOT_FOUND", StatusCodes.Status404NotFound, null, delegateCode);
        });

        invitations.MapPost("{planId}/jobs", StartAsync).DisableAntiforgery();

        return invitations;
    }

    /// <summary>
    /// Form fields: <c>template</c> (the draft as .docx, from getFileAsync), or <c>ooxml</c> (flat OPC from
    /// body.getOoxml()), or <c>documentUrl</c> (read through Graph when sign-in is on); none: the plan's own template.
    /// </summary>
    private static async Task<IResult> StartAsync(string planId, HttpContext http, PlanStore store, JobStore jobs, SharePointAccess sharePoint, Microsoft.Extensions.Options.IOptions<AddInOptions> options, CancellationToken ct)
    {
        if (PlansApi.Usable(store, planId, out var plan) is { } planProblem)
        {
            return planProblem;
        }

        UploadedFile? draft = null;
        var publish = false;
        if (http.Request.HasFormContentType)
        {
            var (form, formProblem) = await Drafts.ReadFormAsync(http.Request, ct);
            if (formProblem is not null)
            {
                return formProblem;
            }

            publish = string.Equals(form!["publish"], "true", StringComparison.OrdinalIgnoreCase);

            (draft, var draftProblem) = await Drafts.ReadAsync(http, form!, "template", ct);
            if (draftProblem is not null)
            {
                return draftProblem;
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

        // The core's packet flow, invitations only: when publishing, the folder and its link are made first and the
        // letters carry it when others can open it — the same QR codes as `dialogue invitations` / `dialogue build`.
        var publishRequest = publish ? PublishApi.Request(plan!, http, sharePoint, options.Value, jobs, "") : null;
        if (publishRequest is not null && PublishApi.LocalWhileSharePoint(publishRequest, sharePoint, http, planId) is { } noSite)
        {
            return noSite;
        }

        var pageProblems = new ProblemList();
        var page = AttendanceApi.Page(plan!, http.RequestServices, pageProblems);
        if (pageProblems.HasErrors)
        {
            return ApiProblem.Result("INVITATIONS_FAILED", StatusCodes.Status422UnprocessableEntity, pageProblems.Items);
        }

        var job = jobs.Start(http.OwnerId(), "invitations", plan!.Delegates.Count, async (job, ct) =>
        {
            var outDir = Path.Combine(job.Folder, "ket-qua");
            string? templatePath = null;
            if (draft is not null)
            {
                templatePath = Path.Combine(job.Folder, TemplateFileName);
                File.WriteAllBytes(templatePath, draft.Bytes);
            }

            var packet = await ConferencePacket.BuildAsync(new PacketRequest(plan, outDir)
            {
                Parts = PacketParts.Invitations,
                InvitationTemplate = templatePath,
                Publish = publishRequest,
                DelegatePage = page,
                Progress = new InlineProgress<PacketProgress>(p => job.Report(p.Step, p.Done, p.Total)),
            }, ct);
            var result = packet.Invitations;
            if (result is null || result.HasErrors || result.Invitations.Count == 0)
            {
                job.Fail(result is null ? "JOB_FAILED" : "INVITATIONS_FAILED", packet.Problems.ToList());
                return;
            }

            var files = new List<JobFile>();
            if (result.PrintFile is { } print)
            {
                files.Add(new JobFile("print", "Tệp in gộp (mỗi giấy mời một trang)", InvitationGenerator.PrintFileName, print, Docx));
            }

            var zipPath = Path.Combine(job.Folder, "giay-moi.zip");
            ZipFile.CreateFromDirectory(Path.Combine(PacketLayout.FolderOf(plan, outDir, OutputKind.Letters), InvitationGenerator.Folder), zipPath, CompressionLevel.Fastest, includeBaseDirectory: false);
            files.Add(new JobFile("all", $"Từng giấy mời ({result.Invitations.Count} tệp, nén .zip)", $"giay-moi-{plan.Conference.Code}.zip", zipPath, "application/zip"));
            if (result.ListFile is { } list)
            {
                files.Add(new JobFile("list", "Danh sách giấy mời và đường dẫn mã QR", InvitationGenerator.ListFileName, list, PlansApi.Xlsx));
            }

            object summary = packet.Published is { } published
                ? new
                {
                    Invitations = result.Invitations.Count,
                    packet.QrLink,
                    Published = new PublishApi.PublishDto(published.IsLocal, PublishApi.TargetForClient(published), published.FolderLink, published.UploadedCount, published.UnchangedCount, published.FailedCount),
                }
                : new { Invitations = result.Invitations.Count, packet.QrLink };
            // The real total: letters made (the signer gets none and is listed among the problems), so progress ends at 100 %.
            job.Report("Giấy mời", result.Invitations.Count, result.Invitations.Count);
            job.Complete(files, packet.Problems.ToList(), summary);
        }, planId);

        return JobsApi.Accepted(job);
    }
}
