using Microsoft.AspNetCore.Http.Features;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// Refuses bodies over the configured limit with a Vietnamese 413 problem: early from Content-Length, and through
/// the server's own limit for chunked bodies (Kestrel throws, the exception handler answers 413).
/// </summary>
public static class RequestLimits
{
    public static IApplicationBuilder UseUploadLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > maxBytes)
            {
                await ApiProblem.WriteAsync(context, "UPLOAD_TOO_LARGE", StatusCodes.Status413PayloadTooLarge, (maxBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            await next(context);
        });
}
