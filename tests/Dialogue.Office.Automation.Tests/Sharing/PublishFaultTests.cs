using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Sharing;

public sealed class PublishFaultTests
{
    [Fact]
    public async Task Publish_ThrottledAndUnavailable_WaitsRetryAfterAndEndsWithEveryFileOnce()
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Action == "content" && r.Method == "PUT", FaultKind.Status, times: 1, status: 429, code: "activityLimitReached", message: "The request has been throttled", inner: "throttledRequest");
        world.Server.Inject(r => r.Action == "fragment" && r.FragmentStart == SamplePacket.Slice, FaultKind.Status, times: 1, status: 503, code: "serviceNotAvailable", message: "Service unavailable");
        world.Server.Inject(r => r.Action == "createLink", FaultKind.Status, times: 1, status: 429, code: "activityLimitReached", message: "The request has been throttled");
        var time = new FastForwardTime(new DateTimeOffset(2023, 4, 17, 8, 0, 0, TimeSpan.FromHours(7)));

        var result = await new PackagePublisher(time).PublishAsync(world.Request());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        // Retry-After: 1 honoured three times, on the injected clock (no real second passes).
        Assert.Equal(3, time.Waits.Count(w => w == TimeSpan.FromSeconds(1)));
        Assert.True(time.GetUtcNow() - time.Start >= TimeSpan.FromSeconds(3), $"the clock moved {time.GetUtcNow() - time.Start}");
        PublishRerunTests.AssertExactlyOnce(world, result);
    }

    [Fact]
    public async Task Publish_ConnectionDroppedMidFragment_ResumesFromNextExpectedRange()
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Action == "fragment" && r.FragmentStart == 2L * SamplePacket.Slice, FaultKind.DropConnection, dropAfter: 100_000);

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        Assert.Equal(1, world.Server.SessionsCreated);
        Assert.Equal(0, world.Server.OverlappingFragments);
        // Resumed with GET uploadUrl; slices 0 and 1 were not sent again.
        Assert.Contains(world.Server.Log, l => l.StartsWith("GET upload:/upload/", StringComparison.Ordinal));
        Assert.Equal(4, world.Server.AcceptedFragments.Count);
        PublishRerunTests.AssertExactlyOnce(world, result);
    }

    [Fact]
    public async Task Publish_TokenExpiresMidRun_RenewsTokenAndFinishes()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var puts = 0;
        world.Server.Inject(r => r.Action == "content" && r.Method == "PUT" && ++puts == 2, FaultKind.ExpireToken);

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(1, world.Server.UnauthorizedAnswers);
        Assert.Contains("token-1", world.Credential.Issued);
        Assert.Contains("token-2", world.Credential.Issued);
        Assert.All(world.Credential.Scopes, s => Assert.Equal("https://graph.microsoft.com/.default", s));
        PublishRerunTests.AssertExactlyOnce(world, result);
    }

    [Fact]
    public async Task Publish_LockedConflictAndQuota_ReportsEachByFileNameAndRerunFinishesExactlyThose()
    {
        await using var world = await SharePointWorld.CreateAsync();
        const string locked = "giay-moi/GM-001-nguyen-van-a.docx";
        const string conflict = "giay-moi/GM-002-tran-thi-b.docx";
        world.Server.Inject(r => r.Name == "GM-001-nguyen-van-a.docx" && r.Action == "content", FaultKind.Status, status: 423, code: "notAllowed", message: "The resource you are attempting to access is locked", inner: "resourceLocked");
        world.Server.Inject(r => r.Name == "GM-002-tran-thi-b.docx" && r.Action == "content", FaultKind.Status, status: 409, code: "nameAlreadyExists", message: "The specified item name already exists.");
        world.Server.Inject(r => r.Action == "createUploadSession", FaultKind.Status, status: 507, code: "quotaLimitReached", message: "Insufficient Space Available");

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.True(result.HasServiceErrors);
        AssertProblem(result, "SHARING_FILE_LOCKED", locked);
        AssertProblem(result, "SHARING_NAME_CONFLICT", conflict);
        AssertProblem(result, "SHARING_QUOTA", SamplePacket.LargeFile);
        Assert.Equal([locked, conflict, SamplePacket.LargeFile], result.Files.Where(f => f.Outcome == PublishOutcome.Failed).Select(f => f.RelativePath).Order(StringComparer.Ordinal));
        Assert.Equal(world.Files.Count - 3, result.UploadedCount);
        Assert.All(result.Problems.Where(p => p.IsError), p => Assert.DoesNotContain("Exception", p.Message, StringComparison.Ordinal));

        var rerun = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(rerun.HasErrors, string.Join("\n", rerun.Problems));
        Assert.Equal([locked, conflict, SamplePacket.LargeFile], rerun.Files.Where(f => f.Outcome == PublishOutcome.Uploaded).Select(f => f.RelativePath).Order(StringComparer.Ordinal));
        PublishRerunTests.AssertExactlyOnce(world, rerun);
    }

    [Fact]
    public async Task Publish_AnonymousRefusedByTenant_FallsBackToOrganizationAndWarnsOnce()
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.AllowAnonymousLinks = false;

        var result = await new PackagePublisher().PublishAsync(world.Request(SharePointWorld.Options() with { Scope = LinkScope.Anonymous }));

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(LinkScope.Organization, result.FolderLinkScope);
        Assert.Equal("organization", world.Server.LinkByUrl(result.FolderLink)!.Scope);
        Assert.Single(result.Problems, p => p.Code == "SHARING_ANONYMOUS_REFUSED");
        Assert.All(result.Files, f => Assert.Equal("organization", world.Server.LinkByUrl(f.Link)!.Scope));
    }

    [Fact]
    public async Task Publish_AnonymousAllowedWithExpiry_LinksAreAnonymousAndExpire()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var expires = new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero);

        var result = await new PackagePublisher().PublishAsync(world.Request(SharePointWorld.Options() with { Scope = LinkScope.Anonymous, LinkExpires = expires }));

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        var link = world.Server.LinkByUrl(result.FolderLink)!;
        Assert.Equal("anonymous", link.Scope);
        Assert.Equal(expires, DateTimeOffset.Parse(link.Expires!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Publish_SiteOrLibraryMissing_ReportsWhatExistsAndSendsNoFile()
    {
        await using var world = await SharePointWorld.CreateAsync();

        var noLibrary = await new PackagePublisher().PublishAsync(world.Request(library: "Thư viện không có"));
        var request = world.Request();
        var noSite = await new PackagePublisher().PublishAsync(request with { Target = ((SharePointTarget)request.Target) with { SiteUrl = "https://contoso.sharepoint.com/sites/Khac" } });
        var badUrl = await new PackagePublisher().PublishAsync(request with { Target = ((SharePointTarget)request.Target) with { SiteUrl = "contoso" } });

        var library = Assert.Single(noLibrary.Problems);
        Assert.Equal("SHARING_LIBRARY_NOT_FOUND", library.Code);
        Assert.Contains("Documents", library.Message, StringComparison.Ordinal);
        Assert.Equal("SHARING_SITE_NOT_FOUND", Assert.Single(noSite.Problems).Code);
        Assert.Equal("SHARING_BAD_SITE_URL", Assert.Single(badUrl.Problems).Code);
        Assert.Empty(world.Server.AllFiles());
    }

    private static void AssertProblem(PublishResult result, string code, string relative)
    {
        var problem = Assert.Single(result.Problems, p => p.Code == code);
        Assert.True(problem.IsError);
        Assert.Contains(relative, problem.Message, StringComparison.Ordinal);
        Assert.Contains(relative, problem.Location, StringComparison.Ordinal);
    }
}

public sealed class PublishMoreFaultTests
{
    [Fact]
    public async Task Publish_ConnectionDroppedDuringSmallPut_SendsItAgainAndEndsWithOneWrite()
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Name == "GM-001-nguyen-van-a.docx" && r.Action == "content", FaultKind.DropConnection, dropAfter: 1000);

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        PublishRerunTests.AssertExactlyOnce(world, result);
    }

    [Fact]
    public async Task Publish_KilledMidSessionAndSessionThenExpired_RerunStartsANewSessionAndWritesOnce()
    {
        await using var world = await SharePointWorld.CreateAsync();
        using var kill = new CancellationTokenSource();
        var killer = new Killer(kill, p => p.RelativePath == SamplePacket.LargeFile && p.BytesSent >= SamplePacket.Slice);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PackagePublisher().PublishAsync(world.Request(), killer, kill.Token));
        world.Server.DropSessions();

        var rerun = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(rerun.HasErrors, string.Join("\n", rerun.Problems));
        Assert.Equal(2, world.Server.SessionsCreated);
        var large = SharePointWorld.RemotePathOf(rerun, SamplePacket.LargeFile);
        Assert.Equal(world.Files[SamplePacket.LargeFile], world.Server.ContentAt(large));
        Assert.Equal(1, world.Server.ContentWrites[large]);
    }

    [Fact]
    public async Task Publish_LastFragmentTakenButAnswerLost_AdoptsTheFinishedFileWithoutResending()
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Action == "fragment" && r.FragmentStart == 3L * SamplePacket.Slice, FaultKind.DropResponse);

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        Assert.Equal(1, world.Server.SessionsCreated);
        Assert.Equal(0, world.Server.OverlappingFragments);
        PublishRerunTests.AssertExactlyOnce(world, result);
    }

    [Fact]
    public async Task Publish_AnswerLostAndNoResumeLeft_RerunAdoptsTheFinishedFile()
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Action == "fragment" && r.FragmentStart == 3L * SamplePacket.Slice, FaultKind.DropResponse);

        var first = await new PackagePublisher().PublishAsync(world.Request(SharePointWorld.Options() with { MaxResumes = 0 }));
        var rerun = await new PackagePublisher().PublishAsync(world.Request());

        Assert.Equal("SHARING_NETWORK", Assert.Single(first.Problems, p => p.IsError).Code);
        Assert.False(rerun.HasErrors, string.Join("\n", rerun.Problems));
        Assert.Equal(PublishOutcome.Unchanged, rerun.Files.Single(f => f.RelativePath == SamplePacket.LargeFile).Outcome);
        Assert.Equal(1, world.Server.SessionsCreated);
        PublishRerunTests.AssertExactlyOnce(world, rerun);
    }

    [Fact]
    public async Task Publish_ThrottledBeyondRetries_StopsAndSaysRunAgainLater()
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Name == "Chương trình hội nghị.docx" && r.Action == "content", FaultKind.Status, times: 4, status: 429, code: "activityLimitReached", message: "The request has been throttled");

        var result = await new PackagePublisher().PublishAsync(world.Request());

        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("SHARING_THROTTLED", problem.Code);
        Assert.Contains("Chương trình hội nghị.docx", problem.Message, StringComparison.Ordinal);
        Assert.True(result.HasServiceErrors);
        // Files after it were not attempted; the manifest lets the next run finish them.
        var rerun = await new PackagePublisher().PublishAsync(world.Request());
        Assert.False(rerun.HasErrors, string.Join("\n", rerun.Problems));
        PublishRerunTests.AssertExactlyOnce(world, rerun);
    }

    [Fact]
    public async Task Publish_TokenRefusedEvenAfterRenewal_ReportsSignInProblemAndSendsNothing()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var request = world.Request();
        var target = (SharePointTarget)request.Target;
        request = request with { Target = target with { Connection = new() { BaseUrl = world.Server.GraphBaseUrl, Credential = new WrongTokenCredential() } } };

        var result = await new PackagePublisher().PublishAsync(request);

        Assert.Equal("SHARING_AUTH_FAILED", Assert.Single(result.Problems).Code);
        Assert.Equal(2, world.Server.UnauthorizedAnswers);
        Assert.Empty(world.Server.AllFiles());
    }

    private sealed class WrongTokenCredential : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("not-a-valid-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class Killer(CancellationTokenSource cts, Func<PublishProgress, bool> when) : IProgress<PublishProgress>
    {
        public void Report(PublishProgress value)
        {
            if (when(value))
            {
                cts.Cancel();
                cts.Token.ThrowIfCancellationRequested();
            }
        }
    }
}
