using Dialogue.Office.Automation.Diagnostics;
using System.Globalization;
using Dialogue.Office.Automation.Sharing.Auth;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>
/// Fetch the files of one shared folder (SharePoint or the local share) into a local folder, e.g. the units'
/// returned question sheets, so the consolidator reads them like uploads. Only the folder's own files (not
/// sub-folders) whose extension is wanted are taken; sizes are capped per file and in total.
/// </summary>
public sealed record FolderFetchRequest
{
    /// <summary>Where the folder is: <see cref="SharePointFolderSource"/> or <see cref="LocalShareFolderSource"/>.</summary>
    public required FolderSource Source { get; init; }

    /// <summary>Local folder the files are written to (created); file names are never taken as paths.</summary>
    public required string Destination { get; init; }

    /// <summary>Extensions taken (with the dot); default: the question-sheet formats.</summary>
    public IReadOnlySet<string> Extensions { get; init; } = SheetExtensions;

    /// <summary>More wanted files than this refuses the folder (nothing is downloaded).</summary>
    public int MaxFiles { get; init; } = 200;

    /// <summary>A wanted file larger than this refuses the folder (the host's 20 MB upload limit).</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Wanted files larger than this together refuse the folder.</summary>
    public long MaxTotalBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Returned question sheets (and the register ngay-nhan.csv).</summary>
    public static readonly IReadOnlySet<string> SheetExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".xlsx", ".xlsm", ".xls", ".csv" };
}

/// <summary>A folder to fetch from.</summary>
public abstract record FolderSource;

/// <summary>
/// A SharePoint/OneDrive folder: either a sharing link (or the folder's address) of the folder, read through
/// <c>/shares/u!{base64url(link)}/driveItem</c>, or a site URL + library + folder path. Graph is reached with the
/// same client the publisher builds (<see cref="Connection"/>: on behalf of the signed-in user in the add-in).
/// </summary>
public sealed record SharePointFolderSource : FolderSource
{
    /// <summary>A sharing link of the folder; when set, the site fields are ignored.</summary>
    public string SharingLink { get; init; } = "";

    /// <summary>https://contoso.sharepoint.com/sites/Finance</summary>
    public string SiteUrl { get; init; } = "";

    /// <summary>Library name as shown; empty = the site's default library.</summary>
    public string Library { get; init; } = "";

    /// <summary>Folder path inside the library, '/'-separated; empty = the library root.</summary>
    public string Folder { get; init; } = "";

    public GraphConnectionOptions Connection { get; init; } = new();
}

/// <summary>A folder of the local share (the embedded default), named by its folder name only.</summary>
public sealed record LocalShareFolderSource : FolderSource
{
    /// <summary>The share folder on disk.</summary>
    public string Root { get; init; } = LocalShareTarget.DefaultRoot;

    /// <summary>One folder name directly under <see cref="Root"/>: no separators, no "..".</summary>
    public required string Folder { get; init; }
}

/// <summary>One file written to the destination.</summary>
/// <param name="RemoteName">The name in the shared folder (for messages).</param>
/// <param name="LocalPath">Where it was written.</param>
/// <param name="Size">Bytes written.</param>
public sealed record FetchedFile(string RemoteName, string LocalPath, long Size);

/// <summary>What was fetched, and why not when nothing was.</summary>
public sealed record FolderFetchResult
{
    /// <summary>The folder as people name it ("site › library › folder", the link, or the local folder name).</summary>
    public string Display { get; init; } = "";

    public IReadOnlyList<FetchedFile> Files { get; init; } = [];

    /// <summary>Files of the folder that were not wanted (other formats, lock files).</summary>
    public int Skipped { get; init; }

    public IReadOnlyList<Problem> Problems { get; init; } = [];

    public bool Succeeded => !Problems.Any(p => p.IsError);
}

/// <summary>A local share folder offered to choose from.</summary>
public sealed record LocalShareFolder(string Name, int Sheets);

/// <summary>Lists and downloads a shared folder's sheets (see <see cref="FolderFetchRequest"/>).</summary>
public static class FolderFetcher
{
    /// <summary>
    /// Downloads the wanted files of the folder into <see cref="FolderFetchRequest.Destination"/>. Errors
    /// (folder not found, no sheets, too many or too large files, sign-in or Graph failures) come back as problems
    /// with codes <c>SHARING_FOLDER_*</c> / <c>SHARING_*</c>; nothing is thrown for them.
    /// </summary>
    public static Task<FolderFetchResult> FetchAsync(FolderFetchRequest request, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Source switch
        {
            LocalShareFolderSource local => Task.FromResult(LocalFolderReader.Fetch(local, request)),
            SharePointFolderSource sp => new SharePointFolderReader(sp, request, time ?? TimeProvider.System).FetchAsync(ct),
            _ => throw new ArgumentException("Unknown folder source.", nameof(request)),
        };
    }

    /// <summary>The folders directly under the local share root, with how many sheets each holds (for a picker).</summary>
    public static IReadOnlyList<LocalShareFolder> ListLocalFolders(string root, IReadOnlySet<string>? extensions = null)
    {
        var wanted = extensions ?? FolderFetchRequest.SheetExtensions;
        if (!Directory.Exists(root))
        {
            return [];
        }

        return new DirectoryInfo(root).EnumerateDirectories()
            .Where(d => !d.Name.StartsWith('.') && (d.Attributes & (FileAttributes.Hidden | FileAttributes.ReparsePoint)) == 0)
            .Select(d => new LocalShareFolder(d.Name, d.EnumerateFiles().Count(f => FetchNames.Wanted(f.Name, wanted))))
            .OrderBy(f => f.Name, StringComparer.Create(Vietnamese.VietnameseText.Culture, CompareOptions.IgnoreCase))
            .ToList();
    }
}
