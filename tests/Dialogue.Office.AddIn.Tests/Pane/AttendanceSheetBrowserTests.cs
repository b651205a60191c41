using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dialogue.Office.AddIn.Tests.Attendance;
using Dialogue.Office.AddIn.Tests.Support;
using Dialogue.Office.Automation.Plans;
using Microsoft.Playwright;

namespace Dialogue.Office.AddIn.Tests.Pane;

/// <summary>
/// The Excel pane's "Điểm danh" card against the real host (Kestrel, the attendance register on, a fake clock before the
/// sample's confirmation deadline) in headless Chromium, with the fake Excel host recording what Excel would make of
/// every value the pane writes. Insert, then a delegate answers through the delegate page's endpoint and is checked in
/// at the door, then refresh: the same sheet, rewritten, shows the change, and the substitute's typed "=1+1" is text.
/// An Excel older than ExcelApi 1.4 gets a Vietnamese message and no sheet.
/// </summary>
public sealed class AttendanceSheetBrowserTests
{
    private sealed class PaneAttendanceFactory : AttendanceFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("AddIn:OfficeJs", "local")];
    }

    [SkippableFact]
    public async Task Excel_InsertsTheSheet_AConfirmationArrives_RefreshRewritesTheSameSheet()
    {
        var chromium = Chromium.Require();

        if (!File.Exists(Path.Combine(RepoPaths.AddIn, "obj", "pane", "fluent.js")))
        {
            Assert.False(ExternalTools.InCi, "the pane's Fluent UI bundle is not built");
            ExternalTools.SkipBecause($"the pane's Fluent UI bundle is not built: run 'npm ci' in {RepoPaths.AddIn}, then build again");
        }

        await using var factory = new PaneAttendanceFactory();
        var baseUrl = Chromium.Serve(factory);
        var plan = PlanLoader.Load(Path.Combine(RepoPaths.Samples, "yen-bai-2023")).Plan!;
        var delegate_ = plan.Delegates.Single(d => d.Code == "YB23-0002");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, chromium);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 760 }, Locale = "vi-VN" });
        context.SetDefaultTimeout(TaskPaneBrowserTests.StateGuard);
        var errors = new List<string>();
        var page = await OpenPaneAsync(context, baseUrl, "window.__fakeHost = 'Excel';", errors);
        Assert.True(await page.IsVisibleAsync("#attendance-card"));

        // Insert: nobody has answered yet.
        await page.ClickAsync("#attendance-card fluent-accordion-item");
        await page.ClickAsync("#attendance-sheet");
        await TaskPaneBrowserTests.WaitForStatus(page, "Đã chèn trang tính «Điểm danh»");
        var first = await Sheet(page);
        Assert.Equal(0, first.Clears);
        var row = Row(first, delegate_.Code);
        Assert.Equal("Chưa xác nhận", row[4]);
        Assert.Equal("", row[5]);
        var invited = plan.Delegates.Count;
        Assert.Equal(invited, Total(first)[1]);
        Assert.Equal(0, Total(first)[3]);

        // A substitute answers on the delegate page (the form its QR opens), then is checked in at the door by name.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var token = factory.Key().Token(delegate_.Code);
        var answer = await http.PostAsync($"/d/{delegate_.Code}", new FormUrlEncodedContent(
        [
            new("k", token), new("trang-thai", "du-thay"), new("ho-ten", "=1+1 Trần Văn Bình"), new("chuc-vu", "@Phó Trưởng phòng"),
        ]));
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        using var door = new HttpRequestMessage(HttpMethod.Post, $"/cua/{plan.Conference.Code}/{delegate_.VenueId}/diem-danh") { Content = JsonContent.Create(new { code = delegate_.Code }) };
        door.Headers.Add("X-Door-Code", factory.Key().DoorCode(delegate_.VenueId));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(door)).StatusCode);

        // Refresh: the same sheet, emptied and rewritten; the answer, the substitute (text, never a formula) and the time.
        await page.ClickAsync("#attendance-sheet");
        await TaskPaneBrowserTests.WaitForStatus(page, "Đã cập nhật trang tính «Điểm danh»");
        var second = await Sheet(page);
        Assert.Equal(["Điểm danh"], second.Order);
        Assert.Equal(1, second.Clears);
        Assert.Empty(second.Formulas);
        row = Row(second, delegate_.Code);
        Assert.Equal("Cử người dự thay", row[4]);
        Assert.Equal("=1+1 Trần Văn Bình, @Phó Trưởng phòng", row[5]);
        Assert.Equal("18/04/2023 08:00", row[8]);
        Assert.Equal("Dự thay", row[9]);
        Assert.Equal(1, Total(second)[3]);
        Assert.Equal(1, Total(second)[6]);
        Assert.Equal(invited, Total(second)[1]);
        Assert.Equal(first.Cells.Count, second.Cells.Count);
        Assert.Contains("Đã điểm danh", await page.InnerTextAsync("#attendance-result"), StringComparison.Ordinal);

        // Excel older than ExcelApi 1.4 (no getItemOrNullObject): the card says so in Vietnamese and writes nothing.
        var old = await OpenPaneAsync(context, baseUrl, "window.__fakeHost = 'Excel'; window.__excelApi = '1.3';", errors);
        await old.ClickAsync("#attendance-card fluent-accordion-item");
        await old.ClickAsync("#attendance-sheet");
        await TaskPaneBrowserTests.WaitForStatus(old, "Phiên bản Excel này chưa ghi được trang tính (cần ExcelApi 1.4)");
        Assert.Contains("dialogue attendance", await old.InnerTextAsync("#status"), StringComparison.Ordinal);
        Assert.True(await old.EvaluateAsync<bool>("() => !window.__office.sheets || !window.__office.sheets['Điểm danh']"));
        Assert.True(await old.IsHiddenAsync("#attendance-result"));
        Assert.Empty(errors);
    }

    /// <summary>The pane in the fake Excel host (<paramref name="init"/> sets it up), the sample plan chosen; page errors go to <paramref name="errors"/>.</summary>
    private static async Task<IPage> OpenPaneAsync(IBrowserContext context, string baseUrl, string init, List<string> errors)
    {
        var page = await context.NewPageAsync();
        page.PageError += (_, e) => errors.Add(e);
        await page.RouteAsync("**/lib/office-js/office.js", async route =>
        {
            var real = await route.FetchAsync();
            await route.FulfillAsync(new RouteFulfillOptions { Response = real, Body = await real.TextAsync() + "\n" + TaskPaneBrowserTests.FakeHost });
        });
        await page.AddInitScriptAsync(init);
        await page.GotoAsync(baseUrl + "/taskpane.html");
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = TaskPaneBrowserTests.StateGuard });
        await TaskPaneBrowserTests.Choose(page, "#plan", "yen-bai-2023");
        await TaskPaneBrowserTests.WaitForPlan(page, "yen-bai-2023");
        return page;
    }

    private sealed record SheetState(List<List<JsonElement>> Cells, List<string> Order, int Clears, List<JsonElement> Formulas);

    private static async Task<SheetState> Sheet(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify({ s: window.__office.sheets['Điểm danh'], order: window.__office.sheetOrder })");
        using var doc = JsonDocument.Parse(json);
        var s = doc.RootElement.GetProperty("s");
        return new SheetState(
            [.. s.GetProperty("cells").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.Clone()).ToList())],
            [.. doc.RootElement.GetProperty("order").EnumerateArray().Select(x => x.GetString()!)],
            s.GetProperty("clears").GetInt32(),
            [.. s.GetProperty("formulas").EnumerateArray().Select(f => f.Clone())]);
    }

    /// <summary>The list row of <paramref name="code"/> (its second cell), as text.</summary>
    private static List<string> Row(SheetState sheet, string code) =>
        sheet.Cells.Single(r => r.Count > 1 && r[1].ValueKind == JsonValueKind.String && r[1].GetString() == code)
            .Select(c => c.ValueKind == JsonValueKind.Number ? c.GetRawText() : c.GetString() ?? "").ToList();

    /// <summary>The totals row ("Cộng (YB23)"): every count must have reached Excel as a number.</summary>
    private static List<int> Total(SheetState sheet) =>
        [0, .. sheet.Cells.Single(r => r.Count > 0 && r[0].ValueKind == JsonValueKind.String && r[0].GetString()!.StartsWith("Cộng (", StringComparison.Ordinal)).Skip(1).Take(6).Select(c => c.GetInt32())];
}
