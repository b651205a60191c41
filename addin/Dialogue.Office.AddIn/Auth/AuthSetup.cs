using System.Security.Claims;
using Dialogue.Office.AddIn.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Dialogue.Office.AddIn.Auth;

/// <summary>
/// Bearer-token validation for the API when Entra is configured: issuer (the tenant), audience (the add-in's app),
/// signature (keys from the authority's JWKS), lifetime, and the <c>access_as_user</c> scope.
/// </summary>
public static class AuthSetup
{
    public const string Policy = "AddInUser";

    public static AzureAdOptions AddAddInAuth(this WebApplicationBuilder builder)
    {
        var ad = builder.Configuration.GetSection(AzureAdOptions.Section).Get<AzureAdOptions>() ?? new AzureAdOptions();
        builder.Services.AddSingleton(ad);
        if (!ad.IsConfigured)
        {
            builder.Services.AddAuthorization();
            return ad;
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.Authority = ad.Authority;
                o.MapInboundClaims = false;
                o.SaveToken = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuers = ad.Issuers,
                    ValidateAudience = true,
                    ValidAudiences = ad.Audiences,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromMinutes(2),
                    NameClaimType = "name",
                };
                o.Events = new JwtBearerEvents
                {
                    // Jobs are kept per user: a token without a stable id (oid or sub) would share one bucket with
                    // every other such caller, so it is refused as invalid.
                    OnTokenValidated = context =>
                    {
                        if (context.Principal is not { } user || !HasStableId(user))
                        {
                            context.Fail("The token carries no oid or sub claim.");
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var code = context.AuthenticateFailure switch
                        {
                            SecurityTokenExpiredException => "AUTH_TOKEN_EXPIRED",
                            not null => "AUTH_TOKEN_INVALID",
                            null when context.Request.Headers.Authorization.Count > 0 => "AUTH_TOKEN_INVALID",
                            _ => "AUTH_TOKEN_MISSING",
                        };
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await ApiProblem.WriteAsync(context.HttpContext, code, StatusCodes.Status401Unauthorized);
                    },
                    OnForbidden = context => ApiProblem.WriteAsync(context.HttpContext, "AUTH_FORBIDDEN", StatusCodes.Status403Forbidden),
                };
            });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => HasScope(c.User, ad.Scope)));
        builder.Services.AddSingleton<GraphDocuments>();
        return ad;
    }

    /// <summary>The id jobs are kept under: the token's object id, or "" when sign-in is off.</summary>
    public static string OwnerId(this HttpContext context) => UserId(context.User);

    /// <summary>The user's object id (oid), else sub, else "".</summary>
    internal static string UserId(ClaimsPrincipal user) =>
        user.FindFirst("oid")?.Value ?? user.FindFirst("sub")?.Value ?? "";

    private static bool HasStableId(ClaimsPrincipal user) =>
        !string.IsNullOrWhiteSpace(user.FindFirst("oid")?.Value) || !string.IsNullOrWhiteSpace(user.FindFirst("sub")?.Value);

    /// <summary>Whether the token's <c>scp</c> claim carries <paramref name="scope"/> (the door page checks it too).</summary>
    internal static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll("scp").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(scope, StringComparer.Ordinal);
}
