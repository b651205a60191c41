using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>
/// Reads a <see cref="DocxModel"/> from a document opened with the Open XML SDK, keeping the SDK elements on the model
/// (<see cref="ParagraphInfo.Element"/>, <see cref="RunInfo.Run"/>) for the fixer, which edits them. The check uses
/// <see cref="RawDocxReader"/> and comes here only for a document the raw reader declines.
/// </summary>
internal sealed class SdkDocxReader
{
    private readonly Dictionary<OpenXmlPart, HeaderFooterInfo> _parts = [];

    public SdkDocxReader(WordprocessingDocument document)
    {
        Document = document;
        var main = document.MainDocumentPart ?? throw new InvalidDataException("The package has no main document part.");
        var body = main.Document?.Body ?? throw new InvalidDataException("The document has no body.");
        Styles = new StyleResolver(main);
        foreach (var element in BlockElements(body))
        {
            if (element is Paragraph p)
            {
                var info = ReadParagraph(p, null);
                Model.Blocks.Add(new Block(info, null));
            }
            else if (element is Table t)
            {
                var table = ReadTable(t);
                Model.Blocks.Add(new Block(null, table));
            }
        }

        SdkSections = body.Descendants<SectionProperties>().ToList();
        foreach (var header in main.HeaderParts)
        {
            Model.Headers.Add(HeaderFooter(header, header.Header, true));
        }

        foreach (var footer in main.FooterParts)
        {
            Model.Footers.Add(HeaderFooter(footer, footer.Footer, false));
        }

        foreach (var section in SdkSections)
        {
            Model.Sections.Add(Section(main, section));
        }
    }

    public DocxModel Model { get; } = new();

    public WordprocessingDocument Document { get; }

    public StyleResolver Styles { get; }

    /// <summary>Every w:sectPr of the body, in document order (the same as <see cref="DocxModel.Sections"/>).</summary>
    public IReadOnlyList<SectionProperties> SdkSections { get; }

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

    private HeaderFooterInfo HeaderFooter(OpenXmlPart part, OpenXmlPartRootElement? root, bool isHeader)
    {
        if (_parts.TryGetValue(part, out var known))
        {
            return known;
        }

        var info = new HeaderFooterInfo
        {
            IsHeader = isHeader,
            Paragraphs = root?.Descendants<Paragraph>().Select(ReadDetached).ToList() ?? [],
            HasPageField = root is not null && HasPageField(root),
        };
        _parts[part] = info;
        return info;
    }

    private SectionInfo Section(MainDocumentPart main, SectionProperties section)
    {
        var size = section.GetFirstChild<PageSize>();
        var margin = section.GetFirstChild<PageMargin>();
        var references = new List<(HeaderFooterKind, HeaderFooterInfo)>();
        foreach (var reference in section.Elements<HeaderReference>())
        {
            if (reference.Id?.Value is { } id && main.TryGetPartById(id, out var part) && part is HeaderPart hp && hp.Header is { } header)
            {
                references.Add((Kind(reference.Type?.Value), HeaderFooter(hp, header, true)));
            }
        }

        foreach (var reference in section.Elements<FooterReference>())
        {
            if (reference.Id?.Value is { } id && main.TryGetPartById(id, out var part) && part is FooterPart fp && fp.Footer is { } footer)
            {
                references.Add((Kind(reference.Type?.Value), HeaderFooter(fp, footer, false)));
            }
        }

        return new SectionInfo(
            size?.Width?.Value,
            size?.Height?.Value,
            size?.Orient?.Value == PageOrientationValues.Landscape,
            margin?.Top?.Value,
            margin?.Bottom?.Value,
            margin?.Left?.Value,
            margin?.Right?.Value,
            section.GetFirstChild<TitlePage>() is { } tp && (tp.Val is null || tp.Val.Value),
            references);
    }

    private static HeaderFooterKind Kind(HeaderFooterValues? type) =>
        type == HeaderFooterValues.First ? HeaderFooterKind.First : type == HeaderFooterValues.Even ? HeaderFooterKind.Even : HeaderFooterKind.Default;

    private TableInfo ReadTable(Table table)
    {
        var number = Model.Tables.Count + 1;
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
        Model.Tables.Add(info);
        return info;
    }

    private bool IsBorderless(Table table)
    {
        var tblPr = table.GetFirstChild<TableProperties>();
        if (StyleResolver.HasVisibleBorders(tblPr?.TableBorders))
        {
            return false;
        }

        // Borders may also come from the table style (TableGrid); direct tblBorders override them edge by edge.
        if (tblPr?.TableBorders is null && tblPr?.TableStyle?.Val?.Value is { } styleId && Styles.Sheet.TableStyleHasBorders(styleId))
        {
            return false;
        }

        // Cell borders drawn on every cell would make it a visible grid.
        var cells = table.Descendants<TableCell>().ToList();
        return cells.Count == 0 || !cells.All(c => StyleResolver.HasVisibleBorders(c.TableCellProperties?.TableCellBorders));
    }

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
            Number = register ? Model.Paragraphs.Count + 1 : 0,
            Cell = cell,
            HasDrawing = paragraph.Descendants<Drawing>().Any() || paragraph.Descendants<Picture>().Any()
                || paragraph.Descendants<EmbeddedObject>().Any()
                || paragraph.Descendants().Any(e => e.LocalName == "AlternateContent"),
            HasPageField = !register && HasPageField(paragraph),
        };
        if (register)
        {
            Model.Paragraphs.Add(info);
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

    internal static bool HasPageField(OpenXmlElement root) =>
        root.Descendants<SimpleField>().Any(f => Nd30Checker.IsPageInstruction(f.Instruction?.Value))
        || root.Descendants<FieldCode>().Any(f => Nd30Checker.IsPageInstruction(f.Text));
}
