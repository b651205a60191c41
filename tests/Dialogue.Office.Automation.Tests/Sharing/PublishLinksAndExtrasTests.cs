using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Sharing;

public sealed class PublishLinksAndExtrasTests
{
    [Fact]
    public async Task EnsureFolderLink_BeforeAnyDocument_CreatesFolderAndTheLinkPublishLaterReturns()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var publisher = new PackagePublisher();
        var documents = Path.Combine(world.Dir.Path, "later");
        Directory.Move(world.Packet, documents);

        // The main job asks for the link before the documents (the invitations carry it) exist.
        var early = await publisher.EnsureFolderLinkAsync(world.Request());
        Directory.Move(documents, world.Packet);

        Assert.True(early.Succeeded, string.Join("\n", early.Problems));
        Assert.False(early.IsLocal);
        Assert.NotNull(world.Server.ItemAt(SharePointWorld.TargetFolder));
        Assert.Empty(world.Server.AllFiles());
        Assert.Equal("organization", world.Server.LinkByUrl(early.FolderLink)!.Scope);

        var result = await publisher.PublishAsync(world.Request());

        Assert.Equal(early.FolderLink, result.FolderLink);
        Assert.Single(world.Server.ItemAt(SharePointWorld.TargetFolder)!.Permissions);
    }

    [Fact]
    public async Task Publish_EditorsNamed_InvitesThemToEditTheConsolidatedWorkbookWithSignInOnce()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var options = SharePointWorld.Options() with { Editors = ["pho.chu.tich@yenbai.gov.vn", "chanh.van.phong@yenbai.gov.vn"] };

        var result = await new PackagePublisher().PublishAsync(world.Request(options));
        await new PackagePublisher().PublishAsync(world.Request(options));

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        var workbook = world.Server.ItemAt($"{SharePointWorld.TargetFolder}/{SamplePacket.Workbook}")!;
        var invited = workbook.Permissions.Where(p => p.InvitedEmail is not null).ToList();
        Assert.Equal(["chanh.van.phong@yenbai.gov.vn", "pho.chu.tich@yenbai.gov.vn"], invited.Select(p => p.InvitedEmail).Order(StringComparer.Ordinal));
        Assert.All(invited, p => Assert.True(p.RequireSignIn));
        Assert.All(invited, p => Assert.Equal(["write"], p.Roles));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Publish_PdfFolderSet_FetchesPdfOfEachDocxWhetherRedirectedOrDirect(bool direct)
    {
        await using var world = await SharePointWorld.CreateAsync();
        world.Server.PdfDirect = direct;
        var pdfFolder = Path.Combine(world.Dir.Path, "pdf");

        var result = await new PackagePublisher().PublishAsync(world.Request(SharePointWorld.Options() with { PdfFolder = pdfFolder }));

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        var docx = result.Files.Where(f => f.RelativePath.EndsWith(".docx", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, docx.Count);
        foreach (var file in docx)
        {
            Assert.NotNull(file.PdfPath);
            var item = world.Server.ItemAt(SharePointWorld.RemotePathOf(result, file.RelativePath))!;
            Assert.Equal(FakeGraphServer.FakePdf(item), File.ReadAllBytes(file.PdfPath));
        }

        Assert.Null(result.Files.Single(f => f.RelativePath == SamplePacket.Workbook).PdfPath);
        Assert.Equal(direct ? 0 : 3, world.Server.Log.Count(l => l.StartsWith("GET upload:/download/", StringComparison.Ordinal)));
        Assert.Equal(0, world.Server.AuthorizationOnUploadHost);
    }

    [Fact]
    public async Task Publish_ForbiddenNames_MapsToSafeNamesAndReportsEach()
    {
        await using var world = await SharePointWorld.CreateAsync();

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.Equal("ghi chú_ phiên 1_.txt", result.Files.Single(f => f.RelativePath == "ghi chú: phiên 1?.txt").RemotePath);
        Assert.Equal("_CON.txt", result.Files.Single(f => f.RelativePath == "CON.txt").RemotePath);
        Assert.Equal("Chương trình hội nghị.docx", result.Files.Single(f => f.RelativePath == "Chương trình hội nghị.docx").RemotePath);
        Assert.Equal(2, result.Problems.Count(p => p.Code == "SHARING_NAME_MAPPED" && !p.IsError));
        Assert.NotNull(world.Server.ContentAt($"{SharePointWorld.TargetFolder}/_CON.txt"));
    }

    [Fact]
    public async Task Publish_EditorLockFile_IsSkippedWithAWarning()
    {
        await using var world = await SharePointWorld.CreateAsync();
        File.WriteAllBytes(Path.Combine(world.Packet, "~$ng-hop-cau-hoi.xlsx"), [1, 2, 3]);

        var result = await new PackagePublisher().PublishAsync(world.Request());

        Assert.DoesNotContain(result.Files, f => f.RelativePath.StartsWith("~$", StringComparison.Ordinal));
        Assert.Single(result.Problems, p => p.Code == "SHARING_SKIPPED_TEMP");
        Assert.Equal(world.Files.Count, world.Server.AllFiles().Count);
    }
}

public sealed class PublishLocalShareTests
{
    [Fact]
    public async Task Publish_LocalShare_CopiesFilesAndLinksUnderTheBaseUrl()
    {
        using var dir = new TempDir("dialogue-local-");
        var packet = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(packet);
        var files = SamplePacket.Write(packet);
        var target = new LocalShareTarget { Root = Path.Combine(dir.Path, "share"), BaseUrl = "http://localhost:5080/share", Folder = "YB23" };
        var request = new PublishRequest { SourceFolder = packet, Target = target };

        var result = await new PackagePublisher().PublishAsync(request);

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.True(result.IsLocal);
        Assert.Equal("http://localhost:5080/share/YB23/", result.FolderLink);
        foreach (var (relative, bytes) in files)
        {
            var published = result.Files.Single(f => f.RelativePath == relative);
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(target.Root, "YB23", published.RemotePath)));
            Assert.StartsWith("http://localhost:5080/share/YB23/", published.Link, StringComparison.Ordinal);
        }

        Assert.Equal(
            "http://localhost:5080/share/YB23/Ch%C6%B0%C6%A1ng%20tr%C3%ACnh%20h%E1%BB%99i%20ngh%E1%BB%8B.docx",
            result.Files.Single(f => f.RelativePath == "Chương trình hội nghị.docx").Link);
        Assert.True(File.Exists(Path.Combine(packet, ".dialogue-publish.json")));
        Assert.Empty(Directory.EnumerateFiles(target.Root, "*.dialogue-tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Publish_LocalShareRerunWithOneChange_CopiesOnlyThatFile()
    {
        using var dir = new TempDir("dialogue-local-");
        var packet = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(packet);
        SamplePacket.Write(packet);
        var request = new PublishRequest { SourceFolder = packet, Target = new LocalShareTarget { Root = Path.Combine(dir.Path, "share"), Folder = "YB23" } };
        var first = await new PackagePublisher().PublishAsync(request);
        File.WriteAllText(Path.Combine(packet, SamplePacket.Workbook), "changed");

        var second = await new PackagePublisher().PublishAsync(request);

        Assert.Equal([SamplePacket.Workbook], second.Files.Where(f => f.Outcome == PublishOutcome.Uploaded).Select(f => f.RelativePath));
        Assert.Equal(first.Files.Select(f => f.Link), second.Files.Select(f => f.Link));
        Assert.Equal("changed", File.ReadAllText(Path.Combine(dir.Path, "share", "YB23", SamplePacket.Workbook)));
    }

    [Fact]
    public async Task Publish_LocalShareFolderWithDotDot_StaysInsideTheShare()
    {
        using var dir = new TempDir("dialogue-local-");
        var packet = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(packet);
        File.WriteAllText(Path.Combine(packet, "a.txt"), "a");
        var root = Path.Combine(dir.Path, "share");
        var request = new PublishRequest { SourceFolder = packet, Target = new LocalShareTarget { Root = root, Folder = "../../escape" } };

        var result = await new PackagePublisher().PublishAsync(request);

        Assert.False(result.HasErrors);
        Assert.True(File.Exists(Path.Combine(root, "escape", "a.txt")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "..", "escape")));
    }

    [Fact]
    public async Task Publish_MissingSourceFolder_ReportsItAndWritesNothing()
    {
        using var dir = new TempDir("dialogue-local-");
        var request = new PublishRequest { SourceFolder = Path.Combine(dir.Path, "nope"), Target = new LocalShareTarget { Root = Path.Combine(dir.Path, "share") } };

        var result = await new PackagePublisher().PublishAsync(request);

        Assert.Equal("SHARING_SOURCE_MISSING", Assert.Single(result.Problems).Code);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "share")));
    }
}

public sealed class PublishSourceTests
{
    [Fact]
    public async Task Publish_LocalFileOpenExclusivelyElsewhere_IsReportedAndTheRestIsPublished()
    {
        using var dir = new Support.TempDir("dialogue-local-");
        var packet = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(packet);
        File.WriteAllText(Path.Combine(packet, "a.txt"), "a");
        var busy = Path.Combine(packet, "b.txt");
        File.WriteAllText(busy, "b");

        // Another program holds the file without sharing (on Unix .NET enforces this with an advisory lock).
        PublishResult result;
        using (new FileStream(busy, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            result = await new PackagePublisher().PublishAsync(new PublishRequest { SourceFolder = packet, Target = new LocalShareTarget { Root = Path.Combine(dir.Path, "share") } });
        }

        var problem = Assert.Single(result.Problems);
        Assert.Equal("SHARING_SOURCE_UNREADABLE", problem.Code);
        Assert.Contains("b.txt", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["a.txt"], result.Files.Select(f => f.RelativePath));
    }
}
