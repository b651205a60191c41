using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dialogue.Office.AddIn.Tests.Support;

namespace Dialogue.Office.AddIn.Tests.Apis;

/// <summary>
/// <c>POST api/questions/{plan}/consolidate-folder</c> on the embedded default: the sample returns copied into a
/// folder of the local share give the same consolidation as uploading them; refusals are Vietnamese problems.
/// </summary>
public sealed class FolderConsolidationTests(AddInFactory factory, EntraFactory entra) : IClassFixture<AddInFactory>, IClassFixture<EntraFactory>
{
    private const string Plan = "yen-bai-2023";
    private const string FolderName = "Phiếu trả về YB23";
    private static readonly string Returns = Path.Combine(RepoPaths.Samples, Plan, "phieu-tra-ve");
    private readonly HttpClient _client = factory.CreateClient();

    private string ShareFolder(string name)
    {
        var folder = Path.Combine(factory.OutputRoot, "share", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private string ShareSampleReturns()
    {
        var folder = ShareFolder(FolderName);
        foreach (var file in Directory.GetFiles(Returns))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(folder, "ghi-chu.txt"), "không phải phiếu");
        return folder;
    }

    [Fact]
    public async Task ConsolidateFolder_LocalShareSampleReturns_GivesTheSameReconciliationAsUploadingThem()
    {
        ShareSampleReturns();

        var fromFolder = await Finish(await _client.PostAsJsonAsync($"/api/questions/{Plan}/consolidate-folder", new { folder = FolderName }));
        var uploaded = await Finish(await Upload(Directory.GetFiles(Returns)));

        Assert.Equal("done", fromFolder.GetProperty("state").GetString());
        var s = fromFolder.GetProperty("summary");
        Assert.True(s.GetProperty("reconciles").GetBoolean());
        Assert.Equal(Directory.GetFiles(Returns).Length - 1, s.GetProperty("filesFound").GetInt32()); // the register is not a return
        Assert.Equal(s.GetProperty("rowsRead").GetInt32(), s.GetProperty("rowsTaken").GetInt32() + s.GetProperty("rowsRejected").GetInt32());
        Assert.Equal(uploaded.GetProperty("summary").GetRawText(), s.GetRawText());
        Assert.Equal(Codes(uploaded), Codes(fromFolder));
        Assert.Equal(uploaded.GetProperty("total").GetInt32(), fromFolder.GetProperty("total").GetInt32());

        var file = fromFolder.GetProperty("files")[0];
        Assert.Equal("consolidated", file.GetProperty("key").GetString());
        var workbook = await _client.GetByteArrayAsync(file.GetProperty("url").GetString());
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        Assert.Contains(doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>(), sh => sh.Name == "Tổng hợp");
        Assert.Empty(Directory.GetDirectories(factory.OutputRoot, "nhan-thu-muc-*"));
    }

    [Fact]
    public async Task ShareFolders_WithoutTenant_ListsLocalFoldersWithTheirSheetCounts()
    {
        ShareSampleReturns();
        var listing = await _client.GetFromJsonAsync<JsonElement>("/api/questions/share-folders");
        Assert.Equal("local", listing.GetProperty("mode").GetString());
        var folder = listing.GetProperty("folders").EnumerateArray().Single(f => f.GetProperty("name").GetString() == FolderName);
        Assert.Equal(Directory.GetFiles(Returns).Length, folder.GetProperty("sheets").GetInt32());
    }

    [Theory]
    [InlineData("../..", HttpStatusCode.BadRequest, "SHARING_FOLDER_BAD_NAME")]
    [InlineData("a/../../etc", HttpStatusCode.BadRequest, "SHARING_FOLDER_BAD_NAME")]
    [InlineData("thu-muc-khong-co", HttpStatusCode.NotFound, "SHARING_FOLDER_NOT_FOUND")]
    [InlineData("", HttpStatusCode.BadRequest, "FOLDER_MISSING")]
    public async Task ConsolidateFolder_BadOrMissingFolder_IsAProblemWithAStableCode(string folder, HttpStatusCode status, string code)
    {
        var response = await _client.PostAsJsonAsync($"/api/questions/{Plan}/consolidate-folder", new { folder });
        Assert.Equal(status, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("urn:dialogue-office:problem:" + code, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task ConsolidateFolder_FolderMissing_SaysSoInVietnameseWithItsName()
    {
        var response = await _client.PostAsJsonAsync($"/api/questions/{Plan}/consolidate-folder", new { folder = "Phiếu quý 3" });
        var problem = await ApiTests.Problem(response);
        Assert.Equal("Không tìm thấy thư mục", problem.GetProperty("title").GetString());
        Assert.Contains("\"Phiếu quý 3\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsolidateFolder_FolderWithoutSheets_Is422NoSheets()
    {
        var folder = ShareFolder("chi-co-van-ban");
        File.WriteAllText(Path.Combine(folder, "cong-van.docx"), "x");
        var response = await _client.PostAsJsonAsync($"/api/questions/{Plan}/consolidate-folder", new { folder = "chi-co-van-ban" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("SHARING_FOLDER_NO_SHEETS", (await ApiTests.Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ConsolidateFolder_MoreThan200Sheets_Is413TooManyFiles()
    {
        var folder = ShareFolder("qua-nhieu");
        for (var i = 0; i <= 200; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"don-vi-{i:000}.csv"), "STT;Nội dung\n1;Câu hỏi\n");
        }

        var response = await _client.PostAsJsonAsync($"/api/questions/{Plan}/consolidate-folder", new { folder = "qua-nhieu" });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("SHARING_FOLDER_TOO_MANY_FILES", problem.GetProperty("code").GetString());
        Assert.Contains("201", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsolidateFolder_SheetOverTheUploadLimit_Is413AndNamesIt()
    {
        var folder = ShareFolder("tep-lon");
        File.Copy(Path.Combine(Returns, "luc-yen.xlsx"), Path.Combine(folder, "luc-yen.xlsx"), overwrite: true);
        using (var big = File.Create(Path.Combine(folder, "van-chan.xlsx")))
        {
            big.SetLength(21L * 1024 * 1024);
        }

        var response = await _client.PostAsJsonAsync($"/api/questions/{Plan}/consolidate-folder", new { folder = "tep-lon" });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("SHARING_FOLDER_FILE_TOO_LARGE", problem.GetProperty("code").GetString());
        Assert.Contains("van-chan.xlsx", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("20 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsolidateFolder_UnknownPlan_Is404()
    {
        var response = await _client.PostAsJsonAsync("/api/questions/khong-co/consolidate-folder", new { folder = FolderName });
        Assert.Equal("PLAN_NOT_FOUND", (await ApiTests.Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ConsolidateFolder_WithTenantAndNoToken_Is401NotSignedIn()
    {
        using var client = entra.CreateClient();
        var response = await client.PostAsJsonAsync($"/api/questions/{Plan}/consolidate-folder", new { folder = "https://contoso.sharepoint.com/:f:/s/HoiNghi/Eabc" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("AUTH_TOKEN_MISSING", problem.GetProperty("code").GetString());
        Assert.Equal("Chưa đăng nhập", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/questions/share-folders")).StatusCode);
    }

    private static List<string> Codes(JsonElement job) =>
        job.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("code").GetString()}@{p.GetProperty("location").GetString()}").ToList();

    private async Task<HttpResponseMessage> Upload(IEnumerable<string> paths)
    {
        using var form = new MultipartFormDataContent();
        foreach (var path in paths)
        {
            form.Add(new ByteArrayContent(File.ReadAllBytes(path)), "files", Path.GetFileName(path));
        }

        return await _client.PostAsync($"/api/questions/{Plan}/consolidate", form);
    }

    private Task<JsonElement> Finish(HttpResponseMessage started) => Jobs.Finish(factory, _client, started);
}
