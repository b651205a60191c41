using System.Xml.Linq;

namespace Dialogue.Office.AddIn.Manifest;

/// <summary>
/// Rewrites manifest.xml for a deployment: every URL on the development host moves to the deployment's base URL, and
/// the SSO block gets the organisation's Entra app (client id, <c>api://host/id</c> resource).
/// </summary>
public static class ManifestWriter
{
    public const string DevelopmentBaseUrl = "https://localhost:5443";
    private static readonly XNamespace Overrides = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

    /// <summary>Problems with the arguments (Vietnamese, for the console), empty when they are usable.</summary>
    public static IReadOnlyList<string> Check(string baseUrl, string? clientId, string? version)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            errors.Add($"Địa chỉ gốc \"{baseUrl}\" không hợp lệ: cần dạng https://ten-may-chu[:cổng][/đường-dẫn].");
        }

        if (clientId is not null && !Guid.TryParse(clientId, out _))
        {
            errors.Add($"Mã ứng dụng (client id) \"{clientId}\" không phải GUID.");
        }

        if (version is not null && !System.Text.RegularExpressions.Regex.IsMatch(version, @"^\d{1,5}(\.\d{1,5}){0,3}$"))
        {
            errors.Add($"Phiên bản \"{version}\" không hợp lệ: cần dạng 1.0.0.1.");
        }

        return errors;
    }

    public static XDocument Rewrite(XDocument manifest, string baseUrl, string? clientId = null, string? version = null)
    {
        var target = baseUrl.TrimEnd('/');
        var doc = new XDocument(manifest);
        foreach (var attribute in doc.Descendants().Attributes())
        {
            attribute.Value = Replace(attribute.Value, target);
        }

        foreach (var text in doc.DescendantNodes().OfType<XText>())
        {
            text.Value = Replace(text.Value, target);
        }

        var info = doc.Descendants(Overrides + "WebApplicationInfo").FirstOrDefault();
        if (info is not null)
        {
            var id = clientId ?? info.Element(Overrides + "Id")?.Value ?? "";
            info.Element(Overrides + "Id")?.SetValue(id);
            info.Element(Overrides + "Resource")?.SetValue($"api://{new Uri(target).Authority}/{id}");
        }

        if (version is not null)
        {
            doc.Root?.Element(doc.Root.GetDefaultNamespace() + "Version")?.SetValue(version);
        }

        return doc;
    }

    private static string Replace(string value, string target) =>
        value.StartsWith(DevelopmentBaseUrl, StringComparison.Ordinal) ? target + value[DevelopmentBaseUrl.Length..] : value;
}
