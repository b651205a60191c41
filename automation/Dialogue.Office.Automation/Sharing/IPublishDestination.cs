namespace Dialogue.Office.Automation.Sharing;

/// <summary>A place files are published to: SharePoint through Graph, or the local share folder.</summary>
internal interface IPublishDestination
{
    bool IsLocal { get; }

    string Display { get; }

    /// <summary>Finds the site and library (SharePoint); creates the share root (local).</summary>
    Task OpenAsync(CancellationToken ct);

    /// <summary>Creates <paramref name="relativeFolder"/> (relative to the target folder, "" = the target folder) and its parents; returns its id.</summary>
    Task<string> EnsureFolderAsync(string relativeFolder, CancellationToken ct);

    /// <summary>The file already at <paramref name="name"/> in the folder, or null.</summary>
    Task<RemoteFile?> FindAsync(string parentId, string name, CancellationToken ct);

    /// <summary>The files directly in a folder, by name (case-insensitive, as SharePoint compares names).</summary>
    Task<IReadOnlyDictionary<string, RemoteFile>> ListFilesAsync(string parentId, CancellationToken ct);

    /// <summary>Uploads (replacing) one file; resumes a session recorded in <see cref="UploadJob.Entry"/>.</summary>
    Task<RemoteFile> UploadAsync(UploadJob job, CancellationToken ct);

    /// <summary>A view link; throws <see cref="AnonymousLinkRefusedException"/> when the tenant forbids anonymous links.</summary>
    Task<string> CreateLinkAsync(string itemId, bool isFolder, LinkScope scope, DateTimeOffset? expires, CancellationToken ct);

    Task InviteEditorsAsync(string itemId, IReadOnlyList<string> emails, CancellationToken ct);

    /// <summary>Gives <paramref name="emails"/> <paramref name="role"/> ("read", "write") on an item by invitation, sign-in required.</summary>
    Task InviteAsync(string itemId, IReadOnlyList<string> emails, string role, string message, CancellationToken ct);

    /// <summary>Removes the sharing-link permissions of an item (all of them, or the one whose URL is <paramref name="url"/>); returns how many.</summary>
    Task<int> RemoveLinksAsync(string itemId, string? url, CancellationToken ct);

    /// <summary>Deletes a published file (SharePoint keeps it in the site's recycle bin); a file already gone is not an error.</summary>
    Task DeleteAsync(string itemId, CancellationToken ct);

    Task FetchPdfAsync(string itemId, string destination, CancellationToken ct);
}

/// <summary>A file as the remote side holds it.</summary>
internal sealed record RemoteFile(string ItemId, string ETag, long Size, string? QuickXorHash, string? Sha256 = null, string? WebUrl = null)
{
    public bool SameContent(LocalFile local) =>
        Size == local.Size
        && (Sha256 is not null ? string.Equals(Sha256, local.Sha256, StringComparison.OrdinalIgnoreCase)
            : QuickXorHash is not null && string.Equals(QuickXorHash, local.QuickXorHash, StringComparison.Ordinal));
}

/// <summary>A local file to publish, hashed once.</summary>
internal sealed record LocalFile(string FullPath, string RelativePath, string RemotePath, long Size, string Sha256, string QuickXorHash)
{
    public string RemoteName => RemotePath.Contains('/') ? RemotePath[(RemotePath.LastIndexOf('/') + 1)..] : RemotePath;

    public string RemoteFolder => RemotePath.Contains('/') ? RemotePath[..RemotePath.LastIndexOf('/')] : "";
}

internal sealed class UploadJob
{
    public required LocalFile File { get; init; }
    public required string ParentId { get; init; }
    public required ManifestFile Entry { get; init; }

    /// <summary>Persists the manifest (called once an upload session is open, before any byte is sent).</summary>
    public required Action SaveManifest { get; init; }

    public IProgress<long>? Progress { get; init; }
}

/// <summary>The tenant's sharing policy refused an anonymous link (403); the caller falls back to organization.</summary>
internal sealed class AnonymousLinkRefusedException(Exception inner) : Exception("Anonymous links are not allowed here.", inner);
