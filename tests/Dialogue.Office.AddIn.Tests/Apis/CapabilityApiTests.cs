using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dialogue.Office.AddIn.Tests.Support;
using DocumentFormat.OpenXml.Packaging;

namespace Dialogue.Office.AddIn.Tests.Apis;

/// <summary>The API groups over the merged capabilities: programme, check, questions, packet, publish.</summary>
public sealed class CapabilityApiTests(AddInFactory factory) : IClassFixture<AddInFactory>
{
    private const string Plan = "yen-bai-2023";
    private static readonly string Returns = Path.Combine(RepoPaths.Samples, Plan, "phieu-tra-ve");
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("programme", "CHƯƠNG TRÌNH")]
    [InlineData("script", "KỊCH BẢN")]
    public async Task Programme_DocumentIsAWordFileFromThePlan(string kind, string title)
    {
        var response = await _client.GetAsync($"/api/programme/{Plan}/{kind}");
        response.EnsureSuccessStatusCode();
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains(title, doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_GeneratedProgramme_PassesNd30()
    {
        var programme = await _client.GetByteArrayAsync($"/api/programme/{Plan}/programme");
        var report = await Check(programme, "chuong-trinh.docx");
        Assert.True(report.GetProperty("passed").GetBoolean(), report.GetRawText());
        Assert.Equal("chuong-trinh.docx", report.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Check_BareDocument_ListsFindingsWithVietnameseMessagesAndCitations()
    {
        var report = await Check(ApiTests.DocxWithTags("KinhGui"), "nhap.docx");
        Assert.False(report.GetProperty("passed").GetBoolean());
        var findings = report.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.Matches("^ND30_[A-Z0-9_]+$", f.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("message").GetString()));
        });
        Assert.Contains(findings, f => f.GetProperty("citation").GetString()!.Contains("30/2020/NĐ-CP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_NotADocx_Is400()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("xin chào"u8.ToArray()), "document", "a.docx" } };
        var response = await _client.PostAsync("/api/check", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UPLOAD_NOT_DOCX", (await ApiTests.Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Check_NothingSent_Is400Missing()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        var response = await _client.PostAsync("/api/check", form);
        Assert.Equal("UPLOAD_MISSING", (await ApiTests.Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Fix_BareDocument_ReturnsARepairedCopyWithFewerErrors()
    {
        var input = ApiTests.DocxWithTags("KinhGui");
        var before = (await Check(input, "nhap.docx")).GetProperty("errors").GetInt32();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(input), "document", "nhap.docx" } };
        var job = await Finish(await _client.PostAsync("/api/check/fix", form));

        Assert.Equal("done", job.GetProperty("state").GetString());
        Assert.NotEmpty(job.GetProperty("summary").GetProperty("changes").EnumerateArray());
        var file = job.GetProperty("files")[0];
        Assert.Equal("nhap.nd30.docx", file.GetProperty("name").GetString());
        var after = (await Check(await _client.GetByteArrayAsync(file.GetProperty("url").GetString()), "nhap.nd30.docx")).GetProperty("errors").GetInt32();
        Assert.True(after < before, $"errors before {before}, after {after}");
    }

    [Fact]
    public async Task Questions_ConsolidateSampleReturns_ReconcilesAndReportsLateUnits()
    {
        var job = await Consolidate(Directory.GetFiles(Returns));

        Assert.Equal("done", job.GetProperty("state").GetString());
        var s = job.GetProperty("summary");
        Assert.True(s.GetProperty("reconciles").GetBoolean());
        Assert.Equal(s.GetProperty("rowsRead").GetInt32(), s.GetProperty("rowsTaken").GetInt32() + s.GetProperty("rowsRejected").GetInt32());
        Assert.True(s.GetProperty("questions").GetInt32() > 0);
        Assert.True(s.GetProperty("duplicateGroups").GetInt32() > 0);
        var tracking = s.GetProperty("tracking").EnumerateArray().ToList();
        Assert.Contains(tracking, t => t.GetProperty("state").GetString() == "Late" && t.GetProperty("stateLabel").GetString() == "Nộp muộn");
        Assert.Contains(tracking, t => t.GetProperty("state").GetString() == "Missing" && t.GetProperty("unit").GetString() == "Ủy ban nhân dân huyện Trạm Tấu");
        Assert.Equal(1, s.GetProperty("filesRejected").GetInt32()); // the sample's corrupt "bao-cao-cau-hoi (1).xlsx"
        var workbook = await _client.GetByteArrayAsync(job.GetProperty("files")[0].GetProperty("url").GetString());
        using var doc = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        Assert.Contains(doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>(), sh => sh.Name == "Tổng hợp");
    }

    [Fact]
    public async Task Questions_FileThatIsNotASheet_Is400NotQuestionFile()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(Returns, "luc-yen.xlsx"))), "files", "luc-yen.xlsx" },
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(RepoPaths.Templates, "giay-moi.docx"))), "files", "van-chan.docx" },
        };
        var response = await _client.PostAsync($"/api/questions/{Plan}/consolidate", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("UPLOAD_NOT_QUESTION_FILE", problem.GetProperty("code").GetString());
        Assert.Contains("van-chan.docx", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_WordFileNamedXlsx_IsRejectedByTheConsolidatorAndTheRestTaken()
    {
        var lucYen = Path.Combine(RepoPaths.Samples, Plan, "phieu-tra-ve", "luc-yen.xlsx");
        var disguised = Path.Combine(factory.OutputRoot, "van-chan.xlsx");
        Directory.CreateDirectory(factory.OutputRoot);
        File.Copy(Path.Combine(RepoPaths.Templates, "giay-moi.docx"), disguised, true);

        var job = await Consolidate([lucYen, disguised]);

        Assert.Equal("done", job.GetProperty("state").GetString());
        Assert.Equal(1, job.GetProperty("summary").GetProperty("filesRejected").GetInt32());
        Assert.True(job.GetProperty("summary").GetProperty("questions").GetInt32() > 0);
        Assert.Contains(job.GetProperty("problems").EnumerateArray(), p => p.GetProperty("location").GetString() == "van-chan.xlsx");
    }

    [Fact]
    public async Task Questions_SplitThenMergeAnswers_RoundTripsThroughTheApi()
    {
        var consolidated = await _client.GetByteArrayAsync((await Consolidate(Directory.GetFiles(Returns))).GetProperty("files")[0].GetProperty("url").GetString());

        using var splitForm = new MultipartFormDataContent { { new ByteArrayContent(consolidated), "consolidated", "tong-hop.xlsx" } };
        var split = await Finish(await _client.PostAsync($"/api/questions/{Plan}/split", splitForm));
        Assert.Equal("done", split.GetProperty("state").GetString());
        var departments = split.GetProperty("summary").GetProperty("departments").GetArrayLength();
        Assert.True(departments > 1);
        using var zip = new ZipArchive(new MemoryStream(await _client.GetByteArrayAsync(split.GetProperty("files")[0].GetProperty("url").GetString())));
        Assert.Equal(departments, zip.Entries.Count);

        // Merge the departments' (still unanswered) files back: every question accounted for, none answered yet.
        using var answersForm = new MultipartFormDataContent { { new ByteArrayContent(consolidated), "consolidated", "tong-hop.xlsx" } };
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            using var m = new MemoryStream();
            await s.CopyToAsync(m);
            answersForm.Add(new ByteArrayContent(m.ToArray()), "answers", entry.Name);
        }

        var answers = await Finish(await _client.PostAsync("/api/questions/answers", answersForm));
        Assert.Equal("done", answers.GetProperty("state").GetString());
        var summary = answers.GetProperty("summary");
        Assert.Equal(summary.GetProperty("questions").GetInt32(), summary.GetProperty("answered").GetInt32() + summary.GetProperty("unanswered").GetInt32());
        Assert.Equal(0, summary.GetProperty("unknownIds").GetInt32());
    }

    [Fact]
    public async Task Split_NotAConsolidatedWorkbook_FailsWithTheCoreProblem()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, Plan, "dai-bieu.xlsx"))), "consolidated", "dai-bieu.xlsx" } };
        var job = await Finish(await _client.PostAsync($"/api/questions/{Plan}/split", form));
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal("JOB_FAILED", job.GetProperty("code").GetString());
        Assert.StartsWith("QUESTIONS_", job.GetProperty("problems")[0].GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PacketThenPublish_LocalShareServesTheFilesAtTheFolderLink()
    {
        var packet = await Finish(await _client.PostAsync($"/api/plans/{Plan}/packet", null));
        Assert.Equal("done", packet.GetProperty("state").GetString());
        var steps = packet.GetProperty("summary").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("location").GetString()).ToList();
        Assert.Contains("dai-bieu/chuong-trinh.docx", steps);

        var published = await Finish(await _client.PostAsync($"/api/publish/jobs/{packet.GetProperty("id").GetString()}", null));
        Assert.Equal("done", published.GetProperty("state").GetString());
        var summary = published.GetProperty("summary");
        Assert.True(summary.GetProperty("isLocal").GetBoolean());
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        // No server path in the answer (issue 14): the summary names the share, not its folder on this machine.
        Assert.Equal("Thư mục chia sẻ cục bộ", summary.GetProperty("target").GetString());
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), published.GetRawText(), StringComparison.Ordinal);
        var link = new Uri(summary.GetProperty("folderLink").GetString()!);
        var programme = await _client.GetAsync(link.AbsolutePath.TrimEnd('/') + "/chuong-trinh.docx");
        Assert.Equal(HttpStatusCode.OK, programme.StatusCode);
        // The folder itself is never listed (issue 14): our Vietnamese 404 page, none of its file names.
        var listing = await _client.GetAsync(link.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, listing.StatusCode);
        Assert.DoesNotContain("giay-moi-in-gop.docx", await listing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_WithPublishToALoopbackShare_QrCodesKeepThePlansPacketUrl()
    {
        using var form = new MultipartFormDataContent { { new StringContent("true"), "publish" } };
        var job = await Finish(await _client.PostAsync($"/api/invitations/{Plan}/jobs", form));

        Assert.Equal("done", job.GetProperty("state").GetString());
        var published = job.GetProperty("summary").GetProperty("published");
        Assert.Equal(0, published.GetProperty("failed").GetInt32());
        var folderLink = published.GetProperty("folderLink").GetString()!;
        Assert.Contains("/share/", folderLink, StringComparison.Ordinal);

        // The host is reached at a loopback address here: a link only this machine opens is no use on paper, so the
        // core keeps the plan's packet URL in the QR codes (as `dialogue build --publish` does with the local share).
        var packetUrl = Automation.Plans.PlanLoader.Load(Path.Combine(RepoPaths.Samples, Plan)).Require().Conference.PacketUrl;
        Assert.Equal(packetUrl, job.GetProperty("summary").GetProperty("qrLink").GetString());
        var all = job.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "all");
        using var zip = new ZipArchive(new MemoryStream(await _client.GetByteArrayAsync(all.GetProperty("url").GetString())));
        using var letter = new MemoryStream();
        using (var s = zip.Entries[0].Open())
        {
            await s.CopyToAsync(letter);
        }

        using var doc = WordprocessingDocument.Open(new MemoryStream(letter.ToArray()), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains(packetUrl + "?db=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(folderLink, text, StringComparison.Ordinal);
        // The link opens the delegates' folder (issue 19); the print file is the secretariat's: not there, and in its own
        // folder never served without sign-in.
        var linked = new Uri(folderLink).AbsolutePath.TrimEnd('/');
        Assert.EndsWith("/dai-bieu", linked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(linked + "/giay-moi-in-gop.docx")).StatusCode);
        var print = await _client.GetAsync(linked[..^"dai-bieu".Length] + "thu-ky/giay-moi-in-gop.docx");
        Assert.Equal(HttpStatusCode.Unauthorized, print.StatusCode);
    }

    [Fact]
    public async Task Publish_UnknownJob_IsJobNotFound()
    {
        var response = await _client.PostAsync("/api/publish/jobs/ffffffffffffffffffffffffffffffff", null);
        Assert.Equal("JOB_NOT_FOUND", (await ApiTests.Problem(response)).GetProperty("code").GetString());
    }

    private async Task<JsonElement> Check(byte[] docx, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(docx), "document", name } };
        var response = await _client.PostAsync("/api/check", form);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> Consolidate(IEnumerable<string> paths)
    {
        using var form = new MultipartFormDataContent();
        foreach (var path in paths)
        {
            form.Add(new ByteArrayContent(File.ReadAllBytes(path)), "files", Path.GetFileName(path));
        }

        return await Finish(await _client.PostAsync($"/api/questions/{Plan}/consolidate", form));
    }

    private Task<JsonElement> Finish(HttpResponseMessage started) => Jobs.Finish(factory, _client, started);
}
