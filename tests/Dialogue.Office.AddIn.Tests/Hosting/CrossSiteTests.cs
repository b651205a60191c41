using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.AddIn.Tests.Apis;
using Dialogue.Office.AddIn.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dialogue.Office.AddIn.Tests.Hosting;

/// <summary>
/// A hostile page in the clerk's browser: forms and fetches from another origin, the wrong content type or method.
/// None of them starts anything.
/// </summary>
public sealed class CrossSiteTests(AddInFactory factory) : IClassFixture<AddInFactory>
{
    private const string Packet = "/api/plans/yen-bai-2023/packet";

    /// <summary>A client without the pane's header (the factory's own clients send it).</summary>
    private HttpClient Bare() => factory.Server.CreateClient();

    private int Active => factory.Services.GetRequiredService<JobStore>().Active;

    private async Task AssertRefused(HttpRequestMessage request, HttpStatusCode status, string code)
    {
        var before = Active;
        var response = await Bare().SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal(before, Active);
    }

    [Fact]
    public Task CrossSiteTextPlainPost_TheIssuesCase_Is403() => AssertRefused(
        new HttpRequestMessage(HttpMethod.Post, Packet)
        {
            Headers = { { "Origin", "https://evil.example" } },
            Content = new StringContent("x", Encoding.UTF8, "text/plain"),
        },
        HttpStatusCode.Forbidden,
        "CROSS_SITE_REFUSED");

    [Fact]
    public Task CrossSiteFormPost_IsRefusedEvenAsMultipart() => AssertRefused(
        new HttpRequestMessage(HttpMethod.Post, Packet)
        {
            Headers = { { "Origin", "https://evil.example" }, { "Sec-Fetch-Site", "cross-site" } },
            Content = new MultipartFormDataContent { { new StringContent("true"), "publish" } },
        },
        HttpStatusCode.Forbidden,
        "CROSS_SITE_REFUSED");

    [Fact]
    public Task SameSiteButNotSameOrigin_IsRefused() => AssertRefused(
        new HttpRequestMessage(HttpMethod.Post, Packet) { Headers = { { "Sec-Fetch-Site", "same-site" }, { HostDefences.RequestHeader, "1" } } },
        HttpStatusCode.Forbidden,
        "CROSS_SITE_REFUSED");

    [Fact]
    public Task PostWithoutThePaneHeader_IsRefused() => AssertRefused(
        new HttpRequestMessage(HttpMethod.Post, Packet) { Content = new MultipartFormDataContent { { new StringContent("true"), "publish" } } },
        HttpStatusCode.Forbidden,
        "CROSS_SITE_REFUSED");

    [Fact]
    public Task NullOrigin_FromASandboxedFrame_IsRefused() => AssertRefused(
        new HttpRequestMessage(HttpMethod.Post, Packet) { Headers = { { "Origin", "null" }, { HostDefences.RequestHeader, "1" } } },
        HttpStatusCode.Forbidden,
        "CROSS_SITE_REFUSED");

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public Task PaneHeaderButAFormContentType_Is415(string type) => AssertRefused(
        new HttpRequestMessage(HttpMethod.Post, Packet)
        {
            Headers = { { HostDefences.RequestHeader, "1" } },
            Content = new StringContent("publish=true", Encoding.UTF8, type),
        },
        HttpStatusCode.UnsupportedMediaType,
        "UNSUPPORTED_MEDIA_TYPE");

    [Fact]
    public async Task ThePanesOwnCall_SameOriginWithHeader_IsServed()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/check")
        {
            Headers = { { "Origin", "http://localhost" }, { "Sec-Fetch-Site", "same-origin" }, { HostDefences.RequestHeader, "1" } },
            Content = new MultipartFormDataContent { { new StringContent("x"), "note" } },
        };
        var response = await Bare().SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UPLOAD_MISSING", (await ApiTests.Problem(response)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("PUT", "/api/check", "POST")]
    [InlineData("GET", "/api/check/fix", "POST")]
    [InlineData("DELETE", "/api/plans/yen-bai-2023/delegates", "GET")]
    public async Task WrongMethod_Is405WithAllow(string method, string url, string allow)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Headers = { { HostDefences.RequestHeader, "1" } } };
        var response = await Bare().SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains(allow, response.Content.Headers.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", (await ApiTests.Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownPath_StaysA404()
    {
        var response = await Bare().GetAsync("/api/khong-co/gi");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_CarryFrameAncestorsReferrerPolicyAndNoSniff()
    {
        var response = await Bare().GetAsync("/taskpane.html");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("frame-ancestors 'self' https://*.office.com", csp, StringComparison.Ordinal);
        // By default office.js comes from Microsoft's CDN: that origin and the host itself are the only script sources.
        Assert.Contains("; script-src 'self' https://appsforoffice.microsoft.com;", csp, StringComparison.Ordinal);
        Assert.Contains("; default-src 'none';", csp, StringComparison.Ordinal);
        Assert.Contains("; connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("*;", csp + ";", StringComparison.Ordinal);
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>The real Kestrel host on 127.0.0.1 with a chosen configuration, for what depends on the Host header.</summary>
public sealed class KestrelHost : IDisposable
{
    private readonly Factory _factory;

    public KestrelHost(params (string Key, string Value)[] settings)
        : this(o => o.Listen(IPAddress.Loopback, 0), settings)
    {
    }

    /// <summary>With the listeners <paramref name="listen"/> sets up (e.g. http and https on two ports); the first is <see cref="BaseUrl"/>.</summary>
    public KestrelHost(Action<KestrelServerOptions> listen, params (string Key, string Value)[] settings)
    {
        _factory = new Factory(settings);
        _factory.UseKestrel(listen);
        _factory.StartServer();
        Addresses = [.. _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => a.TrimEnd('/'))];
        BaseUrl = Addresses[0];
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Client.DefaultRequestHeaders.Add(HostDefences.RequestHeader, "1");
    }

    public string BaseUrl { get; }
    public IReadOnlyList<string> Addresses { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _factory.Services;
    public string OutputRoot => _factory.OutputRoot;

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }

    /// <summary>Polls the job until it is no longer running.</summary>
    public async Task<JsonElement> Finish(HttpResponseMessage started)
    {
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var job = await started.Content.ReadFromJsonAsync<JsonElement>();
        var store = Services.GetRequiredService<JobStore>();
        var id = job.GetProperty("id").GetString()!;
        for (var i = 0; i < 3000 && store.Find(id, "")?.State == JobState.Running; i++)
        {
            await Task.Delay(50);
        }

        return await Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
    }

    private sealed class Factory((string Key, string Value)[] settings) : AddInFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => settings.Select(s => new KeyValuePair<string, string>(s.Key, s.Value));
    }
}

/// <summary>DNS rebinding and spoofed Host headers against the real Kestrel host.</summary>
public sealed class HostHeaderTests
{
    [Theory]
    [InlineData("GET", "/api/plans/yen-bai-2023/delegates")]
    [InlineData("POST", "/api/plans/yen-bai-2023/packet")]
    [InlineData("GET", "/share/")]
    public async Task RebindingHostName_Is400BeforeAnyEndpoint(string method, string url)
    {
        using var host = new KestrelHost();
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Host = "evil.attacker.example:5080";
        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Nguyễn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.Services.GetRequiredService<JobStore>().Active);

        // The loopback names still work.
        foreach (var name in new[] { "localhost", "127.0.0.1" })
        {
            var own = new HttpRequestMessage(HttpMethod.Get, "/api/config");
            own.Headers.Host = $"{name}:5080";
            Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(own)).StatusCode);
        }
    }

    [Fact]
    public async Task ConfiguredAllowedHosts_AdmitTheServersName()
    {
        using var host = new KestrelHost(("AllowedHosts", "hoinghi.example.gov.vn"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/config");
        request.Headers.Host = "hoinghi.example.gov.vn";
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request)).StatusCode);
        var local = new HttpRequestMessage(HttpMethod.Get, "/api/config");
        local.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.SendAsync(local)).StatusCode);
    }

    /// <summary>
    /// The issue's case: an invitations job with publish=true and Host: evil.example:5080. Even with every host name
    /// admitted (an operator who set AllowedHosts=*), the folder link, every QR code and the list carry the
    /// configured public address (or the host's own listening address), never the request's Host.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("https://hoinghi.example.gov.vn/")]
    public async Task SpoofedHost_NeverReachesTheShareLinkQrOrList(string publicBaseUrl)
    {
        using var host = new KestrelHost(("AllowedHosts", "*"), ("AddIn:PublicBaseUrl", publicBaseUrl));
        var expected = (publicBaseUrl.Length > 0 ? publicBaseUrl.TrimEnd('/') : host.BaseUrl) + "/share/";

        using var form = new MultipartFormDataContent { { new StringContent("true"), "publish" } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/invitations/xa-2026/jobs") { Content = form };
        request.Headers.Host = "evil.example:5080";
        var job = await host.Finish(await host.Client.SendAsync(request));

        Assert.Equal("done", job.GetProperty("state").GetString());
        var folderLink = job.GetProperty("summary").GetProperty("published").GetProperty("folderLink").GetString()!;
        Assert.StartsWith(expected, folderLink, StringComparison.Ordinal);

        // Every published file (letters with their QR link text, the print file, the list): no trace of the Host.
        var share = Path.Combine(host.OutputRoot, "share");
        var files = Directory.GetFiles(share, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith(".xlsx", StringComparison.Ordinal));
        var withLink = 0;
        foreach (var file in files.Where(f => f.EndsWith(".docx", StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            var text = PackageText(file);
            Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
            withLink += text.Contains(expected, StringComparison.Ordinal) ? 1 : 0;
        }

        if (publicBaseUrl.Length > 0)
        {
            Assert.True(withLink > 1, $"{withLink} files carry {expected}");
        }
        else
        {
            // A loopback share address opens nothing on paper: the letters keep the plan's packet_url (PublishTargets).
            Assert.Equal(0, withLink);
            Assert.Contains(files, f => f.EndsWith(".docx", StringComparison.Ordinal) && PackageText(f).Contains("?db=", StringComparison.Ordinal));
        }
    }

    private static string PackageText(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
