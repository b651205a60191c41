using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace Dialogue.Office.Automation.Sharing.Auth;

/// <summary>
/// Builds a <see cref="GraphServiceClient"/> for a configurable endpoint. The HttpClient comes from
/// <see cref="GraphClientFactory"/> so the retry (429/503 Retry-After) and redirect handlers stay in the pipeline
/// (graph.md §0b); the endpoint's host is the only host the token is sent to (graph.md §6).
/// </summary>
internal static class GraphClientBuilder
{
    private static readonly HashSet<string> KnownGraphHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "graph.microsoft.de",
        "microsoftgraph.chinacloudapi.cn", "canary.graph.microsoft.com", "graph.microsoft-ppe.com",
    };

    public static GraphServiceClient Create(GraphConnectionOptions options, TokenCredential credential, HttpMessageHandler? finalHandler = null)
    {
        var baseUri = BaseUri(options.BaseUrl);
        var scope = ScopeFor(options, baseUri);
        var auth = new AzureIdentityAuthenticationProvider(credential, [baseUri.Host], null, true, scope);
        var http = GraphClientFactory.Create(
            GraphClientFactory.CreateDefaultHandlers(new GraphClientOptions()),
            version: "v1.0",
            nationalCloud: GraphClientFactory.Global_Cloud,
            proxy: null,
            finalHandler: finalHandler);
        return new GraphServiceClient(http, auth, baseUri.ToString().TrimEnd('/'));
    }

    public static Uri BaseUri(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            // Kiota refuses plain http except on loopback ("Only https is supported").
            throw new GraphAuthConfigurationException($"Graph base URL '{baseUrl}' must be https (http only on loopback).", "Sharing:Graph:BaseUrl");
        }

        return uri;
    }

    public static string ScopeFor(GraphConnectionOptions options, Uri baseUri)
    {
        if (!string.IsNullOrWhiteSpace(options.Scope))
        {
            return options.Scope;
        }

        return KnownGraphHosts.Contains(baseUri.Host)
            ? $"https://{baseUri.Host}/.default"
            : "https://graph.microsoft.com/.default";
    }
}
