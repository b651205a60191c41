using System.Text;
using System.Xml;
using System.Xml.Schema;
using Dialogue.Office.AddIn.Tests.Support;

namespace Dialogue.Office.AddIn.Tests.Manifest;

/// <summary>
/// Validates an add-in manifest offline against Microsoft's XSDs vendored in Schemas/ (see Schemas/README.md).
/// The content-add-in namespace the main XSD imports was never published beside it; a permissive stand-in is served.
/// </summary>
internal static class ManifestSchema
{
    public static List<string> Validate(Stream manifest)
    {
        var set = new XmlSchemaSet { XmlResolver = new StubResolver() };
        set.Add("http://schemas.microsoft.com/office/appforoffice/1.1", Path.Combine(RepoPaths.Schemas, "OfficeAppManifestV1_1.xsd"));
        set.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings; // unknown elements surface as warnings
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(manifest, settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private sealed class StubResolver : XmlUrlResolver
    {
        private const string Stub = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
              targetNamespace="http://schemas.microsoft.com/office/contentappversionoverrides"><xs:element name="VersionOverrides">
              <xs:complexType><xs:sequence><xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence>
              <xs:anyAttribute processContents="lax"/></xs:complexType></xs:element></xs:schema>
            """;

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            absoluteUri.AbsolutePath.EndsWith("ContentAppVersionOverridesV1_0.xsd", StringComparison.Ordinal)
                ? new MemoryStream(Encoding.UTF8.GetBytes(Stub))
                : base.GetEntity(absoluteUri, role, ofObjectToReturn);
    }
}
