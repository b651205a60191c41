using Azure.Core;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Automation.Tests.Sharing;
using Microsoft.AspNetCore.Http;

namespace Dialogue.Office.AddIn.Tests.Support;

/// <summary>
/// The host's SharePoint seam pointed at the local Graph-compatible server, with that server's token (in production:
/// on behalf of the signed-in user). Every endpoint that reaches SharePoint then goes through the real Graph SDK over HTTP.
/// </summary>
internal sealed class GraphServerAccess(FakeGraphServer server) : SharePointAccess(new AzureAdOptions())
{
    public override bool Enabled => true;

    public override GraphConnectionOptions? For(HttpContext http) =>
        new() { BaseUrl = server.GraphBaseUrl, Credential = new ServerToken(server) };

    private sealed class ServerToken(FakeGraphServer server) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(server.CurrentToken, DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
