using System.Text.Json.Nodes;
using Dialogue.Office.Automation.Sharing;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>
/// The real Graph SDK against the strict test server, with the token expiring on each kind of call: the call is
/// renewed and retried with a body built anew (the SDK's backing store would otherwise re-send {} after the first
/// send), and the publish ends with every file once, every link of the requested type and scope, no field lost.
/// </summary>
public sealed class GraphFaultTests
{
    private const string Editor = "chanh.van.phong@yenbai.gov.vn";

    [Theory]
    [InlineData("children", "POST")]
    [InlineData("createUploadSession", "POST")]
    [InlineData("createLink", "POST")]
    [InlineData("invite", "POST")]
    [InlineData("content", "PUT")]
    public async Task Publish_TokenExpiresOnEachKindOfCall_RenewsRetriesWithTheFullBodyAndFinishes(string action, string method)
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Action == action && r.Method == method && !r.IsUploadHost, FaultKind.ExpireToken);
        // Anonymous links requested (and allowed): a retried createLink that lost its scope would come out organization.
        var options = SharePointWorld.Options() with { Scope = LinkScope.Anonymous, Editors = [Editor] };

        var result = await new PackagePublisher().PublishAsync(world.Request(options));

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        Assert.Equal(1, world.Server.UnauthorizedAnswers);
        Assert.Contains("token-2", world.Credential.Issued);
        PublishRerunTests.AssertExactlyOnce(world, result);
        AssertLinksAndBodies(world, result, "anonymous");

        // The failed attempt and its retry carried the same, complete body.
        var bodies = world.Server.PostBodies.Where(b => b.Action == action).Select(b => b.Body).ToList();
        if (method == "POST")
        {
            Assert.True(bodies.Count >= 2, $"{action}: {bodies.Count} bodies");
            Assert.Equal(Normalize(bodies[0]), Normalize(bodies[1]));
        }
    }

    [Fact]
    public async Task Publish_TokenExpiresOnAFragment_SessionGoesOnAndTheRestRenews()
    {
        await using var world = await SharePointWorld.CreateAsync();
        // The upload URL carries its own authorisation: a 401 there is retried by the task, and the next Graph
        // call meets the expired token and renews it.
        world.Server.Inject(r => r.Action == "fragment" && r.FragmentStart == SamplePacket.Slice, FaultKind.ExpireToken);

        var result = await new PackagePublisher().PublishAsync(world.Request(SharePointWorld.Options() with { Editors = [Editor] }));

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(0, world.Server.FaultsLeft);
        Assert.Equal(1, world.Server.SessionsCreated);
        Assert.Equal(0, world.Server.OverlappingFragments);
        PublishRerunTests.AssertExactlyOnce(world, result);
        AssertLinksAndBodies(world, result, "organization");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Publish_LockedDuringSessionUpload_IsReportedAsLockedByFileName(int fragment)
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Inject(r => r.Action == "fragment" && r.FragmentStart == fragment * (long)SamplePacket.Slice, FaultKind.Status, times: 10, status: 423,
            code: "notAllowed", message: "The resource you are attempting to access is locked", inner: "resourceLocked");

        var result = await new PackagePublisher().PublishAsync(world.Request());

        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("SHARING_FILE_LOCKED", problem.Code);
        Assert.Contains(SamplePacket.LargeFile, problem.Message, StringComparison.Ordinal);
        Assert.Contains(SamplePacket.LargeFile, problem.Location, StringComparison.Ordinal);
        Assert.Equal([SamplePacket.LargeFile], result.Files.Where(f => f.Outcome == PublishOutcome.Failed).Select(f => f.RelativePath));
    }

    [Fact]
    public async Task StrictServer_RefusesACreateLinkWithoutTypeAndAFolderWithoutName()
    {
        await using var world = await SharePointWorld.CreateAsync();
        using var http = new HttpClient();
        var auth = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", world.Server.CurrentToken);
        async Task<int> Post(string path, string json)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, world.Server.GraphBaseUrl + path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            message.Headers.Authorization = auth;
            using var response = await http.SendAsync(message);
            return (int)response.StatusCode;
        }

        Assert.Equal(400, await Post($"/drives/{world.Server.DriveId}/items/root/createLink", "{\"scope\":\"organization\"}"));
        Assert.Equal(400, await Post($"/drives/{world.Server.DriveId}/items/root/children", "{}"));
        Assert.Equal(400, await Post($"/drives/{world.Server.DriveId}/items/root/invite", "{\"requireSignIn\":true,\"sendInvitation\":true}"));
        Assert.Equal(201, await Post($"/drives/{world.Server.DriveId}/items/root/children", "{\"name\":\"A\",\"folder\":{},\"@microsoft.graph.conflictBehavior\":\"fail\"}"));
        Assert.Equal(409, await Post($"/drives/{world.Server.DriveId}/items/root/children", "{\"name\":\"A\",\"folder\":{},\"@microsoft.graph.conflictBehavior\":\"fail\"}"));
    }

    [Theory]
    [InlineData("giay-moi/GM-001-nguyen-van-a.docx")]
    [InlineData(SamplePacket.Workbook)]
    [InlineData("Chương trình hội nghị.docx")]
    public async Task Publish_Sha256OnlyService_KilledAfterAFileLandedBeforeTheManifest_RerunAdoptsIt(string victim)
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.Sha256Only = true;
        using var kill = new CancellationTokenSource();
        var killer = new Kill(kill, p => p.RelativePath == victim && p.FileBytes > 0 && p.BytesSent == p.FileBytes);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PackagePublisher().PublishAsync(world.Request(), killer, kill.Token));
        Assert.Equal(1, world.Server.ContentWrites[$"{SharePointWorld.TargetFolder}/{victim}"]);

        var rerun = await new PackagePublisher().PublishAsync(world.Request());

        Assert.False(rerun.HasErrors, string.Join("\n", rerun.Problems));
        Assert.Equal(PublishOutcome.Unchanged, rerun.Files.Single(f => f.RelativePath == victim).Outcome);
        PublishRerunTests.AssertExactlyOnce(world, rerun);
    }

    private static void AssertLinksAndBodies(SharePointWorld world, PublishResult result, string scope)
    {
        var folder = world.Server.LinkByUrl(result.FolderLink)!;
        Assert.Equal(("view", scope), (folder.LinkType, folder.Scope));
        Assert.All(result.Files, f =>
        {
            var link = world.Server.LinkByUrl(f.Link);
            Assert.NotNull(link);
            Assert.Equal(("view", scope), (link.LinkType, link.Scope));
        });

        // No body lost a field on any attempt.
        foreach (var (action, body) in world.Server.PostBodies)
        {
            var json = JsonNode.Parse(body)!.AsObject();
            switch (action)
            {
                case "children":
                    Assert.Equal("fail", json["@microsoft.graph.conflictBehavior"]?.GetValue<string>());
                    Assert.False(string.IsNullOrEmpty(json["name"]?.GetValue<string>()), body);
                    Assert.NotNull(json["folder"]);
                    break;
                case "createUploadSession":
                    Assert.Equal("replace", json["item"]?["@microsoft.graph.conflictBehavior"]?.GetValue<string>());
                    break;
                case "createLink":
                    Assert.Equal("view", json["type"]?.GetValue<string>());
                    Assert.Equal(scope, json["scope"]?.GetValue<string>());
                    Assert.True(json["retainInheritedPermissions"]?.GetValue<bool>(), body);
                    break;
                case "invite":
                    Assert.Equal(Editor, json["recipients"]?[0]?["email"]?.GetValue<string>());
                    Assert.True(json["requireSignIn"]?.GetValue<bool>(), body);
                    Assert.Equal("write", json["roles"]?[0]?.GetValue<string>());
                    Assert.False(string.IsNullOrEmpty(json["message"]?.GetValue<string>()), body);
                    break;
            }
        }

        Assert.Contains(world.Server.PostBodies, b => b.Action == "invite");
    }

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString();

    private sealed class Kill(CancellationTokenSource cts, Func<PublishProgress, bool> when) : IProgress<PublishProgress>
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
