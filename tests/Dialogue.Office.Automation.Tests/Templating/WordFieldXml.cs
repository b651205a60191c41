using System.Security;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Tests.Templating;

/// <summary>
/// Hand-made copies of the structures Word writes in a mail-merge document: complex fields whose
/// <c>w:fldChar</c> begin/separate/end and <c>w:instrText</c> are split over runs (with spell-check marks and insertions
/// between them), nested fields, <c>w:fldSimple</c>, text boxes written twice (DrawingML and the VML fallback), headers.
/// </summary>
internal static class WordFieldXml
{
    private const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" " +
        "xmlns:o=\"urn:schemas-microsoft-com:office:office\" " +
        "mc:Ignorable=\"wps\"";

    public const string BoldProps = "<w:b/><w:bCs/>";

    private static string Esc(string text) => SecurityElement.Escape(text);

    private static string Rp(string rPr) => rPr.Length > 0 ? $"<w:rPr>{rPr}</w:rPr>" : "";

    public static string R(string text, string rPr = "") => $"<w:r>{Rp(rPr)}<w:t xml:space=\"preserve\">{Esc(text)}</w:t></w:r>";

    public static string P(params string[] content) => $"<w:p>{string.Concat(content)}</w:p>";

    /// <summary>A spell-check mark, as Word leaves between the runs of a misspelt name.</summary>
    public const string ProofErr = "<w:proofErr w:type=\"spellStart\"/>";

    /// <summary>
    /// A complex field. Each part is an instrText run, or raw XML when it starts with "&lt;" (a nested field, a
    /// spell-check mark, an insertion).
    /// </summary>
    public static string Field(string result, string rPr, params string[] parts)
    {
        var rp = Rp(rPr);
        var instruction = string.Concat(parts.Select(p => p.StartsWith('<') ? p : $"<w:r>{rp}<w:instrText xml:space=\"preserve\">{Esc(p)}</w:instrText></w:r>"));
        return $"<w:r>{rp}<w:fldChar w:fldCharType=\"begin\"/></w:r>{instruction}<w:r>{rp}<w:fldChar w:fldCharType=\"separate\"/></w:r>" +
            $"{R(result, rPr)}<w:r>{rp}<w:fldChar w:fldCharType=\"end\"/></w:r>";
    }

    /// <summary>A MERGEFIELD as Word 2010 inserts it: " MERGEFIELD Name " then the «Name» result.</summary>
    public static string Merge(string name, string rPr = "", string switches = "") =>
        Field($"«{name}»", rPr, $" MERGEFIELD {name} {switches}");

    public static string Simple(string instruction, string result, string rPr = "") =>
        $"<w:fldSimple w:instr=\"{Esc(instruction)}\">{R(result, rPr)}</w:fldSimple>";

    /// <summary>An insertion (track changes) wrapping runs.</summary>
    public static string Inserted(string runs) => $"<w:ins w:id=\"90\" w:author=\"Văn thư\" w:date=\"2023-04-10T08:00:00Z\">{runs}</w:ins>";

    /// <summary>A text box as Word 2010+ writes it: the DrawingML shape and the VML fallback, each with the paragraphs.</summary>
    public static string TextBox(string paragraphs) =>
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" " +
        "relativeHeight=\"251659264\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>" +
        "<wp:positionH relativeFrom=\"column\"><wp:posOffset>3240000</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>" +
        "<wp:extent cx=\"2520000\" cy=\"540000\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapSquare wrapText=\"bothSides\"/><wp:docPr id=\"101\" name=\"Text Box 1\"/>" +
        "<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:cNvSpPr txBox=\"1\"/>" +
        "<wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"2520000\" cy=\"540000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></wps:spPr>" +
        $"<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr rot=\"0\" vert=\"horz\" wrap=\"square\" lIns=\"91440\" tIns=\"45720\" rIns=\"91440\" bIns=\"45720\" anchor=\"t\" anchorCtr=\"0\"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" +
        "<mc:Fallback><w:pict><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>" +
        "<v:shape id=\"Text Box 1\" o:spid=\"_x0000_s1026\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:255.1pt;margin-top:0;width:198.4pt;height:42.5pt;z-index:251659264\">" +
        $"<v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";

    /// <summary>A .docx with the body paragraphs (A4, ND30 margins), and a header and a footer when given.</summary>
    public static byte[] Docx(string bodyXml, string? headerXml = null, string? footerXml = null)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var references = "";
            if (headerXml is not null)
            {
                var header = main.AddNewPart<HeaderPart>("rIdHeader1");
                header.Header = new Header($"<w:hdr {Namespaces}>{headerXml}</w:hdr>");
                references += "<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>";
            }

            if (footerXml is not null)
            {
                var footer = main.AddNewPart<FooterPart>("rIdFooter1");
                footer.Footer = new Footer($"<w:ftr {Namespaces}>{footerXml}</w:ftr>");
                references += "<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>";
            }

            // Word keeps the connection to the office's Excel list in the settings of a mail-merge main document.
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/mailMergeSource",
                new Uri("file:///C:/Users/VanThu/Documents/dai-bieu.xlsx"), "rIdMm1");
            settings.Settings = new Settings($"<w:settings {Namespaces}><w:mailMerge><w:mainDocumentType w:val=\"formLetters\"/><w:linkToQuery/>" +
                "<w:dataType w:val=\"native\"/><w:connectString w:val=\"Provider=Microsoft.ACE.OLEDB.12.0;Data Source=C:\\Users\\VanThu\\Documents\\dai-bieu.xlsx\"/>" +
                "<w:query w:val=\"SELECT * FROM `'Đại biểu$'`\"/><w:dataSource r:id=\"rIdMm1\"/></w:mailMerge></w:settings>");
            main.Document = new Document(
                $"<w:document {Namespaces}><w:body>{bodyXml}<w:sectPr>{references}<w:pgSz w:w=\"11907\" w:h=\"16840\"/>" +
                "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
            main.Document.Save();
        }

        return ms.ToArray();
    }
}
