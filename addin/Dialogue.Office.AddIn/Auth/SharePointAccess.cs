using Dialogue.Office.AddIn.Apis;
using Dialogue.Office.Automation.Sharing.Auth;

namespace Dialogue.Office.AddIn.Auth;

/// <summary>
/// How the host reaches SharePoint for one request: on behalf of the signed-in user when an Entra tenant is
/// configured, else not at all (the core then resolves the local share). One seam, so tests can point it at the local
/// Graph-compatible server.
/// </summary>
public class SharePointAccess(AzureAdOptions ad)
{
    public virtual GraphConnectionOptions? For(HttpContext http) => ad.IsConfigured ? PublishApi.OnBehalfOf(http, ad) : null;
}
