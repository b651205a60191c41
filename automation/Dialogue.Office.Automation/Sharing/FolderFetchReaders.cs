using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Automation.Vietnamese;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>Names, caps and the capped copy shared by both folder readers.</summary>
internal static partial class FetchNames
{
    private const long Mb = 1024 * 1024;

    public static bool Wanted(string name, IReadOnlySet<string> extensions) =>
        !name.StartsWith("~$", StringComparison.Ordinal) && !name.StartsWith('.') && extensions.Contains(Path.GetExtension(name));

    /// <summary>
    /// A plain leaf name (no separator, no character Windows or SharePoint forbids, no device name): kept as it is,
    /// because the register ngay-nhan.csv and the problems name files as the clerk knows them.
    /// </summary>
    public static bool IsPlain(string name) =>
        name.Length is > 0 and <= 120 && name.Trim() == name && !name.StartsWith('.') && name != ".."
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) < 0
        && !name.Any(char.IsControl) && !DeviceName().IsMatch(Path.GetFileNameWithoutExtension(name));

    /// <summary>The local name for a remote one: the name itself when plain, else a safe one; never a path.</summary>
    public static string LocalName(string remote, ISet<string> used)
    {
        var name = remote.Normalize(NormalizationForm.FormC);
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var candidate = IsPlain(name) ? name : SafeFileName.From(stem, extension);
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = SafeFileName.From($"{stem}-{n}", extension);
        }

        return candidate;
    }

    /// <summary>Full path of <paramref name="name"/> in <paramref name="folder"/>, checked to stay in it.</summary>
    public static string PathIn(string folder, string name)
    {
        var root = Path.GetFullPath(folder);
        var path = Path.GetFullPath(Path.Combine(root, name));
        if (!string.Equals(Path.GetDirectoryName(path), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A fetched file name left the destination folder.");
        }

        return path;
    }

    /// <summary>The caps checked on the listing, before anything is downloaded.</summary>
    public static bool CheckCaps<T>(IReadOnlyList<(string Name, long Size, T Handle)> files, FolderFetchRequest request, string display, ProblemList problems)
    {
        if (files.Count == 0)
        {
            problems.Error("SHARING_FOLDER_NO_SHEETS", display, "No sheet in the folder", display);
            return false;
        }

        if (files.Count > request.MaxFiles)
        {
            problems.Error("SHARING_FOLDER_TOO_MANY_FILES", display, $"{files.Count} files > {request.MaxFiles}", Count(files.Count), Count(request.MaxFiles));
            return false;
        }

        foreach (var f in files.Where(f => f.Size > request.MaxFileBytes))
        {
            problems.Error("SHARING_FOLDER_FILE_TOO_LARGE", Locations.Join(display, f.Name), $"{f.Size} bytes > {request.MaxFileBytes}", f.Name, Megabytes(request.MaxFileBytes));
        }

        var total = files.Sum(f => f.Size);
        if (total > request.MaxTotalBytes)
        {
            problems.Error("SHARING_FOLDER_TOO_LARGE", display, $"{total} bytes > {request.MaxTotalBytes}", Megabytes(total), Megabytes(request.MaxTotalBytes));
        }

        return !problems.HasErrors;
    }

    /// <summary>
    /// Copies at most <paramref name="maxBytes"/> (a listed size may be stale); false when the file is larger.
    /// A partial file is deleted.
    /// </summary>
    public static async Task<long?> CopyCappedAsync(Stream source, string path, long maxBytes, CancellationToken ct)
    {
        long written = 0;
        var buffer = new byte[81920];
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, useAsync: true))
        {
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                written += read;
                if (written > maxBytes)
                {
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        if (written > maxBytes)
        {
            File.Delete(path);
            return null;
        }

        return written;
    }

    public static string Megabytes(long bytes) => Math.Ceiling(bytes / (double)Mb).ToString("N0", VietnameseText.Culture);

    private static string Count(int n) => n.ToString("N0", VietnameseText.Culture);

    [GeneratedRegex("^(CON|PRN|AUX|NUL|CLOCK\\$|COM\\d|LPT\\d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeviceName();
}

/// <summary>A folder of the local share, by name only: a name with a separator or "..", or a link, is refused.</summary>
internal static class LocalFolderReader
{
    public static FolderFetchResult Fetch(LocalShareFolderSource source, FolderFetchRequest request)
    {
        var problems = new ProblemList();
        var name = (source.Folder ?? "").Trim().Normalize(NormalizationForm.FormC);
        var display = name.Length > 0 && name.Length <= 120 ? name : "(thư mục)";
        if (!FetchNames.IsPlain(name))
        {
            problems.Error("SHARING_FOLDER_BAD_NAME", display, "Not a plain folder name", display);
            return new FolderFetchResult { Display = display, Problems = problems.Items };
        }

        var root = Path.GetFullPath(source.Root).TrimEnd(Path.DirectorySeparatorChar);
        var folder = new DirectoryInfo(Path.Combine(root, name));
        if (!folder.Exists || (folder.Attributes & FileAttributes.ReparsePoint) != 0
            || !string.Equals(folder.Parent?.FullName.TrimEnd(Path.DirectorySeparatorChar), root, StringComparison.Ordinal))
        {
            problems.Error("SHARING_FOLDER_NOT_FOUND", display, "No such folder in the local share", display);
            return new FolderFetchResult { Display = display, Problems = problems.Items };
        }

        // Links inside the share could point anywhere on the machine: only regular files are read.
        var all = folder.EnumerateFiles().Where(f => (f.Attributes & FileAttributes.ReparsePoint) == 0).ToList();
        var wanted = all.Where(f => FetchNames.Wanted(f.Name, request.Extensions))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (f.Name, f.Length, f))
            .ToList();
        if (!FetchNames.CheckCaps(wanted, request, display, problems))
        {
            return new FolderFetchResult { Display = display, Problems = problems.Items, Skipped = all.Count - wanted.Count };
        }

        Directory.CreateDirectory(request.Destination);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<FetchedFile>();
        foreach (var (fileName, size, info) in wanted)
        {
            var path = FetchNames.PathIn(request.Destination, FetchNames.LocalName(fileName, used));
            info.CopyTo(path);
            files.Add(new FetchedFile(fileName, path, size));
        }

        return new FolderFetchResult { Display = display, Files = files, Skipped = all.Count - wanted.Count, Problems = problems.Items };
    }
}

/// <summary>
/// A SharePoint/OneDrive folder through the real <see cref="GraphServiceClient"/> the publisher builds: by sharing
/// link (<c>/shares/u!…/driveItem</c>) or by site + library + path, then the folder's children by drive and item id
/// (paged), each downloaded with the caps enforced on the bytes actually received.
/// </summary>
internal sealed class SharePointFolderReader(SharePointFolderSource source, FolderFetchRequest request, TimeProvider time)
{
    private readonly ProblemList _problems = new();

    public async Task<FolderFetchResult> FetchAsync(CancellationToken ct)
    {
        var display = Display();
        try
        {
            var credential = GraphCredentialFactory.Create(source.Connection, time);
            using var client = GraphClientBuilder.Create(source.Connection, credential, time);
            var (driveId, folder) = await OpenFolderAsync(client, display, ct);
            if (folder is null)
            {
                return Result(display, [], 0);
            }

            var children = await ListAsync(client, driveId, folder.Id!, ct);
            var wanted = children.Where(c => c.File is not null && c.Name is not null && FetchNames.Wanted(c.Name, request.Extensions))
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => (c.Name!, c.Size ?? 0, c))
                .ToList();
            var skipped = children.Count(c => c.File is not null) - wanted.Count;
            if (!FetchNames.CheckCaps(wanted, request, display, _problems))
            {
                return Result(display, [], skipped);
            }

            Directory.CreateDirectory(request.Destination);
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var files = new List<FetchedFile>();
            long total = 0;
            foreach (var (name, _, item) in wanted)
            {
                var path = FetchNames.PathIn(request.Destination, FetchNames.LocalName(name, used));
                await using var stream = await GraphCall.RunAsync(() => client.Drives[driveId].Items[item.Id].Content.GetAsync(cancellationToken: ct));
                var size = stream is null ? 0 : await FetchNames.CopyCappedAsync(stream, path, Math.Min(request.MaxFileBytes, request.MaxTotalBytes - total), ct);
                if (size is null)
                {
                    // The listing said less than what came: treat as the cap it broke.
                    _problems.Error("SHARING_FOLDER_FILE_TOO_LARGE", Locations.Join(display, name), "Download exceeded the cap", name, FetchNames.Megabytes(request.MaxFileBytes));
                    return Result(display, [], skipped);
                }

                total += size.Value;
                files.Add(new FetchedFile(name, path, size.Value));
            }

            return Result(display, files, skipped);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var problem = GraphCall.ToProblem(e, display, display);

            // A refused read is the signed-in reader's right on this folder, not the application's write right that
            // SHARING_ACCESS_DENIED asks an administrator for when a publish is refused.
            _problems.Add(problem.Code == "SHARING_ACCESS_DENIED"
                ? Problem.Error("SHARING_FOLDER_ACCESS_DENIED", display, problem.Detail, display)
                : problem);
            return Result(display, [], 0);
        }
    }

    private async Task<(string DriveId, DriveItem? Folder)> OpenFolderAsync(GraphServiceClient client, string display, CancellationToken ct)
    {
        DriveItem? item;
        string driveId;
        if (source.SharingLink.Length > 0)
        {
            if (!Uri.TryCreate(source.SharingLink.Trim(), UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && !link.IsLoopback))
            {
                _problems.Error("SHARING_FOLDER_BAD_LINK", display, "Not an https link", display);
                return ("", null);
            }

            item = await NotFoundAsNull(() => client.Shares[ShareId(link)].DriveItem.GetAsync(cancellationToken: ct));
            driveId = item?.ParentReference?.DriveId ?? "";
        }
        else
        {
            var site = new SharePointDestination(
                new SharePointTarget { SiteUrl = source.SiteUrl, Library = source.Library, Connection = source.Connection }, "", client, new PublishOptions(), time);
            await site.OpenAsync(ct);
            driveId = site.DriveId;
            var path = string.Join('/', source.Folder.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            item = path.Length == 0
                ? await NotFoundAsNull(() => client.Drives[driveId].Items["root"].GetAsync(cancellationToken: ct))
                : await site.GetByPathAsync("root", path, ct);
        }

        if (item?.Folder is null || item.Id is null || driveId.Length == 0)
        {
            _problems.Error("SHARING_FOLDER_NOT_FOUND", display, "No folder at this address", display);
            return ("", null);
        }

        return (driveId, item);
    }

    private static async Task<List<DriveItem>> ListAsync(GraphServiceClient client, string driveId, string folderId, CancellationToken ct)
    {
        var all = new List<DriveItem>();
        var page = await GraphCall.RunAsync(() => client.Drives[driveId].Items[folderId].Children.GetAsync(c => c.QueryParameters.Top = 200, ct));
        while (page is not null)
        {
            all.AddRange(page.Value ?? []);
            var next = page.OdataNextLink;
            page = string.IsNullOrEmpty(next)
                ? null
                : await GraphCall.RunAsync(() => client.Drives[driveId].Items[folderId].Children.WithUrl(next).GetAsync(cancellationToken: ct));
        }

        return all;
    }

    private static async Task<DriveItem?> NotFoundAsNull(Func<Task<DriveItem?>> call)
    {
        try
        {
            return await GraphCall.RunAsync(call);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private FolderFetchResult Result(string display, IReadOnlyList<FetchedFile> files, int skipped) =>
        new() { Display = display, Files = _problems.HasErrors ? [] : files, Skipped = skipped, Problems = _problems.Items };

    private string Display()
    {
        if (source.SharingLink.Length > 0)
        {
            var link = source.SharingLink.Trim();
            return link.Length > 200 ? link[..200] + "…" : link;
        }

        return string.Join(" › ", new[] { source.SiteUrl, source.Library, source.Folder }.Where(s => s.Length > 0));
    }

    /// <summary>Graph's sharing id for a URL: <c>u!</c> + unpadded base64url (learn.microsoft.com/graph/api/shares-get).</summary>
    internal static string ShareId(Uri url) =>
        "u!" + Convert.ToBase64String(Encoding.UTF8.GetBytes(url.OriginalString)).TrimEnd('=').Replace('/', '_').Replace('+', '-');
}
