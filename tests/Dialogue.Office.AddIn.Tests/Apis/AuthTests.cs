using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Dialogue.Office.AddIn.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Dialogue.Office.AddIn.Tests.Apis;

/// <summary>The host with an Entra tenant configured (<see cref="TestTenant"/>).</summary>
public sealed class EntraFactory : AddInFactory
{
    public const string Tenant = TestTenant.Tenant;
    public const string ClientId = TestTenant.ClientId;

    public TestTenant TestTenant { get; } = new();

    public RsaSecurityKey TenantKey => TestTenant.Key;

    public static string Issuer => TestTenant.Issuer;

    protected override IEnumerable<KeyValuePair<string, string>> Settings => TestTenant.Settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestTenant.Configure(builder);
    }
}

public sealed class AuthTests(EntraFactory factory) : IClassFixture<EntraFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private string Token(SecurityKey? key = null, string? audience = null, string? issuer = null, DateTime? expires = null, string scope = "access_as_user", bool withUserId = true) =>
        factory.TestTenant.Token(
            withUserId
                ? [new Claim("oid", "9a1b2c3d-0000-4000-8000-000000000001"), new Claim("name", "Nguyễn Văn A"), new Claim("scp", scope)]
                : [new Claim("name", "Nguyễn Văn A"), new Claim("scp", scope)],
            key, audience, issuer, expires);

    private async Task<HttpResponseMessage> GetPlans(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/plans");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }

    private static async Task AssertRefused(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var problem = await ApiTests.Problem(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal($"urn:dialogue-office:problem:{code}", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Config_IsAnonymousAndSaysSignInIsOn()
    {
        var config = await _client.GetFromJsonAsync<JsonElement>("/api/config");
        Assert.Equal("entra", config.GetProperty("auth").GetString());
        Assert.Equal(EntraFactory.ClientId, config.GetProperty("clientId").GetString());
        Assert.Equal("sharepoint", config.GetProperty("share").GetString());
        var sharing = config.GetProperty("sharing");
        Assert.Equal("sharepoint", sharing.GetProperty("mode").GetString());
        Assert.False(sharing.GetProperty("localFallback").GetBoolean());
        var fields = sharing.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("label").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.StartsWith("SharePoint của cơ quan", fields["Nơi công bố"], StringComparison.Ordinal);
        Assert.Contains("PUBLISH_NO_SITE", fields["Kế hoạch chưa có trang SharePoint"], StringComparison.Ordinal);
        Assert.Contains("Không chép sang thư mục cục bộ", fields["Kế hoạch chưa có trang SharePoint"], StringComparison.Ordinal);
        Assert.Equal($"https://login.microsoftonline.com/{EntraFactory.Tenant}", config.GetProperty("authority").GetString());
        Assert.Equal($"api://localhost:5443/{EntraFactory.ClientId}/access_as_user", config.GetProperty("apiScope").GetString());
    }

    [Fact]
    public async Task Api_ValidToken_IsServed()
    {
        var response = await GetPlans(Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Share_WithATenant_RequiresSignIn()
    {
        var path = Path.Combine(factory.OutputRoot, "share", "YB23", "GM-001.docx");
        _ = await GetPlans(Token()); // the host is up and its share folder exists
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "PK");

        var anonymous = await _client.GetAsync("/share/YB23/GM-001.docx");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Cần đăng nhập", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/share/YB23/GM-001.docx");
        signedIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        var served = await _client.SendAsync(signedIn);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("PK", await served.Content.ReadAsStringAsync());

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/share/YB23/GM-001.docx");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(key: new RsaSecurityKey(RSA.Create(2048))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task Share_SecretariatFolder_IsServedToASignedInUserOnly()
    {
        var path = Path.Combine(factory.OutputRoot, "share", "YB23", "thu-ky", "danh-sach-giay-moi.xlsx");
        _ = await GetPlans(Token());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "PK-list");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/share/YB23/thu-ky/danh-sach-giay-moi.xlsx")).StatusCode);
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/share/YB23/thu-ky/danh-sach-giay-moi.xlsx");
        signedIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        var served = await _client.SendAsync(signedIn);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("PK-list", await served.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Publish_PlanWithoutSiteWhileConfigSaysSharePoint_IsAClearProblemNotALocalFallback()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invitations/xa-2026/jobs")
        {
            Content = new MultipartFormDataContent { { new StringContent("true"), "publish" } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("PUBLISH_NO_SITE", problem.GetProperty("code").GetString());
        Assert.Contains("xa-2026", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(factory.OutputRoot, "share", "Doi-thoai-Nhan-dan-2026")));
    }

    [Fact]
    public async Task Api_TokenForApiUriAudience_IsServed()
    {
        var response = await GetPlans(Token(audience: $"api://localhost:5443/{EntraFactory.ClientId}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_NoToken_IsRefusedAsMissing() =>
        await AssertRefused(await GetPlans(null), "AUTH_TOKEN_MISSING");

    [Fact]
    public async Task Api_TokenSignedByAnotherKey_IsRefusedAsInvalid()
    {
        using var forger = RSA.Create(2048);
        await AssertRefused(await GetPlans(Token(new RsaSecurityKey(forger) { KeyId = "tenant-key" })), "AUTH_TOKEN_INVALID");
    }

    [Fact]
    public async Task Api_TokenWithSignatureStripped_IsRefusedAsInvalid()
    {
        var parts = Token().Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        await AssertRefused(await GetPlans($"{header}.{parts[1]}."), "AUTH_TOKEN_INVALID");
    }

    [Fact]
    public async Task Api_ExpiredToken_IsRefusedAsExpired() =>
        await AssertRefused(await GetPlans(Token(expires: DateTime.UtcNow.AddMinutes(-10))), "AUTH_TOKEN_EXPIRED");

    [Fact]
    public async Task Api_TokenForAnotherApp_IsRefused() =>
        await AssertRefused(await GetPlans(Token(audience: "api://other-app")), "AUTH_TOKEN_INVALID");

    [Fact]
    public async Task Api_TokenFromAnotherTenant_IsRefused() =>
        await AssertRefused(await GetPlans(Token(issuer: "https://login.microsoftonline.com/99999999-0000-0000-0000-000000000000/v2.0")), "AUTH_TOKEN_INVALID");

    [Fact]
    public async Task Api_TokenWithoutAStableUserId_IsRefusedAsInvalid() =>
        await AssertRefused(await GetPlans(Token(withUserId: false)), "AUTH_TOKEN_INVALID");

    [Fact]
    public async Task Api_TokenWithoutTheAddInScope_IsForbidden()
    {
        var response = await GetPlans(Token(scope: "User.Read"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("AUTH_FORBIDDEN", (await ApiTests.Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task TaskPane_StaysReachableWithoutToken()
    {
        var response = await _client.GetAsync("/taskpane.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
