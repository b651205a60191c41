using System.Security.Cryptography;
using System.Text;
using Dialogue.Office.AddIn.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace Dialogue.Office.AddIn.Tests.Attendance;

/// <summary>
/// Door staff sign in with the tenant in headless Chromium: the door page sends the browser to the tenant's authorize
/// endpoint with a PKCE challenge, the tenant (played by Playwright routes) sends a code back to /cua/dang-nhap, which
/// redeems it with the verifier for a real signed token; the door page then opens and checks a delegate in by name.
/// </summary>
public sealed class DoorSignInBrowserTests
{
    [SkippableFact]
    public async Task DoorStaff_SignInWithTheTenant_OpenTheDoorAndCheckInByName()
    {
        var chromium = Chromium.Require();

        await using var factory = new TenantAttendanceFactory();
        var host = Chromium.Serve(factory);
        var plan = Automation.Plans.PlanLoader.Load(Path.Combine(RepoPaths.Samples, "yen-bai-2023")).Plan!;
        var d = plan.Delegates.First(x => x.VenueId == plan.MainHall.Id && x.Kind == Automation.Plans.AddresseeKind.Person);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, chromium);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, Locale = "vi-VN" });
        context.SetDefaultTimeout(Pane.TaskPaneBrowserTests.StateGuard);
        var errors = new List<string>();

        // The tenant: authorize answers with a code for the redirect URI; the token endpoint checks the PKCE pair.
        var authority = $"https://login.microsoftonline.com/{TestTenant.Tenant}/oauth2/v2.0";
        string? challenge = null;
        string? redirectUri = null;
        await context.RouteAsync(authority + "/authorize?**", async route =>
        {
            var query = QueryHelpers.ParseQuery(new Uri(route.Request.Url).Query);
            challenge = query["code_challenge"];
            redirectUri = query["redirect_uri"];
            Assert.Equal(TestTenant.ClientId, query["client_id"].ToString());
            Assert.Equal("S256", query["code_challenge_method"].ToString());
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 302,
                Headers = new Dictionary<string, string> { ["Location"] = $"{redirectUri}?code=test-code&state={Uri.EscapeDataString(query["state"]!)}" },
            });
        });
        await context.RouteAsync(authority + "/token", async route =>
        {
            var form = QueryHelpers.ParseQuery(route.Request.PostData);
            var verified = form["code"] == "test-code" && form["redirect_uri"] == redirectUri
                && Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"]!))) == challenge;
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = verified ? 200 : 400,
                Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
                ContentType = "application/json",
                Body = verified
                    ? $$"""{"access_token":"{{factory.Token(TenantAttendanceFactory.Staff)}}","expires_in":3600}"""
                    : """{"error":"invalid_grant"}""",
            });
        });

        var door = await context.NewPageAsync();
        door.PageError += (_, e) => errors.Add(e);
        door.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal) || m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        await door.GotoAsync($"{host}/cua/YB23/{plan.MainHall.Id}");
        await door.Locator("main[data-ready=true]").WaitForAsync();
        Assert.Equal(0, await door.Locator("#door-code").CountAsync());
        await door.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập bằng tài khoản cơ quan" }).ClickAsync();

        // Back on the door page, signed in: the work area opens without a door code.
        await door.Locator("#work:not([hidden])").WaitForAsync();
        Assert.Equal($"{host}/cua/dang-nhap", redirectUri);
        Assert.Equal($"{host}/cua/YB23/{plan.MainHall.Id}", door.Url);
        await door.Locator("#search").FillAsync(Automation.Vietnamese.VietnameseText.Fold(d.FullName));
        await door.Locator("#matches button").First.ClickAsync();
        await door.Locator($"#result[data-code='{d.Code}']").WaitForAsync();
        Assert.Contains("Đã điểm danh", await door.Locator("#result").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("tim", (await factory.Register.SnapshotAsync("YB23"))[d.Code].CheckIn!.Method);
        Assert.Empty(errors);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
