using System.Net;
using System.Text.Json;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.AddIn.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dialogue.Office.AddIn.Tests.Pane;

/// <summary>
/// The host on 127.0.0.1 (Kestrel, random port) with <c>AddIn:OfficeJs=local</c> (the pages then load the REAL
/// office.js from @microsoft/office-js instead of Microsoft's CDN, which this machine cannot reach) and headless
/// Debian Chromium. Outside Office, office.js resolves onReady with host null; for the Word and Excel flows the test
/// appends a minimal fake host (fake-office-host.js) to office.js. Screenshots land in artifacts/ (git-ignored).
/// </summary>
public sealed class PaneHost : IAsyncLifetime
{
    private readonly LocalOfficeJsFactory _factory = new();

    private sealed class LocalOfficeJsFactory : AddInFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("AddIn:OfficeJs", "local")];
    }
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
        var fluent = File.Exists(Path.Combine(RepoPaths.AddIn, "obj", "pane", "fluent.js"));
        if (chromium is null || !officeJs || !fluent)
        {
            SkipReason = chromium is null ? "'chromium' is not installed: apt-get install chromium"
                : !officeJs ? $"npm package '@microsoft/office-js' is not installed: run 'npm ci' in {RepoPaths.AddIn}"
                : $"the pane's Fluent UI bundle is not built: run 'npm ci' in {RepoPaths.AddIn}, then build again";
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

public sealed class TaskPaneBrowserTests(PaneHost host) : IClassFixture<PaneHost>, IDisposable
{
    /// <summary>
    /// How long a wait for a state of the page (ready, plan card ready) may take before the test fails. A guard, not a
    /// wait: each wait returns as soon as its state holds. Under the stress run (.ci/stress: the suite beside a second
    /// `dotnet test`, load average about 60 on two cores) the pane took more than the former 20 s to set body[data-ready].
    /// </summary>
    internal const float StateGuard = 180_000;

    internal static readonly string FakeHost = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pane", "fake-office-host.js"));

    /// <summary>What Chromium refused under the host's Content-Security-Policy, on every page <see cref="OpenPane"/> opened.</summary>
    private readonly List<string> _cspViolations = [];

    /// <summary>
    /// The one refusal the CSP makes on purpose: office.js's logging proxy, a hidden frame it appends to &lt;head&gt;
    /// (telemetryservice.firstpartyapps.oaspapps.com, with style="display:none"). The pane sends no telemetry; nothing shows.
    /// </summary>
    private static bool OfficeJsTelemetry(string refusal) =>
        refusal.Contains("/lib/office-js/o15apptofilemappingtable.js:", StringComparison.Ordinal)
        && (refusal.Contains("(frame-src): https://telemetryservice.firstpartyapps.oaspapps.com", StringComparison.Ordinal)
            || refusal.Contains("(style-src-attr): inline", StringComparison.Ordinal));

    /// <summary>Every flow runs under the host's real CSP: a refused script, style, image or call fails the test.</summary>
    public void Dispose()
    {
        lock (_cspViolations)
        {
            Assert.True(_cspViolations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", _cspViolations));
        }
    }

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

        ExternalTools.SkipBecause(host.SkipReason ?? "the browser could not start");
    }

    /// <summary>
    /// A Vietnamese page <paramref name="width"/> px wide; with <paramref name="fakeHost"/>, office.js is the real one
    /// plus the fake host. Waits until the pane is ready and the Yên Bái conference is chosen and loaded.
    /// </summary>
    private async Task<IPage> OpenPane(string? fakeHost, int width = 320, string? officeTheme = null)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 760 },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(StateGuard);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Text.StartsWith("Content Security Policy refused", StringComparison.Ordinal) && !OfficeJsTelemetry(m.Text))
            {
                lock (_cspViolations)
                {
                    _cspViolations.Add(m.Text);
                }
            }
        };
        // Where each refusal comes from (directive, blocked address, script and line, sample): the console says less.
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => console.error(
              `Content Security Policy refused (${e.effectiveDirective}): ${e.blockedURI} from ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
            """);
        var officeJsServed = false;
        await page.RouteAsync("**/lib/office-js/office.js", async route =>
        {
            var real = await route.FetchAsync();
            var body = await real.TextAsync();
            Assert.True(body.Length > 10_000, "office.js from @microsoft/office-js was not served");
            officeJsServed = true;
            await route.FulfillAsync(new RouteFulfillOptions { Response = real, Body = fakeHost is null ? body : body + "\n" + FakeHost });
        });
        if (fakeHost is not null)
        {
            var draft = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(RepoPaths.Templates, "giay-moi.docx")));
            await page.AddInitScriptAsync($"window.__fakeHost = '{fakeHost}'; window.__draftDocx = '{draft}';" + (officeTheme is null ? "" : $"window.__officeTheme = {officeTheme};"));
        }

        var response = await page.GotoAsync(host.BaseUrl + "/taskpane.html");
        Assert.Equal(HostDefences.ContentSecurityPolicy(localOfficeJs: true, signInAuthority: null), response!.Headers["content-security-policy"]);
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = StateGuard });
        Assert.Empty(errors);
        Assert.True(officeJsServed, "the page did not load office.js from its configured (local) source");
        // The data root holds several sample conferences; these flows use the Yên Bái one.
        await Choose(page, "#plan", "yen-bai-2023");
        await WaitForPlan(page, "yen-bai-2023");
        Assert.Contains("298 đại biểu", await page.InnerTextAsync("#plan-info"), StringComparison.Ordinal);
        return page;
    }

    /// <summary>Chooses an option of a Fluent dropdown the way a clerk does: open it, click the option.</summary>
    internal static async Task Choose(IPage page, string dropdown, string value)
    {
        if (await page.EvalOnSelectorAsync<bool>(dropdown, "(d, v) => [...d.querySelectorAll('fluent-option')].some(o => o.selected && o.value === v)", value))
        {
            return;
        }

        await page.ClickAsync(dropdown);
        await page.ClickAsync($"{dropdown} fluent-option[value='{value}']");
        await page.WaitForFunctionAsync("([d, v]) => [...document.querySelector(d).querySelectorAll('fluent-option')].some(o => o.selected && o.value === v)", new[] { dropdown, value });
    }

    /// <summary>Waits until #plan-card shows <paramref name="id"/> in <paramref name="state"/> (loading, ready, failed).</summary>
    internal static async Task WaitForPlan(IPage page, string id, string state = "ready")
    {
        try
        {
            await page.WaitForSelectorAsync($"#plan-card[data-plan='{id}'][data-state='{state}']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = StateGuard });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the pane never showed {id} as {state}; #plan-card is {await page.EvalOnSelectorAsync<string>("#plan-card", "c => JSON.stringify(c.dataset)")}, status: {await page.InnerTextAsync("#status")}");
        }
    }

    /// <summary>axe-core over the whole page: no serious or critical violation (the others are reported, not failed).</summary>
    private static async Task NoSeriousAccessibilityIssue(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "axe: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => $"{n.Html} {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))}")));
        Assert.True(result.Passes.Length > 10, "axe ran no checks");
    }

    /// <summary>Every control the pane shows is a defined Fluent UI Web Component (no bare HTML button, select or input).</summary>
    private static async Task OnlyFluentControls(IPage page)
    {
        var bare = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('button, select, input:not([type=file]), textarea, progress, details')]
              .filter(e => !e.closest('fluent-dropdown, fluent-text-input') && e.offsetParent !== null)
              .map(e => e.outerHTML.slice(0, 80))
            """);
        Assert.Empty(bare);
        var undefinedTags = await page.EvaluateAsync<string[]>("""
            () => [...new Set([...document.querySelectorAll('*')].map(e => e.localName).filter(n => n.startsWith('fluent-')))]
              .filter(n => !customElements.get(n))
            """);
        Assert.Empty(undefinedTags);
    }

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(RepoPaths.Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, name), FullPage = true });
    }

    internal static async Task WaitForStatus(IPage page, string text)
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
        // Where documents go, as api/config states it: the local share and its address, in labelled Vietnamese fields.
        Assert.True(await page.IsVisibleAsync("#share-info"));
        Assert.Equal(["Nơi công bố", "Địa chỉ thư mục chia sẻ", "Lý do"], await page.Locator("#share-info dt").AllInnerTextsAsync());
        var sharing = await page.Locator("#share-info dd").AllInnerTextsAsync();
        Assert.Equal("Thư mục chia sẻ cục bộ của máy chủ", sharing[0]);
        Assert.Equal(host.BaseUrl + "/share/", sharing[1]);
        await OnlyFluentControls(page);
        await NoSeriousAccessibilityIssue(page);

        await page.ClickAsync("#generate");
        await WaitForStatus(page, "Đã tạo 297 giấy mời");
        Assert.Equal(3, await page.Locator("#generate-job .files li").CountAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#generate-job .files li").Filter(new LocatorFilterOptions { HasText = "Tệp in gộp" }).GetByText("Tải về").ClickAsync());
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
        await page.ClickAsync("#generate-job-publish-button");
        await WaitForStatus(page, "Đã chép vào thư mục chia sẻ cục bộ");
        var link = await page.GetAttributeAsync("#generate-job-publish fluent-link.link", "href");
        Assert.StartsWith(host.BaseUrl + "/share/", link, StringComparison.Ordinal);
        var listing = await page.APIRequest.GetAsync(link!);
        Assert.Equal(404, listing.Status);
        Assert.DoesNotContain("giay-moi-in-gop.docx", await listing.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", await listing.TextAsync(), StringComparison.Ordinal);
        // The link opens the delegates' folder (issue 19): the print file is the secretariat's, not there, and in its own
        // folder never served without sign-in.
        var linked = link!.TrimEnd('/');
        Assert.EndsWith("/dai-bieu", linked, StringComparison.Ordinal);
        Assert.Equal(404, (await page.APIRequest.GetAsync(linked + "/giay-moi-in-gop.docx")).Status);
        var file = await page.APIRequest.GetAsync(linked[..^"dai-bieu".Length] + "thu-ky/giay-moi-in-gop.docx");
        Assert.Equal(401, file.Status);
        await Shot(page, "pane-browser.png");
        await NoHorizontalScroll(page);
        await NoSeriousAccessibilityIssue(page);
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
        await OnlyFluentControls(page);
        await NoSeriousAccessibilityIssue(page);
        await Choose(page, "#field", "HoTen");
        await page.ClickAsync("#insert-field");
        await WaitForStatus(page, "Đã chèn trường «Họ và tên đại biểu»");
        var inserted = await page.EvaluateAsync<JsonElement>("window.__office.controls[0]");
        Assert.Equal("HoTen", inserted.GetProperty("tag").GetString());
        Assert.Equal("Tags", inserted.GetProperty("appearance").GetString());
        await page.EvaluateAsync("window.__office.seedControl('KinhGui', '«Kính gửi»')");

        // Preview for the second delegate, then back to the draft.
        var option = await page.EvalOnSelectorAsync<string[]>("#delegate", "d => { const o = d.querySelectorAll('fluent-option')[1]; return [o.value, o.textContent]; }");
        await Choose(page, "#delegate", option[0]);
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
        // 298 delegates, 297 letters: progress ends at the real total, and the pane says why one has none (the signer).
        Assert.Equal("Hoàn tất: 297/297", await page.InnerTextAsync("#generate-job > p.hint"));
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
        await page.ClickAsync("#programme-card fluent-accordion-item");
        await page.ClickAsync("#insert-programme");
        await WaitForStatus(page, "Đã chèn Chương trình hội nghị");
        var programme = await page.EvaluateAsync<JsonElement>("window.__office.insertedFiles[0]");
        Assert.Equal("Replace", programme.GetProperty("location").GetString());
        using (var doc = WordprocessingDocument.Open(new MemoryStream(Convert.FromBase64String(programme.GetProperty("base64").GetString()!)), false))
        {
            Assert.Contains("CHƯƠNG TRÌNH", doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        await page.ClickAsync("#check-card fluent-accordion-item");
        await page.ClickAsync("#check");
        await WaitForStatus(page, "Đạt thể thức");
        await NoHorizontalScroll(page);
        await NoSeriousAccessibilityIssue(page);
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
        await OnlyFluentControls(page);
        await NoSeriousAccessibilityIssue(page);

        await page.Locator("#consolidate-job .files li").GetByText("Chèn vào sổ tính").ClickAsync();
        await WaitForStatus(page, "trang tính vào sổ tính");
        var call = await page.EvaluateAsync<JsonElement>("window.__office.insertedSheets[0]");
        Assert.Equal("End", call.GetProperty("options").GetProperty("positionType").GetString());
        using (var book = SpreadsheetDocument.Open(new MemoryStream(Convert.FromBase64String(call.GetProperty("base64").GetString()!)), false))
        {
            Assert.Contains(book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>(), s => s.Name == "Tổng hợp");
        }

        // The delegate list of the conference, from the collapsed card.
        await page.ClickAsync("#delegates-card fluent-accordion-item");
        await page.ClickAsync("#insert-delegates");
        await WaitForStatus(page, "Đã chèn danh sách đại biểu");
        var delegates = await page.EvaluateAsync<string>("window.__office.insertedSheets[1].base64");
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "yen-bai-2023", "dai-bieu.xlsx")), Convert.FromBase64String(delegates));
        await NoHorizontalScroll(page);
    }

    [SkippableFact]
    public async Task Excel_ReportsAndAnswerBook_FromTheConsolidation_DatedByThePlanOrTheClerk()
    {
        RequireBrowser();
        var page = await OpenPane("Excel");
        await page.SetInputFilesAsync("#question-files", Directory.GetFiles(Path.Combine(RepoPaths.Samples, "yen-bai-2023", "phieu-tra-ve")));
        await page.ClickAsync("#consolidate");
        await WaitForStatus(page, "Đã tổng hợp");

        // The issuer's report comes first, dated as the plan's deadline (15/4), not today.
        await page.ClickAsync("#reports-card fluent-accordion-item");
        Assert.Equal("report:so-gddt", await page.EvalOnSelectorAsync<string>("#report-kind", "d => [...d.querySelectorAll('fluent-option')].find(o => o.selected)?.value"));
        Assert.Equal("15/4/2023", await page.EvalOnSelectorAsync<string>("#report-date", "i => i.value"));
        Assert.False(await page.IsVisibleAsync("#report-from-field"));
        await page.ClickAsync("#make-report");
        await WaitForStatus(page, "Đã lập báo cáo của Sở Giáo dục và Đào tạo gửi Ủy ban nhân dân tỉnh, ngày 15/4/2023");
        Assert.Contains("Kính gửi: Ủy ban nhân dân tỉnh Yên Bái.", await DownloadedText(page, "#report-job"), StringComparison.Ordinal);
        // Its Phụ lục (the selected questions as a workbook) is offered beside it.
        Assert.Equal(2, await page.Locator("#report-job .files li").CountAsync());
        Assert.StartsWith("Phụ lục", await page.Locator("#report-job .files li span").Nth(1).TextContentAsync(), StringComparison.Ordinal);

        // A district's own report to the Sở: the unit chosen, the date typed by the clerk.
        await Choose(page, "#report-kind", "report:don-vi");
        Assert.True(await page.IsVisibleAsync("#report-from-field"));
        Assert.Equal("10/4/2023", await page.EvalOnSelectorAsync<string>("#report-date", "i => i.value"));
        await Choose(page, "#report-from", "Ủy ban nhân dân huyện Văn Yên");
        await page.FillAsync("#report-date input", "9/4/2023");
        await page.ClickAsync("#make-report");
        await WaitForStatus(page, "Đã lập báo cáo của Ủy ban nhân dân huyện Văn Yên gửi Sở Giáo dục và Đào tạo, ngày 09/4/2023");
        var district = await DownloadedText(page, "#report-job");
        Assert.Contains("Văn Yên, ngày 09 tháng 4 năm 2023", district, StringComparison.Ordinal);

        // The answer book, on the conference day; a date that is not one is refused in Vietnamese with its code's words.
        await Choose(page, "#report-kind", "book");
        Assert.Equal("25/4/2023", await page.EvalOnSelectorAsync<string>("#report-date", "i => i.value"));
        await page.FillAsync("#report-date input", "31/2/2023");
        await page.ClickAsync("#make-report");
        await WaitForStatus(page, "Ngày ghi trên văn bản không hợp lệ");
        await page.FillAsync("#report-date input", "25/4/2023");
        await page.ClickAsync("#make-report");
        await WaitForStatus(page, "Đã lập tài liệu trả lời, ngày 25/4/2023");
        Assert.Contains("TÀI LIỆU", await DownloadedText(page, "#report-job"), StringComparison.Ordinal);
        await OnlyFluentControls(page);
        await NoSeriousAccessibilityIssue(page);
        await NoHorizontalScroll(page);
        await Shot(page, "pane-excel-reports.png");
    }

    /// <summary>Downloads the first file of the job box <paramref name="box"/> (the document; a report's Phụ lục follows it) through its "Tải về" button; the document's text.</summary>
    private static async Task<string> DownloadedText(IPage page, string box)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"{box} .files li").First.GetByText("Tải về").ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"pane-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(saved);
        try
        {
            using var doc = WordprocessingDocument.Open(saved, false);
            return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        }
        finally
        {
            File.Delete(saved);
        }
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
        // Local mode: the wording names the host's share, not SharePoint.
        Assert.Contains("thư mục chia sẻ của máy chủ", await page.InnerTextAsync("#question-folder-field"), StringComparison.Ordinal);
        Assert.DoesNotContain("SharePoint", await page.InnerTextAsync("#consolidate-card"), StringComparison.Ordinal);
        Assert.Contains($"Phiếu trả về ({returns.Length} phiếu)", await page.TextContentAsync("#question-folder"), StringComparison.Ordinal);

        await page.ClickAsync("#consolidate-folder");
        await WaitForStatus(page, "Hãy chọn thư mục chia sẻ");
        await Choose(page, "#question-folder", "Phiếu trả về");
        await page.ClickAsync("#consolidate-folder");
        await WaitForStatus(page, "Đã tổng hợp");
        Assert.Contains("Khớp", await page.InnerTextAsync("#consolidate-job .stats"), StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân huyện Trạm Tấu: Chưa nộp", await page.InnerTextAsync("#consolidate-job .tracking"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#consolidate-job .files li").GetByText("Chèn vào sổ tính").IsVisibleAsync());
        await Shot(page, "pane-excel-folder.png");
        await NoHorizontalScroll(page);
    }

    [SkippableFact]
    public async Task Word_MinutesAndNoticeOfConclusions_AreWrittenByTheHostAndInsertedAtTheCursor()
    {
        RequireBrowser();
        var page = await OpenPane("Word");
        await page.ClickAsync("#after-card fluent-accordion-item");
        await page.Locator("#minutes").WaitForAsync(new() { State = WaitForSelectorState.Visible });

        // The chosen questions of the dialogue and the secretary's name, as a clerk gives them.
        await page.SetInputFilesAsync("#after-questions", Path.Combine(RepoPaths.Samples, "yen-bai-2023", "sau-hoi-nghi", "cau-hoi-doi-thoai.xlsx"));
        Assert.Equal("cau-hoi-doi-thoai.xlsx", await page.InnerTextAsync("#after-questions-name"));
        await page.SetInputFilesAsync("#after-attendance", Path.Combine(RepoPaths.Samples, "yen-bai-2023", "sau-hoi-nghi", "diem-danh.xlsx"));
        Assert.Equal("diem-danh.xlsx", await page.InnerTextAsync("#after-attendance-name"));
        await page.FillAsync("#minutes-secretary input", "Nguyễn Thị Hà, Chuyên viên Văn phòng UBND tỉnh");
        await page.ClickAsync("#minutes");
        await WaitForStatus(page, "Đã lập biên bản hội nghị");
        Assert.Equal(0, await page.EvaluateAsync<int>("window.__office.insertedFiles.length"));
        await page.Locator("#minutes-job .files li").GetByText("Chèn vào văn bản").ClickAsync();
        await WaitForStatus(page, "Đã chèn Biên bản hội nghị");
        var minutes = await page.EvaluateAsync<JsonElement>("window.__office.insertedFiles[0]");
        Assert.Equal("Replace", minutes.GetProperty("location").GetString());
        using (var doc = WordprocessingDocument.Open(new MemoryStream(Convert.FromBase64String(minutes.GetProperty("base64").GetString()!)), false))
        {
            var body = doc.MainDocumentPart!.Document.Body!;
            Assert.Contains("BIÊN BẢN", body.InnerText, StringComparison.Ordinal);
            Assert.Contains("Nguyễn Thị Hà", body.InnerText, StringComparison.Ordinal);
            var tags = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Tag>().Select(t => t.Val?.Value ?? "").ToList();
            Assert.Contains(tags, t => t.StartsWith("BienBan.TraLoi.Ch-", StringComparison.Ordinal));
            Assert.Contains("Số đại biểu có mặt: 295/298", body.InnerText, StringComparison.Ordinal);
        }

        // The secretary was given: no warning asks for one.
        Assert.DoesNotContain("thư ký", (await page.InnerTextAsync("#problems")).ToLowerInvariant(), StringComparison.Ordinal);

        // The notice of conclusions from the conference's own ket-luan.xlsx.
        await page.ClickAsync("#conclusions");
        await WaitForStatus(page, "Đã lập thông báo kết luận");
        await page.Locator("#conclusions-job .files li").GetByText("Chèn vào văn bản").ClickAsync();
        await WaitForStatus(page, "Đã chèn Thông báo kết luận");
        var notice = await page.EvaluateAsync<string>("window.__office.insertedFiles[1].base64");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(Convert.FromBase64String(notice)), false))
        {
            Assert.Contains("thông báo kết luận của đồng chí Chủ tịch UBND tỉnh", doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        await Shot(page, "pane-word-after-320.png");
        await OnlyFluentControls(page);
        await NoHorizontalScroll(page);
        await NoSeriousAccessibilityIssue(page);
    }

    [SkippableFact]
    public async Task Browser_MinutesAreOfferedForDownloadNotInsertion()
    {
        RequireBrowser();
        var page = await OpenPane(null);
        await page.ClickAsync("#after-card fluent-accordion-item");
        await page.ClickAsync("#minutes");
        await WaitForStatus(page, "Đã lập biên bản hội nghị");
        Assert.Equal(0, await page.Locator("#minutes-job .files li").GetByText("Chèn vào văn bản").CountAsync());
        // No secretary given: the warning says the name is left to fill.
        Assert.Contains("thư ký", (await page.InnerTextAsync("#problems")).ToLowerInvariant(), StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#minutes-job .files li").GetByText("Tải về").ClickAsync());
        Assert.Equal("bien-ban-hoi-nghi.docx", download.SuggestedFilename);
        var copy = new MemoryStream();
        await (await download.CreateReadStreamAsync()).CopyToAsync(copy);
        using var doc = WordprocessingDocument.Open(copy, false);
        Assert.Contains("BIÊN BẢN", doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        await NoSeriousAccessibilityIssue(page);
    }

    [SkippableFact]
    public async Task Word_SwitchingConferencesQuickly_DropsTheLateDelegateListOfTheFirst()
    {
        RequireBrowser();
        var page = await OpenPane("Word");
        var yenBai = await page.EvalOnSelectorAsync<string[]>("#delegate", "d => [...d.querySelectorAll('fluent-option')].map(o => o.value)");
        Assert.Equal(298, yenBai.Length);
        var other = await page.EvalOnSelectorAsync<string>("#plan", "d => [...d.querySelectorAll('fluent-option')].map(o => o.value).find(v => v !== 'yen-bai-2023')");
        Assert.NotNull(other);

        // The other conference's delegates are held until the test lets them go.
        var held = new TaskCompletionSource<IRoute>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync($"**/api/plans/{other}/delegates", route =>
        {
            held.TrySetResult(route);
            return Task.CompletedTask;
        });

        await Choose(page, "#plan", other!);
        var route = await held.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a guard against a hang, not a wait for time
        // Its delegates have not arrived: #plan-info must not describe it yet (nor still describe Yên Bái).
        await WaitForPlan(page, other!, "loading");
        Assert.Equal("Đang tải thông tin hội nghị…", await page.InnerTextAsync("#plan-info"));
        Assert.Equal("true", await page.GetAttributeAsync("#delegate", "aria-disabled"));

        // The clerk changes their mind before the reply: Yên Bái again. The earlier request is dropped.
        await Choose(page, "#plan", "yen-bai-2023");
        await WaitForPlan(page, "yen-bai-2023");
        await page.WaitForSelectorAsync("#plan-card[data-dropped='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        // The held reply arrives late: nothing it carries may replace what is shown.
        try
        {
            await route.ContinueAsync();
        }
        catch (PlaywrightException)
        {
            // the page already aborted the request
        }

        await page.EvaluateAsync("() => fetch('api/config').then(r => r.json())"); // one more round trip through the page
        Assert.Contains("298 đại biểu", await page.InnerTextAsync("#plan-info"), StringComparison.Ordinal);
        Assert.Equal("yen-bai-2023", await page.GetAttributeAsync("#plan-card", "data-plan"));
        Assert.Equal("ready", await page.GetAttributeAsync("#plan-card", "data-state"));
        var codes = await page.EvalOnSelectorAsync<string[]>("#delegate", "d => [...d.querySelectorAll('fluent-option')].map(o => o.value)");
        Assert.Equal(yenBai, codes);
        Assert.All(codes, c => Assert.StartsWith("YB23-", c, StringComparison.Ordinal));

        // And the pane works on it: a preview fills in one of its delegates.
        await page.EvaluateAsync("window.__office.seedControl('KinhGui', '«Kính gửi»')");
        await Choose(page, "#delegate", codes[1]);
        await page.ClickAsync("#preview");
        await WaitForStatus(page, "Đang xem giấy mời gửi");
    }

    [SkippableFact]
    public async Task Keyboard_ChoosesAConferenceAndOpensACard_WithoutAMouse()
    {
        RequireBrowser();
        var page = await OpenPane(null);
        var other = await page.EvalOnSelectorAsync<string>("#plan", "d => [...d.querySelectorAll('fluent-option')].map(o => o.value).find(v => v !== 'yen-bai-2023')");

        // Shift+Tab from the first button of the page goes back to the conference picker; arrows and Enter choose.
        await page.FocusAsync("#template-file-button");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('plan').contains(document.activeElement)"), "the keyboard does not reach the conference picker: " + await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 200)"));
        var up = await page.EvalOnSelectorAsync<bool>("#plan", "(d, v) => { const o = [...d.querySelectorAll('fluent-option')]; return o.findIndex(x => x.value === v) < o.findIndex(x => x.selected); }", other);
        await page.Keyboard.PressAsync("Space"); // opens the list (the combobox pattern: Space or Alt+ArrowDown)
        await page.WaitForSelectorAsync("#plan fluent-listbox:popover-open");
        await page.Keyboard.PressAsync(up ? "ArrowUp" : "ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await WaitForPlan(page, other!);
        var code = await page.EvaluateAsync<string>("id => fetch('api/plans').then(r => r.json()).then(ps => ps.find(p => p.id === id).code)", other);
        Assert.Contains($"mã {code}", await page.InnerTextAsync("#plan-info"), StringComparison.Ordinal);

        // Every visible control is in the tab order; a card opens with Enter on its heading.
        var unreachable = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('fluent-button, fluent-dropdown, fluent-checkbox, fluent-text-input, fluent-link')]
              .filter(e => e.checkVisibility() && !e.disabled && e.tabIndex < 0 && !e.querySelector('[tabindex="0"], button, input'))
              .map(e => e.id || e.localName)
            """);
        Assert.Empty(unreachable);
        await page.FocusAsync("#check-card fluent-accordion-item button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#check-card fluent-accordion-item[expanded]");
        Assert.True(await page.IsVisibleAsync("#check"));
    }

    [SkippableFact]
    public async Task Narrow_And_Wide_PaneShowFluentControlsWholeText_AndDistinctConferences()
    {
        RequireBrowser();
        foreach (var (width, host_) in new[] { (320, "Word"), (450, "Word"), (320, "Excel"), (450, (string?)null) })
        {
            var page = await OpenPane(host_, width);
            await OnlyFluentControls(page);
            await NoHorizontalScroll(page);
            // No cut text: no control's own text is wider than the control.
            var cut = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('fluent-button, fluent-dropdown [slot=control], label, .hint, h2')]
                  .filter(e => e.checkVisibility() && e.scrollWidth > e.clientWidth + 1)
                  .map(e => (e.id || e.localName) + ': ' + e.textContent.trim().slice(0, 40))
                """);
            Assert.Empty(cut);
            // The closed conference picker tells conferences apart: it starts with the date and the code.
            var shown = await page.InnerTextAsync("#plan [slot='control']");
            Assert.Matches(@"^\d{1,2}/\d{1,2}/\d{4} · YB23 – ", shown);
            await NoSeriousAccessibilityIssue(page);
            await Shot(page, $"pane-{(host_ ?? "browser").ToLowerInvariant()}-{width}.png");
            await page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task Theme_FollowsADarkOfficeTheme()
    {
        RequireBrowser();
        var page = await OpenPane("Word", officeTheme: "{ bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#363636', controlForegroundColor: '#ffffff' }");
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.card')).backgroundColor");
        Assert.NotEqual("rgb(255, 255, 255)", background);
        await NoSeriousAccessibilityIssue(page);
        await Shot(page, "pane-word-dark-320.png");
    }

    /// <summary>At 320 px nothing may stick out sideways.</summary>
    private static async Task NoHorizontalScroll(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the pane scrolls sideways at 320 px");

    /// <summary>
    /// CSP frame-ancestors: a page of another origin (not Office) that frames the pane gets Chromium's refusal and no
    /// pane; the host framing its own pane (as Office's own frames would, by origin) still works.
    /// </summary>
    /// <summary>The control for the CSP check of every flow: what the policy refuses does reach the test.</summary>
    [SkippableFact]
    public async Task Csp_RefusesAnInlineScript_AndTheFlowsSeeTheRefusal()
    {
        RequireBrowser();
        var page = await OpenPane(fakeHost: null);
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.append(s); }");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__inline === undefined"), "an inline script ran under the CSP");
        await page.EvaluateAsync("() => fetch('api/config').then(r => r.json())"); // one more round trip: the console message has arrived
        lock (_cspViolations)
        {
            Assert.Contains(_cspViolations, v => v.Contains("(script-src-elem): inline", StringComparison.Ordinal));
            _cspViolations.Clear();
        }
    }

    [SkippableFact]
    public async Task Framing_ByANonOfficeOrigin_IsRefusedByTheBrowser()
    {
        RequireBrowser();
        await using var context = await host.Browser.NewContextAsync();
        context.SetDefaultTimeout(StateGuard);
        var page = await context.NewPageAsync();
        var frameHtml = $"<!doctype html><html lang=\"vi\"><title>khung</title><body><iframe id=\"pane\" onload=\"document.body.dataset.loaded='1'\" src=\"{host.BaseUrl}/taskpane.html\" width=\"320\" height=\"600\"></iframe></html>";
        await context.RouteAsync("http://evil.example/**", r => r.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = frameHtml }));
        await context.RouteAsync(host.BaseUrl + "/khung-thu.html", r => r.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = frameHtml }));

        await page.GotoAsync("http://evil.example/");
        await page.WaitForSelectorAsync("body[data-loaded='1']", new PageWaitForSelectorOptions { Timeout = StateGuard, State = WaitForSelectorState.Attached });
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
            new PageWaitForFunctionOptions { Timeout = StateGuard });
    }
}
