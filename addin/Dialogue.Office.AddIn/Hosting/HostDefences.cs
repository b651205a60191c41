using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Net.Http.Headers;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// What keeps a hostile web page and network away from the host: only state-changing API calls made by the pane itself
/// are served (no cross-site form, no other origin), bodies only as JSON or multipart, a bounded number of uploads at
/// once, forwarded headers only from configured proxies, and the response headers (CSP frame-ancestors, HSTS,
/// Referrer-Policy). The Host header is checked before all of this by ASP.NET Core's host filtering
/// (<c>AllowedHosts</c>, default the loopback names: a DNS-rebinding page never reaches the API).
/// </summary>
public static class HostDefences
{
    /// <summary>The header every state-changing API call must carry: the pane's fetch sends it; a cross-site form cannot,
    /// and a cross-site fetch with it needs a CORS preflight this host never grants.</summary>
    public const string RequestHeader = "X-Dialogue-Office";

    /// <summary>
    /// Origins allowed to frame the pane (CSP <c>frame-ancestors</c>): Office on the web and Outlook on the web. Microsoft
    /// lists these in "Office Add-ins: Content Security Policy" (learn.microsoft.com/office/dev/add-ins/concepts/
    /// add-in-development-best-practices) and in the M365 URL/IP ranges (learn.microsoft.com/microsoft-365/enterprise/
    /// urls-and-ip-address-ranges, "Office for the web": *.office.com, *.officeapps.live.com, *.sharepoint.com,
    /// *.office365.com, *.outlook.com). Desktop Office hosts the pane in a webview whose top frame is the pane itself.
    /// </summary>
    public static readonly IReadOnlyList<string> OfficeFrameAncestors =
    [
        "https://*.office.com",
        "https://*.office365.com",
        "https://*.officeapps.live.com",
        "https://*.sharepoint.com",
        "https://*.outlook.com",
        "https://outlook.office.com",
        "https://outlook.office365.com",
    ];

    /// <summary>The host names answered when <c>AllowedHosts</c> is not configured.</summary>
    public const string DefaultAllowedHosts = "localhost;127.0.0.1;[::1]";

    private const string RateLimitPolicyPartition = "state-changing";

    /// <summary>Registers the request limiter (uploads at once) and the forwarded-headers settings.</summary>
    public static void AddHostDefences(this WebApplicationBuilder builder, AddInOptions options)
    {
        // Host names this host answers to. Unset: the loopback names only, so a page on a rebinding domain
        // (evil.example resolving to 127.0.0.1) gets 400 before any endpoint. A server set up for a tenant lists its name.
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            builder.Configuration["AllowedHosts"] = DefaultAllowedHosts;
        }

        var limiter = new RequestLimiter(PartitionedRateLimiter.Create<HttpContext, string>(context => IsStateChangingApi(context.Request)
            ? RateLimitPartition.GetConcurrencyLimiter(RateLimitPolicyPartition, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, options.MaxConcurrentRequests),
                QueueLimit = Math.Max(0, options.RequestQueue),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetNoLimiter("other")));
        builder.Services.AddSingleton(limiter);
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = limiter.Limiter;
            o.OnRejected = async (context, ct) =>
            {
                var seconds = Math.Max(1, options.BusyRetryAfterSeconds).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.Headers.RetryAfter = seconds;
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Dialogue.Office.AddIn")
                    .LogWarning("Busy: {Method} {Path} refused (429)", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
                await ApiProblem.WriteAsync(context.HttpContext, "SERVER_BUSY", StatusCodes.Status429TooManyRequests, seconds);
            };
        });

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only the scheme and the client address, and only from the proxies named in AddIn:KnownProxies. The host
            // name is never taken from a header: links come from AddIn:PublicBaseUrl (see ShareAddress).
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
        });
    }

    /// <summary>
    /// The Content-Security-Policy of every response: exactly what the pane's pages load. Scripts are files only — the
    /// pane's ES modules and the Fluent bundle from <c>'self'</c>, office.js from Microsoft's CDN origin (which also
    /// serves the host and locale files office.js loads) unless <c>AddIn:OfficeJs=local</c>, when it too is
    /// <c>'self'</c>; no inline script, no eval. Styles: <c>css/taskpane.css</c> from <c>'self'</c>; Fluent's own styles
    /// are constructed stylesheets (adoptedStyleSheets) and CSSOM writes, which CSP does not govern, so no
    /// <c>'unsafe-inline'</c>. Calls: the host's API (<c>'self'</c>), plus the sign-in authority's origin when sign-in is
    /// configured (the sign-in dialog posts to its token endpoint). Frames: only the host's own pages (office.js's hidden
    /// logging frame to telemetryservice.firstpartyapps.oaspapps.com is refused on purpose; it sits in &lt;head&gt;). The pane is
    /// framed only by Office (frame-ancestors).
    /// </summary>
    public static string ContentSecurityPolicy(bool localOfficeJs, string? signInAuthority)
    {
        var scripts = localOfficeJs ? "'self'" : "'self' " + new Uri(StaticLibraries.OfficeJsCdn).GetLeftPart(UriPartial.Authority);
        var connect = signInAuthority is { Length: > 0 } && Uri.TryCreate(signInAuthority, UriKind.Absolute, out var authority)
            ? "'self' " + authority.GetLeftPart(UriPartial.Authority)
            : "'self'";
        return string.Join("; ",
            "frame-ancestors 'self' " + string.Join(' ', OfficeFrameAncestors),
            "default-src 'none'",
            "script-src " + scripts,
            "style-src 'self'",
            "img-src 'self'",
            "font-src 'self'",
            "connect-src " + connect,
            "frame-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'");
    }

    /// <summary>Forwarded headers (when proxies are configured), response headers, the cross-site guard and the limiter.</summary>
    public static void UseHostDefences(this WebApplication app, AddInOptions options, string contentSecurityPolicy)
    {
        if (options.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return next(context);
        });

        app.Use(async (context, next) =>
        {
            if (IsStateChangingApi(context.Request) && Refusal(context.Request) is { } refusal)
            {
                app.Logger.LogWarning("{Method} {Path} refused: {Reason}", context.Request.Method, context.Request.Path, refusal.Reason);
                await ApiProblem.WriteAsync(context, refusal.Code, refusal.Status);
                return;
            }

            await next(context);
        });

        app.UseRateLimiter();
    }

    /// <summary>Logs loudly when the host listens beyond this machine with nobody signing in.</summary>
    public static void WarnWhenExposed(this WebApplication app, bool signInConfigured)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                if (!signInConfigured && !IsLoopback(address))
                {
                    app.Logger.LogWarning(
                        "SECURITY: listening on {Address}, beyond this machine, with no Entra tenant configured: anyone who can reach it can use the API. Configure AzureAd or bind to 127.0.0.1/localhost only.",
                        address);
                }
            }
        });
    }

    /// <summary>True for POST, PUT, PATCH and DELETE under <c>/api</c>.</summary>
    public static bool IsStateChangingApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    private sealed record RefusalReason(string Code, int Status, string Reason);

    private static RefusalReason? Refusal(HttpRequest request)
    {
        // Browsers send Sec-Fetch-Site on every request: the pane's own calls are same-origin.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return new("CROSS_SITE_REFUSED", StatusCodes.Status403Forbidden, $"Sec-Fetch-Site {site}");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return new("CROSS_SITE_REFUSED", StatusCodes.Status403Forbidden, "foreign Origin");
        }

        if (string.IsNullOrEmpty(request.Headers[RequestHeader]))
        {
            return new("CROSS_SITE_REFUSED", StatusCodes.Status403Forbidden, $"no {RequestHeader} header");
        }

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
        if (hasBody)
        {
            var ok = MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                    || type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase));
            if (!ok)
            {
                return new("UNSUPPORTED_MEDIA_TYPE", StatusCodes.Status415UnsupportedMediaType, $"content type {request.ContentType}");
            }
        }

        return null;
    }

    private static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>
    /// The answer for an API path no endpoint serves: 405 with <c>Allow</c> when the path exists for other methods, else
    /// 404 (routing alone answers 404 for both, because the API's catch-all matches every method).
    /// </summary>
    public static IResult NotFoundOrWrongMethod(HttpContext context, EndpointDataSource endpoints)
    {
        var path = context.Request.Path;
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || methods.Count == 0 || endpoint.RoutePattern.RawText is not { } raw || raw.Contains("**", StringComparison.Ordinal))
            {
                continue;
            }

            var matcher = new TemplateMatcher(TemplateParser.Parse(raw), []);
            if (matcher.TryMatch(path, []))
            {
                allowed.UnionWith(methods);
            }
        }

        if (allowed.Count == 0)
        {
            return ApiProblem.Result("NOT_FOUND", StatusCodes.Status404NotFound);
        }

        context.Response.Headers.Allow = string.Join(", ", allowed);
        return ApiProblem.Result("METHOD_NOT_ALLOWED", StatusCodes.Status405MethodNotAllowed, null, context.Request.Method);
    }
}

/// <summary>The limiter on state-changing API requests (a service so its statistics can be read).</summary>
public sealed class RequestLimiter(PartitionedRateLimiter<HttpContext> limiter)
{
    public PartitionedRateLimiter<HttpContext> Limiter { get; } = limiter;

    /// <summary>Upload slots free now.</summary>
    public long AvailablePermits
    {
        get
        {
            var probe = new DefaultHttpContext();
            probe.Request.Method = HttpMethods.Post;
            probe.Request.Path = "/api/check";
            return Limiter.GetStatistics(probe)?.CurrentAvailablePermits ?? 0;
        }
    }
}
