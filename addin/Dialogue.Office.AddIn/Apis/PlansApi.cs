using System.IO.Compression;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.AddIn.Apis;

/// <summary><c>api/plans</c>: the conferences under the data root, their delegates and delegate workbook.</summary>
public static class PlansApi
{
    public sealed record PlanSummary(string Id, string Title, string Date, string Code, int Delegates, int Errors, int Warnings);

    public sealed record PlanDetails(PlanSummary Plan, IReadOnlyList<ProblemDto> Problems);

    public sealed record DelegateRow(string Code, string Addressee, string Group, string Venue);

    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("plans");
        plans.MapGet("", (PlanStore store) =>
            TypedResults.Ok(store.Ids().Select(id => (Id: id, Result: store.Load(id)!)).Where(x => x.Result.Plan is not null).Select(x => Summary(x.Id, x.Result)).ToList()));

        plans.MapGet("{planId}", (string planId, PlanStore store) =>
            store.Load(planId) is not { } result
                ? ApiProblem.Result("PLAN_NOT_FOUND", StatusCodes.Status404NotFound, null, planId)
                : result.Plan is null
                    ? ApiProblem.Result("PLAN_HAS_ERRORS", StatusCodes.Status422UnprocessableEntity, result.Problems, planId)
                    : TypedResults.Ok(new PlanDetails(Summary(planId, result), result.Problems.Select(ProblemDto.From).ToList())));

        plans.MapGet("{planId}/delegates", (string planId, PlanStore store) =>
        {
            if (Usable(store, planId, out var plan) is { } problem)
            {
                return problem;
            }

            return TypedResults.Ok(plan!.Delegates.Select(d => new DelegateRow(
                d.Code, d.Addressee, DelegateColumns.GroupLabel(d.Group), (plan.FindVenue(d.VenueId) ?? plan.MainHall).Name)).ToList());
        });

        plans.MapGet("{planId}/delegates/workbook", (string planId, PlanStore store) =>
        {
            if (Usable(store, planId, out var plan) is { } problem)
            {
                return problem;
            }

            var path = Path.GetFullPath(Path.Combine(plan!.Folder, plan.DelegateFile));
            return path.StartsWith(plan.Folder, StringComparison.Ordinal) && File.Exists(path)
                ? TypedResults.PhysicalFile(path, Xlsx, Path.GetFileName(path))
                : ApiProblem.Result("NOT_FOUND", StatusCodes.Status404NotFound);
        });
        plans.MapPost("{planId}/packet", (string planId, HttpContext http, PlanStore store, JobStore jobs, SharePointAccess sharePoint, Microsoft.Extensions.Options.IOptions<AddInOptions> options) =>
        {
            if (Usable(store, planId, out var plan) is { } problem)
            {
                return problem;
            }

            // The same flow as `dialogue build`: a SharePoint target is published first, so the QR codes carry its link.
            var publish = PublishApi.Request(plan!, http, sharePoint, options.Value, jobs, "");
            var pageProblems = new ProblemList();
            var page = AttendanceApi.Page(plan!, http.RequestServices, pageProblems);
            if (pageProblems.HasErrors)
            {
                return ApiProblem.Result("PLAN_HAS_ERRORS", StatusCodes.Status422UnprocessableEntity, pageProblems.Items, planId);
            }

            var job = jobs.Start(http.OwnerId(), "packet", plan!.Delegates.Count, async (job, ct) =>
            {
                var output = Path.Combine(job.Folder, "ket-qua");
                var result = await ConferencePacket.BuildAsync(new PacketRequest(plan, output)
                {
                    Progress = new InlineProgress<PacketProgress>(p => job.Report(p.Step, p.Done, p.Total)),
                    Publish = PublishTargets.PublishWithBuild(publish.Target) ? publish : null,
                    DelegatePage = page,
                }, ct);
                var steps = result.Steps.Select(s => new { s.Name, s.Files, s.Location }).ToList();
                if (result.HasErrors)
                {
                    job.Fail("JOB_FAILED", result.Problems.ToList(), new { Steps = steps });
                    return;
                }

                var zip = Path.Combine(job.Folder, "bo-tai-lieu.zip");
                ZipFile.CreateFromDirectory(output, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
                job.Complete(
                    [new JobFile("packet", $"Bộ tài liệu hội nghị ({steps.Sum(s => s.Files)} tệp, nén .zip)", $"tai-lieu-{plan.Conference.Code}.zip", zip, "application/zip")],
                    result.Problems.ToList(),
                    new { Steps = steps, result.QrLink });
            }, planId);
            return JobsApi.Accepted(job);
        }).DisableAntiforgery();
        return plans;
    }

    internal const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Loads a plan that <paramref name="use"/> may go ahead with (the core's plan gate), or the problem to answer instead.</summary>
    internal static IResult? Usable(PlanStore store, string planId, out ConferencePlan? plan, PlanUse use = PlanUse.Documents)
    {
        plan = null;
        if (store.Load(planId) is not { } result)
        {
            return ApiProblem.Result("PLAN_NOT_FOUND", StatusCodes.Status404NotFound, null, planId);
        }

        plan = PlanGate.Open(result, use, out var blocking);
        return plan is null
            ? ApiProblem.Result("PLAN_HAS_ERRORS", StatusCodes.Status422UnprocessableEntity, blocking.Count > 0 ? blocking : result.Problems, planId)
            : null;
    }

    private static PlanSummary Summary(string id, PlanLoadResult result)
    {
        var plan = result.Plan!;
        return new PlanSummary(id, plan.Conference.Title, VietnameseText.ShortDate(plan.Conference.Date), plan.Conference.Code, plan.Delegates.Count,
            result.Problems.Count(p => p.IsError), result.Problems.Count(p => !p.IsError));
    }
}
