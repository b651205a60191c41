using Azure.Core;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>Fetching a shared folder's question sheets: the local share by name, SharePoint through the real SDK.</summary>
public sealed class FolderFetchTests : IDisposable
{
    private static readonly string Returns = Path.Combine(RepoPaths.SamplePlan, "phieu-tra-ve");
    private readonly TempDir _dir = new("dialogue-fetch-");

    private string Root => Path.Combine(_dir.Path, "share");
    private string Destination => Path.Combine(_dir.Path, "in");

    public void Dispose() => _dir.Dispose();

    private string MakeShareFolder(string name, params (string Name, int Size)[] files)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, size) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, file), Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray());
        }

        return folder;
    }

    private FolderFetchRequest Local(string folder, int maxFiles = 200, long maxFile = 20L << 20, long maxTotal = 100L << 20) => new()
    {
        Source = new LocalShareFolderSource { Root = Root, Folder = folder },
        Destination = Destination,
        MaxFiles = maxFiles,
        MaxFileBytes = maxFile,
        MaxTotalBytes = maxTotal,
    };

    private int FilesWritten() => Directory.Exists(Destination) ? Directory.GetFiles(Destination).Length : 0;

    [Fact]
    public async Task Fetch_LocalShareFolder_CopiesOnlyTheSheetsUnderTheirOwnNames()
    {
        var folder = MakeShareFolder("Phiếu trả về", ("luc-yen.xlsx", 300), ("bao-cao-cau-hoi (1).xlsx", 20), ("ngay-nhan.csv", 40), ("cong-van.docx", 50), ("~$luc-yen.xlsx", 5));
        Directory.CreateDirectory(Path.Combine(folder, "cu"));
        File.WriteAllBytes(Path.Combine(folder, "cu", "van-chan.xlsx"), [1, 2, 3]);

        var result = await FolderFetcher.FetchAsync(Local("Phiếu trả về"));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(["bao-cao-cau-hoi (1).xlsx", "luc-yen.xlsx", "ngay-nhan.csv"], result.Files.Select(f => Path.GetFileName(f.LocalPath)).Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Skipped);
        foreach (var f in result.Files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, f.RemoteName)), File.ReadAllBytes(f.LocalPath));
            Assert.Equal(Path.GetFullPath(Destination), Path.GetDirectoryName(f.LocalPath));
        }
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../outside")]
    [InlineData("phieu/../../outside")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc")]
    [InlineData("C:")]
    [InlineData(".")]
    [InlineData("")]
    public async Task Fetch_LocalFolderNameThatIsAPath_IsRefusedAndNothingRead(string name)
    {
        MakeShareFolder("phieu", ("luc-yen.xlsx", 10));
        var outside = Path.Combine(_dir.Path, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllBytes(Path.Combine(outside, "bi-mat.xlsx"), [1, 2, 3]);

        var result = await FolderFetcher.FetchAsync(Local(name));

        Assert.False(result.Succeeded);
        Assert.Equal("SHARING_FOLDER_BAD_NAME", Assert.Single(result.Problems).Code);
        Assert.Equal(0, FilesWritten());
        Assert.Contains("không hợp lệ", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_LocalFolderLinkedOutOfTheShare_IsNotFollowed()
    {
        Directory.CreateDirectory(Root);
        var outside = Path.Combine(_dir.Path, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllBytes(Path.Combine(outside, "bi-mat.xlsx"), [1, 2, 3]);
        Directory.CreateSymbolicLink(Path.Combine(Root, "loi-tat"), outside);

        var result = await FolderFetcher.FetchAsync(Local("loi-tat"));

        Assert.Equal("SHARING_FOLDER_NOT_FOUND", Assert.Single(result.Problems).Code);
        Assert.Equal(0, FilesWritten());
    }

    [Fact]
    public async Task Fetch_LocalFileLinkedOutOfTheShare_IsNotCopied()
    {
        var folder = MakeShareFolder("phieu", ("luc-yen.xlsx", 10));
        var outside = Path.Combine(_dir.Path, "bi-mat.xlsx");
        File.WriteAllBytes(outside, [9, 9, 9]);
        File.CreateSymbolicLink(Path.Combine(folder, "van-chan.xlsx"), outside);

        var result = await FolderFetcher.FetchAsync(Local("phieu"));

        Assert.True(result.Succeeded);
        Assert.Equal("luc-yen.xlsx", Assert.Single(result.Files).RemoteName);
    }

    [Fact]
    public async Task Fetch_LocalFolderMissing_IsNotFound()
    {
        MakeShareFolder("phieu", ("luc-yen.xlsx", 10));
        var result = await FolderFetcher.FetchAsync(Local("phieu-khac"));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("SHARING_FOLDER_NOT_FOUND", problem.Code);
        Assert.Contains("phieu-khac", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_FolderWithoutSheets_SaysSo()
    {
        MakeShareFolder("phieu", ("cong-van.docx", 10));
        var result = await FolderFetcher.FetchAsync(Local("phieu"));
        Assert.Equal("SHARING_FOLDER_NO_SHEETS", Assert.Single(result.Problems).Code);
        Assert.Equal(1, result.Skipped);
    }

    [Fact]
    public async Task Fetch_MoreFilesThanTheCap_IsRefusedBeforeAnyCopy()
    {
        MakeShareFolder("phieu", ("a.xlsx", 10), ("b.xlsx", 10), ("c.csv", 10));
        var result = await FolderFetcher.FetchAsync(Local("phieu", maxFiles: 2));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("SHARING_FOLDER_TOO_MANY_FILES", problem.Code);
        Assert.Equal(["3", "2"], problem.Args);
        Assert.Equal(0, FilesWritten());
    }

    [Fact]
    public async Task Fetch_OneFileOverTheCap_IsNamedAndNothingCopied()
    {
        MakeShareFolder("phieu", ("a.xlsx", 100), ("lon.xlsx", 3 * 1024 * 1024));
        var result = await FolderFetcher.FetchAsync(Local("phieu", maxFile: 2 * 1024 * 1024));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("SHARING_FOLDER_FILE_TOO_LARGE", problem.Code);
        Assert.Equal(["lon.xlsx", "2"], problem.Args);
        Assert.Equal(0, FilesWritten());
    }

    [Fact]
    public async Task Fetch_FilesOverTheTotalCap_AreRefused()
    {
        MakeShareFolder("phieu", ("a.xlsx", 700_000), ("b.xlsx", 700_000));
        var result = await FolderFetcher.FetchAsync(Local("phieu", maxTotal: 1024 * 1024));
        Assert.Equal("SHARING_FOLDER_TOO_LARGE", Assert.Single(result.Problems).Code);
        Assert.Equal(0, FilesWritten());
    }

    [Fact]
    public void ListLocalFolders_GivesEachFolderWithItsSheetCount()
    {
        MakeShareFolder("YB23", ("giay-moi.docx", 10));
        MakeShareFolder("Phiếu trả về", ("a.xlsx", 1), ("b.csv", 1), ("~$a.xlsx", 1));
        MakeShareFolder(".an", ("a.xlsx", 1));

        var folders = FolderFetcher.ListLocalFolders(Root);

        Assert.Equal([new LocalShareFolder("Phiếu trả về", 2), new LocalShareFolder("YB23", 0)], folders);
        Assert.Empty(FolderFetcher.ListLocalFolders(Path.Combine(_dir.Path, "khong-co")));
    }

    [Theory]
    [InlineData("luc-yen.xlsx", "luc-yen.xlsx")]
    [InlineData("bao-cao-cau-hoi (1).xlsx", "bao-cao-cau-hoi (1).xlsx")]
    [InlineData("Phiếu Lục Yên.xlsx", "Phiếu Lục Yên.xlsx")]
    [InlineData("../../etc/passwd.csv", "Passwd.csv")]
    [InlineData("a\\..\\b.xlsx", "A-B.xlsx")]
    [InlineData("con.xlsx", "_Con.xlsx")]
    [InlineData("bao cao?.xlsx", "Bao-Cao.xlsx")]
    [InlineData(".xlsx", "tep.xlsx")]
    // Plain names stay (the register ngay-nhan.csv names files so); anything else goes through SafeFileName.
    public void LocalName_RemoteNames_StayPlainLeafNames(string remote, string expected)
    {
        var name = FetchNames.LocalName(remote, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(expected, name);
        Assert.Equal(Path.Combine(Destination, name), FetchNames.PathIn(Destination, name));
    }

    [Fact]
    public void LocalName_SameNameTwice_GetsASuffix()
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Assert.Equal("a.xlsx", FetchNames.LocalName("a.xlsx", used));
        Assert.Equal("A-2.xlsx", FetchNames.LocalName("A.xlsx", used));
    }

    // ---- SharePoint, through the real GraphServiceClient against the fake server ----

    private static FolderFetchRequest Remote(FakeGraphServer server, SharePointFolderSource source, string destination, TokenCredential? credential = null) => new()
    {
        Source = source with { Connection = new GraphConnectionOptions { BaseUrl = server.GraphBaseUrl, Credential = credential ?? new FakeTokenCredential(server) } },
        Destination = destination,
    };

    private static Dictionary<string, byte[]> PutReturns(FakeGraphServer server, string folder)
    {
        var files = Directory.GetFiles(Returns).ToDictionary(p => Path.GetFileName(p), File.ReadAllBytes, StringComparer.Ordinal);
        foreach (var (name, bytes) in files)
        {
            server.PutFile($"{folder}/{name}", bytes);
        }

        server.PutFile($"{folder}/cong-van-gui.docx", [1, 2, 3]);
        server.PutFile($"{folder}/cu/luc-yen-ban-cu.xlsx", [4, 5, 6]);
        return files;
    }

    [Fact]
    public async Task Fetch_SharePointFolderBySharingLink_DownloadsEverySheetByteForByte()
    {
        await using var server = await FakeGraphServer.StartAsync();
        var sent = PutReturns(server, "Phiếu trả về");
        var link = server.ShareFolder("Phiếu trả về");

        var result = await FolderFetcher.FetchAsync(Remote(server, new SharePointFolderSource { SharingLink = link }, Destination));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(sent.Keys.Order(StringComparer.Ordinal), result.Files.Select(f => Path.GetFileName(f.LocalPath)).Order(StringComparer.Ordinal));
        Assert.All(result.Files, f => Assert.Equal(sent[f.RemoteName], File.ReadAllBytes(f.LocalPath)));
        Assert.Equal(1, result.Skipped); // the .docx; the sub-folder is not a file
        Assert.Equal(link, Assert.Single(server.SharesRequests));
        Assert.Equal(0, server.AuthorizationOnUploadHost);
    }

    [Fact]
    public async Task Fetch_SharePointFolderBySitePath_FollowsEveryPageOfTheListing()
    {
        await using var server = await FakeGraphServer.StartAsync();
        var sent = PutReturns(server, "Hội nghị/YB23/Phiếu trả về");
        server.ChildrenPageSize = 3;

        var result = await FolderFetcher.FetchAsync(Remote(
            server, new SharePointFolderSource { SiteUrl = server.SiteUrl, Library = server.DriveName, Folder = "Hội nghị/YB23/Phiếu trả về" }, Destination));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(sent.Count, result.Files.Count);
        Assert.Contains(server.Log, l => l.Contains("skiptoken", StringComparison.OrdinalIgnoreCase));
        Assert.Equal($"{server.SiteUrl} › {server.DriveName} › Hội nghị/YB23/Phiếu trả về", result.Display);
    }

    [Fact]
    public async Task Fetch_SharePointUnknownLinkOrFileLink_IsFolderNotFound()
    {
        await using var server = await FakeGraphServer.StartAsync();
        PutReturns(server, "phieu");

        var unknown = await FolderFetcher.FetchAsync(Remote(server, new SharePointFolderSource { SharingLink = $"https://{server.SiteHost}/:f:/s/HoiNghi/Ekhongco" }, Destination));
        var missingPath = await FolderFetcher.FetchAsync(Remote(server, new SharePointFolderSource { SiteUrl = server.SiteUrl, Folder = "khong-co" }, Destination));
        var file = await FolderFetcher.FetchAsync(Remote(server, new SharePointFolderSource { SiteUrl = server.SiteUrl, Folder = "phieu/luc-yen.xlsx" }, Destination));

        Assert.Equal("SHARING_FOLDER_NOT_FOUND", Assert.Single(unknown.Problems).Code);
        Assert.Equal("SHARING_FOLDER_NOT_FOUND", Assert.Single(missingPath.Problems).Code);
        Assert.Equal("SHARING_FOLDER_NOT_FOUND", Assert.Single(file.Problems).Code);
        Assert.Equal(0, FilesWritten());
    }

    [Fact]
    public async Task Fetch_SharePointFileOverTheCap_NothingIsDownloaded()
    {
        await using var server = await FakeGraphServer.StartAsync();
        PutReturns(server, "phieu");
        server.PutFile("phieu/rat-lon.xlsx", new byte[300_000]);
        var link = server.ShareFolder("phieu");

        var request = Remote(server, new SharePointFolderSource { SharingLink = link }, Destination) with { MaxFileBytes = 200_000 };
        var result = await FolderFetcher.FetchAsync(request);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("SHARING_FOLDER_FILE_TOO_LARGE", problem.Code);
        Assert.Equal("rat-lon.xlsx", problem.Args[0]);
        Assert.DoesNotContain(server.Log, l => l.EndsWith("/content", StringComparison.Ordinal) || l.Contains("/download/", StringComparison.Ordinal));
        Assert.Equal(0, FilesWritten());
    }

    [Fact]
    public async Task Fetch_SharePointTokenRefused_IsASignInProblemNotAnException()
    {
        await using var server = await FakeGraphServer.StartAsync();
        var link = server.ShareFolder("phieu");

        var result = await FolderFetcher.FetchAsync(Remote(server, new SharePointFolderSource { SharingLink = link }, Destination, new StaticToken("gia-mao")));

        Assert.Equal("SHARING_AUTH_FAILED", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Fetch_SharePointLinkNotHttps_IsBadLink()
    {
        await using var server = await FakeGraphServer.StartAsync();
        var result = await FolderFetcher.FetchAsync(Remote(server, new SharePointFolderSource { SharingLink = "ftp://contoso/phieu" }, Destination));
        Assert.Equal("SHARING_FOLDER_BAD_LINK", Assert.Single(result.Problems).Code);
        Assert.Empty(server.SharesRequests);
    }

    private sealed class StaticToken(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
