using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dialogue.Office.AddIn.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Dialogue.Office.AddIn.Tests.Apis;

/// <summary>
/// <c>api/questions/{plan}/documents|report|book</c> over the sample: the reports the plan's deadlines ask for and the
/// answer book, written by the core from a consolidation the host itself made; dates from the plan or the form, never
/// the clock; every refusal a stable code with Vietnamese text.
/// </summary>
public sealed class QuestionDocumentsApiTests(AddInFactory factory) : IClassFixture<AddInFactory>
{
    private const string Plan = "yen-bai-2023";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Documents_OffersTheIssuersReportFirst_ThenTheUnitsReport_AndTheBookDate()
    {
        var choices = await _client.GetFromJsonAsync<JsonElement>($"/api/questions/{Plan}/documents");
        Assert.Equal("so-gddt", choices.GetProperty("defaultReport").GetString());
        var reports = choices.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(["so-gddt", "don-vi"], reports.Select(r => r.GetProperty("id").GetString()));
        Assert.False(reports[0].GetProperty("unitLevel").GetBoolean());
        Assert.Equal("Ủy ban nhân dân tỉnh", reports[0].GetProperty("to").GetString());
        Assert.Equal("15/4/2023", reports[0].GetProperty("date").GetString());
        Assert.True(reports[1].GetProperty("unitLevel").GetBoolean());
        var units = reports[1].GetProperty("units").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.Equal(10, units.Count);
        Assert.Contains("Ủy ban nhân dân huyện Văn Yên", units);
        Assert.Equal("25/4/2023", choices.GetProperty("bookDate").GetString());
    }

    [Fact]
    public async Task Reports_AndBook_AreWordDocumentsDatedByThePlanOrTheForm()
    {
        var consolidated = await ConsolidatedAsync();

        // The Sở's report to UBND tỉnh: the plan's deadline date (15/4), addressed to the issuer's full name.
        var issuer = await Finish(await _client.PostAsync($"/api/questions/{Plan}/report", Form(consolidated)));
        var text = await DocumentText(issuer, "report");
        Assert.Contains("Kính gửi: Ủy ban nhân dân tỉnh Yên Bái.", text, StringComparison.Ordinal);
        Assert.Contains("ngày 15 tháng 4 năm 2023", text, StringComparison.Ordinal);
        Assert.Equal("15/4/2023", issuer.GetProperty("summary").GetProperty("date").GetString());
        Assert.Matches("^bao-cao-tong-hop-cau-hoi-YB23-20230415\\.docx$", issuer.GetProperty("files")[0].GetProperty("name").GetString());

        // Its Phụ lục (the selected questions) is offered beside it: valid, titled as attached to this report.
        var appendix = issuer.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "appendix");
        Assert.Equal("bao-cao-tong-hop-cau-hoi-YB23-20230415-phu-luc.xlsx", appendix.GetProperty("name").GetString());
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(await _client.GetByteArrayAsync(appendix.GetProperty("url").GetString())), false))
        {
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(sheet));
            var shared = sheet.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? "";
            var inline = string.Concat(sheet.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.InlineString>()).Select(i => i.InnerText));
            Assert.Contains("Kèm theo Báo cáo", shared + inline, StringComparison.Ordinal);
        }

        // A district's own report to the Sở (10/4), sent by the unit the clerk chose, on the date typed.
        var district = await Finish(await _client.PostAsync($"/api/questions/{Plan}/report",
            Form(consolidated, ("deadline", "don-vi"), ("from", "Ủy ban nhân dân huyện Văn Yên"), ("date", "9/4/2023"))));
        text = await DocumentText(district, "report");
        Assert.DoesNotContain(district.GetProperty("files").EnumerateArray(), f => f.GetProperty("key").GetString() == "appendix");
        Assert.Contains("Kính gửi: Sở Giáo dục và Đào tạo.", text, StringComparison.Ordinal);
        Assert.Contains("Văn Yên, ngày 09 tháng 4 năm 2023", text, StringComparison.Ordinal);
        Assert.Equal("Ủy ban nhân dân huyện Văn Yên", district.GetProperty("summary").GetProperty("from").GetString());

        // The answer book: the conference day by default, a typed date otherwise.
        var book = await Finish(await _client.PostAsync($"/api/questions/{Plan}/book", Form(consolidated)));
        text = await DocumentText(book, "book");
        Assert.Contains("TÀI LIỆU", text, StringComparison.Ordinal);
        Assert.Contains("ngày 25 tháng 4 năm 2023", text, StringComparison.Ordinal);
        var dated = await Finish(await _client.PostAsync($"/api/questions/{Plan}/book", Form(consolidated, ("date", "2023-04-20"))));
        Assert.Contains("ngày 20 tháng 4 năm 2023", await DocumentText(dated, "book"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_AreStableCodesInVietnamese_NeverAStackTrace()
    {
        var consolidated = await ConsolidatedAsync();
        await Refused(await _client.PostAsync($"/api/questions/{Plan}/report", Form(consolidated, ("date", "31/2/2023"))), HttpStatusCode.BadRequest, "REPORT_DATE_INVALID", "31/2/2023");
        await Refused(await _client.PostAsync($"/api/questions/{Plan}/book", Form(consolidated, ("date", "hôm nay"))), HttpStatusCode.BadRequest, "REPORT_DATE_INVALID", "hôm nay");
        await Refused(await _client.PostAsync($"/api/questions/{Plan}/report", Form(consolidated, ("deadline", "khong-co"))), HttpStatusCode.BadRequest, "REPORT_DEADLINE_UNKNOWN", "khong-co");
        using var empty = new MultipartFormDataContent { { new StringContent("9/4/2023"), "date" } };
        await Refused(await _client.PostAsync($"/api/questions/{Plan}/report", empty), HttpStatusCode.BadRequest, "UPLOAD_MISSING", "Chưa chọn tệp");
        await Refused(await _client.PostAsync($"/api/questions/khong-co/book", Form(consolidated)), HttpStatusCode.NotFound, "PLAN_NOT_FOUND", "khong-co");

        // A workbook that is not a consolidation: the job fails with the core's reason, naming the file.
        var delegates = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, Plan, "dai-bieu.xlsx"));
        foreach (var kind in new[] { "report", "book" })
        {
            var job = await Finish(await _client.PostAsync($"/api/questions/{Plan}/{kind}", Form(delegates)), expectDone: false);
            Assert.Equal("failed", job.GetProperty("state").GetString());
            Assert.Equal("JOB_FAILED", job.GetProperty("code").GetString());
            var problem = Assert.Single(job.GetProperty("problems").EnumerateArray());
            Assert.Equal("QUESTIONS_MASTER_INVALID", problem.GetProperty("code").GetString());
            Assert.Contains("không phải bản tổng hợp câu hỏi", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("tong-hop.xlsx", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
            NoTrace(job.GetRawText());
        }
    }

    private static async Task Refused(HttpResponseMessage response, HttpStatusCode status, string code, string named)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, body);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        var words = problem.RootElement.GetProperty("title").GetString() + " " + problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains(named, words, StringComparison.Ordinal);
        Assert.True(words.IsNormalized(), words);
        NoTrace(body);
    }

    private static void NoTrace(string body)
    {
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Dialogue.", body, StringComparison.Ordinal);
    }

    /// <summary>The host's own consolidation of the sample's returned sheets.</summary>
    private async Task<byte[]> ConsolidatedAsync()
    {
        using var form = new MultipartFormDataContent();
        foreach (var path in Directory.GetFiles(Path.Combine(RepoPaths.Samples, Plan, "phieu-tra-ve")))
        {
            form.Add(new ByteArrayContent(File.ReadAllBytes(path)), "files", Path.GetFileName(path));
        }

        var job = await Finish(await _client.PostAsync($"/api/questions/{Plan}/consolidate", form));
        return await _client.GetByteArrayAsync(job.GetProperty("files")[0].GetProperty("url").GetString());
    }

    private static MultipartFormDataContent Form(byte[] workbook, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(workbook), "consolidated", "tong-hop.xlsx" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    /// <summary>The job's one document, opened with the Open XML SDK and validated (0 errors); its text.</summary>
    private async Task<string> DocumentText(JsonElement job, string key)
    {
        var file = Assert.Single(job.GetProperty("files").EnumerateArray(), f => f.GetProperty("key").GetString() == key);
        var bytes = await _client.GetByteArrayAsync(file.GetProperty("url").GetString());
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(doc));
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private async Task<JsonElement> Finish(HttpResponseMessage started, bool expectDone = true)
    {
        var job = await Jobs.Finish(factory, _client, started);
        if (expectDone)
        {
            Assert.True(job.GetProperty("state").GetString() == "done", job.GetRawText());
        }

        return job;
    }
}
