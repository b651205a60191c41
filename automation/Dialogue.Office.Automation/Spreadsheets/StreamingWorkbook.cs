using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Dialogue.Office.Automation.Spreadsheets;

/// <summary>The handful of cell styles the question workbooks use (indexes into cellXfs).</summary>
internal enum XStyle : uint
{
    Default = 0,
    Header = 1,
    Text = 2,
    Number = 3,
    Title = 4,
    Subtitle = 5,
    TotalText = 6,
    TotalNumber = 7,
    Review = 8,
    Bold = 9,
    Alert = 10,
    Good = 11,
    Unlocked = 12,
}

/// <summary>A cell to write: text (always a string cell, never a formula) or a number.</summary>
internal readonly record struct XCell(string? Text, double? Number, XStyle Style)
{
    public static implicit operator XCell(string? text) => new(text, null, XStyle.Text);

    public static implicit operator XCell(int number) => new(null, number, XStyle.Number);

    public static XCell Of(string? text, XStyle style) => new(text, null, style);

    public static XCell Of(int number, XStyle style) => new(null, number, style);
}

/// <summary>Layout of one sheet: column widths (characters), rows frozen at the top, print orientation.</summary>
internal sealed record SheetLayout(double[] Widths, int FreezeRows = 0, bool Landscape = true, int PrintTitleRow = 0, uint PaperSize = 9);

/// <summary>
/// Writes .xlsx as a stream of markup: no DOM per cell, so 100 000 rows write in well under a second. Text cells
/// are inline strings (t="inlineStr") or shared strings (t="s"): input that starts with = + - @ stays text. Each
/// sheet is serialised and deflated by its own writer (so sheets can be written in parallel) and the package is
/// assembled here as a plain zip: Open XML SDK 2.20 cannot create a package on a write-only stream, and in
/// read/write mode System.IO.Packaging buffers every part in memory until it closes (~300 MB at 50 000 questions).
/// The small fixed parts (workbook, styles, sheet views, page setup) are literal markup too: building them with
/// the SDK's object model loaded its assembly and JIT-compiled ~300 of its methods in every run. ClosedXML is kept
/// for the small, richly formatted form.
/// </summary>
internal sealed class StreamingWorkbook : IDisposable
{
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly string _path;
    // Classes, not tuples: a List of a value type is a generic instantiation ReadyToRun cannot precompile (JIT at start).
    private readonly List<SheetEntry> _sheets = [];
    private readonly List<DefinedName> _names = [];
    private readonly List<SheetWriter> _writers = [];
    private readonly Dictionary<string, int> _shared = new(StringComparer.Ordinal);
    private readonly List<string> _sharedList = [];
    private DeflatedPart? _sharedPart;
    private uint _sheetId;

    public StreamingWorkbook(string path) => _path = path;

    /// <summary>Where <see cref="Dispose"/> writes the package.</summary>
    public string Path => _path;

    /// <summary>Drops the temporary parts without writing the package (the job failed before writing).</summary>
    public void Discard()
    {
        _sharedPart?.Content.Dispose();
        foreach (var writer in _writers)
        {
            writer.Part.Content.Dispose();
        }

        _writers.Clear();
        _discarded = true;
    }

    private bool _discarded;

    /// <summary>
    /// Puts a long text that several sheets repeat (the question, on "Tổng hợp" and on its topic sheet) in the
    /// shared-string table, so it is escaped, encoded and deflated once. Call before the sheets are written (the
    /// table is read-only while they are); texts not shared here go out as inline strings.
    /// </summary>
    public void Share(string? text)
    {
        if (!string.IsNullOrEmpty(text) && !_shared.ContainsKey(text))
        {
            _shared[text] = _sharedList.Count;
            _sharedList.Add(text);
        }
    }

    /// <summary>Writes the shared-string part (may run beside the sheets).</summary>
    public void WriteSharedStrings()
    {
        var part = new DeflatedPart();
        using (var writer = new Utf8Markup(part))
        {
            writer.Raw("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="""u8);
            writer.Raw("\""u8);
            writer.Int(_sharedList.Count);
            writer.Raw("\">"u8);
            foreach (var text in _sharedList)
            {
                writer.Raw(char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) ? "<si><t xml:space=\"preserve\">"u8 : "<si><t>"u8);
                writer.Text(text);
                writer.Raw("</t></si>"u8);
            }

            writer.Raw("</sst>"u8);
        }

        part.Finish();
        _sharedPart = part;
    }

    public SheetWriter AddSheet(string name, SheetLayout layout, bool hidden = false)
    {
        _sheets.Add(new SheetEntry(name, ++_sheetId, hidden));
        if (layout.PrintTitleRow > 0)
        {
            AddName("_xlnm.Print_Titles", _sheetId - 1, false, $"{Quote(name)}!${layout.PrintTitleRow}:${layout.PrintTitleRow}");
        }

        var writer = new SheetWriter(layout, name, _sheetId - 1, _shared);
        _writers.Add(writer);
        return writer;
    }

    /// <summary>A workbook-level defined name (e.g. the version stamp); hidden ones don't show in Name Manager.</summary>
    public void DefineName(string name, string formula, bool hidden) => AddName(name, null, hidden, formula);

    internal static string Quote(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";

    private sealed record SheetEntry(string Name, uint Id, bool Hidden);

    private sealed record DefinedName(int Order, string Name, uint? LocalSheetId, bool Hidden, string Formula);

    private void AddName(string name, uint? localSheetId, bool hidden, string formula) =>
        _names.Add(new DefinedName(_names.Count, name, localSheetId, hidden, formula));

    public void Dispose()
    {
        if (_discarded)
        {
            return;
        }

        foreach (var writer in _writers)
        {
            writer.Dispose();
            if (writer.FilterRange is { } range)
            {
                AddName("_xlnm._FilterDatabase", writer.Index, true, $"{Quote(writer.Name)}!{range}");
            }
        }

        var workbook = new StringBuilder($"""<workbook xmlns="{SheetWriter.MainNs}" xmlns:r="{RelNs}"><bookViews><workbookView/></bookViews><sheets>""");
        foreach (var (name, id, hidden) in _sheets)
        {
            workbook.Append(CultureInfo.InvariantCulture, $"""<sheet name="{Utf8Markup.Attribute(name)}" sheetId="{id}"{(hidden ? " state=\"hidden\"" : "")} r:id="rId{id}"/>""");
        }

        workbook.Append("</sheets>");
        if (_names.Count > 0)
        {
            // Excel wants defined names ordered by name; LibreOffice doesn't mind.
            workbook.Append("<definedNames>");
            // Stable (the index breaks ties), like the OrderBy/ThenBy it replaces.
            var ordered = new List<DefinedName>(_names);
            ordered.Sort((x, y) =>
            {
                var byName = string.CompareOrdinal(x.Name, y.Name);
                var bySheet = byName != 0 ? byName : (x.LocalSheetId ?? 0).CompareTo(y.LocalSheetId ?? 0);
                return bySheet != 0 ? bySheet : x.Order.CompareTo(y.Order);
            });
            foreach (var (_, name, local, hidden, formula) in ordered)
            {
                workbook.Append(CultureInfo.InvariantCulture, $"""<definedName name="{Utf8Markup.Attribute(name)}"{(local is { } l ? $" localSheetId=\"{l}\"" : "")}{(hidden ? " hidden=\"1\"" : "")}>{Utf8Markup.Attribute(formula)}</definedName>""");
            }

            workbook.Append("</definedNames>");
        }

        workbook.Append("""<calcPr calcId="191029"/></workbook>""");

        var contentTypes = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        var workbookRels = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= _writers.Count; i++)
        {
            contentTypes.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
            workbookRels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        if (_sharedPart is not null)
        {
            contentTypes.Append("""<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""");
            workbookRels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{_writers.Count + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""");
        }

        contentTypes.Append("</Types>");
        workbookRels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{_writers.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        // Written to a temporary file and renamed when complete: an interrupted run never leaves half a workbook.
        var temp = Outputs.AtomicFile.TempPathFor(_path);
        try
        {
            using (var zip = new ZipWriter(temp))
            {
                WriteParts(zip, contentTypes.ToString(), workbook.ToString(), workbookRels.ToString());
            }

            Outputs.AtomicFile.Commit(temp, _path);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private void WriteParts(ZipWriter zip, string contentTypes, string workbook, string workbookRels)
    {
        const string declaration = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""";
        zip.Add("[Content_Types].xml", contentTypes);
        zip.Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        zip.Add("xl/workbook.xml", declaration + workbook);
        zip.Add("xl/_rels/workbook.xml.rels", workbookRels);
        zip.Add("xl/styles.xml", declaration + Styles);
        if (_sharedPart is not null)
        {
            zip.AddDeflated("xl/sharedStrings.xml", _sharedPart.Content, _sharedPart.Crc, _sharedPart.Length);
            _sharedPart.Content.Dispose();
        }
        for (var i = 0; i < _writers.Count; i++)
        {
            var part = _writers[i].Part;
            zip.AddDeflated($"xl/worksheets/sheet{i + 1}.xml", part.Content, part.Crc, part.Length);
            part.Content.Dispose();
        }
    }

    /// <summary>
    /// The style sheet, as markup (the SDK's object model cost ~300 JIT-compiled methods at start-up). cellXfs are
    /// indexed by <see cref="XStyle"/>: Default, Header, Text, Number (#,##0), Title, Subtitle, TotalText, TotalNumber,
    /// Review (yellow), Bold, Alert (dark red bold), Good (green), Unlocked (answer cells, yellow). Fonts: Times New
    /// Roman 12 (regular, bold), 14 bold, 12 italic, 12 bold dark red, 12 green; fills: none, gray125, header blue,
    /// totals grey, review yellow; borders: none, thin all round.
    /// </summary>
    private const string Styles = """
        <x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts><x:font><x:sz val="12" /><x:name val="Times New Roman" /><x:family val="1" /></x:font><x:font><x:b /><x:sz val="12" /><x:name val="Times New Roman" /><x:family val="1" /></x:font><x:font><x:b /><x:sz val="14" /><x:name val="Times New Roman" /><x:family val="1" /></x:font><x:font><x:i /><x:sz val="12" /><x:name val="Times New Roman" /><x:family val="1" /></x:font><x:font><x:b /><x:sz val="12" /><x:color rgb="FFC00000" /><x:name val="Times New Roman" /><x:family val="1" /></x:font><x:font><x:sz val="12" /><x:color rgb="FF006100" /><x:name val="Times New Roman" /><x:family val="1" /></x:font></x:fonts><x:fills><x:fill><x:patternFill patternType="none" /></x:fill><x:fill><x:patternFill patternType="gray125" /></x:fill><x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFDCE6F1" /><x:bgColor indexed="64" /></x:patternFill></x:fill><x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFF2F2F2" /><x:bgColor indexed="64" /></x:patternFill></x:fill><x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFF2CC" /><x:bgColor indexed="64" /></x:patternFill></x:fill></x:fills><x:borders><x:border><x:left /><x:right /><x:top /><x:bottom /><x:diagonal /></x:border><x:border><x:left style="thin"><x:color auto="1" /></x:left><x:right style="thin"><x:color auto="1" /></x:right><x:top style="thin"><x:color auto="1" /></x:top><x:bottom style="thin"><x:color auto="1" /></x:bottom><x:diagonal /></x:border></x:borders><x:cellStyleXfs><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" /></x:cellStyleXfs><x:cellXfs><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><x:alignment vertical="top" wrapText="0" /></x:xf><x:xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><x:alignment horizontal="center" vertical="center" wrapText="1" /></x:xf><x:xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><x:alignment horizontal="left" vertical="top" wrapText="1" /></x:xf><x:xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><x:alignment horizontal="center" vertical="top" wrapText="0" /></x:xf><x:xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><x:alignment horizontal="center" vertical="center" wrapText="0" /></x:xf><x:xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><x:alignment horizontal="center" vertical="center" wrapText="1" /></x:xf><x:xf numFmtId="0" fontId="1" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><x:alignment horizontal="left" vertical="top" wrapText="1" /></x:xf><x:xf numFmtId="3" fontId="1" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><x:alignment horizontal="center" vertical="top" wrapText="0" /></x:xf><x:xf numFmtId="0" fontId="0" fillId="4" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><x:alignment horizontal="left" vertical="top" wrapText="1" /></x:xf><x:xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><x:alignment horizontal="left" vertical="top" wrapText="0" /></x:xf><x:xf numFmtId="0" fontId="4" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><x:alignment horizontal="left" vertical="top" wrapText="1" /></x:xf><x:xf numFmtId="0" fontId="5" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><x:alignment horizontal="left" vertical="top" wrapText="1" /></x:xf><x:xf numFmtId="0" fontId="0" fillId="4" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><x:alignment horizontal="left" vertical="top" wrapText="1" /></x:xf></x:cellXfs><x:cellStyles><x:cellStyle name="Normal" xfId="0" builtinId="0" /></x:cellStyles></x:styleSheet>
        """;
}

/// <summary>
/// Streams one worksheet: rows go out as they come; merges, filters and formats are written at the end, all as
/// UTF-8 markup (<see cref="Utf8Markup"/>): OpenXmlWriter's per-call overhead (about 1.3 µs a cell, measured) made
/// it the slowest step of a 50 000-question merge, and XmlWriter's per-character escaping was next.
/// </summary>
internal sealed class SheetWriter : IDisposable
{
    internal const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // Start tags per style, built once: numbers and empty cells, text cells (inline strings).
    private static readonly byte[][] NumberStart = Tags(i => $"<c s=\"{i}\"><v>");
    private static readonly byte[][] EmptyCell = Tags(i => $"<c s=\"{i}\"/>");
    private static readonly byte[][] TextStart = Tags(i => $"<c s=\"{i}\" t=\"inlineStr\"><is><t>");
    private static readonly byte[][] SharedStart = Tags(i => $"<c s=\"{i}\" t=\"s\"><v>");
    private static readonly byte[][] TextStartPreserve = Tags(i => $"<c s=\"{i}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static readonly string[] Letters = Enumerable.Range(0, 64).Select(XlsxReader.ColumnName).ToArray();
    private readonly Utf8Markup _writer;
    private readonly List<string> _merges = [];
    private readonly List<string> _formats = [];
    private readonly SheetLayout _layout;
    private string? _filter;
    private bool _done;

    private readonly Dictionary<string, int> _shared;

    internal SheetWriter(SheetLayout layout, string name, uint index, Dictionary<string, int> shared)
    {
        _shared = shared;
        Name = name;
        Index = index;
        _layout = layout;
        Part = new DeflatedPart();
        _writer = new Utf8Markup(Part);
        _writer.Raw($"""<?xml version="1.0" encoding="utf-8" standalone="yes"?><worksheet xmlns="{MainNs}">""");
        var head = new StringBuilder("""<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0">""");
        if (layout.FreezeRows > 0)
        {
            var first = $"A{layout.FreezeRows + 1}";
            head.Append(CultureInfo.InvariantCulture, $"""<pane ySplit="{layout.FreezeRows}" topLeftCell="{first}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="{first}" sqref="{first}"/>""");
        }

        head.Append("""</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15.75"/><cols>""");
        for (var i = 0; i < layout.Widths.Length; i++)
        {
            head.Append(CultureInfo.InvariantCulture, $"""<col min="{i + 1}" max="{i + 1}" width="{layout.Widths[i]}" customWidth="1"/>""");
        }

        head.Append("</cols>");
        _writer.Raw(head.ToString());
        _writer.Raw("<sheetData>"u8);
    }

    /// <summary>An SDK element as markup (it carries its own namespace declaration, which is the sheet's).</summary>
    private static byte[][] Tags(Func<int, string> tag) => Enumerable.Range(0, 16).Select(i => Encoding.UTF8.GetBytes(tag(i))).ToArray();

    public int RowNumber { get; private set; }

    public string Name { get; }

    /// <summary>0-based position of the sheet in the workbook.</summary>
    public uint Index { get; }

    /// <summary>The autofilter range ("A4:R120") once the sheet is finished.</summary>
    public string? FilterRange { get; private set; }

    /// <summary>The sheet XML, deflated as it is written, with its CRC-32 and length.</summary>
    internal DeflatedPart Part { get; }

    public static string Column(int index) => index < Letters.Length ? Letters[index] : XlsxReader.ColumnName(index);

    /// <summary>Writes the next row (or skips to <paramref name="at"/>); returns its 1-based number.</summary>
    public int Row(IReadOnlyList<XCell> cells, double? height = null, int at = 0)
    {
        RowNumber = at > RowNumber ? at : RowNumber + 1;
        height ??= EstimateHeight(cells);
        _writer.Raw("<row r=\""u8);
        _writer.Int(RowNumber);
        if (height is { } hh)
        {
            _writer.Raw("\" ht=\""u8);
            _writer.Number(hh);
            _writer.Raw("\" customHeight=\"1\">"u8);
        }
        else
        {
            _writer.Raw("\">"u8);
        }

        for (var c = 0; c < cells.Count; c++)
        {
            // Every position gets a cell, so cells carry no "r": their place is their order.
            var cell = cells[c];
            var style = (int)cell.Style;
            if (cell.Number is { } number)
            {
                _writer.Raw(NumberStart[style]);
                _writer.Number(number);
                _writer.Raw("</v></c>"u8);
            }
            else if (!string.IsNullOrEmpty(cell.Text) && _shared.TryGetValue(cell.Text, out var index))
            {
                // Shared string (t="s"): text, never a formula.
                _writer.Raw(SharedStart[style]);
                _writer.Int(index);
                _writer.Raw("</v></c>"u8);
            }
            else if (!string.IsNullOrEmpty(cell.Text))
            {
                // Inline string: never a formula, whatever the text starts with.
                var text = cell.Text.Length > 32_000 ? cell.Text.AsSpan(0, 32_000) : cell.Text.AsSpan();
                _writer.Raw(char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) ? TextStartPreserve[style] : TextStart[style]);
                _writer.Text(text);
                _writer.Raw("</t></is></c>"u8);
            }
            else
            {
                _writer.Raw(EmptyCell[style]);
            }
        }

        _writer.Raw("</row>"u8);
        return RowNumber;
    }

    /// <summary>
    /// Row height for wrapped text, estimated from text length and column width: neither Excel nor LibreOffice
    /// re-fits rows of a file on opening, and a fixed one-line row hides most of a question.
    /// </summary>
    private double? EstimateHeight(IReadOnlyList<XCell> cells)
    {
        var lines = 1;
        for (var c = 0; c < cells.Count && c < _layout.Widths.Length; c++)
        {
            var text = cells[c].Text;
            if (string.IsNullOrEmpty(text) || cells[c].Style is XStyle.Number or XStyle.TotalNumber or XStyle.Default or XStyle.Title or XStyle.Bold)
            {
                continue;
            }

            // Times New Roman 12 pt averages a little under one width unit per character.
            var perLine = Math.Max(1, (int)((_layout.Widths[c] - 1) * 1.15));
            var needed = 0;
            var rest = text.AsSpan();
            int newline;
            while ((newline = rest.IndexOf('\n')) >= 0)
            {
                needed += Math.Max(1, (newline + perLine - 1) / perLine);
                rest = rest[(newline + 1)..];
            }

            needed += Math.Max(1, (rest.Length + perLine - 1) / perLine);

            lines = Math.Max(lines, needed);
        }

        return lines <= 1 ? null : Math.Min(409, (lines * 15.0) + 3);
    }

    public void Merge(int row, int firstColumn, int lastColumn) =>
        _merges.Add($"{Column(firstColumn)}{row}:{Column(lastColumn)}{row}");

    public void Filter(int headerRow, int lastColumn, int lastRow) =>
        _filter = $"A{headerRow}:{Column(lastColumn)}{Math.Max(lastRow, headerRow)}";

    /// <summary>A white-to-green colour scale: the larger the count, the darker (leaders read it at a glance).</summary>
    public void ColourScale(string range) =>
        _formats.Add($"""<conditionalFormatting sqref="{range}"><cfRule type="colorScale" priority="{_formats.Count + 1}"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="FFFFFFFF"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>""");

    /// <summary>In-cell bars proportional to the value.</summary>
    public void DataBar(string range) =>
        _formats.Add($"""<conditionalFormatting sqref="{range}"><cfRule type="dataBar" priority="{_formats.Count + 1}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF5B9BD5"/></dataBar></cfRule></conditionalFormatting>""");

    private static string Absolute(string reference)
    {
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            letters++;
        }

        return $"${reference[..letters]}${reference[letters..]}";
    }

    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        _writer.Raw("</sheetData>"u8);
        if (_filter is not null)
        {
            _writer.Raw($"""<autoFilter ref="{_filter}"/>""");
            FilterRange = string.Join(':', _filter.Split(':').Select(Absolute));
        }

        if (_merges.Count > 0)
        {
            _writer.Raw($"""<mergeCells count="{_merges.Count}">{string.Concat(_merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))}</mergeCells>""");
        }

        foreach (var format in _formats)
        {
            _writer.Raw(format);
        }

        _writer.Raw("""<pageMargins left="0.5" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"""u8);
        _writer.Raw(string.Create(CultureInfo.InvariantCulture, $"""<pageSetup paperSize="{_layout.PaperSize}" fitToWidth="1" fitToHeight="0" orientation="{(_layout.Landscape ? "landscape" : "portrait")}"/>"""));
        _writer.Raw("</worksheet>"u8);
        _writer.Dispose();
        Part.Finish();
    }
}

/// <summary>
/// A write-only stream that computes the CRC-32 of what it receives and deflates it into a temporary file, so a
/// sheet is compressed on the thread that writes it. Closing the XML writer over it does not end it; <see cref="Finish"/> does.
/// </summary>
internal sealed class DeflatedPart : Stream
{
    private readonly Crc32 _crc = new();
    private readonly DeflateStream _deflate;

    public DeflatedPart()
    {
        Content = new FileStream(Path.Combine(Path.GetTempPath(), "dialogue-part-" + Guid.NewGuid().ToString("N") + ".tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _deflate = new DeflateStream(Content, CompressionLevel.Fastest, leaveOpen: true);
    }

    /// <summary>The deflated bytes (temporary file, deleted when disposed).</summary>
    public FileStream Content { get; }

    public uint Crc { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    private long _length;

    public void Finish()
    {
        _deflate.Dispose();
        Crc = _crc.GetCurrentHashAsUInt32();
        Content.Flush();
        Content.Position = 0;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _crc.Append(buffer);
        _deflate.Write(buffer);
        _length += buffer.Length;
    }
}

/// <summary>A minimal zip writer (deflate entries, fixed 1980 dates so equal input gives equal bytes).</summary>
internal sealed class ZipWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly List<Entry> _entries = [];

    private sealed record Entry(string Name, uint Crc, long Compressed, long Length, long Offset);

    public ZipWriter(string path) => _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);

    public void Add(string name, string xml)
    {
        var bytes = new UTF8Encoding(false).GetBytes(xml);
        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(bytes);
        }

        compressed.Position = 0;
        AddDeflated(name, compressed, Crc32.HashToUInt32(bytes), bytes.Length);
    }

    public void AddDeflated(string name, Stream deflated, uint crc, long length)
    {
        var compressedLength = deflated.Length - deflated.Position;
        if (length >= uint.MaxValue || compressedLength >= uint.MaxValue)
        {
            throw new IOException("Part too large for a zip without ZIP64");
        }

        var offset = _file.Position;
        var nameBytes = Encoding.UTF8.GetBytes(name);
        Span<byte> header = stackalloc byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 20);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], 0x21); // 1980-01-01
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], (uint)compressedLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0);
        _file.Write(header);
        _file.Write(nameBytes);
        deflated.CopyTo(_file);
        _entries.Add(new Entry(name, crc, compressedLength, length, offset));
    }

    public void Dispose()
    {
        var start = _file.Position;
        Span<byte> header = stackalloc byte[46];
        foreach (var (name, crc, compressed, length, offset) in _entries)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], 8);
            BinaryPrimitives.WriteUInt16LittleEndian(header[14..], 0x21);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)compressed);
            BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)nameBytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], (uint)offset);
            _file.Write(header);
            _file.Write(nameBytes);
        }

        var size = _file.Position - start;
        Span<byte> end = stackalloc byte[22];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)start);
        _file.Write(end);
        _file.Dispose();
    }
}
