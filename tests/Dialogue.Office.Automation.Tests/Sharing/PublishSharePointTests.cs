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
