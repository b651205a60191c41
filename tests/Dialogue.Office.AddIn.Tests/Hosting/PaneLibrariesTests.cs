using System.Net;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.AddIn.Tests.Support;

namespace Dialogue.Office.AddIn.Tests.Hosting;

/// <summary>
/// Where the pages take office.js from (Microsoft's CDN by default, the npm copy with AddIn:OfficeJs=local) and the
/// Fluent UI bundle the build makes with esbuild.
/// </summary>
public sealed class PaneLibrariesTests
{
    private static readonly string[] OfficePages = ["/taskpane.html", "/commands.html", "/auth-dialog.html"];

    private sealed class LocalFactory : AddInFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("AddIn:OfficeJs", "local")];
    }

    [Fact]
    public async Task ByDefault_EveryPageLoadsOfficeJsFromTheCdnInItsHead_AndNoInlineScript()
    {
        using var factory = new AddInFactory();
        using var client = factory.CreateClient();
        foreach (var page in OfficePages)
        {
            var html = await client.GetStringAsync(page);
            var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
            Assert.Contains($"<script src=\"{StaticLibraries.OfficeJsCdn}\"></script>", head, StringComparison.Ordinal);
            Assert.DoesNotContain("src=\"lib/office-js", html, StringComparison.Ordinal);
            // Every script is a file (the CSP needs no 'unsafe-inline'): a <script> without src is inline.
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html);
        }

        // No local copy is served when the CDN is configured.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/lib/office-js/office.js")).StatusCode);
    }

    [Fact]
    public async Task LocalSetting_PagesLoadTheNpmCopy_WhichIsServed()
    {
        var officeJs = Path.Combine(RepoPaths.AddIn, "node_modules", "@microsoft", "office-js", "dist", "office.js");
        if (!File.Exists(officeJs))
        {
            ExternalTools.RequireNodePackage(RepoPaths.AddIn, "@microsoft/office-js");
        }

        using var factory = new LocalFactory();
        using var client = factory.CreateClient();
        foreach (var page in OfficePages)
        {
            var html = await client.GetStringAsync(page);
            Assert.Contains($"<script src=\"{StaticLibraries.OfficeJsLocal}\"></script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain(StaticLibraries.OfficeJsCdn, html, StringComparison.Ordinal);
        }

        // Nothing extra in the CSP when office.js is local: the host itself is the only script source.
        var csp = string.Join(";", (await client.GetAsync("/taskpane.html")).Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("; script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("appsforoffice", csp, StringComparison.Ordinal);

        var served = await client.GetByteArrayAsync("/lib/office-js/office.js");
        Assert.Equal(await File.ReadAllBytesAsync(officeJs), served);
    }

    [Fact]
    public async Task FluentBundle_IsTheBuildsEsbuildOutput_ServedAsAModule()
    {
        var bundle = Path.Combine(RepoPaths.AddIn, "obj", "pane", "fluent.js");
        if (!File.Exists(bundle))
        {
            ExternalTools.RequireNodePackage(RepoPaths.AddIn, "esbuild");
        }

        using var factory = new AddInFactory();
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/lib/fluent/fluent.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(await File.ReadAllTextAsync(bundle), text);
        Assert.Matches(@"export\s*\{[^}]*setTheme", text); // an ES module exporting the theme switch
    }
}
