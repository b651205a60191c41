using System.Text;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>
/// <c>@microsoft.graph.conflictBehavior</c> as Graph applies it (graph.md §1–2; driveitem-post-children,
/// driveitem-createuploadsession, the driveItem resource's "the default for PUT is replace"), driven by the real SDK
/// against the test server; then the publisher: it states the behaviour on every create and write, and a name held
/// by the other kind of item is a Vietnamese problem with a stable code, never an exception or a "name 1" copy.
/// </summary>
public sealed class ConflictBehaviorTests
{
    private const string Key = "@microsoft.graph.conflictBehavior";

    [Fact]
    public async Task Sdk_FolderCreate_FailIsTheDefault_ReplaceKeepsTheFolder_RenameAddsANumber()
    {
        await using var server = await FakeGraphServer.StartAsync();
        using var client = Client(server);
        var children = client.Drives[server.DriveId].Items["root"].Children;
        DriveItem Folder(string? behavior)
        {
            var item = new DriveItem { Name = "Hồ sơ", Folder = new Folder() };
            if (behavior is not null)
            {
                item.AdditionalData[Key] = behavior;
            }

            return item;
        }

        var first = await children.PostAsync(Folder("fail"));
        server.PutFile("Hồ sơ/giay-moi.docx", [1, 2, 3]);

        var failed = await Assert.ThrowsAsync<ODataError>(() => children.PostAsync(Folder("fail")));
        Assert.Equal((409, "nameAlreadyExists"), (failed.ResponseStatusCode, failed.Error?.Code));
        var unstated = await Assert.ThrowsAsync<ODataError>(() => children.PostAsync(Folder(null)));
        Assert.Equal(409, unstated.ResponseStatusCode);

        var replaced = await children.PostAsync(Folder("replace"));
        Assert.Equal(first!.Id, replaced!.Id);
        Assert.Equal(new byte[] { 1, 2, 3 }, server.ContentAt("Hồ sơ/giay-moi.docx"));

        var renamed = await children.PostAsync(Folder("rename"));
        Assert.Equal("Hồ sơ 1", renamed!.Name);
        Assert.NotEqual(first.Id, renamed.Id);

        var invalid = await Assert.ThrowsAsync<ODataError>(() => children.PostAsync(Folder("overwrite")));
        Assert.Equal(400, invalid.ResponseStatusCode);

        // A file holds a name: replace does not turn it into a folder.
        server.PutFile("bao-cao", [9]);
        var overFile = await Assert.ThrowsAsync<ODataError>(() => children.PostAsync(new DriveItem { Name = "bao-cao", Folder = new Folder(), AdditionalData = { [Key] = "replace" } }));
        Assert.Equal(409, overFile.ResponseStatusCode);
        Assert.Equal(new byte[] { 9 }, server.ContentAt("bao-cao"));
    }

    [Fact]
    public async Task Sdk_SimplePut_ReplaceIsTheDefault_FailRefuses_RenameKeepsBoth()
    {
        await using var server = await FakeGraphServer.StartAsync();
        using var client = Client(server);
        server.AddFolder("Hội nghị");
        var parent = server.ItemAt("Hội nghị")!.Id;
        Task<DriveItem?> Put(string name, byte[] bytes, string? behavior)
        {
            var content = client.Drives[server.DriveId].Items[parent].ItemWithPath(name).Content;
            var body = new MemoryStream(bytes);
            return behavior is null
                ? content.PutAsync(body)
                : content.WithUrl(content.ToPutRequestInformation(body).URI + $"?{Key}={behavior}").PutAsync(body);
        }

        var original = await Put("Giấy mời.docx", [1], null);
        var replaced = await Put("Giấy mời.docx", [2], null);
        Assert.Equal(original!.Id, replaced!.Id);
        Assert.Equal(new byte[] { 2 }, server.ContentAt("Hội nghị/Giấy mời.docx"));

        var failed = await Assert.ThrowsAsync<ODataError>(() => Put("Giấy mời.docx", [3], "fail"));
        Assert.Equal((409, "nameAlreadyExists"), (failed.ResponseStatusCode, failed.Error?.Code));
        Assert.Equal(new byte[] { 2 }, server.ContentAt("Hội nghị/Giấy mời.docx"));

        var renamed = await Put("Giấy mời.docx", [4], "rename");
        Assert.Equal("Giấy mời 1.docx", renamed!.Name);
        Assert.Equal(new byte[] { 2 }, server.ContentAt("Hội nghị/Giấy mời.docx"));
        Assert.Equal(new byte[] { 4 }, server.ContentAt("Hội nghị/Giấy mời 1.docx"));

        await Put("Giấy mời.docx", [5], "replace");
        Assert.Equal(new byte[] { 5 }, server.ContentAt("Hội nghị/Giấy mời.docx"));
        Assert.Equal(new string?[] { null, null, "fail", "rename", "replace" }, server.ConflictBehaviors.Select(c => c.Stated));
        Assert.All(server.ConflictBehaviors, c => Assert.Equal(("content", "Giấy mời.docx"), (c.Action, c.Name)));
    }

    [Fact]
    public async Task Sdk_UploadSession_FailRefusesAtOnce_RenameCommitsBesideTheOriginal_ReplaceReplaces()
    {
        await using var server = await FakeGraphServer.StartAsync();
        using var client = Client(server);
        server.PutFile("tai-lieu/bao-cao.pdf", [7]);
        var parent = server.ItemAt("tai-lieu")!.Id;
        var large = new byte[FakeGraphServer.SliceUnit + 1000];
        new Random(3).NextBytes(large);
        async Task<DriveItem?> Upload(string behavior)
        {
            var session = await client.Drives[server.DriveId].Items[parent].ItemWithPath("bao-cao.pdf").CreateUploadSession.PostAsync(
                new CreateUploadSessionPostRequestBody { Item = new DriveItemUploadableProperties { AdditionalData = { [Key] = behavior } } });
            var task = new LargeFileUploadTask<DriveItem>(session, new MemoryStream(large), FakeGraphServer.SliceUnit, null);
            var result = await task.UploadAsync();
            return result.ItemResponse;
        }

        var failed = await Assert.ThrowsAsync<ODataError>(() => Upload("fail"));
        Assert.Equal((409, "nameAlreadyExists"), (failed.ResponseStatusCode, failed.Error?.Code));
        Assert.Equal(0, server.SessionsCreated);

        var renamed = await Upload("rename");
        Assert.Equal("bao-cao 1.pdf", renamed!.Name);
        Assert.Equal(new byte[] { 7 }, server.ContentAt("tai-lieu/bao-cao.pdf"));
        Assert.Equal(large, server.ContentAt("tai-lieu/bao-cao 1.pdf"));

        var replaced = await Upload("replace");
        Assert.Equal("bao-cao.pdf", replaced!.Name);
        Assert.Equal(large, server.ContentAt("tai-lieu/bao-cao.pdf"));
        Assert.Equal(2, server.AllFiles().Count);
    }

    [Fact]
    public async Task Publish_StatesItsBehaviourOnEveryCreateAndWrite_AndARepublishNeverMakesANumberedCopy()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var first = await new PackagePublisher().PublishAsync(world.Request());
        Assert.False(first.HasErrors, string.Join("\n", first.Problems));

        // Every file changes locally; the second run replaces each one in place.
        foreach (var relative in world.Files.Keys.ToList())
        {
            var bytes = world.Files[relative].Reverse().ToArray();
            world.Files[relative] = bytes;
            File.WriteAllBytes(Path.Combine(world.Packet, relative.Replace('/', Path.DirectorySeparatorChar)), bytes);
        }

        var second = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(second.HasErrors, string.Join("\n", second.Problems));
        Assert.All(world.Server.ConflictBehaviors, c => Assert.Equal(c.Action == "children" ? "fail" : "replace", c.Stated));
        Assert.Contains(world.Server.ConflictBehaviors, c => c.Action == "children");
        Assert.Equal(2, world.Server.ConflictBehaviors.Count(c => c.Action == "createUploadSession"));
        Assert.Equal(2 * (world.Files.Count - 1), world.Server.ConflictBehaviors.Count(c => c.Action == "content"));
        var remote = world.Server.AllFiles();
        Assert.Equal(world.Files.Count, remote.Count);
        foreach (var (relative, bytes) in world.Files)
        {
            Assert.Equal(bytes, remote[SharePointWorld.RemotePathOf(second, relative)]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Publish_AFileHoldsAFoldersName_IsAVietnameseFolderConflictAndTheRestIsPublished(int lookupsMissed)
    {
        await using var world = await SharePointWorld.CreateAsync();
        var folder = $"{SharePointWorld.TargetFolder}/giay-moi";
        world.Server.PutFile(folder, [1, 2, 3]);
        // 2 = the lookups miss the file (made between the lookup and the create): the create meets 409 nameAlreadyExists.
        world.Server.Inject(r => r.Method == "GET" && r.Action == "item" && r.Name == "giay-moi", FaultKind.Status, times: lookupsMissed,
            status: 404, code: "itemNotFound", message: "The resource could not be found.");

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.Equal(0, world.Server.FaultsLeft);
        var problems = result.Problems.Where(p => p.IsError).ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p =>
        {
            Assert.Equal("SHARING_FOLDER_NAME_CONFLICT", p.Code);
            Assert.Contains($"Không tạo được thư mục \"{folder}\"", p.Message, StringComparison.Ordinal);
            Assert.Contains("đã có một tệp cùng tên", p.Message, StringComparison.Ordinal);
        });
        Assert.Equal(["giay-moi/GM-001-nguyen-van-a.docx", "giay-moi/GM-002-tran-thi-b.docx"],
            result.Files.Where(f => f.Outcome == PublishOutcome.Failed).Select(f => f.RelativePath).Order(StringComparer.Ordinal));
        Assert.Equal(new byte[] { 1, 2, 3 }, world.Server.ContentAt(folder));
        Assert.Equal(world.Files.Count - 2 + 1, world.Server.AllFiles().Count);
        Assert.DoesNotContain(world.Server.AllFiles().Keys, k => k.Contains("giay-moi 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SamplePacket.Workbook)]
    [InlineData(SamplePacket.LargeFile)]
    public async Task Publish_AFolderHoldsAFilesName_IsAVietnameseNameConflictForThatFileOnly(string relative)
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.AddFolder($"{SharePointWorld.TargetFolder}/{relative}");

        var result = await new PackagePublisher().PublishAsync(world.Request());

        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("SHARING_NAME_CONFLICT", problem.Code);
        Assert.Contains($"Tệp \"{relative}\" trùng tên", problem.Message, StringComparison.Ordinal);
        Assert.Contains(relative, problem.Location, StringComparison.Ordinal);
        Assert.Equal([relative], result.Files.Where(f => f.Outcome == PublishOutcome.Failed).Select(f => f.RelativePath));
        Assert.Equal(relative == SamplePacket.LargeFile ? 0 : 1, world.Server.SessionsCreated);
        Assert.Equal(world.Files.Count - 1, world.Server.AllFiles().Count);
    }

    private static GraphServiceClient Client(FakeGraphServer server) =>
        GraphClientBuilder.Create(new GraphConnectionOptions { BaseUrl = server.GraphBaseUrl }, new FakeTokenCredential(server), TimeProvider.System);
}
