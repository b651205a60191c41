using Azure.Identity;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;
using Microsoft.Extensions.Options;

namespace Dialogue.Office.AddIn.Apis;

/// <summary>
/// <c>api/publish</c>: publishes what a finished job generated. With an Entra tenant configured and a SharePoint site
/// in the plan, to SharePoint on behalf of the signed-in user (Graph OBO); otherwise to the local share folder, which
/// this host serves read-only at <c>/share</c> so the links and QR codes work without Microsoft 365.
/// </summary>
public static class PublishApi
{
    public const string ShareRequestPath = "/share";

    public sealed record PublishDto(bool IsLocal, string Target, string FolderLink, int Uploaded, int Unchanged, int Failed);

    public static RouteGroupBuilder MapPublishApi(this RouteGroupBuilder api)
    {
        var publish = api.MapGroup("publish");
        publish.MapPost("jobs/{jobId}", Start).DisableAntiforgery();
        return publish;
    }

    /// <summary>The local share folder (configured, else <c>share/</c> under the output root).</summary>
    public static string ShareRoot(AddInOptions options, JobStore jobs) =>
        string.IsNullOrWhiteSpace(options.ShareFolder) ? Path.Combine(jobs.Root, "share") : Path.GetFullPath(options.ShareFolder);

    /// <summary>
    /// Serves the local share read-only: files only, no folder listing, active content as downloads, sign-in required
    /// when a tenant is configured (<see cref="LocalShare"/>).
    /// </summary>
    public static void UseLocalShare(this WebApplication app, bool signInRequired) =>
        LocalShare.Use(app, ShareRoot(app.Services.GetRequiredService<IOptions<AddInOptions>>().Value, app.Services.GetRequiredService<JobStore>()), ShareRequestPath, signInRequired);

    /// <summary>
    /// The publish request for a plan's files in <paramref name="sourceFolder"/>, resolved by the core (plan over
    /// configuration): the plan's SharePoint site on behalf of the signed-in user when a tenant is configured and the
    /// plan names a site; otherwise the local share, linked through this host's address.
    /// </summary>
    public static PublishRequest Request(Automation.Plans.ConferencePlan plan, HttpContext http, SharePointAccess sharePoint, AddInOptions options, JobStore jobs, string sourceFolder) =>
        PublishTargets.ForPlan(
            plan,
            configuration: new Automation.Plans.SharingSettings(), // the host has no sharing settings of its own: the plan's apply
            sharePoint: sharePoint.For(http),
            local: new LocalShareTarget { Root = ShareRoot(options, jobs), BaseUrl = ShareAddress.BaseUrl(http.RequestServices) + ShareRequestPath },
            sourceFolder);

    /// <summary>
    /// 409 PUBLISH_NO_SITE when this host reaches SharePoint (api/config says "sharepoint") but the plan names no site:
    /// publishing would fall back to the local share silently, where the clerk expects Microsoft 365.
    /// </summary>
    public static IResult? LocalWhileSharePoint(PublishRequest request, SharePointAccess sharePoint, HttpContext http, string planId) =>
        request.Target is LocalShareTarget && sharePoint.For(http) is not null
            ? ApiProblem.Result("PUBLISH_NO_SITE", StatusCodes.Status409Conflict, null, planId)
            : null;

    /// <summary>What the summary says of the target: never the server's own folder path.</summary>
    public static string TargetForClient(PublishResult result) => result.IsLocal ? "Thư mục chia sẻ cục bộ" : result.TargetDisplay;

    /// <summary>The caller's bearer token ("" when none).</summary>
    public static string BearerToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
    }

    /// <summary>Graph on behalf of the signed-in user (the pane's token exchanged by the host; never sent back).</summary>
    public static GraphConnectionOptions OnBehalfOf(HttpContext http, AzureAdOptions ad) => new()
    {
        TenantId = ad.TenantId,
        ClientId = ad.ClientId,
        Credential = new OnBehalfOfCredential(ad.TenantId, ad.ClientId, ad.ClientSecret, BearerToken(http)),
    };

    private static IResult Start(string jobId, HttpContext http, JobStore jobs, PlanStore store, SharePointAccess sharePoint, IOptions<AddInOptions> options)
    {
        if (jobs.Find(jobId, http.OwnerId()) is not { } source)
        {
            return ApiProblem.Result("JOB_NOT_FOUND", StatusCodes.Status404NotFound);
        }

        var output = Path.Combine(source.Folder, "ket-qua");
        if (source.State != JobState.Done || source.PlanId.Length == 0 || !Directory.Exists(output))
        {
            return ApiProblem.Result("PUBLISH_NOTHING", StatusCodes.Status409Conflict);
        }

        if (PlansApi.Usable(store, source.PlanId, out var plan) is { } planProblem)
        {
            return planProblem;
        }

        var request = Request(plan!, http, sharePoint, options.Value, jobs, output);
        if (LocalWhileSharePoint(request, sharePoint, http, source.PlanId) is { } noSite)
        {
            return noSite;
        }

        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Length;
        var job = jobs.Start(http.OwnerId(), "publish", files, async (job, ct) =>
        {
            var result = await new PackagePublisher().PublishAsync(
                request,
                new InlineProgress<PublishProgress>(p => job.Report(p.FileIndex, p.FileCount)),
                ct);
            job.Report(files, files);

            var dto = new PublishDto(result.IsLocal, TargetForClient(result), result.FolderLink, result.UploadedCount, result.UnchangedCount, result.FailedCount);
            if (result.HasErrors)
            {
                job.Fail("JOB_FAILED", result.Problems, dto);
            }
            else
            {
                job.Complete([], result.Problems, dto);
            }
        }, source.PlanId);
        return JobsApi.Accepted(job);
    }
}
