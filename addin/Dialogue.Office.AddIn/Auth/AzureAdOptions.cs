namespace Dialogue.Office.AddIn.Auth;

/// <summary>
/// Microsoft Entra settings (section <c>AzureAd</c>). Sign-in is on when <see cref="TenantId"/> and
/// <see cref="ClientId"/> are set; with neither (the embedded default) the API is open on loopback and works on the
/// local share.
/// </summary>
public sealed class AzureAdOptions
{
    public const string Section = "AzureAd";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";
    public string TenantId { get; set; } = "";

    /// <summary>The add-in's app registration (the manifest's WebApplicationInfo Id).</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Accepted token audience besides the client id, e.g. <c>api://addin.example.gov.vn/&lt;client id&gt;</c>.</summary>
    public string Audience { get; set; } = "";

    /// <summary>Secret for the on-behalf-of flow to Microsoft Graph (keep it in user secrets or the environment).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Scope the pane's token must carry (scp claim).</summary>
    public string Scope { get; set; } = "access_as_user";

    public bool IsConfigured => TenantId.Length > 0 && ClientId.Length > 0;

    public string Authority => $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";

    /// <summary>v2 and v1 issuers of the tenant (Office SSO tokens may be either).</summary>
    public IReadOnlyList<string> Issuers =>
        [$"{Instance.TrimEnd('/')}/{TenantId}/v2.0", $"https://sts.windows.net/{TenantId}/"];

    public IReadOnlyList<string> Audiences =>
        Audience.Length > 0 ? [ClientId, Audience] : [ClientId, $"api://{ClientId}"];
}
