using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Vietnamese;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Dialogue.Office.Automation.Templating;

/// <summary>
/// Where the QR code goes in a template that has no QR field (an office's own mail-merge template). In order:
/// <list type="number">
/// <item>a picture whose name or alternative text is "MaQR" (the office's placeholder image): replaced, its size kept;</item>
/// <item>a bookmark named "MaQR": the code is put at the bookmark;</item>
/// <item>otherwise a new paragraph with the code (2.5 cm) and the line "Tài liệu Hội nghị: quét mã QR để mở." is put
/// after the last paragraph before the signature block — the first table or paragraph that holds "Nơi nhận", else the
/// last table of the body, else the end of the body — and a warning says where.</item>
/// </list>
/// </summary>
internal static class QrPlacement
{
    private const long DefaultSize = 900000L; // 2.5 cm

    public static void Place(Body body, string templateName, ProblemList problems)
    {
        var placeholder = body.Descendants<DW.DocProperties>()
            .FirstOrDefault(d => IsQrName(d.Name?.Value) || IsQrName(d.Description?.Value) || IsQrName(d.Title?.Value));
        if (placeholder?.Ancestors<Run>().FirstOrDefault() is { } pictureRun)
        {
            var size = placeholder.Parent?.GetFirstChild<DW.Extent>()?.Cx?.Value ?? DefaultSize;
            pictureRun.InsertBeforeSelf(ContentControls.Picture("MaQR", size));
            pictureRun.Remove();
            return;
        }

        var bookmark = body.Descendants<BookmarkStart>().FirstOrDefault(b => IsQrName(b.Name?.Value));
        if (bookmark is not null && bookmark.Parent is Paragraph)
        {
            bookmark.InsertAfterSelf(ContentControls.Picture("MaQR", DefaultSize));
            return;
        }

        var blocks = body.ChildElements.Where(e => e is Paragraph or Table).ToList();
        var signature = blocks.FirstOrDefault(e => VietnameseText.Fold(e.InnerText).Contains("noi nhan", StringComparison.Ordinal))
            ?? blocks.LastOrDefault(e => e is Table);
        var paragraph = new Paragraph(
            new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "120" }),
            ContentControls.Picture("MaQR", DefaultSize),
            new Run(new RunProperties(new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" }),
                new WText(" Tài liệu Hội nghị: quét mã QR để mở.") { Space = SpaceProcessingModeValues.Preserve }));
        string where;
        if (signature is not null)
        {
            var previous = signature.ElementsBefore().LastOrDefault(e => e is Paragraph p && p.InnerText.Trim().Length > 0 && !p.Descendants<TextBoxContent>().Any());
            signature.InsertBeforeSelf(paragraph);
            where = previous is null
                ? "ngay trước khối chữ ký"
                : $"sau đoạn \"{Excerpt(previous.InnerText)}\", ngay trước khối chữ ký";
        }
        else
        {
            var last = blocks.LastOrDefault(e => e is Paragraph p && p.InnerText.Trim().Length > 0 && !p.Descendants<TextBoxContent>().Any());
            if (body.GetFirstChild<SectionProperties>() is { } sectPr && ReferenceEquals(body.LastChild, sectPr))
            {
                sectPr.InsertBeforeSelf(paragraph);
            }
            else
            {
                body.AppendChild(paragraph);
            }

            where = last is null ? "ở cuối văn bản" : $"ở cuối văn bản, sau đoạn \"{Excerpt(last.InnerText)}\"";
        }

        problems.Warning("TEMPLATE_QR_PLACED", Locations.Join(templateName, MergeFieldConverter.BodyLabel), $"QR code placed by rule: {where}.", where);
    }

    private static bool IsQrName(string? name) => name is not null && MergeNames.Key(name) is "maqr" or "qr" or "maqrcode" or "qrcode";

    private static string Excerpt(string text)
    {
        // Merge fields are markers by now: shown as «…».
        text = VietnameseText.Clean(Regex.Replace(text, "\uE004\\d+\uE005", "«…»"));
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
