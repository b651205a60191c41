using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.WordLayout;

/// <summary>How a run of text looks.</summary>
internal sealed record TextStyle(int Size = Nd30.BodyPoints, bool Bold = false, bool Italic = false, bool Underline = false)
{
    public static TextStyle Body => new();
}

/// <summary>
/// Small builders for ND30 documents with the Open XML SDK: the page, the two-column header (issuer | national motto),
/// the document type and subject, body paragraphs, and the closing table (Nơi nhận | signature). Shared by the
/// invitation template, the programme and the script so every generated document is laid out the same way.
/// </summary>
internal static class WordBuilder
{
    /// <summary>Creates a document with ND30 page setup, Times New Roman defaults and Vietnamese language.</summary>
    public static WordprocessingDocument Create(Stream stream, out Body body)
    {
        var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, true);
        var main = doc.AddMainDocumentPart();
        main.Document = new Document();
        body = main.Document.AppendChild(new Body());
        AddStyles(main);
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(
            new Zoom { Percent = "100" },
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
        return doc;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        stylesPart.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Nd30.Font, HighAnsi = Nd30.Font, ComplexScript = Nd30.Font, EastAsia = Nd30.Font },
                    new Color { Val = "000000" },
                    new FontSize { Val = Nd30.Size(Nd30.BodyPoints) },
                    new FontSizeComplexScript { Val = Nd30.Size(Nd30.BodyPoints) },
                    new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = Twips(Nd30.LineSpacing.Written), LineRule = LineSpacingRuleValues.Auto }))),
            new Style(
                new StyleName { Val = "Normal" },
                new PrimaryStyle())
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            // The recipient list (Nơi nhận, 11 pt) as a style: LibreOffice drops the run size of the first paragraph of a
            // block content control, so the size must also come from the paragraph style.
            new Style(
                new StyleName { Val = "Recipient List" },
                new BasedOn { Val = "Normal" },
                new StyleRunProperties(new FontSize { Val = Nd30.Size(Nd30.RecipientsListSize.Written) }, new FontSizeComplexScript { Val = Nd30.Size(Nd30.RecipientsListSize.Written) }))
            { Type = StyleValues.Paragraph, StyleId = "RecipientList", CustomStyle = true },
            new Style(
                new StyleName { Val = "Table Grid" },
                new BasedOn { Val = "TableNormal" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
    }

    /// <summary>A4 portrait, ND30 margins; page numbers (from page 2, centred at the top) when <paramref name="numberPages"/>.</summary>
    public static SectionProperties Section(MainDocumentPart main, bool numberPages)
    {
        var section = new SectionProperties();
        if (numberPages)
        {
            var pageNumberSize = Nd30.Size(Nd30.PageNumberSize.Written);
            var headerPart = main.AddNewPart<HeaderPart>();
            headerPart.Header = new Header(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(new RunProperties(new FontSize { Val = pageNumberSize }), new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new RunProperties(new FontSize { Val = pageNumberSize }), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new RunProperties(new FontSize { Val = pageNumberSize }), new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new RunProperties(new FontSize { Val = pageNumberSize }), new Text("2")),
                new Run(new RunProperties(new FontSize { Val = pageNumberSize }), new FieldChar { FieldCharType = FieldCharValues.End })));
            var firstPart = main.AddNewPart<HeaderPart>();
            firstPart.Header = new Header(new Paragraph());
            section.Append(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstPart) });
        }

        section.Append(
            new PageSize { Width = Nd30.PageWidth, Height = Nd30.PageHeight },
            new PageMargin
            {
                Top = Nd30.MarginTop.Written,
                Bottom = Nd30.MarginBottom.Written,
                Left = (uint)Nd30.MarginLeft.Written,
                Right = (uint)Nd30.MarginRight.Written,
                Header = Nd30.HeaderDistance,
                Footer = Nd30.HeaderDistance,
                Gutter = 0,
            });
        if (numberPages)
        {
            section.Append(new TitlePage());
        }

        return section;
    }

    public static RunProperties RunProps(TextStyle style)
    {
        var rp = new RunProperties();
        if (style.Bold)
        {
            rp.Append(new Bold(), new BoldComplexScript());
        }

        if (style.Italic)
        {
            rp.Append(new Italic(), new ItalicComplexScript());
        }

        // Schema order of w:rPr: … sz, szCs, u — an underline before the size fails OpenXmlValidator.
        rp.Append(new FontSize { Val = Nd30.Size(style.Size) }, new FontSizeComplexScript { Val = Nd30.Size(style.Size) });
        if (style.Underline)
        {
            rp.Append(new Underline { Val = UnderlineValues.Single }); // after sz: CT_RPr is a sequence
        }

        return rp;
    }

    public static Run TextRun(string text, TextStyle style)
    {
        var run = new Run(RunProps(style));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    public static ParagraphProperties ParaProps(JustificationValues align, int before = 0, int after = 0, int firstLine = 0, int left = 0, int right = 0, bool keepNext = false)
    {
        var pp = new ParagraphProperties();
        if (keepNext)
        {
            pp.Append(new KeepNext());
        }

        pp.Append(new SpacingBetweenLines { Before = before.ToString(), After = after.ToString(), Line = Twips(Nd30.LineSpacing.Written), LineRule = LineSpacingRuleValues.Auto });
        if (firstLine > 0 || left > 0 || right > 0)
        {
            pp.Append(new Indentation { Left = left.ToString(), Right = right.ToString(), FirstLine = firstLine > 0 ? firstLine.ToString() : null });
        }

        pp.Append(new Justification { Val = align });
        return pp;
    }

    public static Paragraph Para(string text, TextStyle style, JustificationValues align, int before = 0, int after = 0, int firstLine = 0) =>
        new(ParaProps(align, before, after, firstLine), TextRun(text, style));

    /// <summary>A justified body paragraph (13 pt, first-line indent 1 cm, 6 pt after), ND30 Phụ lục I mục II.6.</summary>
    public static Paragraph BodyPara(params OpenXmlElement[] runs)
    {
        var p = new Paragraph(ParaProps(JustificationValues.Both, 0, Nd30.ParagraphSpacing.Written, Nd30.FirstLineIndent.Written));
        p.Append(runs);
        return p;
    }

    /// <summary>
    /// An empty thin paragraph whose bottom border draws a centred rule of <paramref name="ruleWidth"/> twips inside a
    /// column of <paramref name="columnWidth"/> (the short rule under the issuer and under the subject).
    /// </summary>
    public static Paragraph Rule(int columnWidth, int ruleWidth)
    {
        var indent = Math.Max(0, (columnWidth - ruleWidth) / 2);
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent.ToString(), Right = indent.ToString() },
            new Justification { Val = JustificationValues.Center },
            new ParagraphMarkRunProperties(new FontSize { Val = "8" })));
    }

    /// <summary>Rough printed width in twips of upper-case bold text (for sizing short rules).</summary>
    public static int EstimateWidth(string text, int points, bool upper) =>
        (int)(text.Length * points * 20 * (upper ? 0.68 : 0.5));

    public static Table BorderlessTable(params int[] widths)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None },
                new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "0000", FirstRow = false, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }));
        var grid = new TableGrid();
        foreach (var w in widths)
        {
            grid.Append(new GridColumn { Width = w.ToString() });
        }

        table.Append(grid);
        return table;
    }

    public static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableCellMargin(new LeftMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new RightMargin { Width = "0", Type = TableWidthUnitValues.Dxa })));
        cell.Append(content.Length == 0 ? [new Paragraph()] : content);
        return cell;
    }

    /// <summary>Left column width of the two-column header.</summary>
    public const int HeaderLeft = 3686;

    public static int HeaderRight => Nd30.TextWidth - HeaderLeft;

    /// <summary>
    /// The ND30 header: issuer (chủ quản upright, ban hành bold, short rule, "Số: …") | Quốc hiệu, Tiêu ngữ (underlined
    /// over its exact length), date line (italic). Each variable part is produced by <paramref name="field"/>, so the
    /// invitation template can wrap it in a content control while the programme passes plain text.
    /// </summary>
    public static Table Header(Func<string, string, TextStyle, OpenXmlElement> field, Issuer issuer, string number, string dateLine, Func<string, Paragraph, OpenXmlElement>? block = null)
    {
        var left = new List<OpenXmlElement>();
        if (issuer.Parent.Length > 0 || block is not null)
        {
            var parent = new Paragraph(ParaProps(JustificationValues.Center), TextRun(issuer.Parent, new TextStyle(Nd30.ParentSize.Written)));
            left.Add(block is null ? parent : block("CoQuanChuQuan", parent));
        }

        left.Add(new Paragraph(ParaProps(JustificationValues.Center), field("CoQuanBanHanh", issuer.Name, new TextStyle(Nd30.IssuerSize.Written, Bold: true))));
        var longest = issuer.Name.Split('\n').Max(l => l.Length);
        left.Add(Rule(HeaderLeft, EstimateWidth(new string('X', longest), Nd30.IssuerSize.Written, true) * 2 / 5));
        left.Add(new Paragraph(ParaProps(JustificationValues.Center, before: 120),
            TextRun("Số: ", new TextStyle(Nd30.NumberSize.Written)), field("SoKyHieu", number, new TextStyle(Nd30.NumberSize.Written))));

        var right = new List<OpenXmlElement>
        {
            new Paragraph(ParaProps(JustificationValues.Center), TextRun(Nd30.NationalName, new TextStyle(Nd30.NationalTitleSize.Written, Bold: true))),
            new Paragraph(ParaProps(JustificationValues.Center), TextRun(Nd30.Motto, new TextStyle(Nd30.MottoSize.Written, Bold: true, Underline: true))),
            new Paragraph(ParaProps(JustificationValues.Center, before: 240), field("DiaDanhNgayThang", dateLine, new TextStyle(Nd30.DateLineSize.Written, Italic: true))),
        };

        var table = BorderlessTable(HeaderLeft, HeaderRight);
        table.Append(new TableRow(Cell(HeaderLeft, [.. left]), Cell(HeaderRight, [.. right])));
        return table;
    }

    /// <summary>
    /// The closing table: "Nơi nhận:" (12 pt bold italic) and its list (11 pt) on the left; the signature block on the right
    /// (authority and position upper bold, room to sign, the name bold).
    /// </summary>
    public static Table Closing(Func<string, string, TextStyle, OpenXmlElement> field, Func<string, IReadOnlyList<string>, OpenXmlElement[]> recipients, IReadOnlyList<string> recipientLines, Signer signer)
    {
        const int leftWidth = 4253;
        var rightWidth = Nd30.TextWidth - leftWidth;
        var left = new List<OpenXmlElement>
        {
            new Paragraph(ParaProps(JustificationValues.Left, before: 120), TextRun("Nơi nhận:", new TextStyle(Nd30.RecipientsLabelSize.Written, Bold: true, Italic: true))),
        };
        left.AddRange(recipients("NoiNhan", recipientLines));

        var right = new List<OpenXmlElement>();
        if (signer.Authority.Length > 0)
        {
            right.Add(new Paragraph(ParaProps(JustificationValues.Center, before: 120), field("ThamQuyenKy", signer.Authority, new TextStyle(Nd30.SignatureSize.Written, Bold: true))));
        }

        right.Add(new Paragraph(ParaProps(JustificationValues.Center, before: signer.Authority.Length > 0 ? 0 : 120), field("ChucVuKy", signer.Position, new TextStyle(Nd30.SignatureSize.Written, Bold: true))));
        for (var i = 0; i < 4; i++)
        {
            right.Add(new Paragraph(ParaProps(JustificationValues.Center)));
        }

        right.Add(new Paragraph(ParaProps(JustificationValues.Center, before: 240), field("NguoiKy", signer.Name, new TextStyle(Nd30.SignatureSize.Written, Bold: true))));

        var table = BorderlessTable(leftWidth, rightWidth);
        table.Append(new TableRow(Cell(leftWidth, [.. left]), Cell(rightWidth, [.. right])));
        return table;
    }

    /// <summary>Nơi nhận lines as 11 pt paragraphs, each "- …".</summary>
    public static OpenXmlElement[] RecipientParagraphs(IReadOnlyList<string> lines) =>
        [.. lines.Select(l =>
        {
            var pp = ParaProps(JustificationValues.Left);
            pp.PrependChild(new ParagraphStyleId { Val = "RecipientList" });
            // The paragraph mark takes the list size too, or viewers size the line by the 13 pt default.
            pp.Append(new ParagraphMarkRunProperties(new FontSize { Val = Nd30.Size(Nd30.RecipientsListSize.Written) }, new FontSizeComplexScript { Val = Nd30.Size(Nd30.RecipientsListSize.Written) }));
            return (OpenXmlElement)new Paragraph(pp, TextRun(RecipientLine(l), new TextStyle(Nd30.RecipientsListSize.Written)));
        })];

    /// <summary>"Như trên;" → "- Như trên;".</summary>
    public static string RecipientLine(string line) => line.StartsWith('-') ? line : "- " + line;

    /// <summary>A plain-text field: just the run (for documents that are not templates).</summary>
    public static OpenXmlElement PlainField(string tag, string value, TextStyle style) => TextRun(value, style);

    public static string DateLine(Issuer issuer, DateOnly date) => VietnameseText.DateLine(issuer.Place, date);

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
