using System.Xml.Linq;
using Dialogue.Office.AddIn.Manifest;
using Dialogue.Office.AddIn.Tests.Support;

namespace Dialogue.Office.AddIn.Tests.Manifest;

public class ManifestTests
{
    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static readonly XNamespace Ov = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

    private static XDocument Load() => XDocument.Load(RepoPaths.Manifest);

    private static List<string> Validate(XDocument doc)
    {
        using var stream = new MemoryStream();
        doc.Save(stream);
        stream.Position = 0;
        return ManifestSchema.Validate(stream);
    }

    [Fact]
    public void Manifest_ValidatesAgainstVendoredSchemas()
    {
        using var stream = File.OpenRead(RepoPaths.Manifest);
        Assert.Empty(ManifestSchema.Validate(stream));
    }

    [Fact]
    public void Validator_ManifestWithElementsOutOfOrder_ReportsErrors()
    {
        // Proves the validator can fail: swap Version and ProviderName (order is enforced by the XSD).
        var doc = Load();
        var version = doc.Root!.Element(App + "Version")!;
        version.Remove();
        doc.Root.Element(App + "ProviderName")!.AddAfterSelf(version);
        Assert.NotEmpty(Validate(doc));
    }

    [Fact]
    public void Validator_ResidLongerThan32Characters_ReportsErrors()
    {
        var doc = Load();
        doc.Descendants(Bt + "Image").First().SetAttributeValue("id", new string('x', 40));
        Assert.NotEmpty(Validate(doc));
    }

    [Fact]
    public void Manifest_ServesWordAndExcelWithoutHostSpecificRequirementSets()
    {
        var doc = Load();
        Assert.Equal(["Document", "Workbook"], doc.Root!.Element(App + "Hosts")!.Elements(App + "Host").Select(h => (string)h.Attribute("Name")!));
        var sets = doc.Root.Element(App + "Requirements")?.Descendants(App + "Set").Select(s => (string)s.Attribute("Name")!).ToList() ?? [];
        Assert.DoesNotContain(sets, s => s.StartsWith("WordApi", StringComparison.Ordinal) || s.StartsWith("ExcelApi", StringComparison.Ordinal));
        Assert.Equal(["Document", "Workbook"], doc.Descendants(Ov + "Host").Select(h => (string)h.Attribute(XName.Get("type", "http://www.w3.org/2001/XMLSchema-instance"))!));
    }

    [Fact]
    public void Manifest_DefaultsToVietnameseWithEnglishOverride()
    {
        var doc = Load();
        Assert.Equal("vi-VN", doc.Root!.Element(App + "DefaultLocale")!.Value);
        var name = doc.Root.Element(App + "DisplayName")!;
        Assert.Equal("Hội nghị đối thoại", (string)name.Attribute("DefaultValue")!);
        Assert.Equal("en-US", (string)name.Element(App + "Override")!.Attribute("Locale")!);
        foreach (var s in doc.Descendants(Bt + "String"))
        {
            Assert.True(s.Element(Bt + "Override")?.Attribute("Locale")?.Value == "en-US", $"string {s.Attribute("id")} has no en-US override");
        }
    }

    [Fact]
    public void Manifest_EveryUrlIsHttps()
    {
        foreach (var url in Urls(Load()))
        {
            Assert.StartsWith("https://", url, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Manifest_EveryResidIsDefinedInResources()
    {
        var doc = Load();
        var defined = doc.Descendants().Where(e => e.Parent?.Name.Namespace == Bt && e.Attribute("id") is not null && e.Name.Namespace == Bt)
            .Select(e => (string)e.Attribute("id")!).ToHashSet(StringComparer.Ordinal);
        var used = doc.Descendants().Select(e => (string?)e.Attribute("resid")).OfType<string>().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, r => Assert.Contains(r, defined));
    }

    [Fact]
    public void Manifest_IconsExistInRequiredSizesAndAreServedByTheHost()
    {
        var doc = Load();
        var images = doc.Descendants(Bt + "Image").Where(e => e.Attribute("id") is not null).ToList();
        foreach (var size in new[] { 16, 32, 80 })
        {
            var image = images.Single(i => (string)i.Attribute("id")! == $"Icon.{size}");
            var path = Path.Combine(RepoPaths.AddIn, "wwwroot", new Uri((string)image.Attribute("DefaultValue")!).AbsolutePath.TrimStart('/'));
            Assert.True(File.Exists(path), path);
            Assert.Equal((size, size), PngSize(path));
        }

        foreach (var (element, size) in new[] { ("IconUrl", 32), ("HighResolutionIconUrl", 64) })
        {
            var url = (string)doc.Root!.Element(App + element)!.Attribute("DefaultValue")!;
            var path = Path.Combine(RepoPaths.AddIn, "wwwroot", new Uri(url).AbsolutePath.TrimStart('/'));
            Assert.Equal((size, size), PngSize(path));
        }
    }

    [Fact]
    public void Manifest_SsoResourceHostMatchesSourceLocationHost()
    {
        var doc = Load();
        var source = new Uri((string)doc.Root!.Element(App + "DefaultSettings")!.Element(App + "SourceLocation")!.Attribute("DefaultValue")!);
        var info = doc.Descendants(Ov + "WebApplicationInfo").Single();
        var resource = info.Element(Ov + "Resource")!.Value;
        Assert.Equal($"api://{source.Authority}/{info.Element(Ov + "Id")!.Value}", resource);
        Assert.Contains("profile", info.Descendants(Ov + "Scope").Select(s => s.Value));
    }

    [Fact]
    public void Manifest_TaskPaneAndCommandPagesExistInWwwroot()
    {
        foreach (var url in Urls(Load()).Where(u => u.EndsWith(".html", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.AddIn, "wwwroot", new Uri(url).AbsolutePath.TrimStart('/'))), url);
        }
    }

    [Fact]
    public void Rewrite_DeploymentBaseUrl_MovesEveryUrlAndStaysValid()
    {
        var clientId = "0f3e9d1c-2b4a-4c5d-8e6f-7a8b9c0d1e2f";
        var doc = ManifestWriter.Rewrite(Load(), "https://addin.example.gov.vn/", clientId, "1.0.1.0");

        Assert.Empty(Validate(doc));
        var urls = Urls(doc).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.StartsWith("https://addin.example.gov.vn/", u, StringComparison.Ordinal));
        Assert.Contains("https://login.microsoftonline.com", doc.Descendants(App + "AppDomain").Select(a => a.Value));
        var info = doc.Descendants(Ov + "WebApplicationInfo").Single();
        Assert.Equal(clientId, info.Element(Ov + "Id")!.Value);
        Assert.Equal($"api://addin.example.gov.vn/{clientId}", info.Element(Ov + "Resource")!.Value);
        Assert.Equal("1.0.1.0", doc.Root!.Element(App + "Version")!.Value);
    }

    [Fact]
    public void ManifestCommand_HttpBaseUrl_RefusesWithVietnameseMessage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ManifestCommand.Run(["--base-url", "http://addin.example.gov.vn", "--out", Path.Combine(Path.GetTempPath(), "never.xml")], output, error);
        Assert.Equal(2, code);
        Assert.Contains("Địa chỉ gốc", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestCommand_WritesRewrittenFile()
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.xml");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = ManifestCommand.Run(["--base-url", "https://addin.example.gov.vn:8443", "--in", RepoPaths.Manifest, "--out", outPath], output, error);
            Assert.True(code == 0, error.ToString());
            var doc = XDocument.Load(outPath);
            Assert.Equal("https://addin.example.gov.vn:8443/taskpane.html", (string)doc.Root!.Element(App + "DefaultSettings")!.Element(App + "SourceLocation")!.Attribute("DefaultValue")!);
            Assert.Empty(Validate(doc));
        }
        finally
        {
            File.Delete(outPath);
        }
    }

    private static IEnumerable<string> Urls(XDocument doc) =>
        doc.Descendants().Attributes("DefaultValue").Select(a => a.Value).Where(v => v.Contains("://", StringComparison.Ordinal))
            .Concat(doc.Descendants().Attributes("Value").Select(a => a.Value).Where(v => v.Contains("://", StringComparison.Ordinal)))
            .Concat(doc.Descendants(App + "AppDomain").Select(e => e.Value))
            .Where(u => !u.StartsWith("https://login.microsoftonline.com", StringComparison.Ordinal));

    private static (int Width, int Height) PngSize(string path)
    {
        var b = File.ReadAllBytes(path);
        Assert.True(b.Length > 24 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', $"{path} is not a PNG");
        return ((b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19], (b[20] << 24) | (b[21] << 16) | (b[22] << 8) | b[23]);
    }
}
