using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.QrCodes;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Automation.Tests.Sharing;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Packets;

/// <summary>
/// Issue 5's one flow, through the main job: with a SharePoint target, the folder and its link are made first, the
/// invitations' QR codes carry that link, and every generated file is uploaded once, byte for byte — against the local
/// Graph-compatible server with the real Microsoft.Graph SDK.
/// </summary>
public sealed class PacketPublishTests
{
    [SkippableFact]
    public async Task Build_WithSharePointTarget_PublishesEveryFileOnceAndTheQrCodesOpenTheOrganizationLink()
    {
        var zbarimg = ExternalTools.Require("zbarimg", "zbar-tools");
        await using var world = await SharePointWorld.CreateAsync();
        using var tmp = new TempDir("dialogue-packet-");
        var plan = PlanLoader.Load(RepoPaths.SamplePlan).Require();
        var publish = new PublishRequest
        {
            SourceFolder = tmp.Path,
            Target = new SharePointTarget
            {
                SiteUrl = world.Server.SiteUrl,
                Library = "Documents",
                Folder = "Hội nghị/YB23",
                Connection = new GraphConnectionOptions { BaseUrl = world.Server.GraphBaseUrl, Credential = world.Credential },
            },
            Options = SharePointWorld.Options() with { Audiences = PublishTargets.SharingByAudience(plan) },
        };
        // A throttled call on the way: the SDK's retry handler must wait and go on.
        world.Server.Inject(r => r.Action == "content", FaultKind.Status, times: 1, status: 429, code: "activityLimitReached", message: "The request has been throttled", inner: "throttledRequest");

        var result = await ConferencePacket.BuildAsync(new PacketRequest(plan, tmp.Path) { Publish = publish });

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        // The one link is on the delegates' folder (issue 19); the conference folder has none, the secretariat's only
        // the plan's invitation.
        Assert.Empty(world.Server.ItemAt("Hội nghị/YB23")!.Permissions);
        var link = Assert.Single(world.Server.ItemAt("Hội nghị/YB23/dai-bieu")!.Permissions);
        Assert.Equal("organization", link.Scope);
        Assert.All(world.Server.ItemAt("Hội nghị/YB23/thu-ky")!.Permissions, p => Assert.Null(p.WebUrl));
        Assert.Contains(world.Server.ItemAt("Hội nghị/YB23/thu-ky")!.Permissions, p => p.InvitedEmail == "vanphong.sgddt@yenbai.gov.vn");

        // Every generated file is on SharePoint exactly once, with the same bytes.
        var local = Directory.GetFiles(tmp.Path, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => Path.GetRelativePath(tmp.Path, f).Replace(Path.DirectorySeparatorChar, '/'));
        var remote = world.Server.AllFiles();
        Assert.Equal(local.Count, remote.Count);
        foreach (var (relative, path) in local)
        {
            Assert.Equal(File.ReadAllBytes(path), world.Server.ContentAt("Hội nghị/YB23/" + relative));
        }

        Assert.All(world.Server.ContentWrites.Values, n => Assert.Equal(1, n));

        // The chairs open the answer book, and the 15/4 report with its Phụ lục, from their own folder on the day
        // (issue 12): invited to read, signed in, no link.
        foreach (var name in new[] { "tai-lieu-tra-loi.docx", "bao-cao-tong-hop-cau-hoi.docx", "bao-cao-tong-hop-cau-hoi-phu-luc.xlsx" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(tmp.Path, "lanh-dao", name)), world.Server.ContentAt("Hội nghị/YB23/lanh-dao/" + name));
        }

        var chairs = world.Server.ItemAt("Hội nghị/YB23/lanh-dao")!.Permissions;
        Assert.NotEmpty(chairs);
        Assert.All(chairs, p => Assert.True(p.WebUrl is null && p.RequireSignIn && p.Roles.SequenceEqual(["read"]), p.InvitedEmail));
        Assert.Equal(0, world.Server.AuthorizationOnUploadHost);

        // The QR code of an invitation decodes to the organization link with the delegate's code.
        var invitation = Directory.GetFiles(Path.Combine(tmp.Path, "thu-ky", InvitationGenerator.Folder), "*.docx").Order().First();
        var code = DocxInspector.ContentControls(invitation)["MaDaiBieu"];
        var png = tmp.File("qr.png");
        File.WriteAllBytes(png, Assert.Single(DocxInspector.Images(invitation)).Value);
        var (exit, decoded, _) = ExternalTools.Run(zbarimg, ["--raw", "-q", png]);
        Assert.Equal(0, exit);
        Assert.Equal(DelegateQrLink.For(link.WebUrl!, code), decoded.TrimEnd('\n', '\r'));

        // Run again: nothing changed, nothing is uploaded again, the link stays.
        var writes = world.Server.ContentWrites.Values.Sum();
        var again = await ConferencePacket.BuildAsync(new PacketRequest(plan, tmp.Path) { Publish = publish });
        Assert.False(again.HasErrors, string.Join("\n", again.Problems));
        Assert.Single(world.Server.ItemAt("Hội nghị/YB23/dai-bieu")!.Permissions);
        Assert.True(world.Server.ContentWrites.Values.Sum() - writes < local.Count,
            "a re-run re-uploads only regenerated files whose bytes changed; rewritten: " + string.Join(", ", world.Server.ContentWrites.Where(w => w.Value > 1).Select(w => w.Key).Take(10)));
    }
}
