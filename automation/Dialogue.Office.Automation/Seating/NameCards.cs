using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;
using Dialogue.Office.Automation.WordLayout;

namespace Dialogue.Office.Automation.Seating;

/// <summary>What to make name cards for: the plan, its seating, and where to write.</summary>
internal sealed record NameCardRequest(ConferencePlan Plan, SeatingPlan Seating, string OutputFolder);

/// <summary>The file written (null when nobody sits at the presidium or in row A), the cards in print order, problems.</summary>
internal sealed record NameCardResult(string? Path, IReadOnlyList<SeatAssignment> Cards, IReadOnlyList<Problem> Problems);

/// <summary>
/// Name cards (biển tên đại biểu) for the presidium and row A, which secretariats otherwise make by hand: a Word
/// document, A4 landscape, two folded tent cards a page. Each card has two faces side by side, the fold between them;
/// the text of each face runs along the fold (one face turned a quarter right, the other a quarter left), so once the
/// card is folded and stood on the table, both faces read upright — one to the hall, one to the delegate. Times New
/// Roman, the name in capitals, the title under it; cards in protocol order: the presidium by seat number (Ghế 01
/// first), then row A in seating order. Dashed lines: cut between cards, fold between faces.
/// </summary>
internal static class NameCards
{
    public const string FileName = "bien-ten.docx";

    /// <summary>Page margin (10 mm): most printers cannot print closer to the edge.</summary>
    private const int Margin = 567;

    /// <summary>A4 landscape.</summary>
    private const int PageWidth = Nd30.PageHeight;

    private const int PageHeight = Nd30.PageWidth;

    /// <summary>A card row is a little shorter than the printable height, so each row takes one page and no more.</summary>
    private const int RowHeight = PageHeight - (2 * Margin) - 200;

    private static readonly int FaceWidth = (PageWidth - (2 * Margin)) / 4;

    /// <summary>The presidium by seat number, then row A in seating order (centre out, by rank).</summary>
    public static IReadOnlyList<SeatAssignment> Choose(SeatingPlan seating) =>
    [
        .. seating.Assignments.Where(a => a.Seat.Area == SeatArea.Presidium).OrderBy(a => a.Seat.Number),
        .. seating.Assignments.Where(a => a.Seat.Area == SeatArea.Hall && a.Seat.RowIndex == 0),
    ];

    public static NameCardResult Generate(NameCardRequest request)
    {
        var problems = new ProblemList();
        var cards = Choose(request.Seating);
        if (cards.Count == 0)
        {
            problems.Warning("NAME_CARDS_NONE", request.Plan.LocationOf("main_hall.layout"), "Nobody sits at the presidium or in row A.");
            return new NameCardResult(null, cards, problems.Items);
        }

        Directory.CreateDirectory(request.OutputFolder);
        var path = System.IO.Path.Combine(request.OutputFolder, FileName);
        AtomicFile.WriteAllBytes(path, Build(cards));
        return new NameCardResult(path, cards, problems.Items);
    }

    internal static byte[] Build(IReadOnlyList<SeatAssignment> cards)
    {
        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            var table = new Table(new TableProperties(
                new TableWidth { Width = (FaceWidth * 4).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Dashed, Size = 4, Color = "808080" },
                    new LeftBorder { Val = BorderValues.Dashed, Size = 4, Color = "808080" },
                    new BottomBorder { Val = BorderValues.Dashed, Size = 4, Color = "808080" },
                    new RightBorder { Val = BorderValues.Dashed, Size = 4, Color = "808080" },
                    new InsideHorizontalBorder { Val = BorderValues.Dashed, Size = 4, Color = "808080" },
                    new InsideVerticalBorder { Val = BorderValues.Dashed, Size = 4, Color = "808080" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "0000", FirstRow = false, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }));
            var grid = new TableGrid();
            for (var i = 0; i < 4; i++)
            {
                grid.Append(new GridColumn { Width = FaceWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            table.Append(grid);
            for (var i = 0; i < cards.Count; i += 2)
            {
                var row = new TableRow(new TableRowProperties(
                    new CantSplit(),
                    new TableRowHeight { Val = (uint)RowHeight, HeightType = HeightRuleValues.Exact }));
                foreach (var card in cards.Skip(i).Take(2))
                {
                    // The left face, turned a quarter right, faces the hall; the right one, turned left, faces the delegate.
                    row.Append(Face(card.Delegate, TextDirectionValues.TopToBottomRightToLeft), Face(card.Delegate, TextDirectionValues.BottomToTopLeftToRight));
                }

                if (cards.Count - i == 1)
                {
                    row.Append(EmptyFace(), EmptyFace());
                }

                table.Append(row);
            }

            body.Append(table);

            // The paragraph that must follow a table: 1 pt, so it never needs a page of its own.
            body.Append(new Paragraph(new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
                new ParagraphMarkRunProperties(new FontSize { Val = "2" }, new FontSizeComplexScript { Val = "2" }))));
            body.Append(new SectionProperties(
                new PageSize { Width = (uint)PageWidth, Height = (uint)PageHeight, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 0, Footer = 0, Gutter = 0 }));
            doc.MainDocumentPart!.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The name as printed: the person's name, or the body for a body invited without a name.</summary>
    public static string Name(ConferenceDelegate d) =>
        VietnameseText.Upper(d.Kind == AddresseeKind.Person && d.FullName.Length > 0 ? d.FullName : d.Organization);

    /// <summary>The line under the name: the title held (or nothing for a body).</summary>
    public static string Title(ConferenceDelegate d) => d.Kind == AddresseeKind.Person ? d.Position : "";

    private static TableCell Face(ConferenceDelegate d, TextDirectionValues direction)
    {
        var name = Name(d);
        var size = name.Length <= 18 ? 40 : name.Length <= 24 ? 34 : 28;
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = FaceWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableCellMargin(
                new TopMargin { Width = "284", Type = TableWidthUnitValues.Dxa },
                new LeftMargin { Width = "170", Type = TableWidthUnitValues.Dxa },
                new BottomMargin { Width = "284", Type = TableWidthUnitValues.Dxa },
                new RightMargin { Width = "170", Type = TableWidthUnitValues.Dxa }),
            new TextDirection { Val = direction },
            new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }));
        cell.Append(WordBuilder.Para(name, new TextStyle(size, Bold: true), JustificationValues.Center, after: 120));
        var title = Title(d);
        if (title.Length > 0)
        {
            cell.Append(WordBuilder.Para(title, new TextStyle(title.Length <= 60 ? 16 : 14), JustificationValues.Center));
        }

        return cell;
    }

    private static TableCell EmptyFace() => new(
        new TableCellProperties(
            new TableCellWidth { Width = FaceWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableCellBorders(
                new TopBorder { Val = BorderValues.Nil },
                new BottomBorder { Val = BorderValues.Nil },
                new RightBorder { Val = BorderValues.Nil })),
        new Paragraph());

    /// <summary>Vietnamese messages of the codes raised here.</summary>
    [ProblemCatalog]
    internal static class Messages
    {
        public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
        {
            ["NAME_CARDS_NONE"] = "Không có đại biểu nào ngồi đoàn chủ tịch hoặc hàng A nên không lập biển tên.",
        };
    }
}
