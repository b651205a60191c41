using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dialogue.Office.AddIn.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.AddIn.Tests.Apis;

public sealed class ApiTests(AddInFactory factory) : IClassFixture<AddInFactory>
{
    private const string Plan = "yen-bai-2023";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Config_WithoutTenant_ReportsLocalModeAndCapabilities()
    {
        var config = await _client.GetFromJsonAsync<JsonElement>("/api/config");
        Assert.Equal("none", config.GetProperty("auth").GetString());
        Assert.Equal("local", config.GetProperty("share").GetString());
        var sharing = config.GetProperty("sharing");
        Assert.Equal("local", sharing.GetProperty("mode").GetString());
        Assert.True(sharing.GetProperty("localFallback").GetBoolean());
        var fields = sharing.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("label").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Equal("Thư mục chia sẻ cục bộ của máy chủ", fields["Nơi công bố"]);
        Assert.EndsWith("/share/", fields["Địa chỉ thư mục chia sẻ"], StringComparison.Ordinal);
        Assert.Contains("kể cả kế hoạch có trang SharePoint", fields["Lý do"], StringComparison.Ordinal);
        Assert.All(fields.Keys.Concat(fields.Values), t => Assert.True(t.IsNormalized(), t));
        Assert.Equal(20L * 1024 * 1024, config.GetProperty("maxUploadBytes").GetInt64());
        Assert.Contains("invitations", config.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Plans_ListsTheSampleConference()
    {
        var plans = await _client.GetFromJsonAsync<JsonElement>("/api/plans");
        var sample = plans.EnumerateArray().Single(p => p.GetProperty("id").GetString() == Plan);
        Assert.Equal(298, sample.GetProperty("delegates").GetInt32());
        Assert.Equal(0, sample.GetProperty("errors").GetInt32());
        Assert.StartsWith("Hội nghị đối thoại", sample.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("khong-co")]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("%2Fetc%2Fpasswd")]
    public async Task Plans_UnknownOrPathLikeId_IsNotFoundProblemInVietnamese(string id)
    {
        var response = await _client.GetAsync($"/api/plans/{id}/delegates");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await Problem(response);
        Assert.StartsWith("urn:dialogue-office:problem:", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("code").GetString(), new[] { "PLAN_NOT_FOUND", "NOT_FOUND" });
        Assert.StartsWith("Không tìm thấy", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delegates_ListsCodesAndAddressees()
    {
        var delegates = await _client.GetFromJsonAsync<JsonElement>($"/api/plans/{Plan}/delegates");
        Assert.Equal(298, delegates.GetArrayLength());
        Assert.All(delegates.EnumerateArray(), d => Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("addressee").GetString())));
    }

    [Fact]
    public async Task DelegateWorkbook_IsTheSamplesXlsx()
    {
        var response = await _client.GetAsync($"/api/plans/{Plan}/delegates/workbook");
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(System.IO.File.ReadAllBytes(Path.Combine(RepoPaths.Samples, Plan, "dai-bieu.xlsx")), bytes);
    }

    [Fact]
    public async Task Fields_ListTheVocabulary()
    {
        var fields = await _client.GetFromJsonAsync<JsonElement>("/api/invitations/fields");
        var tags = fields.EnumerateArray().Select(f => f.GetProperty("tag").GetString()).ToList();
        Assert.Contains("KinhGui", tags);
        Assert.Contains("MaQR", tags);
    }

    [Fact]
    public async Task Preview_Delegate_ReturnsTheirValues()
    {
        var delegates = await _client.GetFromJsonAsync<JsonElement>($"/api/plans/{Plan}/delegates");
        var first = delegates[0];
        var values = await _client.GetFromJsonAsync<Dictionary<string, string>>($"/api/invitations/{Plan}/preview/{first.GetProperty("code").GetString()}");
        Assert.Equal(first.GetProperty("addressee").GetString(), values!["KinhGui"]);
        Assert.Equal("Yên Bái, ngày 17 tháng 4 năm 2023", values["DiaDanhNgayThang"]);
    }

    [Fact]
    public async Task Preview_UnknownDelegate_IsDelegateNotFound()
    {
        var response = await _client.GetAsync($"/api/invitations/{Plan}/preview/KHONG-CO");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("DELEGATE_NOT_FOUND", (await Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Generate_FromUploadedDraft_WritesOneInvitationPerDelegateAndAValidPrintFile()
    {
        using var form = new MultipartFormDataContent();
        form.Add(FileContent(Path.Combine(RepoPaths.Templates, "giay-moi.docx")), "template", "giay-moi.docx");
        var job = await Finish(await _client.PostAsync($"/api/invitations/{Plan}/jobs", form));

        Assert.Equal("done", job.GetProperty("state").GetString());
        // 298 delegates; the signer (Trần Huy Tuấn, a co-chair) gets no invitation of his own.
        const int Letters = 297;
        Assert.Equal(Letters, job.GetProperty("done").GetInt32());
        var files = job.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("url").GetString()!);
        Assert.Equal(["all", "list", "print"], files.Keys.Order());

        using var zip = new ZipArchive(new MemoryStream(await _client.GetByteArrayAsync(files["all"])));
        Assert.Equal(Letters, zip.Entries.Count(e => e.FullName.EndsWith(".docx", StringComparison.Ordinal)));

        var print = await _client.GetByteArrayAsync(files["print"]);
        using var doc = WordprocessingDocument.Open(new MemoryStream(print), false);
        // Schema validity of the generated letters is the core's to test (Invitations tests); here: the API hands over
        // the core's print file whole, one section per delegate, each addressed.
        var body = doc.MainDocumentPart!.Document.Body!;
        Assert.Equal(Letters, body.Descendants<SectionProperties>().Count());
        var addressees = body.Descendants<SdtRun>().Where(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == "KinhGui").Select(s => s.InnerText).ToList();
        Assert.Equal(Letters, addressees.Count);
        var delegates = await _client.GetFromJsonAsync<JsonElement>($"/api/plans/{Plan}/delegates");
        var expected = delegates.EnumerateArray().Select(d => d.GetProperty("addressee").GetString()).Where(a => !a!.Contains("Trần Huy Tuấn", StringComparison.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), addressees.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Generate_FromFlatOpcOfTheBody_Works()
    {
        // What Word on the web sends: body.getOoxml() (flat OPC), here made from the template with the Open XML SDK.
        using var source = WordprocessingDocument.Open(Path.Combine(RepoPaths.Templates, "giay-moi.docx"), false);
        var flat = source.ToFlatOpcString();
        using var form = new MultipartFormDataContent { { new StringContent(flat), "ooxml" } };
        var job = await Finish(await _client.PostAsync($"/api/invitations/{Plan}/jobs", form));
        Assert.Equal("done", job.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Generate_TemplateWithUnknownField_Is422WithTheProblemListed()
    {
        var bytes = DocxWithTags("KinhGui", "MaQR", "TenLa");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "template", "nhap.docx" } };
        var response = await _client.PostAsync($"/api/invitations/{Plan}/jobs", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Problem(response);
        Assert.Equal("INVITATIONS_FAILED", problem.GetProperty("code").GetString());
        var listed = problem.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal("TEMPLATE_UNKNOWN_FIELD", listed.GetProperty("code").GetString());
        Assert.Contains("TenLa", listed.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("giay-moi.docx", "this is plain text, not a Word package")]
    [InlineData("giay-moi.docx", "PK\u0003\u0004 broken zip")]
    public async Task Generate_UploadThatIsNotADocx_Is400NotDocx(string name, string content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "template", name } };
        var response = await _client.PostAsync($"/api/invitations/{Plan}/jobs", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problem(response);
        Assert.Equal("UPLOAD_NOT_DOCX", problem.GetProperty("code").GetString());
        Assert.Equal("urn:dialogue-office:problem:UPLOAD_NOT_DOCX", problem.GetProperty("type").GetString());
        Assert.Contains("giay-moi.docx", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_AnXlsxPretendingToBeDocx_Is400NotDocx()
    {
        using var form = new MultipartFormDataContent { { FileContent(Path.Combine(RepoPaths.Samples, Plan, "dai-bieu.xlsx")), "template", "giay-moi.docx" } };
        var response = await _client.PostAsync($"/api/invitations/{Plan}/jobs", form);
        Assert.Equal("UPLOAD_NOT_DOCX", (await Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Generate_UploadOver20MB_Is413InVietnamese()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[21 * 1024 * 1024]), "template", "lon.docx" } };
        var response = await _client.PostAsync($"/api/invitations/{Plan}/jobs", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await Problem(response);
        Assert.Equal("UPLOAD_TOO_LARGE", problem.GetProperty("code").GetString());
        Assert.Contains("20 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_ChunkedUploadOver20MB_Is413()
    {
        // No Content-Length: the limit must hold while the body is read.
        using var form = new MultipartFormDataContent("xyz") { { new ByteArrayContent(new byte[21 * 1024 * 1024]), "template", "lon.docx" } };
        var content = new StreamContent(new NonSeekable(await form.ReadAsStreamAsync()));
        content.Headers.ContentType = form.Headers.ContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/invitations/{Plan}/jobs") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("UPLOAD_TOO_LARGE", (await Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Jobs_UnknownId_IsJobNotFound()
    {
        var response = await _client.GetAsync("/api/jobs/0123456789abcdef/files/print");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("JOB_NOT_FOUND", (await Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownApiRoute_IsProblemNotHtml()
    {
        var response = await _client.GetAsync("/api/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TaskPane_IsServedWithVietnameseTitle()
    {
        var html = await _client.GetStringAsync("/taskpane.html");
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Hội nghị đối thoại", html, StringComparison.Ordinal);
    }

    /// <summary>Hides the length so the client must send the body chunked.</summary>
    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    internal static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var text = problem.GetRawText();
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return problem;
    }

    private Task<JsonElement> Finish(HttpResponseMessage started) => Jobs.Finish(factory, _client, started);

    private static ByteArrayContent FileContent(string path) => new(System.IO.File.ReadAllBytes(path));

    /// <summary>A minimal docx whose body holds one inline content control per tag.</summary>
    internal static byte[] DocxWithTags(params string[] tags)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(tags.Select(t => new Paragraph(
                new Run(new Text("Trường: ")),
                new SdtRun(new SdtProperties(new Tag { Val = t }, new SdtAlias { Val = t }), new SdtContentRun(new Run(new Text($"«{t}»"))))))));
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
