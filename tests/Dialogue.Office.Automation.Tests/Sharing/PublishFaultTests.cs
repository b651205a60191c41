using System.Diagnostics;
using Dialogue.Office.Automation.Sharing;

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
        var clock = Stopwatch.StartNew();

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3), $"Retry-After: 1 was honoured three times ({clock.Elapsed})");
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
