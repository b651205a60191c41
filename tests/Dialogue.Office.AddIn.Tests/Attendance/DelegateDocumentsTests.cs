using System.Net;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.AddIn.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dialogue.Office.AddIn.Tests.Attendance;

/// <summary>
/// The delegate page's documents over HTTP: the host builds the packet and publishes it to its local share; then a
/// delegate's page lists the files of the delegates' folder (the programme) with links the share serves, never a
/// file of the chairs' or the secretariat's folders; a chair's page also lists the answer book.
/// </summary>
public sealed partial class DelegateDocumentsTests : IDisposable
{
    private const string Plan = "yen-bai-2023";
    private readonly AttendanceFactory _factory = new();
    private readonly HttpClient _client;
    private readonly ConferencePlan _plan = PlanLoader.Load(Path.Combine(RepoPaths.Samples, Plan)).Plan!;

    public DelegateDocumentsTests()
    {
        _client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Published_DelegatesSeeTheirFolder_TheChairAlsoTheAnswerBook()
    {
        var delegateView = _plan.Delegates.First(d => d.Kind == AddresseeKind.Person && !d.IsPresidium);
        var chair = _plan.Delegates.First(d => d.IsPresidium);

        // Before any publication: the plan's documents link, as before.
        var before = await _client.GetStringAsync(Link(delegateView));
        Assert.DoesNotContain("chuong-trinh.docx", before, StringComparison.Ordinal);

        var packet = await Jobs.Finish(_factory, _client, await _client.PostAsync($"/api/plans/{Plan}/packet", null));
        Assert.Equal("done", packet.GetProperty("state").GetString());
        var jobId = packet.GetProperty("id").GetString()!;

        // The chairs' answer book is in the packet's leaders' folder when it exists (after "questions answers").
        var output = Path.Combine(_factory.Services.GetRequiredService<JobStore>().Root, jobId, "ket-qua");
        var book = Path.Combine(output, _plan.Audiences.FolderOf(OutputKind.AnswerBook), AnswerBook.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(book)!);
        File.Copy(Directory.GetFiles(Path.Combine(output, "dai-bieu"), "*.docx")[0], book, overwrite: true);
        var published = await Jobs.Finish(_factory, _client, await _client.PostAsync($"/api/publish/jobs/{jobId}", null));
        Assert.Equal("done", published.GetProperty("state").GetString());

        var page = await _client.GetStringAsync(Link(delegateView));
        var links = Links().Matches(page).Select(m => (Url: WebUtility.HtmlDecode(m.Groups[1].Value), Title: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        var programme = Assert.Single(links, l => l.Title == "Chương trình hội nghị (DOCX)");
        Assert.EndsWith("/dai-bieu/chuong-trinh.docx", programme.Url, StringComparison.Ordinal);
        Assert.All(links, l => Assert.Contains("/dai-bieu/", l.Url, StringComparison.Ordinal));
        Assert.DoesNotContain("tai-lieu-tra-loi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("giay-moi", page, StringComparison.Ordinal);

        // The link opens the file the share serves.
        var served = await _client.GetAsync(new Uri(programme.Url).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(output, "dai-bieu", "chuong-trinh.docx")), await served.Content.ReadAsByteArrayAsync());

        var chairPage = await _client.GetStringAsync(Link(chair));
        var chairLinks = Links().Matches(chairPage).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();
        Assert.Contains("Chương trình hội nghị (DOCX)", chairLinks);
        Assert.Equal("Tài liệu trả lời câu hỏi (dành cho đồng chí chủ trì) (DOCX)", chairLinks[^1]);
        Assert.Contains($"/{_plan.Audiences.FolderOf(OutputKind.AnswerBook)}/tai-lieu-tra-loi.docx", chairPage, StringComparison.Ordinal);
    }

    private string Link(ConferenceDelegate d) => $"/d/{d.Code}?k={_factory.Key().Token(d.Code)}";

    [GeneratedRegex("<li><a href=\"([^\"]+)\" rel=\"noreferrer noopener\">([^<]+)</a></li>")]
    private static partial Regex Links();
}
