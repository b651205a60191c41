using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.AddIn.Apis;

/// <summary><c>api/check</c>: the open document's layout against ND30 (Nghị định 30/2020/NĐ-CP, Phụ lục I), and the automatic fix.</summary>
public static class CheckApi
{
    public sealed record FindingDto(string Code, string Severity, string Element, string Location, string Message, string Found, string Expected, string Citation);

    public sealed record CheckDto(string Source, bool Passed, int Errors, int Warnings, IReadOnlyList<FindingDto> Findings);

    public static RouteGroupBuilder MapCheckApi(this RouteGroupBuilder api)
    {
        var check = api.MapGroup("check");
        check.MapPost("", CheckAsync).DisableAntiforgery();
        check.MapPost("fix", FixAsync).DisableAntiforgery();
        return check;
    }

    /// <summary>Form: <c>document</c> (.docx) or <c>ooxml</c> (flat OPC of the body) or <c>documentUrl</c>.</summary>
    private static async Task<IResult> CheckAsync(HttpContext http, CancellationToken ct)
    {
        var (document, problem) = await ReadAsync(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            using var stream = new MemoryStream(document!.Bytes);
            return TypedResults.Ok(ToDto(Nd30Checker.Check(stream, document.Name)));
        }
        catch (ProblemException e)
        {
            return ApiProblem.Result("CHECK_FAILED", StatusCodes.Status422UnprocessableEntity, e.Problems);
        }
    }

    private static async Task<IResult> FixAsync(HttpContext http, JobStore jobs, CancellationToken ct)
    {
        var (document, problem) = await ReadAsync(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var job = jobs.Start(http.OwnerId(), "fix", 1, (job, _) =>
        {
            var input = Path.Combine(job.Folder, "van-ban.docx");
            File.WriteAllBytes(input, document!.Bytes);
            var output = Path.Combine(job.Folder, "van-ban.nd30.docx");
            var result = Nd30Fixer.Fix(input, output);
            var fixedName = Path.GetFileNameWithoutExtension(document.Name) + ".nd30.docx";
            fixedName = Automation.Vietnamese.SafeFileName.IsSafe(fixedName) ? fixedName : Automation.Vietnamese.SafeFileName.From(Path.GetFileNameWithoutExtension(document.Name) + "-nd30", "docx");
            job.Report(1, 1);
            job.Complete(
                [new JobFile("fixed", "Bản đã sửa thể thức", fixedName, output, InvitationsApi.Docx)],
                result.Remaining.ToProblems(),
                new { Changes = result.Changes.Select(c => c.Message).ToList(), Remaining = ToDto(result.Remaining) });
            return Task.CompletedTask;
        });
        return JobsApi.Accepted(job);
    }

    private static async Task<(UploadedFile? Document, IResult? Problem)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var (form, formProblem) = await Drafts.ReadFormAsync(http.Request, ct);
        if (formProblem is not null)
        {
            return (null, formProblem);
        }

        var (document, problem) = await Drafts.ReadAsync(http, form!, "document", ct);
        return document is null && problem is null ? (null, ApiProblem.Result("UPLOAD_MISSING", StatusCodes.Status400BadRequest)) : (document, problem);
    }

    internal static CheckDto ToDto(Nd30Report report) => new(
        report.Source,
        report.Passed,
        report.Errors.Count,
        report.Warnings.Count,
        report.Findings.Select(f => new FindingDto(
            f.Code, f.IsError ? "error" : "warning", f.Element, f.Location, f.Message, f.Found, f.Expected, Nd30Rules.FullCitation(f.Rule))).ToList());
}
