using Dialogue.Office.AddIn.Auth;

namespace Dialogue.Office.AddIn.Apis;

/// <summary>What the pane needs to know before it calls anything else: sign-in mode, limits, the capabilities wired.</summary>
public static class ConfigApi
{
    /// <summary>Capabilities this host exposes; the pane shows only these sections.</summary>
    public static readonly IReadOnlyList<string> Capabilities = ["plans", "packet", "invitations", "programme", "questions", "check", "publish", "after"];

    public static void MapConfigApi(this IEndpointRouteBuilder app, AzureAdOptions ad, long maxUploadBytes) =>
        app.MapGet("api/config", () => TypedResults.Ok(new ClientConfig(
            ad.IsConfigured ? "entra" : "none",
            ad.IsConfigured ? ad.ClientId : null,
            ad.IsConfigured ? ad.Scope : null,
            ad.IsConfigured ? $"{ad.Instance.TrimEnd('/')}/{ad.TenantId}" : null,
            ad.IsConfigured ? $"{(ad.Audience.Length > 0 ? ad.Audience : $"api://{ad.ClientId}")}/{ad.Scope}" : null,
            ad.IsConfigured ? "sharepoint" : "local",
            maxUploadBytes,
            Capabilities)))
        .AllowAnonymous();

    /// <summary>
    /// Public, non-secret settings. <c>Authority</c> and <c>ApiScope</c> serve the sign-in dialog used when Office SSO
    /// is unavailable (auth-dialog.html: authorization code + PKCE against the tenant).
    /// </summary>
    public sealed record ClientConfig(string Auth, string? ClientId, string? Scope, string? Authority, string? ApiScope, string Share, long MaxUploadBytes, IReadOnlyList<string> Capabilities);
}
