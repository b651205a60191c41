using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Sharing.Auth;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>
/// Where a plan's documents are published, decided once for every shell: the plan's <c>sharing:</c> settings win over
/// the configuration's, field by field; a SharePoint site is used only when the shell can reach Microsoft 365 (a Graph
/// connection), else the local share.
/// </summary>
public static class PublishTargets
{
    /// <summary>The plan's sharing settings over the configuration's (the plan wins where it sets a value).</summary>
    public static SharingSettings Merge(SharingSettings configuration, SharingSettings plan) => configuration with
    {
        SiteUrl = plan.SiteUrl.Length > 0 ? plan.SiteUrl : configuration.SiteUrl,
        Library = plan.Library.Length > 0 ? plan.Library : configuration.Library,
        Folder = plan.Folder.Length > 0 ? plan.Folder : configuration.Folder,
        LinkScope = plan.LinkScope,
        LinkExpires = plan.LinkExpires ?? configuration.LinkExpires,
        Editors = plan.Editors.Count > 0 ? plan.Editors : configuration.Editors,
    };

    /// <summary>
    /// The target for merged <paramref name="sharing"/> settings: SharePoint when a site is named and
    /// <paramref name="sharePoint"/> (how to reach Graph) is given, else <paramref name="local"/>. The folder is the
    /// settings' folder, else <paramref name="defaultFolder"/>.
    /// </summary>
    public static PublishTarget Resolve(SharingSettings sharing, GraphConnectionOptions? sharePoint, LocalShareTarget local, string defaultFolder) =>
        sharePoint is null
            ? PublishTarget.FromPlan(sharing with { SiteUrl = "" }, new GraphConnectionOptions(), local, defaultFolder)
            : PublishTarget.FromPlan(sharing, sharePoint, local, defaultFolder);

    /// <summary>
    /// The publish request for a plan's packet (the conference code is the default folder), with the options
    /// (scope, expiry, editors) of the same merged settings.
    /// </summary>
    public static PublishRequest ForPlan(ConferencePlan plan, SharingSettings configuration, GraphConnectionOptions? sharePoint, LocalShareTarget local, string sourceFolder)
    {
        var sharing = Merge(configuration, plan.Sharing);
        return new PublishRequest
        {
            SourceFolder = sourceFolder,
            Target = Resolve(sharing, sharePoint, local, plan.Conference.Code),
            Options = PublishOptions.FromPlan(sharing) with { Audiences = SharingByAudience(plan) },
            DocumentsRecord = Attendance.DelegateDocuments.RecordPath(local.Root, plan.Conference.Code),
        };
    }

    /// <summary>
    /// Who the plan's packet is shared with, folder by folder: the leaders' folder to the delegates marked "Chủ trì"
    /// that have an e-mail and to the plan's <c>audiences.leaders</c>; the secretariat's to <c>audiences.secretariat</c>.
    /// </summary>
    public static AudienceSharing SharingByAudience(ConferencePlan plan) => new()
    {
        Leaders = plan.Delegates.Where(d => d.IsPresidium && d.Email.Length > 0).Select(d => d.Email)
            .Concat(plan.Audiences.Leaders).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        Secretariat = plan.Audiences.Secretariat,
    };

    /// <summary>
    /// For publishing an existing folder (<c>dialogue publish</c>): split by audience when the folder has the packet's
    /// audience folders (with the plan's people when a plan is given), else null (one folder, one link).
    /// </summary>
    public static AudienceSharing? AudiencesOfFolder(string sourceFolder, ConferencePlan? plan) =>
        OutputKinds.Audiences.Any(a => Directory.Exists(Path.Combine(sourceFolder, OutputKinds.Folder(a))))
            ? plan is null ? new AudienceSharing() : SharingByAudience(plan)
            : null;

    /// <summary>
    /// Whether the invitations' QR codes carry the folder link of <paramref name="target"/>: only when people other
    /// than this machine can open it (SharePoint; a local share served at a non-loopback address). Otherwise they carry
    /// the plan's packet URL.
    /// </summary>
    public static bool QrCarriesFolderLink(PublishTarget target) => target switch
    {
        SharePointTarget => true,
        LocalShareTarget local => Uri.TryCreate(local.BaseUrl, UriKind.Absolute, out var url) && !url.IsLoopback,
        _ => false,
    };

    /// <summary>A packet is published as part of its build whenever the target is SharePoint (else on request).</summary>
    public static bool PublishWithBuild(PublishTarget target) => target is SharePointTarget;

    /// <summary>
    /// The delegate page the invitations' QR codes open, or null when it is off: on when the plan's
    /// <c>attendance.public_base_url</c> or the configuration's <c>Attendance:PublicBaseUrl</c> is set (the plan wins),
    /// then each QR carries <c>{base}/d/{code}?k={token}</c> instead of the documents link. A base URL without a usable
    /// secret, or a malformed one, is an error in <paramref name="problems"/> (and null): the letters are not printed
    /// with links that would not open.
    /// </summary>
    public static DelegatePage? DelegatePage(ConferencePlan plan, AttendanceOptions configuration, ProblemList problems)
    {
        var fromPlan = plan.Attendance.PublicBaseUrl.Trim();
        var baseUrl = fromPlan.Length > 0 ? fromPlan : configuration.PublicBaseUrl.Trim();
        if (baseUrl.Length == 0)
        {
            return null;
        }

        var where = fromPlan.Length > 0 ? plan.LocationOf("attendance.public_base_url") : "Attendance:PublicBaseUrl";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problems.Error("ATTENDANCE_BAD_BASE_URL", where, "Public base URL is not an absolute http(s) address.", baseUrl);
            return null;
        }

        if (ConferenceKey.From(configuration, plan.Conference.Code) is not { } key)
        {
            problems.Error("ATTENDANCE_NO_SECRET", "Attendance:Secret", "No attendance secret configured.", plan.Conference.Code);
            return null;
        }

        return new DelegatePage(baseUrl.TrimEnd('/'), key);
    }
}
