using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Tests.Support;
using Dialogue.Office.Automation.Tests.Sharing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dialogue.Office.AddIn.Tests.Apis;

/// <summary>
/// <c>POST api/questions/{plan}/consolidate-folder</c> with SharePoint: the host's <see cref="SharePointAccess"/> seam
/// points at the local Graph-compatible server, so the folder is opened, listed page by page and downloaded by the real
/// Graph SDK over HTTP, exactly as on behalf of a signed-in clerk. Refusals come back as Vietnamese problems.
/// </summary>
public sealed class SharePointFolderConsolidationTests
{
    private const string Plan = "yen-bai-2023";
    private const string FolderPath = "Hội nghị/YB23/Phiếu trả về";
    private static readonly string Returns = Path.Combine(RepoPaths.Samples, Plan, "phieu-tra-ve");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConsolidateFolder_SharePointFolderInPages_GivesTheSameReconciliationAsUploadingIt(bool byLink)
    {
        await using var server = await FakeGraphServer.StartAsync();
        var sheets = PutReturns(server);
        server.ChildrenPageSize = 3; // the listing comes in pages with @odata.nextLink; all must be followed
        var link = server.ShareFolder(FolderPath);
        await using var factory = new SharePointFactory(server);
        using var client = factory.CreateClient();

        object body = byLink ? new { folder = link } : new { folder = FolderPath, site = server.SiteUrl, library = server.DriveName };
        var fromFolder = await Jobs.Finish(factory, client, await client.PostAsJsonAsync($"/api/questions/{Plan}/consolidate-folder", body));
        var uploaded = await Jobs.Finish(factory, client, await Upload(client));

        Assert.True(fromFolder.GetProperty("state").GetString() == "done", fromFolder.GetRawText());
        var summary = fromFolder.GetProperty("summary");
        Assert.True(summary.GetProperty("reconciles").GetBoolean());
        Assert.Equal(sheets - 1, summary.GetProperty("filesFound").GetInt32()); // the register (ngay-nhan.csv) is not a return
        Assert.Equal(uploaded.GetProperty("summary").GetRawText(), summary.GetRawText());
        Assert.Equal(Codes(uploaded), Codes(fromFolder));

        // Through the SDK: every page of the listing, one download per sheet (the .docx and the sub-folder are not fetched).
        Assert.True(server.Log.Count(l => l.Contains("/children", StringComparison.Ordinal)) >= 3, string.Join('\n', server.Log));
        Assert.Contains(server.Log, l => l.Contains("skiptoken", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(sheets, server.Log.Count(l => l.StartsWith("GET ", StringComparison.Ordinal) && l.EndsWith("/content", StringComparison.Ordinal)));
        Assert.Equal(byLink ? [link] : [], server.SharesRequests);
        Assert.Empty(Directory.GetDirectories(factory.OutputRoot, "nhan-thu-muc-*"));
    }

    [Fact]
    public async Task ConsolidateFolder_SharePointRefusesTheListing_Is403WithAVietnameseMessageNamingTheFolder()
    {
        await using var server = await FakeGraphServer.StartAsync();
        PutReturns(server);
        var link = server.ShareFolder(FolderPath);
        server.Inject(r => r.Action == "children", FaultKind.Status, times: 10, status: 403, code: "accessDenied", message: "Access denied");
        await using var factory = new SharePointFactory(server);
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync($"/api/questions/{Plan}/consolidate-folder", new { folder = link });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("SHARING_FOLDER_ACCESS_DENIED", problem.GetProperty("code").GetString());
        Assert.Equal("urn:dialogue-office:problem:SHARING_FOLDER_ACCESS_DENIED", problem.GetProperty("type").GetString());
        Assert.Equal("Không có quyền mở thư mục", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Equal(
            $"Tài khoản đang đăng nhập không có quyền mở thư mục \"{link}\" trên SharePoint; hãy nhờ người chia sẻ thư mục cấp quyền xem cho tài khoản này rồi thử lại.",
            detail);
        Assert.True(detail.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain("Access denied", problem.GetRawText(), StringComparison.Ordinal); // Graph's English text stays in the log
        var listed = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal("error", listed.GetProperty("severity").GetString());
        Assert.Equal(detail, listed.GetProperty("message").GetString());

        // Refused before anything was downloaded or any job started.
        Assert.DoesNotContain(server.Log, l => l.EndsWith("/content", StringComparison.Ordinal));
        Assert.Empty(Directory.GetDirectories(factory.OutputRoot, "nhan-thu-muc-*"));
        Assert.DoesNotContain(Directory.Exists(factory.OutputRoot) ? Directory.GetDirectories(factory.OutputRoot) : [], d => Guid.TryParseExact(Path.GetFileName(d), "N", out _)); // job folders
    }

    /// <summary>The sample's returned sheets, a letter and an older sheet in a sub-folder; gives the number of sheets.</summary>
    private static int PutReturns(FakeGraphServer server)
    {
        var files = Directory.GetFiles(Returns);
        foreach (var file in files)
        {
            server.PutFile($"{FolderPath}/{Path.GetFileName(file)}", File.ReadAllBytes(file));
        }

        server.PutFile($"{FolderPath}/cong-van-gui.docx", [1, 2, 3]);
        server.PutFile($"{FolderPath}/cu/luc-yen-ban-cu.xlsx", [4, 5, 6]);
        return files.Length;
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client)
    {
        using var form = new MultipartFormDataContent();
        foreach (var path in Directory.GetFiles(Returns))
        {
            form.Add(new ByteArrayContent(File.ReadAllBytes(path)), "files", Path.GetFileName(path));
        }

        return await client.PostAsync($"/api/questions/{Plan}/consolidate", form);
    }

    private static List<string> Codes(JsonElement job) =>
        job.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("code").GetString()}@{p.GetProperty("location").GetString()}").ToList();

    private sealed class SharePointFactory(FakeGraphServer server) : AddInFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<SharePointAccess>(new GraphServerAccess(server)));
        }
    }
}
