using System.Text;

namespace Dialogue.Office.Automation.Inputs;

/// <summary>
/// Bounded reads of input files. Only regular files with content are opened: a folder, a device (/dev/zero), a named
/// pipe (which would block forever) or a socket report a length of 0 and are refused before any open. A read never
/// takes more than its cap, even from a file that grows while it is read.
/// </summary>
internal static class InputFile
{
    /// <summary>Reads the whole file, at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InputFileException">Missing, NotRegularFile, TooLarge, Unreadable.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        var length = RegularLength(path, name);
        if (length > maxBytes)
        {
            throw new InputFileException(InputRejection.TooLarge, name, $"{length} bytes on disk", length, maxBytes);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[length];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read < buffer.Length)
            {
                Array.Resize(ref buffer, read); // shrank while read
            }

            if (stream.ReadByte() >= 0)
            {
                throw new InputFileException(InputRejection.TooLarge, name, "grew while read", length + 1, maxBytes);
            }

            return buffer;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(InputRejection.Unreadable, name, ex.GetType().Name);
        }
    }

    /// <summary>Reads a UTF-8 text file (a leading BOM is dropped), at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InputFileException">As <see cref="ReadAllBytes"/>, and NotUtf8 with the first bad line as measure.</exception>
    public static string ReadAllText(string path, long maxBytes, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        return DecodeUtf8(ReadAllBytes(path, maxBytes, name), name);
    }

    /// <summary>Strict UTF-8 (a leading BOM dropped); a bad byte reports its 1-based line.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = 1 + bytes[..at].Count((byte)'\n');
            throw new InputFileException(InputRejection.NotUtf8, name, $"invalid UTF-8 at byte {at}", line);
        }
    }

    /// <summary>The length of a regular, non-empty file; refuses everything else without opening it.</summary>
    internal static long RegularLength(string path, string name)
    {
        if (Directory.Exists(path))
        {
            throw new InputFileException(InputRejection.NotRegularFile, name, "a folder") { FullPath = Path.GetFullPath(path) };
        }

        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InputFileException(InputRejection.Missing, name, "no such file") { FullPath = info.FullName };
            }

            // Devices, pipes and sockets have no length on Unix; an empty regular file has nothing to read either.
            return info.Length > 0 ? info.Length : throw new InputFileException(InputRejection.NotRegularFile, name, "length 0 (empty, device, pipe or socket)") { FullPath = info.FullName };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputFileException(InputRejection.Unreadable, name, ex.GetType().Name);
        }
    }
}
