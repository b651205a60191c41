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

    [Fact]
    public async Task PublishedByTheCli_LocalShareAndSharePoint_PageListsTheFiles()
    {
        var delegateView = _plan.Delegates.First(d => d.Kind == AddresseeKind.Person && !d.IsPresidium);
        var chair = _plan.Delegates.First(d => d.IsPresidium);
        var root = Path.Combine(Path.GetTempPath(), "cli-published-" + Guid.NewGuid().ToString("N"));
        await using var server = await Automation.Tests.Sharing.FakeGraphServer.StartAsync();
        try
        {
            // The clerk's CLI shares the host's local share folder (as it must for the host to serve what it copies).
            _ = await _client.GetStringAsync(Link(delegateView)); // the host is up
            var share = Path.Combine(_factory.Services.GetRequiredService<JobStore>().Root, "share");
            var environment = new Dictionary<string, string>
            {
                ["DIALOGUE_Sharing__LocalShare__Root"] = share,
                ["DIALOGUE_Sharing__LocalShare__BaseUrl"] = AttendanceFactory.PublicBaseUrl + "/share",
                ["DIALOGUE_Sharing__Graph__BaseUrl"] = server.GraphBaseUrl,
                ["DIALOGUE_Sharing__Graph__Auth"] = "AccessToken",
                ["DIALOGUE_Sharing__Graph__AccessTokenVariable"] = "DIALOGUE_TEST_CLI_TOKEN",
                ["DIALOGUE_TEST_CLI_TOKEN"] = server.CurrentToken,
            };

            // `dialogue build --publish` to the local share: the page lists the delegates' folder, served by the host.
            var output = Path.Combine(root, "out");
            var (exit, text) = Packets.PacketFlowTests.RunCli(["build", Path.Combine(RepoPaths.Samples, Plan), "--out", output, "--publish"], environment);
            Assert.True(exit == 0, text);
            var page = await _client.GetStringAsync(Link(delegateView));
            var programme = Assert.Single(Links().Matches(page), m => WebUtility.HtmlDecode(m.Groups[2].Value) == "Chương trình hội nghị (DOCX)");
            var url = new Uri(WebUtility.HtmlDecode(programme.Groups[1].Value));
            Assert.StartsWith(AttendanceFactory.PublicBaseUrl + "/share/", url.AbsoluteUri, StringComparison.Ordinal);
            Assert.EndsWith("/dai-bieu/chuong-trinh.docx", url.AbsolutePath, StringComparison.Ordinal);
            Assert.DoesNotContain("giay-moi", page, StringComparison.Ordinal);
            var served = await _client.GetAsync(url.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(output, "dai-bieu", "chuong-trinh.docx")), await served.Content.ReadAsByteArrayAsync());
            var book = Path.Combine(output, _plan.Audiences.FolderOf(OutputKind.AnswerBook), AnswerBook.FileName);
            Assert.Equal(File.Exists(book), (await _client.GetStringAsync(Link(chair))).Contains("tai-lieu-tra-loi", StringComparison.Ordinal));

            // `dialogue publish --plan` keeps the record too (the build's record removed first): the chair's page lists
            // the answer book last.
            var record = Automation.Attendance.DelegateDocuments.RecordPath(share, "YB23");
            Assert.True(File.Exists(record), record);
            File.Delete(record);
            Directory.CreateDirectory(Path.GetDirectoryName(book)!);
            File.Copy(Path.Combine(output, "dai-bieu", "chuong-trinh.docx"), book, overwrite: true);
            (exit, text) = Packets.PacketFlowTests.RunCli(["publish", output, "--plan", Path.Combine(RepoPaths.Samples, Plan)], environment);
            Assert.True(exit == 0, text);
            var chairLinks = Links().Matches(await _client.GetStringAsync(Link(chair))).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();
            Assert.Contains("Chương trình hội nghị (DOCX)", chairLinks);
            Assert.Equal("Tài liệu trả lời câu hỏi (dành cho đồng chí chủ trì) (DOCX)", chairLinks[^1]);
            Assert.DoesNotContain("tai-lieu-tra-loi", await _client.GetStringAsync(Link(delegateView)), StringComparison.Ordinal);

            // `dialogue build` of the same conference with a SharePoint site (published with the build): the page now
            // lists the SharePoint links of that publication.
            var withSite = Packets.PacketFlowTests.CopyPlanWithSite(Path.Combine(root, "data"), server.SiteUrl);
            (exit, text) = Packets.PacketFlowTests.RunCli(["build", withSite, "--out", Path.Combine(root, "sp-out")], environment);
            Assert.True(exit == 0, text);
            var spPage = await _client.GetStringAsync(Link(delegateView));
            var spProgramme = Assert.Single(Links().Matches(spPage), m => WebUtility.HtmlDecode(m.Groups[2].Value) == "Chương trình hội nghị (DOCX)");
            Assert.DoesNotContain("/share/", spProgramme.Groups[1].Value, StringComparison.Ordinal);
            Assert.StartsWith("https://", spProgramme.Groups[1].Value, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(root, true);
            }
            catch (IOException)
            {
            }
        }
    }

    private string Link(ConferenceDelegate d) => $"/d/{d.Code}?k={_factory.Key().Token(d.Code)}";

    [GeneratedRegex("<li><a href=\"([^\"]+)\" rel=\"noreferrer noopener\">([^<]+)</a></li>")]
    private static partial Regex Links();
}
