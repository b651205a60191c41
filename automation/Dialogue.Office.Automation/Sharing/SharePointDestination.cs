using System.Net;
using Dialogue.Office.Automation.Sharing.Auth;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateLink;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Drives.Item.Items.Item.Invite;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>
/// A SharePoint document library through the real <see cref="GraphServiceClient"/>: site by URL → drive by library
/// name → folder path. Small files go up in one PUT; large ones through an upload session driven by
/// <see cref="LargeFileUploadTask{T}"/> with a null request adapter, so the Graph token never reaches the upload host
/// (graph.md §2, msgraph-sdk-dotnet#2949).
/// </summary>
internal sealed class SharePointDestination(SharePointTarget target, string folder, GraphServiceClient client, PublishOptions options, TimeProvider time)
    : IPublishDestination, IDisposable
{
    // SharePoint refuses fragments that are not a multiple of 320 KiB (except the last).
    private readonly int _slice = Math.Max(SliceUnit, options.UploadSliceSize / SliceUnit * SliceUnit);
    private readonly IRequestAdapter _uploads = GraphClientBuilder.UploadAdapter(time);

    private readonly Dictionary<string, string> _folders = new(StringComparer.OrdinalIgnoreCase);
    private string _driveId = "";

    private const int SliceUnit = 327_680;

    public bool IsLocal => false;

    /// <summary>The library's drive id, known after <see cref="OpenAsync"/> (the folder fetcher reads from it).</summary>
    internal string DriveId => _driveId;

    public void Dispose() => client.Dispose();

    public string Display => string.Join(" › ", new[] { target.SiteUrl, target.Library, folder }.Where(s => s.Length > 0));

    /// <summary>Set after a dropped connection was resumed (for tests and the summary).</summary>
    public int Resumes { get; private set; }

    public async Task OpenAsync(CancellationToken ct)
    {
        Site? site;
        try
        {
            site = await GraphCall.RunAsync(() => client.Sites[SiteKey(target.SiteUrl)].GetAsync(cancellationToken: ct));
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            site = null;
        }

        if (site?.Id is null)
        {
            throw new SharingFailure("SHARING_SITE_NOT_FOUND", target.SiteUrl);
        }

        if (string.IsNullOrWhiteSpace(target.Library))
        {
            var drive = await GraphCall.RunAsync(() => client.Sites[site.Id].Drive.GetAsync(cancellationToken: ct));
            _driveId = drive?.Id ?? throw new SharingFailure("SHARING_LIBRARY_NOT_FOUND", "(mặc định)", "");
            return;
        }

        var drives = await GraphCall.RunAsync(() => client.Sites[site.Id].Drives.GetAsync(cancellationToken: ct));
        var all = drives?.Value ?? [];
        var wanted = target.Library.Trim().Normalize();
        var match = all.FirstOrDefault(d => string.Equals(d.Name?.Normalize(), wanted, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(d => string.Equals(LastSegment(d.WebUrl), wanted, StringComparison.OrdinalIgnoreCase));
        _driveId = match?.Id ?? throw new SharingFailure(
            "SHARING_LIBRARY_NOT_FOUND", target.Library, string.Join(", ", all.Select(d => d.Name).Where(n => !string.IsNullOrEmpty(n))));
    }

    public async Task<string> EnsureFolderAsync(string relativeFolder, CancellationToken ct)
    {
        var full = Join(folder, relativeFolder);
        if (full.Length == 0)
        {
            return "root";
        }

        if (_folders.TryGetValue(full, out var known))
        {
            return known;
        }

        // One GET for the whole path first: on a re-run every folder exists.
        var existing = await GetByPathAsync("root", full, ct);
        if (existing?.Folder is not null)
        {
            return _folders[full] = existing.Id!;
        }

        var parentId = "root";
        var path = "";
        foreach (var segment in full.Split('/'))
        {
            path = Join(path, segment);
            if (_folders.TryGetValue(path, out var id))
            {
                parentId = id;
                continue;
            }

            var item = await GetByPathAsync(parentId, segment, ct);
            if (item is null)
            {
                try
                {
                    // A new body for every attempt: the SDK's backing store sends only what changed since the first
                    // send, so a body re-sent after a 401 would go out as {} (issue 14).
                    item = await GraphCall.RunAsync(() => client.Drives[_driveId].Items[parentId].Children.PostAsync(
                        new DriveItem { Name = segment, Folder = new Folder(), AdditionalData = { [ConflictBehavior] = Fail } },
                        cancellationToken: ct));
                }
                catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.Conflict)
                {
                    // 409 nameAlreadyExists: created meanwhile by another run; take it, unless a file holds the name.
                    item = await GetByPathAsync(parentId, segment, ct);
                    if (item?.Folder is null)
                    {
                        throw new SharingFailure("SHARING_FOLDER_NAME_CONFLICT", path);
                    }
                }
            }
            else if (item.Folder is null)
            {
                throw new SharingFailure("SHARING_FOLDER_NAME_CONFLICT", path);
            }

            parentId = _folders[path] = item!.Id!;
        }

        return parentId;
    }

    public async Task<RemoteFile?> FindAsync(string parentId, string name, CancellationToken ct)
    {
        var item = await GetByPathAsync(parentId, name, ct);
        return item?.File is null ? null : ToRemote(item);
    }

    public async Task<IReadOnlyDictionary<string, RemoteFile>> ListFilesAsync(string parentId, CancellationToken ct)
    {
        var result = new Dictionary<string, RemoteFile>(StringComparer.OrdinalIgnoreCase);
        var page = await GraphCall.RunAsync(() => client.Drives[_driveId].Items[parentId].Children.GetAsync(c => c.QueryParameters.Top = 200, ct));
        while (page is not null)
        {
            foreach (var item in page.Value ?? [])
            {
                if (item.File is not null && item.Name is not null)
                {
                    result[item.Name] = ToRemote(item);
                }
            }

            var next = page.OdataNextLink;
            page = string.IsNullOrEmpty(next)
                ? null
                : await GraphCall.RunAsync(() => client.Drives[_driveId].Items[parentId].Children.WithUrl(next).GetAsync(cancellationToken: ct));
        }

        return result;
    }

    public async Task<RemoteFile> UploadAsync(UploadJob job, CancellationToken ct)
    {
        if (job.File.Size < options.LargeFileThreshold || job.File.Size == 0)
        {
            // Small: one PUT of a seekable body, so the retry handler can re-send it after a 429/503 (graph.md §5).
            var bytes = await File.ReadAllBytesAsync(job.File.FullPath, ct);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var item = await GraphCall.RunAsync(() => PutReplacingAsync(job, bytes, ct));
                    job.Progress?.Report(job.File.Size);
                    return ToRemote(item!);
                }
                catch (Exception e) when (!ct.IsCancellationRequested && IsDroppedConnection(e) && attempt < options.MaxResumes)
                {
                    // The PUT may have landed before the connection broke: look before sending it again.
                    Resumes++;
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), time, ct);
                    if (await LandedAsync(job, ct) is { } landed)
                    {
                        job.Progress?.Report(job.File.Size);
                        return landed;
                    }
                }
            }
        }

        return await UploadLargeAsync(job, ct);
    }

    /// <summary>
    /// The simple PUT, stating the conflict behaviour it wants: a newer version of our own file replaces the old one
    /// (Graph's default for PUT, stated so a changed default cannot turn a re-publish into "name 1.docx"). The SDK has
    /// no typed parameter for it, so it goes on the URL (graph.md §2; in a body a PUT of bytes cannot carry it).
    /// </summary>
    private Task<DriveItem?> PutReplacingAsync(UploadJob job, byte[] bytes, CancellationToken ct)
    {
        var content = client.Drives[_driveId].Items[job.ParentId].ItemWithPath(job.File.RemoteName).Content;
        var body = new MemoryStream(bytes, writable: false);
        var url = content.ToPutRequestInformation(body).URI + "?" + ConflictBehavior + "=" + Replace;
        return content.WithUrl(url).PutAsync(body, cancellationToken: ct);
    }

    /// <summary>The annotation every create or write states (never left to the service's default).</summary>
    internal const string ConflictBehavior = "@microsoft.graph.conflictBehavior";

    /// <summary>Folders: an existing folder of that name is ours to reuse (a 409 is looked up), never renamed.</summary>
    internal const string Fail = "fail";

    /// <summary>Files: the published file's new version replaces the old one (version history keeps it).</summary>
    internal const string Replace = "replace";

    private async Task<RemoteFile> UploadLargeAsync(UploadJob job, CancellationToken ct)
    {
        await using var stream = new FileStream(job.File.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var entry = job.Entry;

        // After a crash: the session the manifest recorded, if it is for this content and still alive.
        if (entry.UploadUrl is { Length: > 0 } url && entry.UploadSha256 == job.File.Sha256 && entry.UploadExpires > time.GetUtcNow())
        {
            var session = new UploadSession { UploadUrl = url, ExpirationDateTime = entry.UploadExpires, NextExpectedRanges = ["0-"] };
            var task = new LargeFileUploadTask<DriveItem>(session, stream, _slice, _uploads);
            try
            {
                return await DriveAsync(task, resumeFirst: true, job, ct);
            }
            catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
            {
                // Session gone: finished just before the crash, or expired. The caller checked the finished case
                // only by hash before; check again now that the session is known to be closed.
                if (await LandedAsync(job, ct) is { } done)
                {
                    return done;
                }
            }
            catch (ClientException)
            {
                // "Upload session expired": start a new one below.
            }
        }

        // A new session; a second one only when the first closed under us (expired while the connection was down).
        for (var attempt = 0; ; attempt++)
        {
            stream.Position = 0;
            var created = await GraphCall.RunAsync(() => client.Drives[_driveId].Items[job.ParentId].ItemWithPath(job.File.RemoteName)
                .CreateUploadSession.PostAsync(
                    new CreateUploadSessionPostRequestBody
                    {
                        Item = new DriveItemUploadableProperties { AdditionalData = { [ConflictBehavior] = Replace } },
                    },
                    cancellationToken: ct));
            entry.UploadUrl = created!.UploadUrl;
            entry.UploadExpires = created.ExpirationDateTime;
            entry.UploadSha256 = job.File.Sha256;
            job.SaveManifest();

            var fresh = new LargeFileUploadTask<DriveItem>(created, stream, _slice, _uploads);
            try
            {
                return await DriveAsync(fresh, resumeFirst: false, job, ct);
            }
            catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
            {
                // Resuming found the session closed. Either the last fragment was taken and its answer lost (the
                // file is there with our hash: adopt it, nothing is sent again), or the session expired while the
                // connection was down (nothing was committed: start once more rather than report a failure).
                if (await LandedAsync(job, ct) is { } done)
                {
                    return done;
                }

                if (attempt >= 1)
                {
                    throw new SharingFailure("SHARING_UPLOAD_EXPIRED", job.File.RelativePath);
                }

                Resumes++;
            }
        }
    }

    /// <summary>The file at the job's name when it holds exactly the job's bytes (by hash), else null.</summary>
    private async Task<RemoteFile?> LandedAsync(UploadJob job, CancellationToken ct)
    {
        var found = await FindAsync(job.ParentId, job.File.RemoteName, ct);
        return found is not null && found.SameContent(job.File) ? found : null;
    }

    /// <summary>
    /// Runs the upload task; a dropped connection (which the task does not retry, graph.md §0b) is resumed from the
    /// session's nextExpectedRanges, so bytes the service already took are not sent again.
    /// </summary>
    private async Task<RemoteFile> DriveAsync(LargeFileUploadTask<DriveItem> task, bool resumeFirst, UploadJob job, CancellationToken ct)
    {
        var progress = job.Progress;
        var resumes = 0;
        var resume = resumeFirst;
        while (true)
        {
            try
            {
                var result = resume
                    ? await task.ResumeAsync(progress, 3, ct)
                    : await task.UploadAsync(progress, 3, ct);
                if (result.UploadSucceeded && result.ItemResponse is { Id: not null } item)
                {
                    return ToRemote(item);
                }

                // Finished without an item in the body (201 + Location): look it up.
                var found = await FindAsync(job.ParentId, job.File.RemoteName, ct);
                return found ?? throw new SharingFailure("SHARING_SERVICE_ERROR", job.File.RelativePath, "201", "noItem");
            }
            catch (Exception e) when (!ct.IsCancellationRequested && IsDroppedConnection(e) && resumes < options.MaxResumes)
            {
                resumes++;
                Resumes++;
                resume = true;
                await Task.Delay(TimeSpan.FromMilliseconds(200 * resumes), time, ct);
            }
        }
    }

    /// <summary>A broken or timed-out connection (not a local file error, not an answer from the service).</summary>
    internal static bool IsDroppedConnection(Exception e) =>
        e is HttpRequestException or HttpIOException
        || (e is IOException && e.InnerException is System.Net.Sockets.SocketException)
        || (e is TaskCanceledException && e.InnerException is TimeoutException)
        || (e.InnerException is not null && IsDroppedConnection(e.InnerException));

    public async Task<string> CreateLinkAsync(string itemId, bool isFolder, LinkScope scope, DateTimeOffset? expires, CancellationToken ct)
    {
        try
        {
            var permission = await GraphCall.RunAsync(() => client.Drives[_driveId].Items[itemId].CreateLink.PostAsync(
                new CreateLinkPostRequestBody
                {
                    Type = "view",
                    Scope = scope == LinkScope.Anonymous ? "anonymous" : "organization",
                    ExpirationDateTime = expires,
                    RetainInheritedPermissions = true,
                },
                cancellationToken: ct));
            return permission?.Link?.WebUrl ?? throw new SharingFailure("SHARING_LINK_FAILED", itemId, "noLink");
        }
        catch (ODataError e) when (scope == LinkScope.Anonymous && e.ResponseStatusCode == (int)HttpStatusCode.Forbidden)
        {
            throw new AnonymousLinkRefusedException(e);
        }
    }

    public async Task InviteEditorsAsync(string itemId, IReadOnlyList<string> emails, CancellationToken ct)
    {
        await GraphCall.RunAsync(() => client.Drives[_driveId].Items[itemId].Invite.PostAsInvitePostResponseAsync(
            new InvitePostRequestBody
            {
                Recipients = emails.Select(e => new DriveRecipient { Email = e }).ToList(),
                RequireSignIn = true,
                SendInvitation = true,
                Roles = ["write"],
                Message = "Mời đồng chí xem và cập nhật bảng tổng hợp câu hỏi, ý kiến, kiến nghị của hội nghị đối thoại.",
            },
            cancellationToken: ct));
    }

    public async Task InviteAsync(string itemId, IReadOnlyList<string> emails, string role, string message, CancellationToken ct)
    {
        await GraphCall.RunAsync(() => client.Drives[_driveId].Items[itemId].Invite.PostAsInvitePostResponseAsync(
            new InvitePostRequestBody
            {
                Recipients = emails.Select(e => new DriveRecipient { Email = e }).ToList(),
                RequireSignIn = true,
                SendInvitation = true,
                Roles = [role],
                Message = message,
            },
            cancellationToken: ct));
    }

    public async Task<int> RemoveLinksAsync(string itemId, string? url, CancellationToken ct)
    {
        var page = await GraphCall.RunAsync(() => client.Drives[_driveId].Items[itemId].Permissions.GetAsync(cancellationToken: ct));
        var removed = 0;
        foreach (var permission in page?.Value ?? [])
        {
            // Only sharing links (never an invitation or what the item inherits), and only ours when a URL is given.
            if (permission.Link is null || permission.Id is null || (url is not null && permission.Link.WebUrl != url)
                || permission.InheritedFrom is not null)
            {
                continue;
            }

            var id = permission.Id;
            await GraphCall.RunAsync(() => client.Drives[_driveId].Items[itemId].Permissions[id].DeleteAsync(cancellationToken: ct));
            removed++;
        }

        return removed;
    }

    public async Task DeleteAsync(string itemId, CancellationToken ct)
    {
        try
        {
            await GraphCall.RunAsync(() => client.Drives[_driveId].Items[itemId].DeleteAsync(cancellationToken: ct));
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            // Already gone (deleted in the browser): nothing left to remove.
        }
    }

    public async Task FetchPdfAsync(string itemId, string destination, CancellationToken ct)
    {
        // The SDK sends ?$format=pdf; the service answers 302 to a pre-authenticated URL (the redirect handler
        // follows it and drops Authorization on the host change) or, in some tenants, 200 with the PDF.
        await using var pdf = await GraphCall.RunAsync(() => client.Drives[_driveId].Items[itemId].Content
            .GetAsync(c => c.QueryParameters.Format = "pdf", ct));
        if (pdf is null)
        {
            throw new SharingFailure("SHARING_PDF_FAILED", itemId, "empty");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temp = destination + ".dialogue-tmp";
        await using (var output = File.Create(temp))
        {
            await pdf.CopyToAsync(output, ct);
        }

        File.Move(temp, destination, overwrite: true);
    }

    internal async Task<DriveItem?> GetByPathAsync(string parentId, string relativePath, CancellationToken ct)
    {
        try
        {
            return await GraphCall.RunAsync(() => client.Drives[_driveId].Items[parentId].ItemWithPath(relativePath).GetAsync(cancellationToken: ct));
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static RemoteFile ToRemote(DriveItem item) =>
        new(item.Id ?? "", item.ETag ?? "", item.Size ?? 0, item.File?.Hashes?.QuickXorHash, item.File?.Hashes?.Sha256Hash, item.WebUrl);

    /// <summary>"host:/sites/x" as Graph's site-by-path wants it (graph.md §1); the host alone for the root site.</summary>
    internal static string SiteKey(string siteUrl)
    {
        if (!Uri.TryCreate(siteUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new SharingFailure("SHARING_BAD_SITE_URL", siteUrl);
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');
        return path.Length == 0 ? uri.Host : $"{uri.Host}:{path}";
    }

    private static string LastSegment(string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "";
        }

        return Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]).Normalize();
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a}/{b}";
}
