using Dialogue.Office.AddIn.Apis;
using Dialogue.Office.Automation.Sharing.Auth;

namespace Dialogue.Office.AddIn.Auth;

/// <summary>
/// How the host reaches SharePoint for one request: on behalf of the signed-in user when an Entra tenant is
/// configured, else not at all (the core then resolves the local share). One seam for every endpoint (packet,
/// invitations, publish, the question folder fetch and its folder list), so tests can point it at the local
/// Graph-compatible server.
/// </summary>
public class SharePointAccess(AzureAdOptions ad)
{
    /// <summary>Whether this host works against SharePoint (else the local share).</summary>
    public virtual bool Enabled => ad.IsConfigured;

    /// <summary>SharePoint is reached on the user's behalf, and the request carries no token to exchange.</summary>
    public virtual bool SignInMissing(HttpContext http) => ad.IsConfigured && PublishApi.BearerToken(http).Length == 0;

    public virtual GraphConnectionOptions? For(HttpContext http) => Enabled ? PublishApi.OnBehalfOf(http, ad) : null;
}
