using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Vml = DocumentFormat.OpenXml.Vml;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Dialogue.Office.Automation.Tests.Compliance;

/// <summary>Layouts met in real Word documents (not only this project's generators) that must pass or be read right.</summary>
public sealed class Nd30LayoutVariantsTests
{
    private static Nd30Report Edit(Nd30Sample sample, Action<MainDocumentPart> edit)
    {
        using var dir = new TempDir();
        var path = sample.Save(dir.File("van-ban.docx"));
        using (var document = WordprocessingDocument.Open(path, true))
        {
            edit(document.MainDocumentPart!);
            document.MainDocumentPart!.Document.Save();
        }

        return Nd30Checker.Check(path);
    }

    private static Table HeaderTable(MainDocumentPart main) => main.Document.Body!.Elements<Table>().First();

    private static TableCell Cell(MainDocumentPart main, int column) => HeaderTable(main).Elements<TableRow>().First().Elements<TableCell>().ElementAt(column);

    private static Paragraph FindParagraph(OpenXmlElement root, string startsWith) =>
        root.Descendants<Paragraph>().First(p => p.InnerText.StartsWith(startsWith, StringComparison.Ordinal));

    [Fact]
    public void Check_ParentAndIssuerInOneParagraphWithALineBreak_AreToldApartByBold()
    {
        // "UBND TỈNH YÊN BÁI" (upright) <br/> "SỞ NỘI VỤ" (bold) in one paragraph.
        var report = Edit(new Nd30Sample { Parent = null, IssuerRule = RuleKind.BorderParagraph }, main =>
        {
            var issuer = FindParagraph(Cell(main, 0), "SỞ NỘI VỤ");
            issuer.InsertAfter(new Run(new RunProperties(new FontSize { Val = "26" }), new WText("UBND TỈNH YÊN BÁI"), new Break()), issuer.ParagraphProperties);
        });

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    [Fact]
    public void Check_ParentInBoldThroughALineBreak_IsFlagged()
    {
        var report = Edit(new Nd30Sample { Parent = null }, main =>
        {
            var issuer = FindParagraph(Cell(main, 0), "SỞ NỘI VỤ");
            issuer.InsertAfter(new Run(new RunProperties(new Bold(), new FontSize { Val = "26" }), new WText("UBND TỈNH YÊN BÁI"), new Break()), issuer.ParagraphProperties);
        });

        Assert.Equal("ND30_PARENT_BOLD", Assert.Single(report.Findings).Code);
    }

    [Fact]
    public void Check_HeaderSplitOverTwoRows_IsReadColumnByColumn()
    {
        // Row 1: issuer | Quốc hiệu + Tiêu ngữ; row 2: "Số:" | date — a common hand-made layout.
        var report = Edit(new Nd30Sample(), main =>
        {
            var table = HeaderTable(main);
            var number = FindParagraph(Cell(main, 0), "Số:");
            var date = FindParagraph(Cell(main, 1), "Yên Bái,");
            number.Remove();
            date.Remove();
            var width = new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = "3600" };
            table.Append(new TableRow(
                new TableCell(new TableCellProperties((TableCellWidth)width.CloneNode(true)), number),
                new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = "5800" }), date)));
        });

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    [Fact]
    public void Check_RuleShapeAnchoredBelowTheHeaderTable_CountsAsTheRule()
    {
        var report = Edit(new Nd30Sample { MottoRule = RuleKind.None, IssuerRule = RuleKind.None }, main =>
        {
            HeaderTable(main).InsertAfterSelf(new Paragraph(new Run(new Picture(new Vml.Line { From = "300pt,-40pt", To = "460pt,-40pt" }))));
        });

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    [Fact]
    public void Check_MottoWithoutRule_AndADrawingFarBelow_IsStillFlagged()
    {
        var report = Edit(new Nd30Sample { MottoRule = RuleKind.None }, main =>
        {
            main.Document.Body!.Elements<Table>().Last().InsertBeforeSelf(new Paragraph(new Run(new Picture(new Vml.Line { From = "0,0", To = "100pt,0" }))));
        });

        Assert.Equal("ND30_MOTTO_RULE", Assert.Single(report.Findings).Code);
    }

    [Fact]
    public void Check_ComplexPageFieldCentredByStyle_WithTitlePage_IsAccepted()
    {
        var report = Edit(new Nd30Sample { BodyParagraphs = 60 }, main =>
        {
            var styles = main.StyleDefinitionsPart!.Styles!;
            styles.Append(new Style(new StyleName { Val = "header" }, new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }))
            { Type = StyleValues.Paragraph, StyleId = "Header" });
            styles.Save();
            var part = main.AddNewPart<HeaderPart>();
            var size = new RunProperties(new FontSize { Val = "28" });
            part.Header = new Header(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Header" }),
                new Run((RunProperties)size.CloneNode(true), new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run((RunProperties)size.CloneNode(true), new FieldCode(" PAGE   \\* MERGEFORMAT ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run((RunProperties)size.CloneNode(true), new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run((RunProperties)size.CloneNode(true), new WText("2")),
                new Run((RunProperties)size.CloneNode(true), new FieldChar { FieldCharType = FieldCharValues.End })));
            part.Header.Save();
            var section = main.Document.Body!.Elements<SectionProperties>().Single();
            section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            section.Append(new TitlePage());
        });

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    [Fact]
    public void Check_CongVanWithVv_NeedsNoTypeAbbreviation()
    {
        var report = Edit(new Nd30Sample { Number = "Số: 12/SNV-VP" }, main =>
        {
            var number = FindParagraph(Cell(main, 0), "Số:");
            number.InsertAfterSelf(new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { Before = "120" }, new Justification { Val = JustificationValues.Center }),
                new Run(new RunProperties(new FontSize { Val = "24" }), new WText("V/v tổ chức hội nghị đối thoại năm 2023"))));
            // A công văn has no tên loại: drop "GIẤY MỜI" and its summary.
            foreach (var p in main.Document.Body!.Elements<Paragraph>().Take(3).ToList())
            {
                p.Remove();
            }
        });

        Assert.DoesNotContain(report.Findings, f => f.Code.StartsWith("ND30_NUMBER", StringComparison.Ordinal));
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Check_DocumentWithoutAdministrativeHeader_ChecksOnlyGeneralRules()
    {
        // An MC script: no Quốc hiệu, no number; only page, fonts and what is recognisable are checked.
        using var dir = new TempDir();
        var path = dir.File("kich-ban.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Nd30Sample.Text("KỊCH BẢN HỘI NGHỊ ĐỐI THOẠI", 28, bold: true)),
                new Paragraph(Nd30Sample.Text("Đã đến giờ làm việc, xin kính mời các đồng chí ổn định chỗ ngồi.", 28)),
                new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 720, Footer = 720, Gutter = 0 })));
            main.Document.Save();
        }

        var report = Nd30Checker.Check(path);

        Assert.True(report.Findings.Count == 0, report.ToString());
    }
}

public sealed class Nd30BatchTests
{
    [Fact]
    public void Check_PrintBatchOfOnePageInvitations_IsNotAskedForPageNumbers()
    {
        using var dir = new TempDir();
        var path = new Nd30Sample { BodyParagraphs = 30 }.Save(dir.File("in-gop.docx"));
        using (var document = WordprocessingDocument.Open(path, true))
        {
            // Append a second copy of the whole invitation after a page break, as a merged print file does.
            var body = document.MainDocumentPart!.Document.Body!;
            var copy = body.ChildElements.Where(e => e is not SectionProperties).Select(e => e.CloneNode(true)).ToList();
            body.InsertBefore(new Paragraph(new Run(new Break { Type = BreakValues.Page })), body.GetFirstChild<SectionProperties>());
            foreach (var element in copy)
            {
                body.InsertBefore(element, body.GetFirstChild<SectionProperties>());
            }

            document.MainDocumentPart.Document.Save();
        }

        var report = Nd30Checker.Check(path);

        Assert.True(report.Findings.Count == 0, report.ToString());
        // Numbering pages across merged documents would print "2" on the second invitation: the fixer leaves it.
        var fixedResult = Nd30Fixer.Fix(path, dir.File("in-gop.nd30.docx"));
        Assert.DoesNotContain(fixedResult.Changes, c => c.Code == "ND30_FIX_PAGE_NUMBER");
    }
}

public sealed class Nd30PartyDocumentTests
{
    [Fact]
    public void Check_PartyDocument_GetsOnlyTheGeneralRules()
    {
        // Tỉnh ủy documents follow the Party's rules ("Số 164-KH/TU"), not ND30's header rules.
        using var dir = new TempDir();
        var path = new Nd30Sample
        {
            NationalTitle = "ĐẢNG CỘNG SẢN VIỆT NAM",
            Motto = "",
            Parent = "ĐẢNG BỘ TỈNH YÊN BÁI",
            Issuer = "TỈNH ỦY",
            Number = "Số 164-KH/TU",
            Title = "KẾ HOẠCH",
        }.Save(dir.File("ke-hoach-tu.docx"));

        Assert.Empty(Nd30Checker.Check(path).Findings);
        var margins = Nd30Checker.Check(new Nd30Sample { NationalTitle = "ĐẢNG CỘNG SẢN VIỆT NAM", Motto = "", Number = "Số 164-KH/TU", MarginLeft = 1134 }.Save(dir.File("le.docx")));
        Assert.Equal("ND30_MARGIN_LEFT", Assert.Single(margins.Findings).Code);
    }
}
