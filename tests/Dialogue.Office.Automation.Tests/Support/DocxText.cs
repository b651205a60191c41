using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Tests.Support;

/// <summary>Reads generated .docx files back with the Open XML SDK.</summary>
internal static class DocxText
{
    /// <summary>Every paragraph's text, in document order (table cells included).</summary>
    public static List<string> Paragraphs(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    /// <summary>The rows of the n-th table that has more than one column with borders (the grid tables), as cell texts.</summary>
    public static List<List<string>> GridRows(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        var table = doc.MainDocumentPart!.Document.Body!.Descendants<Table>()
            .First(t => t.GetFirstChild<TableProperties>()?.TableStyle?.Val?.Value == "TableGrid");
        return table.Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToList())
            .ToList();
    }

    public static List<string> ValidationErrors(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return new OpenXmlValidator(FileFormatVersions.Office2013).Validate(doc)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }
}
