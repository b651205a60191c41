using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dialogue.Office.AddIn.Tests.Support;

/// <summary>Headless Chromium for the page tests: found on the machine (skipped where absent, failed in CI), started the same way.</summary>
public static class Chromium
{
    /// <summary>The Chromium executable, or the test is skipped (outside CI).</summary>
    public static string Require()
    {
        var chromium = ExternalTools.Find("/usr/bin/chromium") ?? ExternalTools.Find("chromium");
        if (chromium is null)
        {
            Assert.False(ExternalTools.InCi, "'chromium' is not installed: apt-get install chromium");
            ExternalTools.SkipBecause("'chromium' is not installed: apt-get install chromium");
        }

        return chromium!;
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string chromium) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

    /// <summary>Starts the host on a real loopback port and returns its address (no trailing slash).</summary>
    public static string Serve<T>(WebApplicationFactory<T> factory)
        where T : class
    {
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }
}
