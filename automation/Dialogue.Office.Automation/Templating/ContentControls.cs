using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.WordLayout;

namespace Dialogue.Office.Automation.Templating;

/// <summary>Creates tagged content controls (the template vocabulary) for templates built in code.</summary>
internal static class ContentControls
{
    /// <summary>An inline text control showing <paramref name="sample"/> until filled.</summary>
    public static SdtRun Inline(string tag, string sample, TextStyle style)
    {
        var field = TemplateFields.Find(tag) ?? throw new ArgumentException($"Unknown tag {tag}", nameof(tag));
        return new SdtRun(
            new SdtProperties(new SdtAlias { Val = field.Meaning.Length > 60 ? field.Tag : field.Meaning }, new Tag { Val = field.Tag }),
            new SdtContentRun(WordBuilder.TextRun(sample, style)));
    }

    /// <summary>A block control holding the sample paragraphs.</summary>
    public static SdtBlock Block(string tag, IEnumerable<Paragraph> sample)
    {
        var field = TemplateFields.Find(tag) ?? throw new ArgumentException($"Unknown tag {tag}", nameof(tag));
        var content = new SdtContentBlock();
        content.Append(sample);
        return new SdtBlock(new SdtProperties(new SdtAlias { Val = field.Tag }, new Tag { Val = field.Tag }), content);
    }

    /// <summary>A row control wrapping one sample table row (the place of generated rows, <see cref="FieldKind.Rows"/>).</summary>
    public static SdtRow Row(string tag, TableRow sample)
    {
        var field = TemplateFields.Find(tag) ?? throw new ArgumentException($"Unknown tag {tag}", nameof(tag));
        return new SdtRow(new SdtProperties(new SdtAlias { Val = field.Tag }, new Tag { Val = field.Tag }), new SdtContentRow(sample));
    }

    /// <summary>The picture control for the QR code (its drawing is put in when the template is compiled).</summary>
    public static SdtRun Picture(string tag, long sizeEmu)
    {
        _ = TemplateFields.Find(tag) ?? throw new ArgumentException($"Unknown tag {tag}", nameof(tag));
        // A real DrawingML extent tells the compiler the size the author wants.
        var extent = new DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent { Cx = sizeEmu, Cy = sizeEmu };
        return new SdtRun(
            new SdtProperties(new SdtAlias { Val = "Mã QR" }, new Tag { Val = tag }, new SdtContentPicture()),
            new SdtContentRun(new Run(new Drawing(new DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline(
                extent,
                new DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties { Id = 9000U, Name = "MaQR" },
                new DocumentFormat.OpenXml.Drawing.Graphic(new DocumentFormat.OpenXml.Drawing.GraphicData { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))))));
    }

    /// <summary>Field factory for <see cref="WordBuilder.Header"/>/<see cref="WordBuilder.Closing"/>: wraps each variable part in a control.</summary>
    public static OpenXmlElement Field(string tag, string sample, TextStyle style) => Inline(tag, sample, style);
}
