using System.Globalization;
using System.Net;

namespace Dialogue.Office.Automation.Sharing.Auth;

/// <summary>
/// The Graph retry (429, 503, 504; Retry-After honoured, else 3 s doubling; at most three retries of a buffered request),
/// in place of Kiota's RetryHandler so that its waits go through the injected <see cref="TimeProvider"/>: a test
/// advances a fake clock instead of sleeping through Retry-After seconds (graph.md §0b).
/// </summary>
internal sealed class GraphRetryHandler(TimeProvider time) : DelegatingHandler
{
    public const int MaxRetries = 3;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(180);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= MaxRetries && ShouldRetry(response.StatusCode) && IsBuffered(request); attempt++)
        {
            var delay = Delay(response, attempt, time.GetUtcNow());
            if (response.Content is not null)
            {
                // Read the refusal to the end so the connection can be reused.
                await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }

            response.Dispose();
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            var again = await CloneAsync(request, cancellationToken).ConfigureAwait(false);
            again.Headers.Remove("Retry-Attempt");
            again.Headers.TryAddWithoutValidation("Retry-Attempt", attempt.ToString(CultureInfo.InvariantCulture));
            response = await base.SendAsync(again, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>A body that can be sent again: none, or one of known length (a chunked stream is sent once).</summary>
    private static bool IsBuffered(HttpRequestMessage request) =>
        request.Content is null || request.Headers.TransferEncodingChunked != true || request.Content.Headers.ContentLength is >= 0;

    /// <summary>The same request again (method, address, headers, options, a copy of the body).</summary>
    private static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        if (request.Content is not null)
        {
            var body = new MemoryStream();
            await request.Content.CopyToAsync(body, ct).ConfigureAwait(false);
            body.Position = 0;
            copy.Content = new StreamContent(body);
            foreach (var header in request.Content.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    internal static bool ShouldRetry(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>Retry-After (seconds or a date), else 3 s × 2^(attempt−1); never negative, never above 180 s.</summary>
    internal static TimeSpan Delay(HttpResponseMessage response, int attempt, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delay = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - now : FirstDelay * Math.Pow(2, attempt - 1));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > LongestDelay ? LongestDelay : delay;
    }
}
