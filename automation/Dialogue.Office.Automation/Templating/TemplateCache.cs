using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Dialogue.Office.Automation.Templating;

/// <summary>
/// Compiled Word templates kept between runs in the user's cache folder, so that a repeated run does not load the Open
/// XML SDK to compile the same template again (issue 17: the SDK's first use costs more than 300 letters). An entry is
/// found by the SHA-256 of everything the compiled template depends on: the template's bytes, its name (it is in the
/// warnings), the required tags, the delegate list's columns, the part-size limit, and this assembly's build (its
/// module version id and the versions of the assemblies it references). A corrupt, truncated or foreign entry is
/// ignored and written again; any failure to read or write the folder only means compiling as before.
/// </summary>
/// <remarks>
/// Folder: <c>DIALOGUE_CACHE_DIR</c> if set; else <c>%LOCALAPPDATA%\Dialogue.Office\templates</c> on Windows and
/// <c>$XDG_CACHE_HOME/dialogue-office/templates</c> (default <c>~/.cache</c>) elsewhere, created for the user only.
/// <c>DIALOGUE_NO_CACHE=1</c> turns it off. At most <see cref="MaxEntries"/> entries are kept (the oldest go first).
/// The folder is the user's own, as trusted as the tool's own files: the checksum in each entry catches damage, not a
/// forger who can already write to the user's home.
/// </remarks>
internal sealed class TemplateCache(string folder)
{
    /// <summary>Entries kept; each is about the size of its template.</summary>
    internal const int MaxEntries = 64;

    private static readonly Lazy<TemplateCache?> UserCache = new(() => FromEnvironment());

    /// <summary>The user's cache (null when off or when no folder can be named).</summary>
    public static TemplateCache? Default => UserCache.Value;

    public string Folder { get; } = folder;

    /// <summary>Entries found intact by this instance (what a test checks; no clock involved).</summary>
    public int Hits => _hits;

    private int _hits;

    /// <summary>Counts a payload that became a template.</summary>
    internal void Hit() => Interlocked.Increment(ref _hits);

    /// <summary>The key of a compilation: see the class summary for what goes in.</summary>
    public static byte[] Key(ReadOnlySpan<byte> template, string name, IReadOnlyList<string>? requiredTags, IReadOnlyList<string>? columns, long maxPartBytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        void AddList(IReadOnlyList<string>? list)
        {
            hash.AppendData(BitConverter.GetBytes(list?.Count ?? -1));
            foreach (var item in list ?? [])
            {
                Add(item);
            }
        }

        Add("dialogue-template-cache/1");
        Add(BuildIdentity.Value);
        Add(name);
        AddList(requiredTags);
        AddList(columns);
        hash.AppendData(BitConverter.GetBytes(maxPartBytes));
        hash.AppendData(BitConverter.GetBytes(template.Length));
        hash.AppendData(template);
        return hash.GetHashAndReset();
    }

    /// <summary>This build of the core: its module version id (changes with any change of its code) and its references' versions.</summary>
    private static readonly Lazy<string> BuildIdentity = new(() =>
    {
        var assembly = typeof(TemplateCache).Assembly;
        var references = assembly.GetReferencedAssemblies().Select(a => a.FullName).Order(StringComparer.Ordinal);
        return $"{assembly.ManifestModule.ModuleVersionId:N}|{assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}|{string.Join(";", references)}";
    });

    /// <summary>The stored payload for <paramref name="key"/>, or null when absent or not intact (then it is deleted).</summary>
    public byte[]? Read(byte[] key)
    {
        var path = PathOf(key);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > MaxEntryBytes)
            {
                Forget(path);
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            if (Unwrap(bytes, key) is { } payload)
            {
                return payload;
            }

            Forget(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="payload"/> under <paramref name="key"/> (atomically: written aside, then renamed); failures are ignored.</summary>
    public void Write(byte[] key, byte[] payload)
    {
        if (payload.Length + 128 > MaxEntryBytes)
        {
            return;
        }

        string? temp = null;
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Folder);
            }
            else
            {
                Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Trim();
            temp = Path.Combine(Folder, $"{Convert.ToHexStringLower(key)}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temp, Wrap(key, payload));
            File.Move(temp, PathOf(key), overwrite: true);
            temp = null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
        finally
        {
            if (temp is not null)
            {
                Forget(temp);
            }
        }
    }

    internal string PathOf(byte[] key) => Path.Combine(Folder, Convert.ToHexStringLower(key) + EntryExtension);

    private const string EntryExtension = ".dlgtpl";

    /// <summary>Entries larger than this are not kept (the template limit is far below).</summary>
    private const long MaxEntryBytes = 64L << 20;

    private static readonly byte[] Magic = "DLGTPL01"u8.ToArray();

    /// <summary>Magic, key, payload length, payload, SHA-256 of all before it.</summary>
    private static byte[] Wrap(byte[] key, byte[] payload)
    {
        var result = new byte[Magic.Length + key.Length + 4 + payload.Length + 32];
        var span = result.AsSpan();
        Magic.CopyTo(span);
        key.CopyTo(span[Magic.Length..]);
        BitConverter.TryWriteBytes(span.Slice(Magic.Length + key.Length, 4), payload.Length);
        payload.CopyTo(span[(Magic.Length + key.Length + 4)..]);
        SHA256.HashData(span[..^32], span[^32..]);
        return result;
    }

    internal static byte[]? Unwrap(byte[] bytes, byte[] key)
    {
        var head = Magic.Length + key.Length + 4;
        if (bytes.Length < head + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic) || !bytes.AsSpan(Magic.Length, key.Length).SequenceEqual(key))
        {
            return null;
        }

        var length = BitConverter.ToInt32(bytes, Magic.Length + key.Length);
        if (length < 0 || length != bytes.Length - head - 32)
        {
            return null;
        }

        Span<byte> sum = stackalloc byte[32];
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), sum);
        return sum.SequenceEqual(bytes.AsSpan(bytes.Length - 32)) ? bytes.AsSpan(head, length).ToArray() : null;
    }

    /// <summary>Keeps the folder under <see cref="MaxEntries"/>: the least recently written entries go.</summary>
    private void Trim()
    {
        var entries = new DirectoryInfo(Folder).GetFiles("*" + EntryExtension);
        if (entries.Length < MaxEntries)
        {
            return;
        }

        foreach (var old in entries.OrderBy(f => f.LastWriteTimeUtc).Take(entries.Length - MaxEntries + 1))
        {
            Forget(old.FullName);
        }
    }

    private static void Forget(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static TemplateCache? FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable("DIALOGUE_NO_CACHE") is "1" or "true")
        {
            return null;
        }

        if (Environment.GetEnvironmentVariable("DIALOGUE_CACHE_DIR") is { Length: > 0 } set && Path.IsPathFullyQualified(set))
        {
            return new TemplateCache(set);
        }

        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length > 0 ? new TemplateCache(Path.Combine(local, "Dialogue.Office", "templates")) : null;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetEnvironmentVariable("HOME");
        var root = xdg is { Length: > 0 } && Path.IsPathFullyQualified(xdg) ? xdg
            : home is { Length: > 0 } && Path.IsPathFullyQualified(home) ? Path.Combine(home, ".cache")
            : null;
        return root is null ? null : new TemplateCache(Path.Combine(root, "dialogue-office", "templates"));
    }
}
