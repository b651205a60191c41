using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Sharing.Auth;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>What to publish, where, and how links are made.</summary>
public sealed record PublishRequest
{
    /// <summary>The generated conference folder (every file under it is published, sub-folders kept).</summary>
    public required string SourceFolder { get; init; }

    /// <summary>Where to: <see cref="SharePointTarget"/> or the embedded default <see cref="LocalShareTarget"/>.</summary>
    public required PublishTarget Target { get; init; }

    public PublishOptions Options { get; init; } = new();

    /// <summary>
    /// Where the publisher keeps the links of this publication for the delegate page (<see cref="Attendance.DelegateDocuments"/>);
    /// empty = not kept. Set for a plan's packet by <see cref="PublishTargets.ForPlan"/>, so the CLI and the host keep it
    /// in the same place.
    /// </summary>
    public string DocumentsRecord { get; init; } = "";
}

/// <summary>Who a sharing link lets in.</summary>
public enum LinkScope
{
    /// <summary>Anyone signed in to the organization (the default).</summary>
    Organization,

    /// <summary>Anyone with the link, no sign-in; only when the plan asks and the tenant allows it.</summary>
    Anonymous,
}

/// <summary>How links, invitations and uploads are made.</summary>
public sealed record PublishOptions
{
    public LinkScope Scope { get; init; } = LinkScope.Organization;

    /// <summary>Links stop working after this moment (optional).</summary>
    public DateTimeOffset? LinkExpires { get; init; }

    /// <summary>Make a view link for each file too (the folder always gets one).</summary>
    public bool LinkEachFile { get; init; } = true;

    /// <summary>E-mail addresses invited to edit the consolidated question workbook (sign-in required).</summary>
    public IReadOnlyList<string> Editors { get; init; } = [];

    /// <summary>
    /// The workbook the editors get (path relative to the source folder); empty = the first .xlsx whose name
    /// holds "tong-hop" / "tonghop" / "consolidated".
    /// </summary>
    public string EditorWorkbook { get; init; } = "";

    /// <summary>Files at or above this size go through an upload session (resumable); below, a single PUT.</summary>
    public long LargeFileThreshold { get; init; } = 4 * 1024 * 1024;

    /// <summary>Upload session slice; a multiple of 320 KiB as SharePoint requires.</summary>
    public int UploadSliceSize { get; init; } = 10 * 320 * 1024;

    /// <summary>When set, a PDF rendering of each published .docx is fetched (SharePoint only) into this folder.</summary>
    public string? PdfFolder { get; init; }

    /// <summary>How many times a dropped connection during one file's upload is resumed before giving up.</summary>
    public int MaxResumes { get; init; } = 5;

    /// <summary>
    /// A packet split by audience (one sub-folder each, <see cref="Audiences.OutputKinds.Folder"/>): the sharing link
    /// (the one the QR codes carry) is made on the delegates' folder only, per-file links only there, the leaders' and
    /// the secretariat's folders are shared by invitation, and files gone from the source are removed from the target.
    /// Null: the source folder is published as one, behind one link.
    /// </summary>
    public AudienceSharing? Audiences { get; init; }

    /// <summary>Options from the plan's <c>sharing:</c> block (scope, expiry, editors).</summary>
    public static PublishOptions FromPlan(SharingSettings sharing) => new()
    {
        Scope = string.Equals(sharing.LinkScope, "anonymous", StringComparison.OrdinalIgnoreCase) ? LinkScope.Anonymous : LinkScope.Organization,
        LinkExpires = sharing.LinkExpires is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero) : null,
        Editors = sharing.Editors,
    };
}

/// <summary>Who is invited to the folders of a packet split by audience (<see cref="PublishOptions.Audiences"/>).</summary>
public sealed record AudienceSharing
{
    /// <summary>Invited to read the leaders' folder (sign-in required): the list's chairs with an e-mail and the plan's <c>audiences.leaders</c>.</summary>
    public IReadOnlyList<string> Leaders { get; init; } = [];

    /// <summary>Invited to edit the secretariat's folder (sign-in required): the plan's <c>audiences.secretariat</c>. Never a link.</summary>
    public IReadOnlyList<string> Secretariat { get; init; } = [];
}

/// <summary>Where a packet is published.</summary>
public abstract record PublishTarget
{
    /// <summary>The folder inside the share or library, '/'-separated ("Hội nghị/YB23"); empty = the root.</summary>
    public string Folder { get; init; } = "";

    /// <summary>A stable key for the publish manifest: the same target gets the same key on every run.</summary>
    internal abstract string Key { get; }

    /// <summary>A SharePoint target when the plan names a site, else the local share.</summary>
    public static PublishTarget FromPlan(SharingSettings sharing, GraphConnectionOptions connection, LocalShareTarget? local = null, string? defaultFolder = null) =>
        string.IsNullOrWhiteSpace(sharing.SiteUrl)
            ? (local ?? new LocalShareTarget()) with { Folder = FirstNonEmpty(sharing.Folder, defaultFolder) }
            : new SharePointTarget
            {
                SiteUrl = sharing.SiteUrl,
                Library = sharing.Library,
                Folder = FirstNonEmpty(sharing.Folder, defaultFolder),
                Connection = connection,
            };

    private static string FirstNonEmpty(string? a, string? b) => !string.IsNullOrWhiteSpace(a) ? a : b ?? "";
}

/// <summary>A document library on a SharePoint site, through Microsoft Graph.</summary>
public sealed record SharePointTarget : PublishTarget
{
    /// <summary>https://contoso.sharepoint.com/sites/Finance</summary>
    public required string SiteUrl { get; init; }

    /// <summary>Library name as shown ("Documents", "Tài liệu"); empty = the site's default library.</summary>
    public string Library { get; init; } = "";

    public GraphConnectionOptions Connection { get; init; } = new();

    internal override string Key => $"sharepoint|{SiteUrl.TrimEnd('/').ToLowerInvariant()}|{Library.ToLowerInvariant()}|{Folder.Trim('/')}";
}

/// <summary>
/// The embedded default: files copied into a local share folder that the add-in host serves at
/// <see cref="BaseUrl"/>, so links and QR codes work with no Microsoft 365 account.
/// </summary>
public sealed record LocalShareTarget : PublishTarget
{
    /// <summary>The share folder on disk; default %LOCALAPPDATA%/Dialogue.Office/share.</summary>
    public string Root { get; init; } = DefaultRoot;

    /// <summary>The URL at which the add-in host serves <see cref="Root"/>.</summary>
    public string BaseUrl { get; init; } = "http://localhost:5080/share";

    public static string DefaultRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Dialogue.Office", "share");

    internal override string Key => $"local|{Path.GetFullPath(Root)}|{Folder.Trim('/')}";
}
