using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Seating;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Seating;

/// <summary>Name cards (biển tên) for the presidium and row A (issue 11): folded tent cards, two a page, protocol order.</summary>
public sealed class NameCardsTests : IDisposable
{
    private readonly TempDir _dir = new("protocol2-cards-");
    private readonly NameCardResult _result;
    private readonly SeatingPlan _seating;

    public NameCardsTests()
    {
        _seating = SeatingGenerator.Assign(TestPlans.Sample, new ProblemList())!;
        _result = NameCards.Generate(new NameCardRequest(TestPlans.Sample, _seating, _dir.Path));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Sample_OneCardPerPresidiumAndRowASeat_InProtocolOrder_BothFacesEachCard()
    {
        var presidium = _seating.Assignments.Count(a => a.Seat.Area == SeatArea.Presidium);
        var rowA = _seating.Assignments.Count(a => a.Seat.Area == SeatArea.Hall && a.Seat.RowIndex == 0);
        Assert.True(presidium >= 8 && rowA > 0, $"{presidium} presidium, {rowA} row A");
        Assert.Equal(presidium + rowA, _result.Cards.Count);
        Assert.Equal(Enumerable.Range(1, presidium), _result.Cards.Take(presidium).Select(c => c.Seat.Number));
        Assert.Equal("Bí thư Tỉnh ủy", _result.Cards[0].Delegate.Position);

        using var doc = WordprocessingDocument.Open(_result.Path!, false);
        var faces = doc.MainDocumentPart!.Document.Body!.Descendants<TableCell>()
            .Where(c => c.TableCellProperties?.TextDirection is not null).ToList();
        Assert.Equal(2 * _result.Cards.Count, faces.Count);
        for (var i = 0; i < _result.Cards.Count; i++)
        {
            var d = _result.Cards[i].Delegate;
            var (front, back) = (faces[2 * i], faces[(2 * i) + 1]);
            Assert.Equal(NameCards.Name(d), front.Elements<Paragraph>().First().InnerText);
            Assert.Equal(front.InnerText, back.InnerText);
            Assert.NotEqual(front.TableCellProperties!.TextDirection!.Val!.Value, back.TableCellProperties!.TextDirection!.Val!.Value);
        }

        Assert.All(doc.MainDocumentPart.Document.Body.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii?.Value));
        var section = doc.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single();
        Assert.Equal(PageOrientationValues.Landscape, section.GetFirstChild<PageSize>()!.Orient!.Value);
        var errors = DocxInspector.Validate(_result.Path!);
        Assert.True(errors.Count == 0, DocxInspector.Describe(errors));
    }

    [SkippableFact]
    public void Sample_LibreOffice_TwoCardsAPage()
    {
        ExternalTools.LibreOffice();
        var pdftotext = ExternalTools.Require("pdftotext", "poppler-utils");
        var pdf = ExternalTools.ConvertWithLibreOffice(_result.Path!, _dir.File("pdf"));
        var (_, text, _) = ExternalTools.Run(pdftotext, [pdf, "-"]);
        var pages = text.Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.Equal((_result.Cards.Count + 1) / 2, pages.Count);
        Assert.Contains(NameCards.Name(_result.Cards[0].Delegate), Automation.Vietnamese.VietnameseText.Clean(pages[0].Replace('\n', ' ')), StringComparison.Ordinal);
    }
}
