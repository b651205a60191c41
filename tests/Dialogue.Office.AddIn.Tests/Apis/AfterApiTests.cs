using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.AddIn.Tests.Hosting;
using Dialogue.Office.AddIn.Tests.Support;
using Dialogue.Office.Automation.Spreadsheets;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;

namespace Dialogue.Office.AddIn.Tests.Apis;

/// <summary>
/// <c>api/after</c> over real HTTP (Kestrel on 127.0.0.1): the minutes, the notice of conclusions, the follow-up on a
/// date and the budget, each a job whose files are downloaded and opened with the Open XML SDK.
/// </summary>
public sealed class AfterApiTests : IDisposable
{
    private const string Plan = "yen-bai-2023";
    private static readonly string AfterFolder = Path.Combine(RepoPaths.Samples, Plan, "sau-hoi-nghi");
    private static readonly string Questions = Path.Combine(AfterFolder, "cau-hoi-doi-thoai.xlsx");
    private readonly KestrelHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Minutes_WithChosenQuestionsAndSecretary_IsMau19WithAControlPerQuestion()
    {
        using var form = new MultipartFormDataContent
        {
            { File(Questions), "questions", "cau-hoi-doi-thoai.xlsx" },
            { new StringContent("Nguyễn Thị Hà, Chuyên viên Văn phòng UBND tỉnh"), "secretary" },
        };
        var job = await Finish(await _host.Client.PostAsync($"/api/after/{Plan}/minutes", form));

        Assert.Equal("done", job.GetProperty("state").GetString());
        Assert.DoesNotContain(Codes(job), c => c == "MINUTES_NO_SECRETARY");
        var file = Assert.Single(job.GetProperty("files").EnumerateArray());
        Assert.Equal("bien-ban-hoi-nghi.docx", file.GetProperty("name").GetString());
        using var doc = WordprocessingDocument.Open(new MemoryStream(await Download(file)), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("BIÊN BẢN", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hà", text, StringComparison.Ordinal);
        var answers = doc.MainDocumentPart.Document.Descendants<SdtProperties>()
            .Select(p => p.GetFirstChild<Tag>()?.Val?.Value ?? "").Where(t => t.StartsWith("BienBan.TraLoi.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(answers);
        Assert.Equal(answers.Count, answers.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(doc));
    }

    [Fact]
    public async Task Minutes_WithTheAttendanceRegister_ThanhPhanCountsWhoCameAndNamesTheStandIns()
    {
        using var form = new MultipartFormDataContent { { File(Path.Combine(AfterFolder, "diem-danh.xlsx")), "attendance", "diem-danh.xlsx" } };
        var job = await Finish(await _host.Client.PostAsync($"/api/after/{Plan}/minutes", form));

        Assert.Equal("done", job.GetProperty("state").GetString());
        Assert.DoesNotContain(Codes(job), c => c!.StartsWith("ATTENDANCE_", StringComparison.Ordinal));
        using var doc = WordprocessingDocument.Open(new MemoryStream(await Download(job.GetProperty("files")[0])), false);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("Số đại biểu có mặt: 295/298 đại biểu được mời (theo bảng điểm danh), trong đó 03 đại biểu dự thay.", paragraphs);
        Assert.Contains("- Vắng mặt (03):", paragraphs);
    }

    [Fact]
    public async Task Minutes_RegisterWithAnUnknownCode_FailsNamingTheRowInVietnamese()
    {
        var bad = Path.Combine(_host.OutputRoot, "diem-danh-loi.xlsx");
        Directory.CreateDirectory(_host.OutputRoot);
        SimpleXlsxWriter.Write(bad, new SimpleSheet("Điểm danh", [("Mã đại biểu", 14), ("Trạng thái", 12)], [["YB23-0001", "Tham dự"], ["YB23-9999", "Tham dự"]]));
        using var form = new MultipartFormDataContent { { File(bad), "attendance", "diem-danh-loi.xlsx" } };
        var job = await Finish(await _host.Client.PostAsync($"/api/after/{Plan}/minutes", form));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        var error = job.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("severity").GetString() == "error");
        Assert.Equal("ATTENDANCE_UNKNOWN_DELEGATE", error.GetProperty("code").GetString());
        Assert.Equal("diem-danh-loi.xlsx › Điểm danh › dòng 3 › Mã đại biểu", error.GetProperty("location").GetString());
        Assert.Equal("Mã đại biểu \"YB23-9999\" không có trong danh sách đại biểu của hội nghị.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Minutes_NoForm_IsDoneWithTheSecretaryLeftToFill()
    {
        var job = await Finish(await _host.Client.PostAsync($"/api/after/{Plan}/minutes", null));

        Assert.Equal("done", job.GetProperty("state").GetString());
        var warning = job.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "MINUTES_NO_SECRETARY");
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrWhiteSpace(warning.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Minutes_QuestionsFileThatIsAWordDocument_Is400NamingTheFile()
    {
        using var form = new MultipartFormDataContent { { File(Path.Combine(RepoPaths.Templates, "giay-moi.docx")), "questions", "cau-hoi.xlsx" } };
        var response = await _host.Client.PostAsync($"/api/after/{Plan}/minutes", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("UPLOAD_NOT_XLSX", problem.GetProperty("code").GetString());
        Assert.Contains("cau-hoi.xlsx", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conclusions_FromThePlanFolder_IsTheVanPhongsNoticeGroupedByTopic()
    {
        var job = await Finish(await _host.Client.PostAsync($"/api/after/{Plan}/conclusions", null));

        Assert.Equal("done", job.GetProperty("state").GetString());
        var file = Assert.Single(job.GetProperty("files").EnumerateArray());
        Assert.Equal("thong-bao-ket-luan.docx", file.GetProperty("name").GetString());
        using var doc = WordprocessingDocument.Open(new MemoryStream(await Download(file)), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("VĂN PHÒNG", text, StringComparison.Ordinal);
        Assert.Contains("thông báo kết luận của đồng chí Chủ tịch UBND tỉnh", text, StringComparison.Ordinal);
        Assert.Contains("1. Về", text, StringComparison.Ordinal);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(doc));
    }

    [Fact]
    public async Task Conclusions_UploadedWorkbookWithABadRow_FailsWithTheCoreProblemAtItsRow()
    {
        // A task without its lead body: the notice is refused and the row is named.
        var bad = Path.Combine(_host.OutputRoot, "ket-luan-loi.xlsx");
        Directory.CreateDirectory(_host.OutputRoot);
        SimpleXlsxWriter.Write(bad, new SimpleSheet("Kết luận",
            [("Mã kết luận", 10), ("Nội dung kết luận", 40), ("Cơ quan chủ trì", 20), ("Hạn hoàn thành", 12)],
            [
                ["KL01", "Rà soát biên chế", "Sở Nội vụ", "30/6/2023"],
                ["KL02", "Hướng dẫn thu chi", "", "31/7/2023"],
            ]));

        using var form = new MultipartFormDataContent { { File(bad), "conclusions", "ket-luan-loi.xlsx" } };
        var job = await Finish(await _host.Client.PostAsync($"/api/after/{Plan}/conclusions", form));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal("JOB_FAILED", job.GetProperty("code").GetString());
        var error = job.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("severity").GetString() == "error");
        Assert.Equal("CONCLUSIONS_NO_BODY", error.GetProperty("code").GetString());
        Assert.StartsWith("ket-luan-loi.xlsx › Kết luận › dòng 3", error.GetProperty("location").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Followup_MovingTheDatePastDeadlines_AddsOverdueTasksAndTheirReminders()
    {
        var early = await Followup("10/5/2023");
        Assert.Equal("done", early.GetProperty("state").GetString());
        Assert.Equal(0, early.GetProperty("summary").GetProperty("overdue").GetInt32());
        Assert.DoesNotContain(early.GetProperty("files").EnumerateArray(), f => f.GetProperty("key").GetString() == "reminders");

        var late = await Followup("15/7/2023");
        var summary = late.GetProperty("summary");
        Assert.Equal("15/7/2023", summary.GetProperty("asOf").GetString());
        Assert.Equal(8, summary.GetProperty("tasks").GetInt32());
        Assert.Equal(2, summary.GetProperty("done").GetInt32());
        Assert.Equal(["KL04", "KL07"], summary.GetProperty("overdueTasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).Order().ToArray());
        Assert.Equal(2, summary.GetProperty("reminders").GetInt32());

        var files = late.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        using (var report = SpreadsheetDocument.Open(new MemoryStream(await Download(files["report"])), false))
        {
            Assert.Contains(report.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>(), s => s.Name == "Theo dõi");
        }

        using var zip = new ZipArchive(new MemoryStream(await Download(files["reminders"])));
        Assert.Equal(2, zip.Entries.Count);
        foreach (var entry in zip.Entries)
        {
            using var copy = new MemoryStream();
            using (var s = entry.Open())
            {
                await s.CopyToAsync(copy);
            }

            using var reminder = WordprocessingDocument.Open(copy, false);
            Assert.Contains("đôn đốc", reminder.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(reminder));
        }
    }

    [Fact]
    public async Task Followup_DateThatIsNotADate_Is400InVietnamese()
    {
        using var form = new MultipartFormDataContent { { new StringContent("mai"), "asOf" } };
        var response = await _host.Client.PostAsync($"/api/after/{Plan}/followup", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("AS_OF_INVALID", problem.GetProperty("code").GetString());
        Assert.Contains("\"mai\" không phải là ngày", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_FromThePlanFolder_TotalsInFiguresAndWordsWithOurFormulas()
    {
        var job = await Finish(await _host.Client.PostAsync($"/api/after/{Plan}/budget", null));

        Assert.Equal("done", job.GetProperty("state").GetString());
        var summary = job.GetProperty("summary");
        Assert.Equal(48_844_000, summary.GetProperty("total").GetInt64());
        Assert.Equal("48.844.000", summary.GetProperty("totalText").GetString());
        Assert.StartsWith("Bốn mươi tám triệu tám trăm bốn mươi tư nghìn đồng", summary.GetProperty("totalInWords").GetString(), StringComparison.Ordinal);
        var files = job.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        using (var book = SpreadsheetDocument.Open(new MemoryStream(await Download(files["estimate"])), false))
        {
            var formulas = book.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()).Select(f => f.Text).ToList();
            Assert.Contains(formulas, f => f.StartsWith("SUM(", StringComparison.Ordinal));
        }

        using var submission = WordprocessingDocument.Open(new MemoryStream(await Download(files["submission"])), false);
        Assert.Contains("Kính gửi: Sở Tài chính", submission.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(submission));
    }

    [Fact]
    public async Task Budget_UploadedRateAboveTheCeiling_FailsNamingTheLineAndTheArticle()
    {
        var yaml = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Samples, Plan, "du-toan.yaml"))
            .Replace("tien_an:     { amount: 150000", "tien_an:     { amount: 180000", StringComparison.Ordinal);
        using var form = new MultipartFormDataContent { { new StringContent(yaml), "budget", "du-toan.yaml" } };
        var job = await Finish(await _host.Client.PostAsync($"/api/after/{Plan}/budget", form));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        var error = job.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("severity").GetString() == "error");
        Assert.Equal("BUDGET_RATE_ABOVE_CEILING", error.GetProperty("code").GetString());
        Assert.StartsWith("du-toan.yaml:", error.GetProperty("location").GetString(), StringComparison.Ordinal);
        Assert.Contains("Điều 12 khoản 4 điểm b", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(job.GetProperty("files").EnumerateArray());
    }

    [Fact]
    public async Task Budget_RatesFileThatIsNotYaml_Is400()
    {
        using var form = new MultipartFormDataContent { { File(Path.Combine(RepoPaths.Samples, Plan, "dai-bieu.xlsx")), "budget", "dai-bieu.xlsx" } };
        var response = await _host.Client.PostAsync($"/api/after/{Plan}/budget", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("UPLOAD_NOT_YAML", problem.GetProperty("code").GetString());
        Assert.Contains("dai-bieu.xlsx", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyAfterCall_WithoutThePaneHeader_IsRefused()
    {
        using var bare = new HttpClient { BaseAddress = new Uri(_host.BaseUrl) };
        var response = await bare.PostAsync($"/api/after/{Plan}/budget", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("CROSS_SITE_REFUSED", (await ApiTests.Problem(response)).GetProperty("code").GetString());
    }

    private async Task<JsonElement> Followup(string asOf)
    {
        using var form = new MultipartFormDataContent { { new StringContent(asOf), "asOf" } };
        return await Finish(await _host.Client.PostAsync($"/api/after/{Plan}/followup", form));
    }

    private static ByteArrayContent File(string path) => new(System.IO.File.ReadAllBytes(path));

    private async Task<byte[]> Download(JsonElement file) => await _host.Client.GetByteArrayAsync(file.GetProperty("url").GetString());

    private static IEnumerable<string?> Codes(JsonElement job) => job.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString());

    /// <summary>Awaits the job's end in the host (a state, not a time), then reads it over HTTP.</summary>
    private async Task<JsonElement> Finish(HttpResponseMessage started)
    {
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var finished = _host.Services.GetRequiredService<JobStore>().Finished(id);
        Assert.NotNull(finished);
        await finished;
        return await _host.Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
    }
}
