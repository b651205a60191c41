using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Hosting;

namespace Dialogue.Office.AddIn.Apis;

/// <summary>What the pane needs to know before it calls anything else: sign-in mode, limits, the capabilities wired.</summary>
public static class ConfigApi
{
    /// <summary>Capabilities this host exposes; the pane shows only these sections.</summary>
    public static readonly IReadOnlyList<string> Capabilities = ["plans", "packet", "invitations", "programme", "questions", "check", "publish", "after", "attendance"];

    public static void MapConfigApi(this IEndpointRouteBuilder app, AzureAdOptions ad, long maxUploadBytes) =>
        app.MapGet("api/config", (SharePointAccess sharePoint, IServiceProvider services) => TypedResults.Ok(new ClientConfig(
            ad.IsConfigured ? "entra" : "none",
            ad.IsConfigured ? ad.ClientId : null,
            ad.IsConfigured ? ad.Scope : null,
            ad.IsConfigured ? $"{ad.Instance.TrimEnd('/')}/{ad.TenantId}" : null,
            ad.IsConfigured ? $"{(ad.Audience.Length > 0 ? ad.Audience : $"api://{ad.ClientId}")}/{ad.Scope}" : null,
            sharePoint.Enabled ? "sharepoint" : "local",
            Sharing(sharePoint.Enabled, ShareAddress.BaseUrl(services)),
            maxUploadBytes,
            Capabilities)))
        .AllowAnonymous();

    /// <summary>
    /// Where this host publishes, in labelled Vietnamese fields the pane shows as they come. With SharePoint there is no
    /// silent local fallback: a plan without a site is refused at publish time (PUBLISH_NO_SITE). Without it, every
    /// plan goes to the local share, a site in the plan notwithstanding (the core's PublishTargets.Resolve).
    /// </summary>
    public static SharingInfo Sharing(bool sharePoint, string baseUrl) => sharePoint
        ? new SharingInfo("sharepoint", LocalFallback: false,
        [
            new("Nơi công bố", "SharePoint của cơ quan (trang và thư viện ghi trong mục sharing của kế hoạch)"),
            new("Kế hoạch chưa có trang SharePoint", "Không chép sang thư mục cục bộ: việc công bố dừng lại, báo lỗi PUBLISH_NO_SITE để bổ sung trang vào kế hoạch."),
        ])
        : new SharingInfo("local", LocalFallback: true,
        [
            new("Nơi công bố", "Thư mục chia sẻ cục bộ của máy chủ"),
            new("Địa chỉ thư mục chia sẻ", $"{baseUrl}/share/"),
            new("Lý do", "Máy chủ chưa cấu hình đăng nhập Microsoft 365 nên mọi kế hoạch, kể cả kế hoạch có trang SharePoint, đều công bố vào thư mục cục bộ."),
        ]);

    /// <summary>
    /// Public, non-secret settings. <c>Authority</c> and <c>ApiScope</c> serve the sign-in dialog used when Office SSO
    /// is unavailable (auth-dialog.html: authorization code + PKCE against the tenant). <c>Share</c> is the mode alone
    /// (kept for callers that test it); <c>Sharing</c> says the same with the local fallback, for people.
    /// </summary>
    public sealed record ClientConfig(string Auth, string? ClientId, string? Scope, string? Authority, string? ApiScope, string Share, SharingInfo Sharing, long MaxUploadBytes, IReadOnlyList<string> Capabilities);

    /// <summary>The publishing mode, whether files go to the local share instead of SharePoint, and what to show.</summary>
    public sealed record SharingInfo(string Mode, bool LocalFallback, IReadOnlyList<LabelledField> Fields);

    /// <summary>A Vietnamese label and its value, shown as a pair in the pane.</summary>
    public sealed record LabelledField(string Label, string Value);
}
