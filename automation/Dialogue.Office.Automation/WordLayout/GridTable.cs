using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.WordLayout;

/// <summary>
/// A bordered table (the programme's and the script's "Thời gian | Nội dung | …" tables): fixed column widths, a bold
/// header row repeated on every page, rows that may break across pages, cells with small margins.
/// </summary>
internal static class GridTable
{
    public static Table Create(params int[] widths)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa }),
            new TableLook { Val = "0000", FirstRow = false, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }));
        var grid = new TableGrid();
        foreach (var w in widths)
        {
            grid.Append(new GridColumn { Width = w.ToString() });
        }

        table.Append(grid);
        return table;
    }

    /// <summary>The header row: bold centred labels, repeated at the top of each page.</summary>
    public static TableRow HeaderRow(IReadOnlyList<int> widths, IReadOnlyList<string> labels, int size = 13)
    {
        var row = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < widths.Count; i++)
        {
            row.Append(Cell(widths[i], [WordBuilder.Para(labels[i], new TextStyle(size, Bold: true), JustificationValues.Center, before: 40, after: 40)],
                verticalCenter: true));
        }

        return row;
    }

    /// <summary>A cell; <paramref name="merge"/> restarts (true) or continues (false) a vertical merge, null = none.</summary>
    public static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, bool? merge = null, bool verticalCenter = false)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (merge is { } restart)
        {
            props.Append(new VerticalMerge { Val = restart ? MergedCellValues.Restart : MergedCellValues.Continue });
        }

        if (verticalCenter)
        {
            props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        }

        var cell = new TableCell(props);
        var any = false;
        foreach (var element in content)
        {
            cell.Append(element);
            any = true;
        }

        if (!any)
        {
            cell.Append(new Paragraph());
        }

        return cell;
    }

    /// <summary>A cell paragraph: single spacing, a little room after, no first-line indent.</summary>
    public static Paragraph Para(string text, TextStyle style, JustificationValues? align = null, int after = 40) =>
        new(WordBuilder.ParaProps(align ?? JustificationValues.Left, 0, after), WordBuilder.TextRun(text, style));

    /// <summary>A cell paragraph made of several runs.</summary>
    public static Paragraph Para(JustificationValues align, int after, params OpenXmlElement[] runs)
    {
        var p = new Paragraph(WordBuilder.ParaProps(align, 0, after));
        p.Append(runs);
        return p;
    }
}
