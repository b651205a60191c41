namespace Dialogue.Office.Automation.Outputs;

/// <summary>
/// Atomic writes: a document is written whole to a temporary file beside its final name, then renamed over it. An
/// interrupted run (a crash, Ctrl+C, a full disk) leaves the previous file or the new one, never half a document; a
/// leftover temporary file carries <see cref="TempPrefix"/> and the next build into the folder removes it. Files are
/// not synced to disk one by one (300 letters would wait for 300 syncs): the guarantee is against a stopped process,
/// not a power cut.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Temporary files start with this (hidden on Unix, never a name the core gives a document).</summary>
    public const string TempPrefix = ".~dialogue-";

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var temp = TempPathFor(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush();
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Writes through <paramref name="write"/> into a temporary file, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var temp = TempPathFor(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush();
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A fresh temporary name in the same folder as <paramref name="path"/> (a rename within a folder is atomic).</summary>
    public static string TempPathFor(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{TempPrefix}{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Moves a finished temporary file to its final name.</summary>
    public static void Commit(string temp, string path) => File.Move(temp, path, overwrite: true);
}
