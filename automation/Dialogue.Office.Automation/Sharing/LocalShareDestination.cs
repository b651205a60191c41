using System.Security.Cryptography;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>
/// The embedded default: a folder on this machine that the add-in host serves over HTTP. Files are copied through a
/// temporary name and renamed, so a reader never sees half a file; links are the base URL plus the escaped path.
/// </summary>
internal sealed class LocalShareDestination(LocalShareTarget target, string folder) : IPublishDestination
{
    // folder is already made safe by the publisher (no "..", no forbidden characters).
    private readonly string _root = Path.GetFullPath(Path.Combine(target.Root, ToOsPath(folder)));

    public bool IsLocal => true;

    public string Display => _root;

    public Task OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    public Task<string> EnsureFolderAsync(string relativeFolder, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(_root, ToOsPath(relativeFolder)));
        return Task.FromResult(relativeFolder);
    }

    public Task<RemoteFile?> FindAsync(string parentId, string name, CancellationToken ct)
    {
        var path = Path.Combine(_root, ToOsPath(Join(parentId, name)));
        if (!File.Exists(path))
        {
            return Task.FromResult<RemoteFile?>(null);
        }

        using var stream = File.OpenRead(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        return Task.FromResult<RemoteFile?>(new RemoteFile(Join(parentId, name), sha[..16], stream.Length, null, sha, Address(Join(parentId, name))));
    }

    public async Task<IReadOnlyDictionary<string, RemoteFile>> ListFilesAsync(string parentId, CancellationToken ct)
    {
        var result = new Dictionary<string, RemoteFile>(StringComparer.OrdinalIgnoreCase);
        var folder = Path.Combine(_root, ToOsPath(parentId));
        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(path);
                if (!name.EndsWith(".dialogue-tmp", StringComparison.Ordinal) && await FindAsync(parentId, name, ct) is { } file)
                {
                    result[name] = file;
                }
            }
        }

        return result;
    }

    public async Task<RemoteFile> UploadAsync(UploadJob job, CancellationToken ct)
    {
        var relative = Join(job.ParentId, job.File.RemoteName);
        var destination = Path.Combine(_root, ToOsPath(relative));
        var temp = destination + ".dialogue-tmp";
        await using (var source = File.OpenRead(job.File.FullPath))
        await using (var output = File.Create(temp))
        {
            await source.CopyToAsync(output, ct);
        }

        File.Move(temp, destination, overwrite: true);
        job.Progress?.Report(job.File.Size);
        return new RemoteFile(relative, job.File.Sha256[..16], job.File.Size, null, job.File.Sha256, Address(relative));
    }

    public Task<string> CreateLinkAsync(string itemId, bool isFolder, LinkScope scope, DateTimeOffset? expires, CancellationToken ct)
    {
        var url = Address(itemId);
        return Task.FromResult(isFolder ? url.TrimEnd('/') + "/" : url);
    }

    /// <summary>The address the host serves an item of the share at (its base URL plus the escaped path).</summary>
    private string Address(string itemId)
    {
        var path = Join(folder, itemId);
        var escaped = string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        return target.BaseUrl.TrimEnd('/') + "/" + escaped;
    }

    public Task InviteEditorsAsync(string itemId, IReadOnlyList<string> emails, CancellationToken ct) => Task.CompletedTask;

    public Task InviteAsync(string itemId, IReadOnlyList<string> emails, string role, string message, CancellationToken ct) => Task.CompletedTask;

    // A local link is the file's address: nothing to revoke (the host decides who may open each audience's folder).
    public Task<int> RemoveLinksAsync(string itemId, string? url, CancellationToken ct) => Task.FromResult(0);

    public Task DeleteAsync(string itemId, CancellationToken ct)
    {
        var path = Path.GetFullPath(Path.Combine(_root, ToOsPath(itemId)));
        if (Inputs.ContainedPath.IsInside(_root, path) && File.Exists(path))
        {
            File.Delete(path);
            var folder = Path.GetDirectoryName(path);
            while (folder is not null && Inputs.ContainedPath.IsInside(_root, folder)
                && !string.Equals(Path.TrimEndingDirectorySeparator(folder), Path.TrimEndingDirectorySeparator(_root), StringComparison.Ordinal)
                && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
                folder = Path.GetDirectoryName(folder);
            }
        }

        return Task.CompletedTask;
    }

    public Task FetchPdfAsync(string itemId, string destination, CancellationToken ct) => Task.CompletedTask;

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a}/{b}";

    private static string ToOsPath(string relative) =>
        relative.Trim('/').Replace('/', Path.DirectorySeparatorChar);
}
