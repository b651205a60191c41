using System.Text;
using Azure.Identity;
using Microsoft.Graph;

namespace Dialogue.Office.AddIn.Auth;

/// <summary>
/// Reads the document open in Word on the web straight from SharePoint/OneDrive, on behalf of the signed-in user
/// (OBO): <c>getFileAsync</c> is unreliable there (office-js #6747, #6748), and the file already lives in the tenant.
/// </summary>
public sealed class GraphDocuments(AzureAdOptions options, ILogger<GraphDocuments> log)
{
    /// <summary>The file's bytes, or null when Graph refuses or fails (logged, never shown).</summary>
    public async Task<byte[]?> DownloadAsync(string userAssertion, string documentUrl, CancellationToken ct)
    {
        if (!Uri.TryCreate(documentUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        try
        {
            var credential = new OnBehalfOfCredential(options.TenantId, options.ClientId, options.ClientSecret, userAssertion);
            using var graph = new GraphServiceClient(credential, ["https://graph.microsoft.com/.default"]);
            await using var stream = await graph.Shares[ShareId(uri)].DriveItem.Content.GetAsync(cancellationToken: ct);
            if (stream is null)
            {
                return null;
            }

            // Bounded like an upload: a document larger than the guarded opener accepts is never held whole.
            var limit = Automation.Inputs.InputLimits.WordDocument.MaxFileBytes;
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + n > limit)
                {
                    log.LogWarning("Graph download of the open document stopped: larger than {Limit} bytes", limit);
                    return null;
                }

                buffer.Write(chunk, 0, n);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Graph download of the open document failed");
            return null;
        }
    }

    /// <summary>Graph's sharing id for a URL: <c>u!</c> + unpadded base64url (learn.microsoft.com/graph/api/shares-get).</summary>
    internal static string ShareId(Uri url) =>
        "u!" + Convert.ToBase64String(Encoding.UTF8.GetBytes(url.AbsoluteUri)).TrimEnd('=').Replace('/', '_').Replace('+', '-');
}
