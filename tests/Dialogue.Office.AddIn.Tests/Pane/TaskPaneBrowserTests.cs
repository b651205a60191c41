using System.Net;
using System.Text.Json;
using Dialogue.Office.AddIn.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dialogue.Office.AddIn.Tests.Pane;

/// <summary>
/// The host on 127.0.0.1 (Kestrel, random port) and headless Debian Chromium with the REAL office.js from
/// @microsoft/office-js. Outside Office, office.js resolves onReady with host null; for the Word and Excel flows the
/// test appends a minimal fake host (fake-office-host.js) to office.js. Screenshots land in artifacts/ (git-ignored).
/// </summary>
public sealed class PaneHost : IAsyncLifetime
{
    private readonly AddInFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The host's local share (the embedded default): folders put here are offered in the Excel card.</summary>
    public string ShareRoot => Path.Combine(_factory.OutputRoot, "share");
    public string BaseUrl { get; private set; } = "";
    public bool Ready { get; private set; }
    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        var chromium = ExternalTools.Find("/usr/bin/chromium") ?? ExternalTools.Find("chromium");
        var officeJs = Directory.Exists(Path.Combine(RepoPaths.AddIn, "node_modules", "@microsoft", "office-js"));
        if (chromium is null || !officeJs)
        {
            SkipReason = chromium is null ? "'chromium' is not installed: apt-get install chromium" : $"npm package '@microsoft/office-js' is not installed: run 'npm ci' in {RepoPaths.AddIn}";
            return;
        }

        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        Ready = true;
    }

    public async Task DisposeAsync()
    {
        if (Ready)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}

public sealed class TaskPaneBrowserTests(PaneHost host) : IClassFixture<PaneHost>
{
    private static readonly string FakeHost = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pane", "fake-office-host.js"));

    private void RequireBrowser()
    {
        if (host.Ready)
        {
            return;
        }

        if (ExternalTools.InCi)
        {
            throw new InvalidOperationException(host.SkipReason + " (CI must install it: see .ci/run)");
        }

        Skip.If(true, host.SkipReason);
    }

    /// <summary>A 320 px wide Vietnamese page; with <paramref name="fakeHost"/>, office.js is the real one plus the fake host.</summary>
    private async Task<IPage> OpenPane(string? fakeHost)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 760 },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        if (fakeHost is not null)
        {
            var draft = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(RepoPaths.Templates, "giay-moi.docx")));
            await page.AddInitScriptAsync($"window.__fakeHost = '{fakeHost}'; window.__draftDocx = '{draft}';");
            await page.RouteAsync("**/lib/office-js/office.js", async route =>
            {
                var real = await route.FetchAsync();
                var body = await real.TextAsync();
                Assert.True(body.Length > 10_000, "office.js from @microsoft/office-js was not served");
                await route.FulfillAsync(new RouteFulfillOptions { Response = real, Body = body + "\n" + FakeHost });
            });
        }

        await page.GotoAsync(host.BaseUrl + "/taskpane.html");
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 20_000 });
        Assert.Empty(errors);
        // The data root holds several sample conferences; these flows use the Yên Bái one.
        await SelectPlan(page, "yen-bai-2023");
        Assert.Contains("298 đại biểu", await page.InnerTextAsync("#plan-info"), StringComparison.Ordinal);
        return page;
    }

    /// <summary>Selects a conference and waits until the pane shows that conference, delegates included (not a neighbouring element).</summary>
    private static async Task SelectPlan(IPage page, string planId)
    {
        await page.SelectOptionAsync("#plan", planId);
        await WaitForPlan(page, planId, "ready");
    }

    private static async Task WaitForPlan(IPage page, string planId, string state)
    {
        try
        {
            await page.WaitForSelectorAsync($"#plan-card[data-plan='{planId}'][data-state='{state}']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the pane never showed {planId} as {state}; #plan-card is {await page.EvalOnSelectorAsync<string>("#plan-card", "c => JSON.stringify(c.dataset)")}, status: {await page.InnerTextAsync("#status")}");
        }
    }

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(RepoPaths.Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, name), FullPage = true });
    }

    private static async Task WaitForStatus(IPage page, string text)
    {
        try
        {
            // A state, not a time: the timeout only guards against a hang (jobs of 300 letters take long on a loaded machine).
            await page.WaitForFunctionAsync("t => document.getElementById('status').textContent.includes(t)", text, new PageWaitForFunctionOptions { Timeout = 180_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"status never said \"{text}\"; it says \"{await page.InnerTextAsync("#status")}\", problems: {await page.InnerTextAsync("#problems")}");
        }
    }

    [SkippableFact]
    public async Task Browser_OutsideOffice_ShowsNoticeGeneratesAndDownloadsThePrintFile()
    {
        RequireBrowser();
        var page = await OpenPane(null);

        // The real office.js, outside Office: onReady resolves with no host.
        Assert.Null(await page.EvaluateAsync<string?>("Office.onReady().then(i => i.host)"));
        Assert.Contains("Ngăn đang mở ngoài Word và Excel", await page.InnerTextAsync("#notice"), StringComparison.Ordinal);
        Assert.Contains("298 đại biểu", await page.InnerTextAsync("#plan-info"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#fields-card"));
        Assert.False(await page.IsVisibleAsync("#delegates-card"));

        await page.ClickAsync("#generate");
        await WaitForStatus(page, "Đã tạo 297 giấy mời");
        Assert.Equal(3, await page.Locator("#generate-job .files li").CountAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#generate-job .files li").Filter(new LocatorFilterOptions { HasText = "Tệp in gộp" }).Locator("button").ClickAsync());
        Assert.Equal("giay-moi-in-gop.docx", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"in-gop-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(saved);
        using (var doc = WordprocessingDocument.Open(saved, false))
        {
            Assert.Contains("Kính gửi", doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        File.Delete(saved);

        // Publish to the local share (no tenant): the folder link is shown; the folder itself is never listed (our
        // Vietnamese 404 page), its files are served.
        await page.ClickAsync("#generate-job > button:has-text('Công bố')");
        await WaitForStatus(page, "Đã chép vào thư mục chia sẻ cục bộ");
        var link = await page.GetAttributeAsync("#generate-job-publish a.link", "href");
        Assert.StartsWith(host.BaseUrl + "/share/", link, StringComparison.Ordinal);
        var listing = await page.APIRequest.GetAsync(link!);
        Assert.Equal(404, listing.Status);
        Assert.DoesNotContain("giay-moi-in-gop.docx", await listing.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", await listing.TextAsync(), StringComparison.Ordinal);
        var file = await page.APIRequest.GetAsync(link!.TrimEnd('/') + "/giay-moi-in-gop.docx");
        Assert.Equal(200, file.Status);
        await Shot(page, "pane-browser.png");
        await NoHorizontalScroll(page);
    }

    [SkippableFact]
    public async Task Word_InsertFieldPreviewRestoreAndGenerateFromTheOpenDraft()
    {
        RequireBrowser();
        var page = await OpenPane("Word");
        Assert.Contains("Trong Word", await page.InnerTextAsync("#host-label"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#notice"));
        Assert.Equal(0, await page.EvaluateAsync<int>("window.__office.controls.length"));

        // Insert a field at the cursor, then seed the addressee the way a draft holds it.
        await page.SelectOptionAsync("#field", "HoTen");
        await page.ClickAsync("#insert-field");
        await WaitForStatus(page, "Đã chèn trường «Họ và tên đại biểu»");
        var inserted = await page.EvaluateAsync<JsonElement>("window.__office.controls[0]");
        Assert.Equal("HoTen", inserted.GetProperty("tag").GetString());
        Assert.Equal("Tags", inserted.GetProperty("appearance").GetString());
        await page.EvaluateAsync("window.__office.seedControl('KinhGui', '«Kính gửi»')");

        // Preview for the second delegate, then back to the draft.
        var option = await page.EvalOnSelectorAsync<string[]>("#delegate", "s => [s.options[1].value, s.options[1].text]");
        await page.SelectOptionAsync("#delegate", option[0]);
        await page.ClickAsync("#preview");
        await WaitForStatus(page, "Đang xem giấy mời gửi");
        var addressee = option[1][(option[1].IndexOf(" – ", StringComparison.Ordinal) + 3)..];
        Assert.Equal(addressee, await page.EvaluateAsync<string>("window.__office.controls.find(c => c.tag === 'KinhGui').text"));
        await Shot(page, "pane-word-preview.png");
        await page.ClickAsync("#restore");
        await WaitForStatus(page, "Đã trả văn bản về bản mẫu");
        Assert.Equal("«Kính gửi»", await page.EvaluateAsync<string>("window.__office.controls.find(c => c.tag === 'KinhGui').text"));
        Assert.Equal("«Họ và tên đại biểu»", await page.EvaluateAsync<string>("window.__office.controls.find(c => c.tag === 'HoTen').text"));

        // Generate from the open draft (getFileAsync gives templates/giay-moi.docx), then open the print file in Word.
        await page.ClickAsync("#generate");
        await WaitForStatus(page, "Đã tạo 297 giấy mời");
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__office.fileReads"));
        // 298 delegates, 297 letters: the pane says why one has none (the signer).
        Assert.Equal("Hoàn tất: 297/298", await page.InnerTextAsync("#generate-job > p.hint"));
        Assert.Contains("người ký giấy mời", await page.InnerTextAsync("#problems"), StringComparison.Ordinal);
        await page.Locator("#generate-job .files li").Filter(new LocatorFilterOptions { HasText = "Tệp in gộp" }).GetByText("Mở trong Word").ClickAsync();
        await WaitForStatus(page, "Đã mở giay-moi-in-gop.docx");
        var opened = await page.EvaluateAsync<string>("window.__office.opened[0]");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(Convert.FromBase64String(opened)), false))
        {
            Assert.Contains(addressee, doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        await Shot(page, "pane-word.png");

        // Insert the programme at the cursor, then check the open draft against ND30.
        await page.ClickAsync("#programme-card > summary");
        await page.ClickAsync("#insert-programme");
        await WaitForStatus(page, "Đã chèn Chương trình hội nghị");
        var programme = await page.EvaluateAsync<JsonElement>("window.__office.insertedFiles[0]");
        Assert.Equal("Replace", programme.GetProperty("location").GetString());
        using (var doc = WordprocessingDocument.Open(new MemoryStream(Convert.FromBase64String(programme.GetProperty("base64").GetString()!)), false))
        {
            Assert.Contains("CHƯƠNG TRÌNH", doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        await page.ClickAsync("#check-card > summary");
        await page.ClickAsync("#check");
        await WaitForStatus(page, "Đạt thể thức");
        await NoHorizontalScroll(page);
    }

    [SkippableFact]
    public async Task Word_SwitchingConferencesQuickly_DropsTheLateDelegateListOfTheFirst()
    {
        RequireBrowser();
        var page = await OpenPane("Word");
        var yenBai = await page.EvalOnSelectorAsync<string[]>("#delegate", "s => [...s.options].map(o => o.value)");
        Assert.Equal(298, yenBai.Length);

        // Hold the other conference's delegate list in the network until the Yên Bái one is shown.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/plans/xa-2026/delegates", async route =>
        {
            reached.TrySetResult();
            await held.Task;
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The pane aborted this request when the clerk switched back: nothing to continue.
            }
        });
        await page.SelectOptionAsync("#plan", "xa-2026");
        await WaitForPlan(page, "xa-2026", "loading");
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a guard against a hang, not a wait for time
        Assert.Equal("Đang tải thông tin hội nghị…", await page.InnerTextAsync("#plan-info"));
        Assert.True(await page.IsDisabledAsync("#delegate"));

        await SelectPlan(page, "yen-bai-2023");
        held.SetResult();
        await page.WaitForSelectorAsync("#plan-card[data-dropped='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

        // Still Yên Bái: its information, its 298 delegates, and a preview fills in one of them.
        Assert.Equal("yen-bai-2023", await page.GetAttributeAsync("#plan-card", "data-plan"));
        Assert.Equal("ready", await page.GetAttributeAsync("#plan-card", "data-state"));
        Assert.Contains("298 đại biểu", await page.InnerTextAsync("#plan-info"), StringComparison.Ordinal);
        Assert.Equal(yenBai, await page.EvalOnSelectorAsync<string[]>("#delegate", "s => [...s.options].map(o => o.value)"));
        await page.EvaluateAsync("window.__office.seedControl('KinhGui', '«Kính gửi»')");
        await page.SelectOptionAsync("#delegate", yenBai[1]);
        await page.ClickAsync("#preview");
        await WaitForStatus(page, "Đang xem giấy mời gửi");
    }

    [SkippableFact]
    public async Task Excel_ConsolidatesReturnedSheetsShowsTheReconciliationAndInsertsTheSheets()
    {
        RequireBrowser();
        var page = await OpenPane("Excel");
        Assert.Contains("Trong Excel", await page.InnerTextAsync("#host-label"), StringComparison.Ordinal);
        Assert.True(await page.IsVisibleAsync("#consolidate-card"));
        Assert.False(await page.IsVisibleAsync("#generate-card"));
        Assert.False(await page.IsVisibleAsync("#fields-card"));

        // The clerk picks every returned sheet of the sample (one of them corrupt, plus the register of receipts).
        var returns = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "yen-bai-2023", "phieu-tra-ve"));
        await page.SetInputFilesAsync("#question-files", returns);
        Assert.Contains($"{returns.Length} tệp", await page.InnerTextAsync("#question-files-name"), StringComparison.Ordinal);
        await page.ClickAsync("#consolidate");
        await WaitForStatus(page, "Đã tổng hợp");
        var stats = await page.InnerTextAsync("#consolidate-job .stats");
        Assert.Contains("Khớp", stats, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân huyện Trạm Tấu: Chưa nộp", await page.InnerTextAsync("#consolidate-job .tracking"), StringComparison.Ordinal);
        Assert.Contains("bao-cao-cau-hoi (1).xlsx", await page.InnerTextAsync("#problems"), StringComparison.Ordinal);
        await Shot(page, "pane-excel.png");

        await page.Locator("#consolidate-job .files li").GetByText("Chèn vào sổ tính").ClickAsync();
        await WaitForStatus(page, "trang tính vào sổ tính");
        var call = await page.EvaluateAsync<JsonElement>("window.__office.insertedSheets[0]");
        Assert.Equal("End", call.GetProperty("options").GetProperty("positionType").GetString());
        using (var book = SpreadsheetDocument.Open(new MemoryStream(Convert.FromBase64String(call.GetProperty("base64").GetString()!)), false))
        {
            Assert.Contains(book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>(), s => s.Name == "Tổng hợp");
        }

        // The delegate list of the conference, from the collapsed card.
        await page.ClickAsync("#delegates-card > summary");
        await page.ClickAsync("#insert-delegates");
        await WaitForStatus(page, "Đã chèn danh sách đại biểu");
        var delegates = await page.EvaluateAsync<string>("window.__office.insertedSheets[1].base64");
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "yen-bai-2023", "dai-bieu.xlsx")), Convert.FromBase64String(delegates));
        await NoHorizontalScroll(page);
    }

    [SkippableFact]
    public async Task Excel_ConsolidatesTheSheetsOfALocalShareFolder()
    {
        RequireBrowser();
        var folder = Path.Combine(host.ShareRoot, "Phiếu trả về");
        Directory.CreateDirectory(folder);
        var returns = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "yen-bai-2023", "phieu-tra-ve"));
        foreach (var file in returns)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        var page = await OpenPane("Excel");
        Assert.True(await page.IsVisibleAsync("#question-folder"));
        Assert.False(await page.IsVisibleAsync("#question-folder-link"));
        Assert.Contains($"Phiếu trả về ({returns.Length} phiếu)", await page.InnerTextAsync("#question-folder"), StringComparison.Ordinal);

        await page.ClickAsync("#consolidate-folder");
        await WaitForStatus(page, "Hãy chọn thư mục chia sẻ");
        await page.SelectOptionAsync("#question-folder", "Phiếu trả về");
        await page.ClickAsync("#consolidate-folder");
        await WaitForStatus(page, "Đã tổng hợp");
        Assert.Contains("Khớp", await page.InnerTextAsync("#consolidate-job .stats"), StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân huyện Trạm Tấu: Chưa nộp", await page.InnerTextAsync("#consolidate-job .tracking"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#consolidate-job .files li").GetByText("Chèn vào sổ tính").IsVisibleAsync());
        await Shot(page, "pane-excel-folder.png");
        await NoHorizontalScroll(page);
    }

    /// <summary>At 320 px nothing may stick out sideways.</summary>
    private static async Task NoHorizontalScroll(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the pane scrolls sideways at 320 px");

    /// <summary>
    /// CSP frame-ancestors: a page of another origin (not Office) that frames the pane gets Chromium's refusal and no
    /// pane; the host framing its own pane (as Office's own frames would, by origin) still works.
    /// </summary>
    [SkippableFact]
    public async Task Framing_ByANonOfficeOrigin_IsRefusedByTheBrowser()
    {
        RequireBrowser();
        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var frameHtml = $"<!doctype html><html lang=\"vi\"><title>khung</title><body><iframe id=\"pane\" onload=\"document.body.dataset.loaded='1'\" src=\"{host.BaseUrl}/taskpane.html\" width=\"320\" height=\"600\"></iframe></html>";
        await context.RouteAsync("http://evil.example/**", r => r.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = frameHtml }));
        await context.RouteAsync(host.BaseUrl + "/khung-thu.html", r => r.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = frameHtml }));

        await page.GotoAsync("http://evil.example/");
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = 20_000, State = WaitForSelectorState.Attached });
        var framed = page.Frames.Single(f => f != page.MainFrame);
        Assert.Null(await framed.QuerySelectorAsync("#plan"));
        Assert.StartsWith("chrome-error://", framed.Url, StringComparison.Ordinal);

        // The control: the host's own page framing its own help page (frame-ancestors 'self') gets it.
        var own = await context.NewPageAsync();
        await own.GotoAsync(host.BaseUrl + "/help.html");
        await own.EvaluateAsync("() => { const f = document.createElement('iframe'); f.id = 'own'; f.src = 'help.html'; document.body.appendChild(f); }");
        await own.WaitForFunctionAsync(
            "() => document.getElementById('own').contentDocument?.documentElement?.lang === 'vi'",
            null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });
    }
}
