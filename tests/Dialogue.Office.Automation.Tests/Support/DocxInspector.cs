using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Tests.Support;

/// <summary>Reads generated Word files the way a reader sees them: paragraph texts, content controls, validation errors.</summary>
public static class DocxInspector
{
    /// <summary>Each paragraph's visible text (tables included, in document order), for golden comparisons.</summary>
    public static IReadOnlyList<string> Paragraphs(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
            .Select(p => string.Concat(p.Descendants().Select(e => e switch
            {
                Text t => t.Text,
                Break => "\n",
                TabChar => "\t",
                _ => "",
            })))
            .ToList();
    }

    public static string AllText(string path) => string.Join("\n", Paragraphs(path));

    /// <summary>Tag → the text inside each tagged content control (several with the same tag are joined by " | ").</summary>
    public static IReadOnlyDictionary<string, string> ContentControls(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<SdtElement>()
            .Where(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value is not null)
            .GroupBy(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!)
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(s => string.Join("\n", s.Descendants<Paragraph>().Any()
                ? s.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))
                : [string.Concat(s.Descendants<Text>().Select(t => t.Text))]))));
    }

    /// <summary>OpenXmlValidator's errors, described while the package is open.</summary>
    public static IReadOnlyList<string> Validate(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return Describe(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(doc));
    }

    public static IReadOnlyList<string> ValidateSpreadsheet(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        return Describe(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(doc));
    }

    private static List<string> Describe(IEnumerable<ValidationErrorInfo> errors) =>
        errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

    public static string Describe(IEnumerable<string> errors) => string.Join("\n", errors.Take(10));

    /// <summary>Bytes of every image part of the main document, keyed by relationship id.</summary>
    public static IReadOnlyDictionary<string, byte[]> Images(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        var main = doc.MainDocumentPart!;
        return main.ImageParts.ToDictionary(p => main.GetIdOfPart(p), p =>
        {
            using var s = p.GetStream();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        });
    }

    /// <summary>
    /// Structural comparison (ClosedXML's PackageHelper idea): parts paired by name, XML parts compared as trees with
    /// volatile metadata dropped; returns the names of the parts that differ.
    /// </summary>
    public static IReadOnlyList<string> StructuralDifferences(byte[] left, byte[] right)
    {
        static Dictionary<string, byte[]> Parts(byte[] bytes)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.Entries.ToDictionary(e => e.FullName, e =>
            {
                using var s = e.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                return ms.ToArray();
            });
        }

        var a = Parts(left);
        var b = Parts(right);
        var diffs = a.Keys.Union(b.Keys).Where(k => !a.ContainsKey(k) || !b.ContainsKey(k)).ToList();
        foreach (var name in a.Keys.Intersect(b.Keys).Where(k => !k.StartsWith("docProps/", StringComparison.Ordinal)))
        {
            if (name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rels", StringComparison.Ordinal))
            {
                var x = Normalize(XDocument.Parse(System.Text.Encoding.UTF8.GetString(a[name]).TrimStart('\uFEFF')));
                var y = Normalize(XDocument.Parse(System.Text.Encoding.UTF8.GetString(b[name]).TrimStart('\uFEFF')));
                if (!XNode.DeepEquals(x, y))
                {
                    diffs.Add(name);
                }
            }
            else if (!a[name].AsSpan().SequenceEqual(b[name]))
            {
                diffs.Add(name);
            }
        }

        return diffs;
    }

    private static XDocument Normalize(XDocument doc)
    {
        foreach (var e in doc.Descendants())
        {
            var attrs = e.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString()).ToList();
            e.ReplaceAttributes(attrs);
            if (e.IsEmpty is false && !e.Nodes().Any())
            {
                e.RemoveNodes();
            }
        }

        // Relationship order and generated ids are not meaningful.
        if (doc.Root?.Name.LocalName == "Relationships")
        {
            var rels = doc.Root.Elements().OrderBy(r => (string?)r.Attribute("Target")).ToList();
            foreach (var r in rels)
            {
                r.Attribute("Id")?.Remove();
            }

            doc.Root.ReplaceNodes(rels);
        }

        return doc;
    }
}
