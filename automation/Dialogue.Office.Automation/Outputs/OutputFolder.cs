using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;

namespace Dialogue.Office.Automation.Outputs;

/// <summary>One file a build wrote: its path relative to the output folder ('/' separators), the step that wrote it, its SHA-256.</summary>
public sealed record OutputEntry(string Path, string Step, string Sha256, long Length);

/// <summary>What committing an output folder did.</summary>
public sealed record OutputCommit(IReadOnlyList<string> Removed, IReadOnlyList<Problem> Problems);

/// <summary>
/// The output folder of a build, which never goes stale. It must be a folder (not a file), not the plan folder nor one
/// that holds it, and either new, empty, or one the project wrote before (it holds <see cref="ManifestName"/>): a folder
/// of someone else's files is refused. Each step records the files it wrote; <see cref="Commit"/> writes the manifest
/// and removes what an earlier run of the same step wrote and this run no longer produces — only files the manifest
/// lists, and only when their content is still what was written (a file someone edited since is kept, with a warning).
/// A step that failed keeps its earlier files. Documents themselves are written atomically (<see cref="AtomicFile"/>).
/// </summary>
public sealed class OutputFolder
{
    /// <summary>The manifest: what the project wrote into this folder, step by step.</summary>
    public const string ManifestName = ".dialogue-output.json";

    /// <summary>Other files the project keeps in an output folder (the publish manifest).</summary>
    private static readonly string[] OwnFiles = [ManifestName, Sharing.PublishManifest.FileName];

    private readonly List<OutputEntry> _previous;
    private readonly Dictionary<string, string> _written = new(StringComparer.Ordinal); // relative path -> step

    private OutputFolder(string root, List<OutputEntry> previous)
    {
        Root = root;
        _previous = previous;
    }

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <summary>
    /// Why <paramref name="path"/> cannot receive a build of the plan in <paramref name="planFolder"/>, or null:
    /// OUTPUT_IS_FILE, OUTPUT_IS_PLAN_FOLDER, OUTPUT_FOREIGN_FOLDER. Shells report these as usage errors.
    /// </summary>
    public static Problem? Check(string path, string? planFolder)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return Problem.Error("OUTPUT_IS_FILE", path, "--out names a file, not a folder", full);
        }

        var real = ContainedPath.RealPath(full);
        if (planFolder is not null && ContainedPath.IsInside(real, ContainedPath.RealPath(planFolder)))
        {
            return Problem.Error("OUTPUT_IS_PLAN_FOLDER", path, "--out is the plan folder or holds it", full);
        }

        if (Directory.Exists(full) && !File.Exists(Path.Combine(full, ManifestName))
            && Directory.EnumerateFileSystemEntries(full).Any(e => !IsOwn(System.IO.Path.GetFileName(e))))
        {
            return Problem.Error("OUTPUT_FOREIGN_FOLDER", path, "--out holds files this project did not write", full);
        }

        return null;
    }

    /// <summary>Opens (creating it) an output folder that passed <see cref="Check"/>, and clears temporary files a killed run left.</summary>
    /// <exception cref="ProblemException">The folder cannot be used (<see cref="Check"/>).</exception>
    public static OutputFolder Open(string path, string? planFolder)
    {
        if (Check(path, planFolder) is { } problem)
        {
            throw new ProblemException(problem);
        }

        var root = Path.GetFullPath(path);
        Directory.CreateDirectory(root);
        foreach (var temp in Directory.EnumerateFiles(root, AtomicFile.TempPrefix + "*.tmp", SearchOption.AllDirectories))
        {
            File.Delete(temp);
        }

        return new OutputFolder(root, ReadManifest(root));
    }

    /// <summary>What the manifest of <paramref name="folder"/> lists (empty when there is none).</summary>
    public static IReadOnlyList<OutputEntry> Manifest(string folder) => ReadManifest(Path.GetFullPath(folder));

    /// <summary>Records files <paramref name="step"/> wrote (full paths or paths relative to the folder); files outside it are ignored.</summary>
    public void Record(string step, IEnumerable<string?> files)
    {
        foreach (var file in files)
        {
            if (string.IsNullOrEmpty(file))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(Root, file));
            if (ContainedPath.IsInside(Root, full) && File.Exists(full))
            {
                _written[Path.GetRelativePath(Root, full).Replace('\\', '/')] = step;
            }
        }
    }

    public void Record(string step, params string?[] files) => Record(step, (IEnumerable<string?>)files);

    /// <summary>
    /// Writes the manifest and removes the stale outputs of <paramref name="completedSteps"/>: files an earlier run of
    /// those steps wrote that this run did not. Entries of other steps (not run, or failed) are kept as they were.
    /// </summary>
    public OutputCommit Commit(IEnumerable<string> completedSteps)
    {
        var completed = completedSteps.ToHashSet(StringComparer.Ordinal);
        var problems = new ProblemList();
        var removed = new List<string>();
        var entries = new Dictionary<string, OutputEntry>(StringComparer.Ordinal);
        foreach (var old in _previous)
        {
            if (_written.ContainsKey(old.Path))
            {
                continue;
            }

            if (!completed.Contains(old.Step))
            {
                entries[old.Path] = old; // not run this time, or failed: its files stay listed
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(Root, old.Path));
            if (!ContainedPath.IsInside(Root, full) || !File.Exists(full))
            {
                continue;
            }

            if (Hash(full) == old.Sha256)
            {
                File.Delete(full);
                removed.Add(old.Path);
                RemoveEmptyFolders(Path.GetDirectoryName(full));
            }
            else
            {
                problems.Warning("OUTPUT_STALE_EDITED", old.Path, "A stale output was edited since it was written; kept", old.Path);
            }
        }

        foreach (var (path, step) in _written)
        {
            var full = Path.Combine(Root, path);
            entries[path] = new OutputEntry(path, step, Hash(full), new FileInfo(full).Length);
        }

        var list = entries.Values.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        AtomicFile.WriteAllBytes(Path.Combine(Root, ManifestName), JsonSerializer.SerializeToUtf8Bytes(new OutputManifestFile(1, list), OutputManifestJson.Default.OutputManifestFile));
        return new OutputCommit(removed, problems.Items);
    }

    private static bool IsOwn(string name) => OwnFiles.Contains(name, StringComparer.Ordinal) || name.StartsWith(AtomicFile.TempPrefix, StringComparison.Ordinal);

    private void RemoveEmptyFolders(string? folder)
    {
        while (folder is not null && !string.Equals(Path.TrimEndingDirectorySeparator(folder), Path.TrimEndingDirectorySeparator(Root), ContainedPath.Comparison)
            && ContainedPath.IsInside(Root, folder) && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder);
        }
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static List<OutputEntry> ReadManifest(string root)
    {
        var path = Path.Combine(root, ManifestName);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            var manifest = JsonSerializer.Deserialize(InputFile.ReadAllBytes(path, 16L << 20, ManifestName), OutputManifestJson.Default.OutputManifestFile);
            return manifest?.Files?.Where(e => e?.Path is { Length: > 0 } && e.Step is not null && e.Sha256 is not null).ToList() ?? [];
        }
        catch (Exception ex) when (ex is JsonException or InputFileException)
        {
            return []; // a damaged manifest: nothing is removed, the folder stays ours
        }
    }
}

/// <summary>The manifest file's shape: a version and the files, each with its step and hash.</summary>
internal sealed record OutputManifestFile(int Version, List<OutputEntry> Files);

/// <summary>
/// The manifest's JSON, generated at build time (no reflection-based serializer to start on every build, issue 17;
/// trim- and AOT-safe). Same shape and bytes as before: property names as declared, indented.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(OutputManifestFile))]
internal sealed partial class OutputManifestJson : JsonSerializerContext;

[ProblemCatalog]
internal static class OutputMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["OUTPUT_IS_FILE"] = "\"{0}\" là một tệp, không phải thư mục; hãy chỉ --out tới một thư mục (mới hoặc đã dùng cho hồ sơ này).",
        ["OUTPUT_IS_PLAN_FOLDER"] = "Không ghi kết quả vào thư mục kế hoạch hay thư mục chứa nó (\"{0}\"); hãy chọn thư mục khác, ví dụ out/<mã hội nghị>.",
        ["OUTPUT_FOREIGN_FOLDER"] = "Thư mục \"{0}\" đã có các tệp không do chương trình tạo; để không ghi lẫn hay xóa nhầm, hãy chọn thư mục trống hoặc thư mục hồ sơ đã tạo trước đó.",
        ["OUTPUT_STALE_EDITED"] = "Tệp \"{0}\" của lần tạo trước không còn trong hồ sơ nhưng đã được sửa sau khi tạo, nên được giữ lại; hãy tự xóa nếu không cần.",
    };
}
