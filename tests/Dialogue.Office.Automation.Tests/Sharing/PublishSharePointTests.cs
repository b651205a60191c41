using Dialogue.Office.Automation.Sharing;

namespace Dialogue.Office.Automation.Tests.Sharing;

public sealed class PublishSharePointTests
{
    [Fact]
    public async Task Publish_FreshPacket_EveryFileByteIdenticalOnceWithOrganizationLinks()
    {
        await using var world = await SharePointWorld.CreateAsync();

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(world.Files.Count, result.Files.Count);
        Assert.All(result.Files, f => Assert.Equal(PublishOutcome.Uploaded, f.Outcome));
        var remote = world.Server.AllFiles();
        Assert.Equal(world.Files.Count, remote.Count);
        foreach (var (relative, bytes) in world.Files)
        {
            var path = SharePointWorld.RemotePathOf(result, relative);
            Assert.Equal(bytes, remote[path]);
            Assert.Equal(1, world.Server.ContentWrites[path]);
        }

        // The folder link is an organization view link on the documents folder itself.
        var folderLink = world.Server.LinkByUrl(result.FolderLink);
        Assert.NotNull(folderLink);
        Assert.Equal("organization", folderLink.Scope);
        Assert.Equal("view", folderLink.LinkType);
        Assert.Equal(world.Server.ItemAt(SharePointWorld.TargetFolder)!.Id, folderLink.ItemId);
        Assert.All(result.Files, f => Assert.Equal("organization", world.Server.LinkByUrl(f.Link)?.Scope));

        // The large file went through one upload session, never with the Graph token on the upload host.
        Assert.Equal(1, world.Server.SessionsCreated);
        Assert.Equal(4, world.Server.AcceptedFragments.Count(f => f.Path.EndsWith("bao-cao-tong-ket.pdf", StringComparison.Ordinal)));
        Assert.Equal(0, world.Server.AuthorizationOnUploadHost);
        Assert.False(world.Server.SimplePuts.ContainsKey(SharePointWorld.RemotePathOf(result, SamplePacket.LargeFile)));
    }
}

public sealed class PublishRerunTests
{
    [Fact]
    public async Task Publish_RunAgain_SendsNothingAndKeepsEveryLink()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var publisher = new PackagePublisher();
        var first = await publisher.PublishAsync(world.Request());
        var requestsAfterFirst = world.Server.Log.Count;

        var second = await publisher.PublishAsync(world.Request());

        Assert.False(second.HasErrors, string.Join("\n", second.Problems));
        Assert.All(second.Files, f => Assert.Equal(PublishOutcome.Unchanged, f.Outcome));
        Assert.Equal(first.FolderLink, second.FolderLink);
        Assert.Equal(first.Files.Select(f => f.Link), second.Files.Select(f => f.Link));
        Assert.All(world.Server.ContentWrites.Values, n => Assert.Equal(1, n));
        Assert.Equal(1, world.Server.SessionsCreated);
        var secondRun = world.Server.Log.Skip(requestsAfterFirst).ToList();
        Assert.DoesNotContain(secondRun, l => l.StartsWith("PUT", StringComparison.Ordinal) || l.Contains("createUploadSession", StringComparison.Ordinal) || l.Contains("createLink", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_OneFileChanged_UploadsOnlyThatFileAndKeepsItsLink()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var publisher = new PackagePublisher();
        var first = await publisher.PublishAsync(world.Request());
        const string changed = "giay-moi/GM-002-tran-thi-b.docx";
        var newBytes = "Giấy mời đã sửa"u8.ToArray();
        File.WriteAllBytes(Path.Combine(world.Packet, "giay-moi", "GM-002-tran-thi-b.docx"), newBytes);

        var second = await publisher.PublishAsync(world.Request());

        Assert.False(second.HasErrors, string.Join("\n", second.Problems));
        Assert.Equal([changed], second.Files.Where(f => f.Outcome == PublishOutcome.Uploaded).Select(f => f.RelativePath));
        var path = SharePointWorld.RemotePathOf(second, changed);
        Assert.Equal(newBytes, world.Server.ContentAt(path));
        Assert.Equal(2, world.Server.ContentWrites[path]);
        Assert.Equal(1, world.Server.ContentWrites.Where(kv => kv.Key != path).Select(kv => kv.Value).Distinct().Single());
        Assert.Equal(first.Files.Single(f => f.RelativePath == changed).Link, second.Files.Single(f => f.RelativePath == changed).Link);
        Assert.NotEqual(first.Files.Single(f => f.RelativePath == changed).ETag, second.Files.Single(f => f.RelativePath == changed).ETag);
    }

    [Fact]
    public async Task Publish_KilledAfterSmallPutBeforeManifest_RerunAdoptsItWithoutSecondPut()
    {
        await using var world = await SharePointWorld.CreateAsync();
        const string victim = "giay-moi/GM-001-nguyen-van-a.docx";
        using var kill = new CancellationTokenSource();
        var killer = new KillWhen(kill, p => p.RelativePath == victim && p.BytesSent == p.FileBytes);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PackagePublisher().PublishAsync(world.Request(), killer, kill.Token));
        var path = $"{SharePointWorld.TargetFolder}/{victim}";
        Assert.Equal(1, world.Server.ContentWrites[path]);

        var rerun = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(rerun.HasErrors, string.Join("\n", rerun.Problems));
        Assert.Equal(PublishOutcome.Unchanged, rerun.Files.Single(f => f.RelativePath == victim).Outcome);
        Assert.Equal(1, world.Server.SimplePuts[path]);
        AssertExactlyOnce(world, rerun);
    }

    [Fact]
    public async Task Publish_KilledMidUploadSession_RerunResumesTheSessionWithoutResendingBytes()
    {
        await using var world = await SharePointWorld.CreateAsync();
        using var kill = new CancellationTokenSource();
        var killer = new KillWhen(kill, p => p.RelativePath == SamplePacket.LargeFile && p.BytesSent >= 2L * SamplePacket.Slice);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PackagePublisher().PublishAsync(world.Request(), killer, kill.Token));
        var manifest = File.ReadAllText(Path.Combine(world.Packet, ".dialogue-publish.json"));
        Assert.Contains("uploadUrl", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Server.CurrentToken, manifest, StringComparison.Ordinal);
        var takenBeforeKill = world.Server.AcceptedFragments.Count;
        Assert.True(takenBeforeKill >= 2);

        var rerun = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(rerun.HasErrors, string.Join("\n", rerun.Problems));
        Assert.Equal(1, world.Server.SessionsCreated);
        Assert.Equal(0, world.Server.OverlappingFragments);
        AssertExactlyOnce(world, rerun);
        Assert.DoesNotContain("uploadUrl", File.ReadAllText(Path.Combine(world.Packet, ".dialogue-publish.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_FileDeletedOnSharePoint_RerunPutsItBackWithANewLink()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var first = await new PackagePublisher().PublishAsync(world.Request());
        const string victim = "giay-moi/GM-001-nguyen-van-a.docx";
        world.Server.Delete($"{SharePointWorld.TargetFolder}/{victim}");

        var second = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(second.HasErrors, string.Join("\n", second.Problems));
        Assert.Equal([victim], second.Files.Where(f => f.Outcome == PublishOutcome.Uploaded).Select(f => f.RelativePath));
        Assert.Equal(world.Files[victim], world.Server.ContentAt($"{SharePointWorld.TargetFolder}/{victim}"));
        var link = second.Files.Single(f => f.RelativePath == victim).Link;
        Assert.NotEqual(first.Files.Single(f => f.RelativePath == victim).Link, link);
        Assert.NotNull(world.Server.LinkByUrl(link));
        Assert.Equal(first.FolderLink, second.FolderLink);
    }

    [Fact]
    public async Task Publish_WorkbookEditedOnlineLocalUnchanged_LeavesTheOnlineEditAlone()
    {
        await using var world = await SharePointWorld.CreateAsync();
        await new PackagePublisher().PublishAsync(world.Request());
        var path = $"{SharePointWorld.TargetFolder}/{SamplePacket.Workbook}";
        var answered = "câu trả lời của lãnh đạo"u8.ToArray();
        world.Server.PutFile(path, answered);

        var second = await new PackagePublisher().PublishAsync(world.Request());

        Assert.DoesNotContain(second.Problems, p => p.Code != "SHARING_NAME_MAPPED");
        Assert.Equal(PublishOutcome.Unchanged, second.Files.Single(f => f.RelativePath == SamplePacket.Workbook).Outcome);
        Assert.Equal(answered, world.Server.ContentAt(path));
    }

    [Fact]
    public async Task Publish_BothSidesChanged_UploadsLocalAndWarnsThatTheOnlineEditIsInHistory()
    {
        await using var world = await SharePointWorld.CreateAsync();
        await new PackagePublisher().PublishAsync(world.Request());
        var path = $"{SharePointWorld.TargetFolder}/{SamplePacket.Workbook}";
        world.Server.PutFile(path, "sửa trên web"u8.ToArray());
        File.WriteAllText(Path.Combine(world.Packet, SamplePacket.Workbook), "sửa trên máy");

        var second = await new PackagePublisher().PublishAsync(world.Request());

        var warning = Assert.Single(second.Problems, p => p.Code == "SHARING_REMOTE_OVERWRITTEN");
        Assert.False(warning.IsError);
        Assert.Contains(SamplePacket.Workbook, warning.Message, StringComparison.Ordinal);
        Assert.Equal("sửa trên máy"u8.ToArray(), world.Server.ContentAt(path));
    }

    [Fact]
    public async Task Publish_ManifestCorrupted_WarnsAndRecognisesPublishedFilesByHash()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var first = await new PackagePublisher().PublishAsync(world.Request());
        File.WriteAllText(Path.Combine(world.Packet, ".dialogue-publish.json"), "{ not json");

        var second = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(second.HasErrors, string.Join("\n", second.Problems));
        Assert.Single(second.Problems, p => p.Code == "SHARING_MANIFEST_UNREADABLE");
        Assert.All(second.Files, f => Assert.Equal(PublishOutcome.Unchanged, f.Outcome));
        Assert.Equal(first.FolderLink, second.FolderLink);
        AssertExactlyOnce(world, second);
    }

    /// <summary>Every file present once, byte-identical, and the large file's fragments cover it exactly once.</summary>
    internal static void AssertExactlyOnce(SharePointWorld world, PublishResult result)
    {
        var remote = world.Server.AllFiles();
        Assert.Equal(world.Files.Count, remote.Count);
        foreach (var (relative, bytes) in world.Files)
        {
            var path = SharePointWorld.RemotePathOf(result, relative);
            Assert.Equal(bytes, remote[path]);
            Assert.Equal(1, world.Server.ContentWrites[path]);
        }

        var large = SharePointWorld.RemotePathOf(result, SamplePacket.LargeFile);
        var fragments = world.Server.AcceptedFragments.Where(f => f.Path == large).OrderBy(f => f.Start).ToList();
        Assert.Equal(0, fragments[0].Start);
        for (var i = 1; i < fragments.Count; i++)
        {
            Assert.Equal(fragments[i - 1].End + 1, fragments[i].Start);
        }

        Assert.Equal(world.Files[SamplePacket.LargeFile].Length - 1, fragments[^1].End);
    }

    /// <summary>Simulates a kill: at the chosen progress report the run is cancelled on the spot.</summary>
    private sealed class KillWhen(CancellationTokenSource cts, Func<PublishProgress, bool> when) : IProgress<PublishProgress>
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
