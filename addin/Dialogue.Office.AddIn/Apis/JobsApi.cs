using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;

namespace Dialogue.Office.AddIn.Apis;

/// <summary><c>api/jobs</c>: progress, results and downloads of every background job (invitations, packet, questions…).</summary>
public static class JobsApi
{
    public sealed record FileDto(string Key, string Label, string Name, string Url);

    public sealed record JobDto(
        string Id,
        string Kind,
        string State,
        string Step,
        int Done,
        int Total,
        IReadOnlyList<FileDto> Files,
        IReadOnlyList<ProblemDto> Problems,
        object? Summary,
        string? Code,
        string? Title,
        string? Detail);

    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("jobs");
        jobs.MapGet("{jobId}", (string jobId, HttpContext http, JobStore store) =>
            store.Find(jobId, http.OwnerId()) is { } job
                ? TypedResults.Ok(ToDto(job))
                : ApiProblem.Result("JOB_NOT_FOUND", StatusCodes.Status404NotFound));

        jobs.MapGet("{jobId}/files/{key}", (string jobId, string key, HttpContext http, JobStore store) =>
        {
            if (store.Find(jobId, http.OwnerId()) is not { } job)
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
        return jobs;
    }

    /// <summary>202 Accepted pointing at the job's status.</summary>
    public static IResult Accepted(Job job) => TypedResults.Accepted($"/api/jobs/{job.Id}", ToDto(job));

    public static JobDto ToDto(Job job) => new(
        job.Id,
        job.Kind,
        job.State.ToString().ToLowerInvariant(),
        job.Step,
        job.Done,
        job.Total,
        job.State == JobState.Done ? job.Files.Select(f => new FileDto(f.Key, f.Label, f.DownloadName, $"/api/jobs/{job.Id}/files/{f.Key}")).ToList() : [],
        job.Problems.Select(ProblemDto.From).ToList(),
        job.Summary,
        job.FailureCode,
        job.FailureCode is { } c ? AddInMessages.Title(c) : null,
        job.FailureCode is { } d ? AddInMessages.Detail(d) : null);
}
