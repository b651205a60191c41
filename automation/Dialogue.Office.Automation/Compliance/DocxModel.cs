using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>
/// One run's text inside its paragraph: [Start, Start + Text.Length) of <see cref="ParagraphInfo.Text"/>.
/// <paramref name="Run"/> is the SDK's w:r when the document was read through the SDK (the fixer edits it), else null.
/// </summary>
internal sealed record RunInfo(object? Run, string Text, int Start, RunFormat Format)
{
    public int End => Start + Text.Length;

    public bool HasVisibleText => Text.Any(c => !char.IsWhiteSpace(c));
}

/// <summary>Where a paragraph sits: outside tables, or in a cell of the N-th top-level table.</summary>
internal sealed record CellRef(int Table, int Row, int Column);

/// <summary>A paragraph with its text (tabs as \t, breaks as \n), runs and resolved formatting.</summary>
internal sealed class ParagraphInfo
{
    /// <summary>The SDK's w:p when the document was read through the SDK (the fixer edits it), else null.</summary>
    public object? Element { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<RunInfo> Runs { get; init; }

    public required ParagraphFormat Format { get; init; }

    /// <summary>1-based position among all paragraphs of the main body, in reading order.</summary>
    public required int Number { get; init; }

    public CellRef? Cell { get; init; }

    public bool HasDrawing { get; init; }

    /// <summary>A PAGE field (w:fldSimple or w:instrText) somewhere inside; read for header and footer paragraphs.</summary>
    public bool HasPageField { get; init; }

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
    /// <summary>The SDK's w:tbl when the document was read through the SDK, else null.</summary>
    public object? Element { get; init; }

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

/// <summary>A header or footer part: every paragraph in it (text boxes included), and whether it holds a PAGE field.</summary>
internal sealed class HeaderFooterInfo
{
    public required bool IsHeader { get; init; }

    public required IReadOnlyList<ParagraphInfo> Paragraphs { get; init; }

    public required bool HasPageField { get; init; }
}

/// <summary>
/// One w:sectPr as the page rules read it: the attribute values as written (null = absent), the title-page switch and
/// the header and footer parts it references (headers first, then footers, in document order).
/// </summary>
internal sealed record SectionInfo(
    uint? Width,
    uint? Height,
    bool Landscape,
    int? MarginTop,
    int? MarginBottom,
    uint? MarginLeft,
    uint? MarginRight,
    bool TitlePage,
    IReadOnlyList<(HeaderFooterKind Type, HeaderFooterInfo Part)> References);

/// <summary>
/// The main document read once, as the ND30 rules need it: blocks in order, every paragraph with its resolved
/// formatting, tables, sections, and the header and footer parts. It holds no Open XML SDK type: the check reads it
/// with <see cref="RawDocxReader"/> (a forward XML read of the parts it needs); the fixer, and documents the raw
/// reader declines, with <see cref="SdkDocxReader"/>.
/// </summary>
internal sealed class DocxModel
{
    public List<Block> Blocks { get; } = [];

    public List<ParagraphInfo> Paragraphs { get; } = [];

    public List<TableInfo> Tables { get; } = [];

    public List<SectionInfo> Sections { get; } = [];

    /// <summary>The main part's header parts, in the order of its relationships.</summary>
    public List<HeaderFooterInfo> Headers { get; } = [];

    /// <summary>The main part's footer parts, in the order of its relationships.</summary>
    public List<HeaderFooterInfo> Footers { get; } = [];

    /// <summary>Reads a document opened with the SDK (tests and tools that already hold one).</summary>
    public static DocxModel Read(DocumentFormat.OpenXml.Packaging.WordprocessingDocument document) => new SdkDocxReader(document).Model;
}
