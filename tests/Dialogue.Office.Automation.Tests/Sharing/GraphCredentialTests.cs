using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>
/// Credential wiring tested offline (graph.md §7): the real Azure.Identity credentials, with an in-process transport
/// standing in for Entra ID / the managed identity endpoint.
/// </summary>
public sealed class GraphCredentialTests
{
    private const string Tenant = "9f3c2b1a-0000-4000-8000-000000000001";
    private const string App = "6e1d2c3b-0000-4000-8000-000000000002";
    private static readonly string[] GraphScope = ["https://graph.microsoft.com/.default"];

    [Fact]
    public async Task ClientSecret_PostsClientCredentialsToConfiguredAuthority()
    {
        var entra = new FakeEntra();
        var options = new GraphConnectionOptions
        {
            Auth = GraphAuthMode.ClientSecret, TenantId = Tenant, ClientId = App, ClientSecret = "s3cret-from-env",
            AuthorityHost = "https://login.fake.test/", DisableInstanceDiscovery = true,
        };

        var credential = GraphCredentialFactory.Create(options, _ => null, TimeProvider.System, o => o.Transport = entra.Transport);
        var token = await credential.GetTokenAsync(new TokenRequestContext(GraphScope), default);

        Assert.Equal("entra-token-1", token.Token);
        var request = Assert.Single(entra.Requests);
        Assert.Equal($"https://login.fake.test/{Tenant}/oauth2/v2.0/token", request.Url);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal("s3cret-from-env", request.Form["client_secret"]);
        Assert.Equal(App, request.Form["client_id"]);
        Assert.Equal("https://graph.microsoft.com/.default", request.Form["scope"]);
    }

    [Fact]
    public async Task DeviceCode_ShowsCodeThenPollsUntilTheClerkSignsIn()
    {
        var entra = new FakeEntra { PendingPolls = 1 };
        string? shown = null;
        var options = new GraphConnectionOptions
        {
            Auth = GraphAuthMode.DeviceCode, TenantId = Tenant, ClientId = App,
            AuthorityHost = "https://login.fake.test/", DisableInstanceDiscovery = true,
            DeviceCodePrompt = (info, _) =>
            {
                shown = $"{info.UserCode} {info.VerificationUri}";
                return Task.CompletedTask;
            },
        };

        var credential = GraphCredentialFactory.Create(options, _ => null, TimeProvider.System, o => o.Transport = entra.Transport);
        var token = await credential.GetTokenAsync(new TokenRequestContext(GraphScope), default);

        Assert.Equal("entra-token-1", token.Token);
        Assert.Equal("ABCD-1234 https://microsoft.com/devicelogin", shown);
        Assert.Equal($"https://login.fake.test/{Tenant}/oauth2/v2.0/devicecode", entra.Requests[0].Url);
        var polls = entra.Requests.Skip(1).ToList();
        Assert.Equal(2, polls.Count);
        Assert.All(polls, p => Assert.Equal("device-code-xyz", p.Form["device_code"]));
    }

    [Fact]
    public async Task ManagedIdentity_AsksTheIdentityEndpointForGraph()
    {
        var entra = new FakeEntra();
        var saved = (Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT"), Environment.GetEnvironmentVariable("IDENTITY_HEADER"));
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", "http://127.0.0.1:41234/msi/token");
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "header-secret");
        try
        {
            var credential = GraphCredentialFactory.Create(
                new GraphConnectionOptions { Auth = GraphAuthMode.ManagedIdentity }, _ => null, TimeProvider.System, o => o.Transport = entra.Transport);
            var token = await credential.GetTokenAsync(new TokenRequestContext(GraphScope), default);

            Assert.Equal("msi-token", token.Token);
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", saved.Item1);
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", saved.Item2);
        }

        var request = Assert.Single(entra.Requests);
        Assert.StartsWith("http://127.0.0.1:41234/msi/token?", request.Url, StringComparison.Ordinal);
        Assert.Contains("api-version=2019-08-01", request.Url, StringComparison.Ordinal);
        Assert.Contains("resource=https", request.Url, StringComparison.Ordinal);
        Assert.Equal("header-secret", request.Headers["X-IDENTITY-HEADER"]);
    }

    [Fact]
    public async Task AccessToken_ReadFromItsEnvironmentVariableAtEachRequest()
    {
        var env = new Dictionary<string, string?> { ["DIALOGUE_GRAPH_TOKEN"] = "pipeline-token" };
        var credential = GraphCredentialFactory.Create(new GraphConnectionOptions { Auth = GraphAuthMode.AccessToken }, k => env.GetValueOrDefault(k), TimeProvider.System, null);

        Assert.Equal("pipeline-token", (await credential.GetTokenAsync(new TokenRequestContext(GraphScope), default)).Token);
        env["DIALOGUE_GRAPH_TOKEN"] = "refreshed";
        Assert.Equal("refreshed", (await credential.GetTokenAsync(new TokenRequestContext(GraphScope), default)).Token);
        env["DIALOGUE_GRAPH_TOKEN"] = "";
        var missing = await Assert.ThrowsAsync<GraphAuthConfigurationException>(async () => await credential.GetTokenAsync(new TokenRequestContext(GraphScope), default));
        Assert.Equal("DIALOGUE_GRAPH_TOKEN", missing.Setting);
    }

    [Theory]
    [InlineData(GraphAuthMode.ClientSecret, "", "Sharing:Graph:ClientSecret")]
    [InlineData(GraphAuthMode.ClientCertificate, "", "Sharing:Graph:CertificatePath")]
    [InlineData(GraphAuthMode.DeviceCode, "http://login.fake.test/", "Sharing:Graph:AuthorityHost")]
    public void Create_MissingOrUnsafeSetting_NamesTheKeyToFix(GraphAuthMode mode, string authority, string key)
    {
        var options = new GraphConnectionOptions { Auth = mode, TenantId = Tenant, ClientId = App };
        if (authority.Length > 0)
        {
            options.AuthorityHost = authority;
        }

        var e = Assert.Throws<GraphAuthConfigurationException>(() => GraphCredentialFactory.Create(options, _ => null, TimeProvider.System, null));

        Assert.Equal(key, e.Setting);
    }

    [Theory]
    [InlineData("https://graph.microsoft.us/v1.0", "https://graph.microsoft.us/.default")]
    [InlineData("https://microsoftgraph.chinacloudapi.cn/v1.0", "https://microsoftgraph.chinacloudapi.cn/.default")]
    [InlineData("http://127.0.0.1:5123/v1.0", "https://graph.microsoft.com/.default")]
    public void ScopeFor_NationalCloudOrLocal_AsksTheRightAudience(string baseUrl, string scope) =>
        Assert.Equal(scope, GraphClientBuilder.ScopeFor(new GraphConnectionOptions { BaseUrl = baseUrl }, new Uri(baseUrl)));

    [Fact]
    public void BaseUri_PlainHttpOffLoopback_IsRefused() =>
        Assert.Equal("Sharing:Graph:BaseUrl", Assert.Throws<GraphAuthConfigurationException>(() => GraphClientBuilder.BaseUri("http://graph.example.org/v1.0")).Setting);

    [Fact]
    public async Task Publish_WithClientSecretCredential_TokenFromEntraReachesGraphOnly()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var entra = new FakeEntra { Token = world.Server.CurrentToken };
        var credential = GraphCredentialFactory.Create(
            new GraphConnectionOptions { Auth = GraphAuthMode.ClientSecret, TenantId = Tenant, ClientId = App, ClientSecret = "s", AuthorityHost = "https://login.fake.test/", DisableInstanceDiscovery = true },
            _ => null, TimeProvider.System, o => o.Transport = entra.Transport);
        var request = world.Request();
        var target = (SharePointTarget)request.Target;
        request = request with { Target = target with { Connection = new GraphConnectionOptions { BaseUrl = world.Server.GraphBaseUrl, Credential = credential } } };

        var result = await new PackagePublisher().PublishAsync(request);

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Single(entra.Requests);
        Assert.Equal(0, world.Server.UnauthorizedAnswers);
        Assert.Equal(0, world.Server.AuthorizationOnUploadHost);
    }

    [Fact]
    public async Task Publish_WithAccessTokenVariable_UsesItAndMissingSecretIsReportedNotThrown()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var variable = "DIALOGUE_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(variable, world.Server.CurrentToken);
        try
        {
            var request = world.Request();
            var target = (SharePointTarget)request.Target;
            var withToken = request with { Target = target with { Connection = new GraphConnectionOptions { BaseUrl = world.Server.GraphBaseUrl, Auth = GraphAuthMode.AccessToken, AccessTokenVariable = variable } } };
            var withoutSecret = request with { Target = target with { Connection = new GraphConnectionOptions { BaseUrl = world.Server.GraphBaseUrl, Auth = GraphAuthMode.ClientSecret, TenantId = Tenant, ClientId = App } } };

            var ok = await new PackagePublisher().PublishAsync(withToken);
            var refused = await new PackagePublisher().PublishAsync(withoutSecret);

            Assert.False(ok.HasErrors, string.Join("\n", ok.Problems));
            var problem = Assert.Single(refused.Problems);
            Assert.Equal("SHARING_AUTH_CONFIG", problem.Code);
            Assert.Contains("Sharing:Graph:ClientSecret", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    /// <summary>Entra ID and the managed identity endpoint, in process: records requests and answers as graph.md §7 describes.</summary>
    private sealed class FakeEntra : HttpMessageHandler
    {
        public List<(string Url, Dictionary<string, string> Form, Dictionary<string, string> Headers)> Requests { get; } = [];
        public int PendingPolls { get; set; }
        public string Token { get; set; } = "entra-token-1";

        public HttpPipelineTransport Transport => new HttpClientTransport(new HttpClient(this));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(kv => kv.Split('=', 2))
                .ToDictionary(kv => Uri.UnescapeDataString(kv[0].Replace('+', ' ')), kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "");
            var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var url = request.RequestUri!.ToString();
            lock (Requests)
            {
                Requests.Add((url, form, headers));
            }

            if (url.Contains("/msi/token", StringComparison.Ordinal))
            {
                return Json(HttpStatusCode.OK, new
                {
                    access_token = "msi-token",
                    expires_on = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(),
                    resource = "https://graph.microsoft.com",
                    token_type = "Bearer",
                    client_id = App,
                });
            }

            if (url.EndsWith("/oauth2/v2.0/devicecode", StringComparison.Ordinal))
            {
                return Json(HttpStatusCode.OK, new
                {
                    device_code = "device-code-xyz", user_code = "ABCD-1234", verification_uri = "https://microsoft.com/devicelogin",
                    expires_in = 900, interval = 1, message = "To sign in, use a web browser to open https://microsoft.com/devicelogin and enter the code ABCD-1234.",
                });
            }

            var deviceCode = form.GetValueOrDefault("grant_type") is "device_code" or "urn:ietf:params:oauth:grant-type:device_code";
            if (deviceCode && PendingPolls-- > 0)
            {
                return Json(HttpStatusCode.BadRequest, new { error = "authorization_pending", error_description = "pending" });
            }

            // Public-client flows also need id_token and client_info (graph.md §7); app tokens must not carry them.
            return deviceCode
                ? Json(HttpStatusCode.OK, new
                {
                    token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = Token,
                    id_token = IdToken(), client_info = B64(new { uid = "user-1", utid = Tenant }),
                })
                : Json(HttpStatusCode.OK, new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = Token });
        }

        private static string IdToken()
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            return $"{B64(new { alg = "none", typ = "JWT" })}.{B64(new { aud = App, iss = $"https://login.fake.test/{Tenant}/v2.0", tid = Tenant, oid = "user-1", sub = "user-1", preferred_username = "van.thu@yenbai.gov.vn", name = "Văn thư", ver = "2.0", iat = now, nbf = now, exp = now + 3600 })}.";
        }

        private static string B64(object value) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
            new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
    }
}
