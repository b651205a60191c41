using Azure.Core;
using Azure.Identity;

namespace Dialogue.Office.Automation.Sharing.Auth;

/// <summary>How the publisher signs in to Microsoft Graph.</summary>
public enum GraphAuthMode
{
    /// <summary>A clerk at a laptop: a code shown on screen, entered at microsoft.com/devicelogin.</summary>
    DeviceCode,

    /// <summary>Unattended, with an app registration's client secret (from environment or user-secrets only).</summary>
    ClientSecret,

    /// <summary>Unattended, with an app registration's certificate (a .pfx/.pem file path).</summary>
    ClientCertificate,

    /// <summary>Unattended on Azure (VM, App Service, Functions…): the machine's managed identity.</summary>
    ManagedIdentity,

    /// <summary>A pipeline hands over a token it already holds, in an environment variable.</summary>
    AccessToken,
}

/// <summary>
/// Connection settings for Microsoft Graph, bound from configuration section <c>Sharing:Graph</c>
/// (appsettings.json, environment variables <c>DIALOGUE_Sharing__Graph__…</c>, user-secrets).
/// Secrets are read from configuration at run time and never written anywhere.
/// </summary>
public sealed class GraphConnectionOptions
{
    /// <summary>The Graph root including the version; national clouds: https://graph.microsoft.us/v1.0, etc.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The Entra ID authority host; national clouds: https://login.microsoftonline.us/, etc.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    public GraphAuthMode Auth { get; set; } = GraphAuthMode.DeviceCode;

    /// <summary>Directory (tenant) id or domain; "organizations" for device code when unknown.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Application (client) id of the app registration.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Client secret (ClientSecret mode). Only from environment or user-secrets.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Certificate file (.pfx or .pem with key) for ClientCertificate mode.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>Password of the certificate file, if any. Only from environment or user-secrets.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>Client id of a user-assigned managed identity; empty = system-assigned.</summary>
    public string ManagedIdentityClientId { get; set; } = "";

    /// <summary>The environment variable holding a pre-acquired access token (AccessToken mode).</summary>
    public string AccessTokenVariable { get; set; } = "DIALOGUE_GRAPH_TOKEN";

    /// <summary>
    /// The scope asked of Entra ID; empty = "https://{graph host}/.default" for the known Graph hosts and
    /// "https://graph.microsoft.com/.default" for any other host (a local test server).
    /// </summary>
    public string Scope { get; set; } = "";

    /// <summary>Skip MSAL's instance discovery (needed for a private or test authority host).</summary>
    public bool DisableInstanceDiscovery { get; set; }

    /// <summary>
    /// A credential built by the caller (e.g. the add-in's OnBehalfOfCredential after Office SSO); when set,
    /// <see cref="Auth"/> and the secrets above are ignored. Not bound from configuration.
    /// </summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>Shows the device code to the clerk (DeviceCode mode). Not bound from configuration.</summary>
    public Func<DeviceCodeInfo, CancellationToken, Task>? DeviceCodePrompt { get; set; }
}
