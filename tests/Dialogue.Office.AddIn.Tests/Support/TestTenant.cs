using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Dialogue.Office.AddIn.Tests.Support;

/// <summary>
/// An Entra tenant played by the tests: their own RSA key stands in for the tenant's JWKS (injected as the bearer
/// handler's configuration, so nothing is fetched), and tokens are real signed JWTs.
/// </summary>
public sealed class TestTenant
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "0f3e9d1c-2b4a-4c5d-8e6f-7a8b9c0d1e2f";
    public const string Scope = "access_as_user";

    public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "tenant-key" };

    public static string Issuer => $"https://login.microsoftonline.com/{Tenant}/v2.0";

    /// <summary>The host settings that turn sign-in on for this tenant.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("AzureAd:TenantId", Tenant),
        new("AzureAd:ClientId", ClientId),
        new("AzureAd:Audience", $"api://localhost:5443/{ClientId}"),
    ];

    /// <summary>Makes the host's bearer handler trust <see cref="Key"/> as the tenant's signing key.</summary>
    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            o.Configuration = configuration;

            // The handler's own post-configuration already made a manager that would fetch the authority's metadata.
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        }));

    /// <summary>A signed token with <paramref name="claims"/>, by default valid now for 30 minutes, for the add-in's app.</summary>
    public string Token(IEnumerable<Claim> claims, SecurityKey? key = null, string? audience = null, string? issuer = null, DateTime? expires = null)
    {
        var end = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JwtSecurityTokenHandler().CreateEncodedJwt(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? ClientId,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = end.AddHours(-1),
            NotBefore = end.AddHours(-1),
            Expires = end,
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
