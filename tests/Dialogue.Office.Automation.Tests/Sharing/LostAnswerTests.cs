using Dialogue.Office.Automation.Sharing;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>
/// The connection drops after the service took the last bytes (it committed the file; the client never hears so),
/// or before it did. The publisher looks at the item (by name and hash, quickXorHash or sha256Hash as the service
/// gives) or at the session before it sends anything again: never a second write, never a failure reported for a file
/// that landed, and a session that closed without a commit is started once more instead of being reported.
/// </summary>
public sealed class LostAnswerTests
{
    private const string Small = "giay-moi/GM-001-nguyen-van-a.docx";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SimplePutCommittedButAnswerLost_ItemIsRecognisedByHash_OnePutOneWrite(bool sha256Only)
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Sha256Only = sha256Only;
        world.Server.Inject(r => r.Action == "content" && r.Name == "GM-001-nguyen-van-a.docx", FaultKind.DropResponse);

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        var path = SharePointWorld.RemotePathOf(result, Small);
        Assert.Equal(1, world.Server.SimplePuts[path]);
        Assert.Equal(PublishOutcome.Uploaded, result.Files.Single(f => f.RelativePath == Small).Outcome);
        PublishRerunTests.AssertExactlyOnce(world, result);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NewVersionsLastFragmentCommittedButAnswerLost_AdoptsItWithoutResendingOrReportingAFailure(bool sha256Only)
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Sha256Only = sha256Only;
        var first = await new PackagePublisher().PublishAsync(world.Request());
        Assert.False(first.HasErrors, string.Join("\n", first.Problems));

        // A new version of the large file: the old one is at the name, so "a file is there" proves nothing.
        var changed = world.Files[SamplePacket.LargeFile].Reverse().ToArray();
        File.WriteAllBytes(Path.Combine(world.Packet, SamplePacket.LargeFile.Replace('/', Path.DirectorySeparatorChar)), changed);
        world.Server.Inject(r => r.Action == "fragment" && r.FragmentStart == 3L * SamplePacket.Slice, FaultKind.DropResponse);

        var second = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(second.HasErrors, string.Join("\n", second.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        var large = SharePointWorld.RemotePathOf(second, SamplePacket.LargeFile);
        Assert.Equal(PublishOutcome.Uploaded, second.Files.Single(f => f.RelativePath == SamplePacket.LargeFile).Outcome);
        Assert.Equal(changed, world.Server.ContentAt(large));
        Assert.Equal(2, world.Server.ContentWrites[large]);
        Assert.Equal(2, world.Server.SessionsCreated);
        Assert.Equal(0, world.Server.OverlappingFragments);
        Assert.Equal(2, world.Server.AcceptedFragments.Count(f => f.Path == large && f.Start == 3L * SamplePacket.Slice));
        Assert.Equal(world.Files.Count, world.Server.AllFiles().Count);
    }

    [Fact]
    public async Task LastFragmentCutBeforeTheServiceTookIt_ResumesWithThatFragmentOnly()
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Action == "fragment" && r.FragmentStart == 3L * SamplePacket.Slice, FaultKind.DropConnection, dropAfter: 1000);

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        Assert.Equal(1, world.Server.SessionsCreated);
        Assert.Equal(0, world.Server.OverlappingFragments);
        var large = SharePointWorld.RemotePathOf(result, SamplePacket.LargeFile);
        Assert.Equal(4, world.Server.AcceptedFragments.Count(f => f.Path == large));
        PublishRerunTests.AssertExactlyOnce(world, result);
    }

    [Fact]
    public async Task SessionExpiredWhileTheConnectionWasDown_NothingCommitted_OneNewSessionAndOneWrite()
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Action == "fragment" && r.FragmentStart == 3L * SamplePacket.Slice, FaultKind.ExpireSessionsAndDrop);

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        Assert.Equal(2, world.Server.SessionsCreated);
        var large = SharePointWorld.RemotePathOf(result, SamplePacket.LargeFile);
        Assert.Equal(world.Files[SamplePacket.LargeFile], world.Server.ContentAt(large));
        Assert.Equal(1, world.Server.ContentWrites[large]);
        Assert.All(world.Server.ContentWrites.Values, n => Assert.Equal(1, n));
        Assert.Equal(world.Files.Count, world.Server.AllFiles().Count);
    }

    [Fact]
    public async Task SessionClosedTwiceWithoutACommit_IsReportedForThatFileAndTheRestIsPublished()
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Action == "fragment" && r.FragmentStart == 3L * SamplePacket.Slice, FaultKind.ExpireSessionsAndDrop, times: 2);

        var result = await new PackagePublisher().PublishAsync(world.Request());

        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("SHARING_UPLOAD_EXPIRED", problem.Code);
        Assert.Contains($"Việc tải lên tệp \"{SamplePacket.LargeFile}\" bị gián đoạn", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, world.Server.SessionsCreated);
        Assert.Equal([SamplePacket.LargeFile], result.Files.Where(f => f.Outcome == PublishOutcome.Failed).Select(f => f.RelativePath));
        Assert.Null(world.Server.ItemAt($"{SharePointWorld.TargetFolder}/{result.Files.Single(f => f.RelativePath == SamplePacket.LargeFile).RemotePath}"));
    }
}
