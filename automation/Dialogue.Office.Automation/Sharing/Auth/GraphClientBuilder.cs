using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

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

    public static GraphServiceClient Create(GraphConnectionOptions options, TokenCredential credential, TimeProvider time, HttpMessageHandler? finalHandler = null)
    {
        var baseUri = BaseUri(options.BaseUrl);
        var scope = ScopeFor(options, baseUri);
        var auth = new AzureIdentityAuthenticationProvider(credential, [baseUri.Host], null, true, scope);
        return new GraphServiceClient(Http(time, finalHandler), auth, baseUri.ToString().TrimEnd('/'));
    }

    /// <summary>
    /// The adapter for upload-session fragments: no token (the upload URL is pre-authenticated, graph.md §5), the same
    /// pipeline and retry as the client (LargeFileUploadTask would otherwise build its own, with Kiota's wall-clock retry).
    /// </summary>
    public static IRequestAdapter UploadAdapter(TimeProvider time) =>
        new BaseGraphRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: Http(time, null));

    /// <summary>The Graph SDK's default handlers, with the retry replaced by one that waits on <paramref name="time"/>.</summary>
    private static HttpClient Http(TimeProvider time, HttpMessageHandler? finalHandler)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers(new GraphClientOptions());
        var retry = handlers.ToList().FindIndex(h => h is RetryHandler);
        if (retry < 0)
        {
            throw new InvalidOperationException("The Graph SDK's default pipeline has no retry handler to replace.");
        }

        handlers[retry] = new GraphRetryHandler(time);
        return GraphClientFactory.Create(handlers, version: "v1.0", nationalCloud: GraphClientFactory.Global_Cloud, proxy: null, finalHandler: finalHandler);
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
