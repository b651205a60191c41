namespace Dialogue.Office.Automation.Inputs;

/// <summary>
/// Paths that stay inside a folder. A path from a plan (or from a request that names a plan's file) is resolved to its
/// real path — every symbolic link and junction on the way followed — and must lie inside the real path of the folder,
/// compared segment by segment (so "/plans/dpath-evil" is not inside "/plans/dpath").
/// </summary>
public static class ContainedPath
{
    private const int MaxLinks = 40;

    /// <summary>Case rule of the file system the project runs on (Windows and macOS fold case).</summary>
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Resolves <paramref name="relative"/> (as written in the plan) against <paramref name="folder"/> and returns its
    /// real path, or throws when it leaves the folder. The file itself need not exist (the caller's read reports that).
    /// </summary>
    /// <exception cref="InputFileException">OutsideFolder, with <paramref name="relative"/> as the name.</exception>
    public static string Resolve(string folder, string relative)
    {
        var root = RealPath(folder);
        var real = RealPath(Path.IsPathRooted(relative) ? relative : Path.Combine(root, relative));
        if (!IsInside(root, real))
        {
            throw new InputFileException(InputRejection.OutsideFolder, relative, $"resolves to {real}, outside {root}") { FullPath = real };
        }

        return real;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (both already real paths).</summary>
    public static bool IsInside(string folder, string path)
    {
        var outer = Segments(folder);
        var inner = Segments(path);
        if (inner.Length < outer.Length)
        {
            return false;
        }

        for (var i = 0; i < outer.Length; i++)
        {
            if (!string.Equals(outer[i], inner[i], Comparison))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The real path: absolute, "." and ".." applied after the links before them are followed (as the system does),
    /// every link followed. Parts that do not exist yet are kept as written.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new Stack<string>(Segments(full[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            string? target = null;
            try
            {
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                target = info.LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Unreadable: keep the name; opening it will report the reason.
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new InputFileException(InputRejection.NotRegularFile, path, "too many symbolic links");
            }

            // Resolve the link's target in place of this segment: absolute targets restart from their root.
            foreach (var segment in Segments(target).Reverse())
            {
                pending.Push(segment);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
            }
        }

        return current;
    }

    private static string[] Segments(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
