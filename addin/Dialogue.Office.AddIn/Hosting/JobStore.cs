using System.Collections.Concurrent;
using Dialogue.Office.Automation.Diagnostics;
using Microsoft.Extensions.Options;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>State of a background job.</summary>
public enum JobState
{
    Running,
    Done,
    Failed,
}

/// <summary>A file a finished job offers for download, under a fixed key (never a path from the request).</summary>
public sealed record JobFile(string Key, string Label, string DownloadName, string Path, string ContentType);

/// <summary>One long-running generation (invitations for every delegate…) whose progress the pane polls.</summary>
public sealed class Job(string id, string owner, string folder, string kind, string planId, DateTimeOffset created)
{
    private int _done;
    private int _total;

    // Written last by Complete/Fail (volatile: a reader that sees Done also sees the files and summary).
    private volatile JobState _state = JobState.Running;
    private readonly TaskCompletionSource<JobState> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;
    public string Owner { get; } = owner;
    public string Folder { get; } = folder;
    public string Kind { get; } = kind;

    /// <summary>The conference the job worked on ("" when none), e.g. for publishing its output.</summary>
    public string PlanId { get; } = planId;

    /// <summary>The step running, for jobs with several (the conference packet).</summary>
    public string Step { get; private set; } = "";

    /// <summary>Figures the pane shows when the job is done (counts, reconciliation…), serialised as JSON.</summary>
    public object? Summary { get; private set; }
    public JobState State => _state;

    /// <summary>Completes with the final state once the job is done or failed (what tests and callers await, never a poll).</summary>
    public Task<JobState> Finished => _finished.Task;

    public DateTimeOffset Created { get; } = created;
    public int Done => Volatile.Read(ref _done);
    public int Total => Volatile.Read(ref _total);
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public IReadOnlyList<JobFile> Files { get; private set; } = [];

    /// <summary>An error code for the whole job (e.g. INVITATIONS_FAILED) when it failed.</summary>
    public string? FailureCode { get; private set; }

    /// <summary>Marks the job as waiting for a free slot (the pane shows the step).</summary>
    internal void Queue() => Step = JobStore.QueuedStep;

    /// <summary>Clears the waiting step once the job runs.</summary>
    internal void Run()
    {
        if (Step == JobStore.QueuedStep)
        {
            Step = "";
        }
    }

    public void Report(string step, int done, int total)
    {
        Step = step;
        Report(done, total);
    }

    public void Report(int done, int total)
    {
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _done, done);
    }

    public void Complete(IReadOnlyList<JobFile> files, IReadOnlyList<Problem> problems, object? summary = null)
    {
        Summary = summary;
        Files = files;
        Problems = problems;
        _state = JobState.Done;
        _finished.TrySetResult(JobState.Done);
    }

    public void Fail(string code, IReadOnlyList<Problem> problems, object? summary = null)
    {
        Summary = summary;
        FailureCode = code;
        Problems = problems;
        _state = JobState.Failed;
        _finished.TrySetResult(JobState.Failed);
    }
}

/// <summary>
/// Jobs of this host process, each with its own output folder under the output root. A job is visible only to the user
/// who started it (the token's object id; everyone shares "" when sign-in is off).
/// </summary>
public sealed class JobStore
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly ILogger<JobStore> _log;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly SemaphoreSlim _slots;
    private readonly int _admit;
    private int _admitted;

    /// <summary>The step a job shows while it waits for a slot.</summary>
    public const string QueuedStep = "Đang chờ lượt xử lý";

    public JobStore(IOptions<AddInOptions> options, ILogger<JobStore> log, TimeProvider time)
    {
        _log = log;
        _time = time;
        _retention = TimeSpan.FromHours(Math.Max(1, options.Value.JobRetentionHours));
        var running = Math.Max(1, options.Value.MaxRunningJobs);
        _slots = new SemaphoreSlim(running, running);
        _admit = running + Math.Max(0, options.Value.MaxQueuedJobs);
        Root = string.IsNullOrWhiteSpace(options.Value.OutputRoot)
            ? Path.Combine(Path.GetTempPath(), "dialogue-office-addin")
            : Path.GetFullPath(options.Value.OutputRoot);
        ReclaimStaleFolders();
    }

    /// <summary>
    /// At start: deletes job folders (32-hex names) left by earlier runs and older than the retention. Jobs live in
    /// memory, so those folders are unreachable; the age test spares a second host process sharing the folder.
    /// </summary>
    private void ReclaimStaleFolders()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        var cutoff = (_time.GetUtcNow() - _retention).UtcDateTime;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            if (name.Length != 32 || !name.All(char.IsAsciiHexDigitLower) || Directory.GetLastWriteTimeUtc(folder) >= cutoff)
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log.LogWarning(e, "Could not delete the stale job folder {Folder}", name);
            }
        }
    }

    /// <summary>Where job folders are created.</summary>
    public string Root { get; }

    /// <summary>Jobs admitted and not finished (running or waiting).</summary>
    public int Active => Volatile.Read(ref _admitted);

    /// <summary>
    /// Creates a job folder and runs <paramref name="work"/> on the thread pool once one of the running slots is free;
    /// failures are logged, never shown.
    /// </summary>
    /// <exception cref="JobsBusyException">As many jobs as the host runs and queues are already admitted (answered 429).</exception>
    public Job Start(string owner, string kind, int total, Func<Job, CancellationToken, Task> work, string planId = "")
    {
        Purge();
        if (Interlocked.Increment(ref _admitted) > _admit)
        {
            Interlocked.Decrement(ref _admitted);
            _log.LogWarning("Job {Kind} refused: {Limit} jobs already running or waiting", kind, _admit);
            throw new JobsBusyException();
        }

        var id = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(Root, id);
        Directory.CreateDirectory(folder);
        var job = new Job(id, owner, folder, kind, planId, _time.GetUtcNow());
        job.Report(0, total);
        _jobs[id] = job;
        if (_slots.CurrentCount == 0)
        {
            job.Queue();
        }

        _ = Task.Run(async () =>
        {
            await _slots.WaitAsync();
            try
            {
                job.Run();
                await work(job, CancellationToken.None);
            }
            catch (ProblemException e)
            {
                job.Fail("JOB_FAILED", e.Problems);
            }
            catch (Exception e)
            {
                _log.LogError(e, "Job {JobId} ({Kind}) failed", id, kind);
                job.Fail("INTERNAL_ERROR", []);
            }
            finally
            {
                // The slot is free before anyone awaiting the job's end sees it end.
                _slots.Release();
                Interlocked.Decrement(ref _admitted);
            }

            if (job.State == JobState.Running)
            {
                // Work that returned without Complete/Fail: a bug, but the job must still end for whoever awaits it.
                _log.LogError("Job {JobId} ({Kind}) returned without completing", id, kind);
                job.Fail("INTERNAL_ERROR", []);
            }
        });
        return job;
    }

    /// <summary>Forgets finished jobs older than the retention and deletes their folders (generated files are not kept forever).</summary>
    private void Purge()
    {
        var cutoff = _time.GetUtcNow() - _retention;
        foreach (var job in _jobs.Values.Where(j => j.Created < cutoff && j.State != JobState.Running).ToList())
        {
            if (_jobs.TryRemove(job.Id, out _))
            {
                try
                {
                    Directory.Delete(job.Folder, recursive: true);
                }
                catch (IOException e)
                {
                    _log.LogWarning(e, "Could not delete the folder of job {JobId}", job.Id);
                }
                catch (UnauthorizedAccessException e)
                {
                    _log.LogWarning(e, "Could not delete the folder of job {JobId}", job.Id);
                }
            }
        }
    }

    /// <summary>
    /// The end of job <paramref name="id"/> (any owner; not reachable over HTTP): lets in-process callers and tests await
    /// a job instead of polling its state. Null when there is no such job.
    /// </summary>
    public Task<JobState>? Finished(string id) => _jobs.TryGetValue(id, out var job) ? job.Finished : null;

    /// <summary>The job, if it exists and belongs to <paramref name="owner"/>.</summary>
    public Job? Find(string id, string owner) =>
        _jobs.TryGetValue(id, out var job) && string.Equals(job.Owner, owner, StringComparison.Ordinal) ? job : null;
}

/// <summary>No job slot and no room in the queue: the request is answered 429 with Retry-After.</summary>
public sealed class JobsBusyException() : Exception("Too many jobs running or waiting.");
