using System.Text;
using Dialogue.Office.Automation.Vietnamese;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>One run's text inside its paragraph: [Start, Start + Text.Length) of <see cref="ParagraphInfo.Text"/>.</summary>
internal sealed record RunInfo(Run Run, string Text, int Start, RunFormat Format)
{
    public int End => Start + Text.Length;

    public bool HasVisibleText => Text.Any(c => !char.IsWhiteSpace(c));
}

/// <summary>Where a paragraph sits: outside tables, or in a cell of the N-th top-level table.</summary>
internal sealed record CellRef(int Table, int Row, int Column);

/// <summary>A paragraph with its text (tabs as \t, breaks as \n), runs and resolved formatting.</summary>
internal sealed class ParagraphInfo
{
    public required Paragraph Element { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<RunInfo> Runs { get; init; }

    public required ParagraphFormat Format { get; init; }

    /// <summary>1-based position among all paragraphs of the main body, in reading order.</summary>
    public required int Number { get; init; }

    public CellRef? Cell { get; init; }

    public bool HasDrawing { get; init; }

    public string Clean => VietnameseText.Clean(Text);

    public bool IsEmpty => Clean.Length == 0;

    public Span Whole => new(this, 0, Text.Length);

    /// <summary>The paragraph cut at tabs and line breaks into non-empty pieces (columns laid out with tabs, wrapped names).</summary>
    public IEnumerable<Span> Lines()
    {
        var start = 0;
        for (var i = 0; i <= Text.Length; i++)
        {
            if (i == Text.Length || Text[i] is '\t' or '\n')
            {
                var span = new Span(this, start, i);
                if (span.Clean.Length > 0)
                {
                    yield return span;
                }

                start = i + 1;
            }
        }
    }
}

/// <summary>Part of a paragraph's text that forms one element (a line, a tab-separated column, or all of it).</summary>
internal sealed record Span(ParagraphInfo Paragraph, int Start, int End)
{
    public string Raw => Paragraph.Text[Start..End];

    public string Clean => VietnameseText.Clean(Raw);

    /// <summary>Runs with visible text inside the span.</summary>
    public IEnumerable<RunInfo> Runs => Paragraph.Runs.Where(r => r.HasVisibleText && r.Start < End && r.End > Start);

    public bool AllBold => Runs.Any() && Runs.All(r => r.Format.Bold);

    public bool AnyBold => Runs.Any(r => r.Format.Bold);

    public bool AllItalic => Runs.Any() && Runs.All(r => r.Format.Italic);

    public bool AnyItalic => Runs.Any(r => r.Format.Italic);

    public bool AllUnderlined => Runs.Any() && Runs.All(r => r.Format.Underline);

    /// <summary>Upper case as shown: the text is upper case, or every run carries "all caps".</summary>
    public bool LooksUpper
    {
        get
        {
            var text = Clean;
            if (text == VietnameseText.Upper(text))
            {
                return true;
            }

            return Runs.Any() && Runs.All(r => r.Format.Caps || r.Text == VietnameseText.Upper(r.Text));
        }
    }

    /// <summary>The first run size (half-points) outside what <paramref name="allowed"/> allows, or null when every run fits.</summary>
    public int? SizeOutside(Nd30FontSize allowed)
    {
        foreach (var run in Runs)
        {
            var size = run.Format.EffectiveHalfPoints;
            if (allowed.IsOutside(size))
            {
                return size;
            }
        }

        return null;
    }
}

/// <summary>A top-level table: rows of cells, each cell a list of paragraphs (nested tables flattened into the cell).</summary>
internal sealed class TableInfo
{
    public required Table Element { get; init; }

    public required int Number { get; init; }

    public required IReadOnlyList<IReadOnlyList<IReadOnlyList<ParagraphInfo>>> Rows { get; init; }

    public required bool Borderless { get; init; }

    /// <summary>Paragraphs of column <paramref name="column"/> over all rows that have exactly two cells.</summary>
    public IReadOnlyList<ParagraphInfo> Column(int column) =>
        Rows.Where(r => r.Count == 2).SelectMany(r => r[column]).ToList();

    public bool HasTwoColumnRow => Rows.Any(r => r.Count == 2);

    public IEnumerable<ParagraphInfo> Paragraphs => Rows.SelectMany(r => r.SelectMany(c => c));
}

/// <summary>One block of the body in reading order: a paragraph outside tables, or a table.</summary>
internal sealed record Block(ParagraphInfo? Paragraph, TableInfo? Table);

/// <summary>The main document read once: blocks in order, every paragraph, section properties, header/footer parts.</summary>
internal sealed class DocxModel
{
    private DocxModel(WordprocessingDocument document, StyleResolver styles)
    {
        Document = document;
        Styles = styles;
    }

    public WordprocessingDocument Document { get; }

    public StyleResolver Styles { get; }

    public List<Block> Blocks { get; } = [];

    public List<ParagraphInfo> Paragraphs { get; } = [];

    public List<TableInfo> Tables { get; } = [];

    public IReadOnlyList<SectionProperties> Sections { get; private set; } = [];

    public static DocxModel Read(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart ?? throw new InvalidDataException("The package has no main document part.");
        var body = main.Document?.Body ?? throw new InvalidDataException("The document has no body.");
        var model = new DocxModel(document, new StyleResolver(main));
        foreach (var element in BlockElements(body))
        {
            if (element is Paragraph p)
            {
                var info = model.ReadParagraph(p, null);
                model.Blocks.Add(new Block(info, null));
            }
            else if (element is Table t)
            {
                var table = model.ReadTable(t);
                model.Blocks.Add(new Block(null, table));
            }
        }

        model.Sections = body.Descendants<SectionProperties>().ToList();
        return model;
    }

    /// <summary>Paragraphs and tables in reading order, looking through content controls (sdt) and custom XML.</summary>
    internal static IEnumerable<OpenXmlElement> BlockElements(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph or Table:
                    yield return child;
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    foreach (var inner in BlockElements(content))
                    {
                        yield return inner;
                    }

                    break;
                case CustomXmlBlock custom:
                    foreach (var inner in BlockElements(custom))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    private TableInfo ReadTable(Table table)
    {
        var number = Tables.Count + 1;
        var rows = new List<IReadOnlyList<IReadOnlyList<ParagraphInfo>>>();
        var rowIndex = 0;
        foreach (var row in table.Elements<TableRow>())
        {
            rowIndex++;
            var cells = new List<IReadOnlyList<ParagraphInfo>>();
            var column = 0;
            foreach (var cell in row.Descendants<TableCell>().Where(c => c.Ancestors<Table>().First() == table))
            {
                column++;
                var cellRef = new CellRef(number, rowIndex, column);
                cells.Add(cell.Descendants<Paragraph>()
                    .Where(p => !p.Ancestors<TextBoxContent>().Any())
                    .Select(p => ReadParagraph(p, cellRef))
                    .ToList());
            }

            rows.Add(cells);
        }

        var info = new TableInfo { Element = table, Number = number, Rows = rows, Borderless = IsBorderless(table) };
        Tables.Add(info);
        return info;
    }

    private bool IsBorderless(Table table)
    {
        var tblPr = table.GetFirstChild<TableProperties>();
        if (HasVisibleBorders(tblPr?.TableBorders))
        {
            return false;
        }

        // Borders may also come from the table style (TableGrid); direct tblBorders override them edge by edge.
        if (tblPr?.TableBorders is null && tblPr?.TableStyle?.Val?.Value is { } styleId)
        {
            foreach (var style in Styles.Chain(styleId))
            {
                if (HasVisibleBorders(style.StyleTableProperties?.TableBorders))
                {
                    return false;
                }
            }
        }

        // Cell borders drawn on every cell would make it a visible grid.
        var cells = table.Descendants<TableCell>().ToList();
        return cells.Count == 0 || !cells.All(c => HasVisibleBorders(c.TableCellProperties?.TableCellBorders));
    }

    private static bool HasVisibleBorders(OpenXmlElement? borders) =>
        borders is not null && borders.ChildElements.OfType<BorderType>().Any(StyleResolver.ParaProps.Visible);

    /// <summary>A paragraph outside the main body (header, footer): same reading, not numbered.</summary>
    internal ParagraphInfo ReadDetached(Paragraph paragraph) => ReadParagraph(paragraph, null, register: false);

    internal ParagraphInfo ReadParagraph(Paragraph paragraph, CellRef? cell, bool register = true)
    {
        var text = new StringBuilder();
        var runs = new List<RunInfo>();
        foreach (var run in paragraph.Descendants<Run>())
        {
            // Text boxes inside drawings belong to their own paragraphs.
            if (run.Ancestors<Paragraph>().FirstOrDefault() != paragraph)
            {
                continue;
            }

            var runText = RunText(run);
            if (runText.Length == 0)
            {
                continue;
            }

            runs.Add(new RunInfo(run, runText, text.Length, Styles.ResolveRun(paragraph, run)));
            text.Append(runText);
        }

        var info = new ParagraphInfo
        {
            Element = paragraph,
            Text = text.ToString(),
            Runs = runs,
            Format = Styles.ResolveParagraph(paragraph),
            Number = register ? Paragraphs.Count + 1 : 0,
            Cell = cell,
            HasDrawing = paragraph.Descendants<Drawing>().Any() || paragraph.Descendants<Picture>().Any()
                || paragraph.Descendants<EmbeddedObject>().Any()
                || paragraph.Descendants().Any(e => e.LocalName == "AlternateContent"),
        };
        if (register)
        {
            Paragraphs.Add(info);
        }

        return info;
    }

    /// <summary>The visible text of a paragraph as it is now (after edits), same reading as <see cref="ReadParagraph"/>.</summary>
    internal static string RunTextOf(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants<Run>().Where(r => r.Ancestors<Paragraph>().FirstOrDefault() == paragraph).Select(RunText));

    /// <summary>The visible text of a run: tabs as \t, breaks as \n; field codes and deleted text left out.</summary>
    internal static string RunText(Run run)
    {
        var builder = new StringBuilder();
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    builder.Append(t.Text);
                    break;
                case TabChar:
                case PositionalTab:
                    builder.Append('\t');
                    break;
                case Break:
                case CarriageReturn:
                    builder.Append('\n');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Header or footer parts referenced by a section, keyed by their type (default, first, even).</summary>
    public IEnumerable<(HeaderFooterValues Type, OpenXmlPartRootElement Root, bool IsHeader)> HeadersAndFooters(SectionProperties section)
    {
        var main = Document.MainDocumentPart!;
        foreach (var reference in section.Elements<HeaderReference>())
        {
            if (reference.Id?.Value is { } id && main.TryGetPartById(id, out var part) && part is HeaderPart hp && hp.Header is { } header)
            {
                yield return (reference.Type?.Value ?? HeaderFooterValues.Default, header, true);
            }
        }

        foreach (var reference in section.Elements<FooterReference>())
        {
            if (reference.Id?.Value is { } id && main.TryGetPartById(id, out var part) && part is FooterPart fp && fp.Footer is { } footer)
            {
                yield return (reference.Type?.Value ?? HeaderFooterValues.Default, footer, false);
            }
        }
    }
}
