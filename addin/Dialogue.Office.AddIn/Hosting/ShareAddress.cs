using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// The address links to this host are built from (the local share's folder link, hence every QR code): the configured
/// <see cref="AddInOptions.PublicBaseUrl"/>, else the host's own listening address. Never the request's Host header,
/// which any client (or a DNS-rebinding page) chooses.
/// </summary>
public static class ShareAddress
{
    /// <summary>The base URL without a trailing slash, e.g. <c>https://hoinghi.example.gov.vn</c>.</summary>
    public static string BaseUrl(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<AddInOptions>>().Value.PublicBaseUrl.Trim();
        if (configured.Length > 0)
        {
            return configured.TrimEnd('/');
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var own = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (own is null || !Uri.TryCreate(Wildcard(own), UriKind.Absolute, out var uri))
        {
            return "http://localhost";
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }

    /// <summary>Checks a configured public address at start: absolute http(s), no query or fragment.</summary>
    public static string? Problem(string configured) =>
        configured.Trim().Length == 0
        || (Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Query.Length == 0 && uri.Fragment.Length == 0)
            ? null
            : $"AddIn:PublicBaseUrl \"{configured}\" is not an absolute http(s) address without query or fragment.";

    private static string Wildcard(string address) =>
        address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
}
