using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dialogue.Office.Automation.Questions;

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
internal sealed record SheetLayout(double[] Widths, int FreezeRows = 0, bool Landscape = true, int PrintTitleRow = 0);

/// <summary>
/// Writes .xlsx with the Open XML SDK's streaming <see cref="OpenXmlWriter"/>: no DOM per cell, so 100 000 rows
/// write in well under a second. Text goes out as inline strings (t="inlineStr"): input that starts with
/// = + - @ stays text. ClosedXML is kept for the small, richly formatted form.
/// </summary>
internal sealed class StreamingWorkbook : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly Sheets _sheets = new();
    private readonly DefinedNames _names = new();
    private uint _sheetId;

    public StreamingWorkbook(string path)
    {
        _document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        _document.CompressionOption = CompressionOption.Fast; // deflate of the big sheets is the largest write cost
        _workbookPart = _document.AddWorkbookPart();
        var styles = _workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = BuildStyles();
    }

    public SheetWriter AddSheet(string name, SheetLayout layout, bool hidden = false)
    {
        var part = _workbookPart.AddNewPart<WorksheetPart>();
        var sheet = new Sheet { Name = name, SheetId = ++_sheetId, Id = _workbookPart.GetIdOfPart(part) };
        if (hidden)
        {
            sheet.State = SheetStateValues.Hidden;
        }

        _sheets.Append(sheet);
        if (layout.PrintTitleRow > 0)
        {
            _names.Append(new DefinedName($"{Quote(name)}!${layout.PrintTitleRow}:${layout.PrintTitleRow}")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = _sheetId - 1,
            });
        }

        return new SheetWriter(part, layout, name, this);
    }

    /// <summary>A workbook-level defined name (e.g. the version stamp); hidden ones don't show in Name Manager.</summary>
    public void DefineName(string name, string formula, bool hidden)
    {
        var definedName = new DefinedName(formula) { Name = name };
        if (hidden)
        {
            definedName.Hidden = true;
        }

        _names.Append(definedName);
    }

    internal void AddFilterName(string sheetName, string range) =>
        _names.Append(new DefinedName($"{Quote(sheetName)}!{range}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)(_sheets.Count() - 1), Hidden = true });

    internal static string Quote(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";

    public void Dispose()
    {
        var workbook = new Workbook();
        workbook.Append(new BookViews(new WorkbookView()));
        workbook.Append(_sheets);
        if (_names.HasChildren)
        {
            // Excel wants defined names ordered by name; LibreOffice doesn't mind.
            var ordered = _names.Elements<DefinedName>().OrderBy(n => n.Name?.Value, StringComparer.Ordinal).Select(n => (DefinedName)n.CloneNode(true)).ToList();
            workbook.Append(new DefinedNames(ordered));
        }

        workbook.Append(new CalculationProperties { CalculationId = 191029 });
        _workbookPart.Workbook = workbook;
        _workbookPart.Workbook.Save();
        _document.Dispose();
    }

    private static Stylesheet BuildStyles()
    {
        static Font MakeFont(double size, bool bold = false, bool italic = false, string? color = null)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            if (italic)
            {
                font.Append(new Italic());
            }

            font.Append(new FontSize { Val = size });
            if (color is not null)
            {
                font.Append(new Color { Rgb = color });
            }

            font.Append(new FontName { Val = "Times New Roman" });
            font.Append(new FontFamilyNumbering { Val = 1 });
            return font;
        }

        var fonts = new Fonts(
            MakeFont(12),
            MakeFont(12, bold: true),
            MakeFont(14, bold: true),
            MakeFont(12, italic: true),
            MakeFont(12, bold: true, color: "FFC00000"),
            MakeFont(12, color: "FF006100"));
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFDCE6F1"),
            Solid("FFF2F2F2"),
            Solid("FFFFF2CC"));
        static BorderPropertiesType Thin<T>() where T : BorderPropertiesType, new() => new T { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()));

        static CellFormat Xf(uint font, uint fill, uint border, HorizontalAlignmentValues? h, VerticalAlignmentValues v, bool wrap, uint numFmt = 0)
        {
            var xf = new CellFormat { FontId = font, FillId = fill, BorderId = border, NumberFormatId = numFmt, FormatId = 0, ApplyAlignment = true };
            if (font > 0)
            {
                xf.ApplyFont = true;
            }

            if (fill > 0)
            {
                xf.ApplyFill = true;
            }

            if (border > 0)
            {
                xf.ApplyBorder = true;
            }

            var alignment = new Alignment { Vertical = v, WrapText = wrap };
            if (h is { } horizontal)
            {
                alignment.Horizontal = horizontal;
            }

            xf.Append(alignment);
            return xf;
        }

        var xfs = new CellFormats(
            Xf(0, 0, 0, null, VerticalAlignmentValues.Top, false),                               // Default
            Xf(1, 2, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, true), // Header
            Xf(0, 0, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, true),      // Text
            Xf(0, 0, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top, false, 3), // Number
            Xf(2, 0, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, false), // Title
            Xf(3, 0, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, true), // Subtitle
            Xf(1, 3, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, true),      // TotalText
            Xf(1, 3, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top, false, 3), // TotalNumber
            Xf(0, 4, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, true),      // Review
            Xf(1, 0, 0, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, false),     // Bold
            Xf(4, 0, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, true),      // Alert
            Xf(5, 0, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, true),      // Good
            Xf(0, 4, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, true));     // Unlocked (answer cells)
        return new Stylesheet(
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }),
            xfs,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}

/// <summary>Streams one worksheet: rows go out as they come; merges and filters are written at the end.</summary>
internal sealed class SheetWriter : IDisposable
{
    private static readonly string[] Letters = Enumerable.Range(0, 64).Select(QuestionFileParser.XlsxColumn).ToArray();
    private readonly OpenXmlWriter _writer;

    // Start tags only read the element's name: one instance of each serves every row and cell.
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly InlineString _inline = new();
    private readonly DocumentFormat.OpenXml.Spreadsheet.Text _text = new();
    private readonly CellValue _value = new();

    // Attribute lists per style, built once: s="n" for numbers and empty cells, s="n" t="inlineStr" for text.
    private static readonly OpenXmlAttribute[][] PlainAttributes =
        Enumerable.Range(0, 16).Select(i => new[] { new OpenXmlAttribute("s", "", i.ToString(CultureInfo.InvariantCulture)) }).ToArray();

    private static readonly OpenXmlAttribute[][] TextAttributes =
        Enumerable.Range(0, 16).Select(i => new[] { new OpenXmlAttribute("s", "", i.ToString(CultureInfo.InvariantCulture)), new OpenXmlAttribute("t", "", "inlineStr") }).ToArray();
    private readonly List<string> _merges = [];
    private readonly List<OpenXmlElement> _formats = [];
    private readonly string _name;
    private readonly StreamingWorkbook _owner;
    private readonly SheetLayout _layout;
    private string? _filter;
    private bool _done;

    internal SheetWriter(WorksheetPart part, SheetLayout layout, string name, StreamingWorkbook owner)
    {
        _name = name;
        _owner = owner;
        _layout = layout;
        _writer = OpenXmlWriter.Create(part);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var view = new SheetView { WorkbookViewId = 0 };
        if (layout.FreezeRows > 0)
        {
            view.Append(new Pane
            {
                VerticalSplit = layout.FreezeRows,
                TopLeftCell = $"A{layout.FreezeRows + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{layout.FreezeRows + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{layout.FreezeRows + 1}" } });
        }

        _writer.WriteElement(new SheetViews(view));
        _writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15.75 });
        var columns = new Columns();
        for (var i = 0; i < layout.Widths.Length; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = layout.Widths[i], CustomWidth = true });
        }

        _writer.WriteElement(columns);
        _writer.WriteStartElement(new SheetData());
    }

    public int RowNumber { get; private set; }

    public static string Column(int index) => index < Letters.Length ? Letters[index] : QuestionFileParser.XlsxColumn(index);

    /// <summary>Writes the next row (or skips to <paramref name="at"/>); returns its 1-based number.</summary>
    public int Row(IReadOnlyList<XCell> cells, double? height = null, int at = 0)
    {
        RowNumber = at > RowNumber ? at : RowNumber + 1;
        var rowText = RowNumber.ToString(CultureInfo.InvariantCulture);
        var attributes = new List<OpenXmlAttribute>(3) { new("r", "", rowText) };
        if (height is { } h)
        {
            attributes.Add(new OpenXmlAttribute("ht", "", h.ToString(CultureInfo.InvariantCulture)));
            attributes.Add(new OpenXmlAttribute("customHeight", "", "1"));
        }

        _writer.WriteStartElement(_row, attributes);
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            var style = (int)cell.Style;
            if (cell.Number is { } number)
            {
                _writer.WriteStartElement(_cell, PlainAttributes[style]);
                _writer.WriteStartElement(_value);
                _writer.WriteString(number.ToString(CultureInfo.InvariantCulture));
                _writer.WriteEndElement();
                _writer.WriteEndElement();
            }
            else if (!string.IsNullOrEmpty(cell.Text))
            {
                // Inline string: never a formula, whatever the text starts with.
                _writer.WriteStartElement(_cell, TextAttributes[style]);
                _writer.WriteStartElement(_inline);
                _writer.WriteStartElement(_text);
                _writer.WriteString(cell.Text.Length > 32_000 ? cell.Text[..32_000] : cell.Text);
                _writer.WriteEndElement();
                _writer.WriteEndElement();
                _writer.WriteEndElement();
            }
            else
            {
                // Every position gets a cell (cells carry no "r": their place is their order).
                _writer.WriteStartElement(_cell, PlainAttributes[style]);
                _writer.WriteEndElement();
            }
        }

        _writer.WriteEndElement();
        return RowNumber;
    }

    public void Merge(int row, int firstColumn, int lastColumn) =>
        _merges.Add($"{Column(firstColumn)}{row}:{Column(lastColumn)}{row}");

    public void Filter(int headerRow, int lastColumn, int lastRow) =>
        _filter = $"A{headerRow}:{Column(lastColumn)}{Math.Max(lastRow, headerRow)}";

    /// <summary>A white-to-green colour scale: the larger the count, the darker (leaders read it at a glance).</summary>
    public void ColourScale(string range) =>
        _formats.Add(new ConditionalFormatting(
            new ConditionalFormattingRule(
                new ColorScale(
                    new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Min },
                    new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Max },
                    new Color { Rgb = "FFFFFFFF" },
                    new Color { Rgb = "FF63BE7B" }))
            { Type = ConditionalFormatValues.ColorScale, Priority = _formats.Count + 1 })
        { SequenceOfReferences = new ListValue<StringValue> { InnerText = range } });

    /// <summary>In-cell bars proportional to the value.</summary>
    public void DataBar(string range) =>
        _formats.Add(new ConditionalFormatting(
            new ConditionalFormattingRule(
                new DataBar(
                    new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Min },
                    new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Max },
                    new Color { Rgb = "FF5B9BD5" }))
            { Type = ConditionalFormatValues.DataBar, Priority = _formats.Count + 1 })
        { SequenceOfReferences = new ListValue<StringValue> { InnerText = range } });

    private static string Absolute(string reference)
    {
        var letters = new string(reference.TakeWhile(char.IsAsciiLetter).ToArray());
        return $"${letters}${reference[letters.Length..]}";
    }

    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        _writer.WriteEndElement(); // sheetData
        if (_filter is not null)
        {
            _writer.WriteElement(new AutoFilter { Reference = _filter });
            _owner.AddFilterName(_name, string.Join(':', _filter.Split(':').Select(Absolute)));
        }

        if (_merges.Count > 0)
        {
            _writer.WriteElement(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
        }

        foreach (var format in _formats)
        {
            _writer.WriteElement(format);
        }

        _writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        _writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = _layout.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0 });
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
    }
}
