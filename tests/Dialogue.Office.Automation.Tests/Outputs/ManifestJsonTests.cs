using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Outputs;

/// <summary>
/// The two manifests are written with build-time generated JSON (issue 17: no reflection-based serializer at start-up).
/// They must be the bytes the reflection-based serializer wrote with the same options, and read back the same.
/// </summary>
public class ManifestJsonTests
{
    [Fact]
    public void OutputManifest_Generated_IsWhatReflectionWrote()
    {
        var manifest = new OutputManifestFile(1, [new("giay-moi/Giấy mời 001.docx", "invitations", new string('A', 64), 12345), new("a\"b\\c.xlsx", "questions", "", 0)]);

        var generated = JsonSerializer.SerializeToUtf8Bytes(manifest, OutputManifestJson.Default.OutputManifestFile);
        var reflected = JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() });

        Assert.Equal(System.Text.Encoding.UTF8.GetString(reflected), System.Text.Encoding.UTF8.GetString(generated));
        var back = JsonSerializer.Deserialize(generated, OutputManifestJson.Default.OutputManifestFile)!;
        Assert.Equal(manifest.Files, back.Files);
    }

    [Fact]
    public void PublishManifest_Generated_IsWhatReflectionWroteAndReadsBack()
    {
        using var dir = new TempDir();
        var manifest = new PublishManifest();
        var target = manifest.For("sharepoint:/sites/hoi-nghi");
        target.Display = "Hội nghị đối thoại – Yên Bái";
        target.FolderLinkScope = LinkScope.Organization;
        target.FolderLinkExpires = new DateTimeOffset(2023, 4, 20, 9, 0, 0, TimeSpan.FromHours(7));
        target.Invited.Add("item|a@yenbai.gov.vn");
        target.Files["giay-moi/a.docx"] = new ManifestFile { State = ManifestFile.Done, Sha256 = "AB", Size = 42, LinkScope = LinkScope.Organization, PdfOf = null };
        manifest.Save(dir.Path);

        var written = File.ReadAllText(PublishManifest.PathIn(dir.Path));
        var reflected = JsonSerializer.Serialize(manifest, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        });

        Assert.Equal(reflected, written);
        Assert.Contains("\"folderLinkScope\": \"organization\"", written, StringComparison.Ordinal);
        var back = PublishManifest.Load(dir.Path, out var unreadable);
        Assert.False(unreadable);
        Assert.Equal(written, JsonSerializer.Serialize(back, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        }));
    }
}
