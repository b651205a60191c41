using Dialogue.Office.AddIn.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dialogue.Office.AddIn.Tests.Hosting;

public sealed class JobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dlg-jobs-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 4, 17, 8, 0, 0, TimeSpan.FromHours(7)));

    private JobStore Store() => new(Options.Create(new AddInOptions { OutputRoot = _root, JobRetentionHours = 24 }), NullLogger<JobStore>.Instance, _time);

    private static async Task<Job> Finished(JobStore store, string owner)
    {
        var job = store.Start(owner, "test", 1, (j, _) =>
        {
            File.WriteAllText(Path.Combine(j.Folder, "a.txt"), "x");
            j.Complete([], []);
            return Task.CompletedTask;
        });
        Assert.Equal(JobState.Done, await job.Finished);
        Assert.Equal(JobState.Done, job.State);
        return job;
    }

    [Fact]
    public void Start_ReclaimsJobFoldersOfEarlierRunsOlderThanTheRetention()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        string Folder(string name, DateTime written)
        {
            var path = Path.Combine(_root, name);
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "a.txt"), "x");
            Directory.SetLastWriteTimeUtc(path, written);
            return path;
        }

        var stale = Folder(Guid.NewGuid().ToString("N"), now.AddHours(-30));
        var recent = Folder(Guid.NewGuid().ToString("N"), now.AddHours(-2));
        var share = Folder("share", now.AddDays(-10));

        _ = Store();

        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(recent));
        Assert.True(Directory.Exists(share));
    }

    [Fact]
    public async Task Find_OtherUsersJob_IsNotVisible()
    {
        var store = Store();
        var job = await Finished(store, "oid-a");
        Assert.Same(job, store.Find(job.Id, "oid-a"));
        Assert.Null(store.Find(job.Id, "oid-b"));
    }

    [Fact]
    public async Task Start_AfterRetention_ForgetsOldJobsAndDeletesTheirFiles()
    {
        var store = Store();
        var old = await Finished(store, "");
        _time.Advance(TimeSpan.FromHours(23));
        var recent = await Finished(store, "");

        _time.Advance(TimeSpan.FromHours(2));
        await Finished(store, "");

        Assert.Null(store.Find(old.Id, ""));
        Assert.False(Directory.Exists(old.Folder));
        Assert.NotNull(store.Find(recent.Id, ""));
        Assert.True(Directory.Exists(recent.Folder));
    }

    [Fact]
    public async Task Start_WorkThrowingAProblem_FailsTheJobWithItsProblems()
    {
        var store = Store();
        var job = store.Start("", "test", 1, (_, _) =>
            throw new Automation.Diagnostics.ProblemException(Automation.Diagnostics.Problem.Error("QUESTIONS_NO_INPUT", "x", "No input")));
        Assert.Equal(JobState.Failed, await job.Finished);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal("JOB_FAILED", job.FailureCode);
        Assert.Equal("QUESTIONS_NO_INPUT", Assert.Single(job.Problems).Code);
    }

    [Fact]
    public async Task Start_WorkReturningWithoutCompleting_StillEndsTheJob()
    {
        var store = Store();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = store.Start("", "test", 1, async (_, _) => await release.Task);

        // Running until the work returns: nothing completes the job early.
        Assert.False(job.Finished.IsCompleted);
        Assert.Equal(JobState.Running, job.State);
        Assert.Same(job.Finished, store.Finished(job.Id));
        release.SetResult();

        Assert.Equal(JobState.Failed, await job.Finished);
        Assert.Equal("INTERNAL_ERROR", job.FailureCode);
    }

    [Fact]
    public void Finished_UnknownJob_IsNull() => Assert.Null(Store().Finished("no-such-job"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, true);
        }
        catch (IOException)
        {
        }
    }
}
