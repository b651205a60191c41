using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>
/// A packet split by audience, published through the real Graph SDK to the Graph test server: the link the QR codes
/// carry opens the delegates' folder only, the leaders' folder is shared by invitation to the chairs, the secretariat's
/// to the plan's group and never by link, and a file whose audience changed leaves no stray copy or permission.
/// </summary>
public sealed class PublishByAudienceTests
{
    private const string Target = "Hội nghị/YB23";
    private const string Chair = "chutich.ubnd@yenbai.gov.vn";
    private const string Office = "vanphong.sgddt@yenbai.gov.vn";

    private static readonly AudienceSharing People = new() { Leaders = [Chair], Secretariat = [Office] };

    [Fact]
    public async Task Publish_ByAudience_LinksTheDelegatesFolderOnlyAndInvitesTheOthers()
    {
        await using var server = await FakeGraphServer.StartAsync();
        using var dir = new TempDir("dialogue-audience-");
        Packet(dir.Path);

        var result = await new PackagePublisher().PublishAsync(Request(server, dir.Path, People));

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Empty(server.ItemAt(Target)!.Permissions);

        // The one link: organization-scoped, on dai-bieu/, and it is the folder link the QR codes get.
        var delegates = server.ItemAt($"{Target}/dai-bieu")!;
        var link = Assert.Single(delegates.Permissions);
        Assert.Equal("organization", link.Scope);
        Assert.Equal(link.WebUrl, result.FolderLink);
        Assert.NotNull(Assert.Single(server.ItemAt($"{Target}/dai-bieu/chuong-trinh.docx")!.Permissions).WebUrl);

        // Leaders: an invitation to read, sign-in required; no link anywhere under their folder.
        var leaders = Assert.Single(server.ItemAt($"{Target}/lanh-dao")!.Permissions);
        Assert.Equal((Chair, true, "read"), (leaders.InvitedEmail, leaders.RequireSignIn, Assert.Single(leaders.Roles)));

        // Secretariat: an invitation to edit, sign-in required; never a link.
        var office = Assert.Single(server.ItemAt($"{Target}/thu-ky")!.Permissions);
        Assert.Equal((Office, true, "write"), (office.InvitedEmail, office.RequireSignIn, Assert.Single(office.Roles)));
        foreach (var path in new[] { "lanh-dao/kich-ban-chi-tiet.docx", "thu-ky/danh-sach-giay-moi.xlsx", "thu-ky/giay-moi/YB23-0001-Nguyen-Van-An.docx" })
        {
            Assert.Empty(server.ItemAt($"{Target}/{path}")!.Permissions);
        }

        // Again: nobody is invited twice, the link stays.
        var posts = server.PostBodies.Count(b => b.Action == "invite");
        var again = await new PackagePublisher().PublishAsync(Request(server, dir.Path, People));
        Assert.False(again.HasErrors, string.Join("\n", again.Problems));
        Assert.Equal(posts, server.PostBodies.Count(b => b.Action == "invite"));
        Assert.Equal(result.FolderLink, again.FolderLink);
    }

    [Fact]
    public async Task Publish_AfterKindsMoveBetweenAudiences_RemovesTheOldCopiesAndTheirLinks()
    {
        await using var server = await FakeGraphServer.StartAsync();
        using var dir = new TempDir("dialogue-audience-");
        Packet(dir.Path);
        var first = await new PackagePublisher().PublishAsync(Request(server, dir.Path, People));
        Assert.False(first.HasErrors, string.Join("\n", first.Problems));
        var programmeLink = first.Files.Single(f => f.RelativePath == "dai-bieu/chuong-trinh.docx").Link;
        Assert.NotNull(server.LinkByUrl(programmeLink));

        // The plan moves the programme to the leaders and the script to the secretariat; the build moves the files.
        Move(dir.Path, "dai-bieu/chuong-trinh.docx", "lanh-dao/chuong-trinh.docx");
        Move(dir.Path, "lanh-dao/kich-ban-chi-tiet.docx", "thu-ky/kich-ban-chi-tiet.docx");
        var second = await new PackagePublisher().PublishAsync(Request(server, dir.Path, People));

        Assert.False(second.HasErrors, string.Join("\n", second.Problems));
        Assert.Equal(["dai-bieu/chuong-trinh.docx", "lanh-dao/kich-ban-chi-tiet.docx"], second.Removed);
        Assert.Null(server.ItemAt($"{Target}/dai-bieu/chuong-trinh.docx"));
        Assert.Null(server.ItemAt($"{Target}/lanh-dao/kich-ban-chi-tiet.docx"));
        Assert.Null(server.LinkByUrl(programmeLink));
        Assert.Empty(server.ItemAt($"{Target}/lanh-dao/chuong-trinh.docx")!.Permissions);
        Assert.Empty(server.ItemAt($"{Target}/thu-ky/kich-ban-chi-tiet.docx")!.Permissions);

        // Exactly the current packet is there: one copy of each file, nothing else.
        var remote = server.AllFiles().Keys.Select(k => k[(Target.Length + 1)..]).Order(StringComparer.Ordinal);
        Assert.Equal(Files(dir.Path), remote);
    }

    [Fact]
    public async Task Publish_ByAudienceAfterAFlatPublish_RemovesTheLinkOnTheWholeConferenceFolder()
    {
        await using var server = await FakeGraphServer.StartAsync();
        using var dir = new TempDir("dialogue-audience-");
        File.WriteAllText(Path.Combine(dir.Path, "danh-sach-giay-moi.xlsx"), "every delegate's link");
        var flat = await new PackagePublisher().PublishAsync(Request(server, dir.Path, null));
        Assert.Equal(flat.FolderLink, Assert.Single(server.ItemAt(Target)!.Permissions).WebUrl);

        File.Delete(Path.Combine(dir.Path, "danh-sach-giay-moi.xlsx"));
        Packet(dir.Path);
        var split = await new PackagePublisher().PublishAsync(Request(server, dir.Path, People));

        Assert.Contains(split.Problems, p => p.Code == "SHARING_OLD_LINK_REMOVED");
        Assert.False(split.HasErrors, string.Join("\n", split.Problems));
        Assert.Empty(server.ItemAt(Target)!.Permissions);
        Assert.Null(server.ItemAt($"{Target}/danh-sach-giay-moi.xlsx"));
        Assert.NotEqual(flat.FolderLink, split.FolderLink);
        Assert.Equal(split.FolderLink, Assert.Single(server.ItemAt($"{Target}/dai-bieu")!.Permissions).WebUrl);
    }

    [Fact]
    public async Task Publish_WithNobodyNamed_WarnsAndStillMakesNoLinkOnTheProtectedFolders()
    {
        await using var server = await FakeGraphServer.StartAsync();
        using var dir = new TempDir("dialogue-audience-");
        Packet(dir.Path);

        var result = await new PackagePublisher().PublishAsync(Request(server, dir.Path, new AudienceSharing()));

        Assert.Contains(result.Problems, p => p.Code == "SHARING_NO_LEADERS" && p.Args[0] == "lanh-dao");
        Assert.Contains(result.Problems, p => p.Code == "SHARING_NO_SECRETARIAT" && p.Args[0] == "thu-ky");
        Assert.Empty(server.ItemAt($"{Target}/lanh-dao")!.Permissions);
        Assert.Empty(server.ItemAt($"{Target}/thu-ky")!.Permissions);
        Assert.All(result.Problems, p => Assert.False(p.IsError));
    }

    [Fact]
    public async Task Publish_ToTheLocalShare_ByAudience_LinksTheDelegatesFolderAndRemovesMovedCopies()
    {
        using var dir = new TempDir("dialogue-audience-");
        var source = Path.Combine(dir.Path, "out");
        Packet(source);
        var request = new PublishRequest
        {
            SourceFolder = source,
            Target = new LocalShareTarget { Root = Path.Combine(dir.Path, "share"), BaseUrl = "http://localhost:5080/share", Folder = "YB23" },
            Options = new PublishOptions { Audiences = People },
        };

        var first = await new PackagePublisher().PublishAsync(request);
        Assert.False(first.HasErrors, string.Join("\n", first.Problems));
        Assert.Equal("http://localhost:5080/share/YB23/dai-bieu/", first.FolderLink);
        Assert.All(first.Files.Where(f => !f.RelativePath.StartsWith("dai-bieu/", StringComparison.Ordinal)), f => Assert.Equal("", f.Link));

        Move(source, "lanh-dao/kich-ban-chi-tiet.docx", "thu-ky/kich-ban-chi-tiet.docx");
        var second = await new PackagePublisher().PublishAsync(request);

        Assert.Equal(["lanh-dao/kich-ban-chi-tiet.docx"], second.Removed);
        var share = Path.Combine(dir.Path, "share", "YB23");
        Assert.Equal(Files(source), Files(share));
    }

    /// <summary>A small packet in the audience layout (what <c>dialogue build</c> writes, in miniature).</summary>
    private static void Packet(string folder)
    {
        foreach (var (path, text) in new[]
        {
            ("dai-bieu/chuong-trinh.docx", "programme"),
            ("lanh-dao/kich-ban-chi-tiet.docx", "script"),
            ("thu-ky/danh-sach-giay-moi.xlsx", "links"),
            ("thu-ky/giay-moi/YB23-0001-Nguyen-Van-An.docx", "letter"),
        })
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    private static void Move(string folder, string from, string to)
    {
        var target = Path.Combine(folder, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(Path.Combine(folder, from), target);
    }

    private static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith('.'))
            .Order(StringComparer.Ordinal)];

    private static PublishRequest Request(FakeGraphServer server, string source, AudienceSharing? audiences) => new()
    {
        SourceFolder = source,
        Target = new SharePointTarget
        {
            SiteUrl = server.SiteUrl,
            Library = "Documents",
            Folder = Target,
            Connection = new GraphConnectionOptions { BaseUrl = server.GraphBaseUrl, Credential = new FakeTokenCredential(server) },
        },
        Options = new PublishOptions { Audiences = audiences },
    };
}
