using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>
/// What was published where, kept as <c>.dialogue-publish.json</c> in the source folder. Written after every step
/// that changes the remote side (a session opened, a file finished, a link made) and replaced atomically, so a run
/// killed at any point leaves a manifest a re-run can trust. Holds no token or secret.
/// </summary>
internal sealed class PublishManifest
{
    public const string FileName = ".dialogue-publish.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<LinkScope>(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = PublishManifestJson.Default,
    };

    private static JsonTypeInfo<PublishManifest> TypeInfo => (JsonTypeInfo<PublishManifest>)Json.GetTypeInfo(typeof(PublishManifest));

    public int Version { get; set; } = 1;

    public Dictionary<string, ManifestTarget> Targets { get; set; } = new(StringComparer.Ordinal);

    public static string PathIn(string sourceFolder) => Path.Combine(sourceFolder, FileName);

    /// <summary>Reads the manifest; a missing one is empty, an unreadable one is empty and <paramref name="unreadable"/> is set.</summary>
    public static PublishManifest Load(string sourceFolder, out bool unreadable)
    {
        unreadable = false;
        var path = PathIn(sourceFolder);
        if (!File.Exists(path))
        {
            return new PublishManifest();
        }

        try
        {
            var manifest = JsonSerializer.Deserialize(File.ReadAllText(path), TypeInfo);
            if (manifest is { Version: 1 })
            {
                return manifest;
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
        }

        unreadable = true;
        return new PublishManifest();
    }

    public ManifestTarget For(string key)
    {
        if (!Targets.TryGetValue(key, out var target))
        {
            target = new ManifestTarget();
            Targets[key] = target;
        }

        return target;
    }

    /// <summary>Writes to a temporary file and renames it over the old one (never a half-written manifest).</summary>
    public void Save(string sourceFolder)
    {
        var path = PathIn(sourceFolder);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, TypeInfo));
        File.Move(temp, path, overwrite: true);
    }
}

internal sealed class ManifestTarget
{
    public string Display { get; set; } = "";
    public string FolderItemId { get; set; } = "";
    public string FolderLink { get; set; } = "";
    public LinkScope? FolderLinkScope { get; set; }
    public DateTimeOffset? FolderLinkExpires { get; set; }

    /// <summary>Keyed by the source-relative path ('/'-separated).</summary>
    public Dictionary<string, ManifestFile> Files { get; set; } = new(StringComparer.Ordinal);

    /// <summary>"itemId|email" pairs already invited, so re-runs do not send the invitation again.</summary>
    public List<string> Invited { get; set; } = [];
}

internal sealed class ManifestFile
{
    /// <summary>"done" once the remote holds exactly <see cref="Sha256"/>; "pending" while an upload is under way.</summary>
    public string State { get; set; } = Pending;

    public string RemotePath { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string QuickXorHash { get; set; } = "";
    public long Size { get; set; }
    public string ItemId { get; set; } = "";
    public string ETag { get; set; } = "";
    public string Link { get; set; } = "";
    public LinkScope? LinkScope { get; set; }
    public DateTimeOffset? LinkExpires { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The open upload session of a large file (resumed by a re-run after a crash).</summary>
    public string? UploadUrl { get; set; }

    public DateTimeOffset? UploadExpires { get; set; }

    /// <summary>SHA-256 of the content the open session is uploading (a changed file never resumes an old session).</summary>
    public string? UploadSha256 { get; set; }

    /// <summary>SHA-256 of the content the local PDF was rendered from.</summary>
    public string? PdfOf { get; set; }

    public const string Done = "done";
    public const string Pending = "pending";
}

/// <summary>
/// The publish manifest's JSON metadata, generated at build time (issue 17: no reflection-based serializer; trim- and
/// AOT-safe). The options above (camelCase, nulls left out, relaxed escaping, enums as camelCase text) still apply.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PublishManifest))]
internal sealed partial class PublishManifestJson : JsonSerializerContext;
