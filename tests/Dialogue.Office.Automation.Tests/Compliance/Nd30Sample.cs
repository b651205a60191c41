using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Vml = DocumentFormat.OpenXml.Vml;

namespace Dialogue.Office.Automation.Tests.Compliance;

/// <summary>How a rule under a header element is drawn (the four ways Word users and generators do it).</summary>
public enum RuleKind
{
    Underline,
    BottomBorder,
    BorderParagraph,
    Shape,
    None,
}

/// <summary>
/// A Giấy mời (Mẫu 1.7) laid out as this project generates documents: a borderless two-column header table,
/// tên loại and trích yếu, justified body paragraphs, a closing borderless table with Nơi nhận (left) and the
/// signature (right). Every knob defaults to a correct ND30 value; tests change one knob with <c>with</c>.
/// Sizes in half-points, lengths in twips.
/// </summary>
public sealed record Nd30Sample
{
    public uint PageWidth { get; init; } = 11906;
    public uint PageHeight { get; init; } = 16838;
    public bool Landscape { get; init; }
    public int MarginTop { get; init; } = 1134;
    public int MarginBottom { get; init; } = 1134;
    public uint MarginLeft { get; init; } = 1701;
    public uint MarginRight { get; init; } = 850;
    public string Font { get; init; } = "Times New Roman";

    public bool HeaderTable { get; init; } = true;
    public string? Parent { get; init; } = "UBND TỈNH YÊN BÁI";
    public bool ParentBold { get; init; }
    public string Issuer { get; init; } = "SỞ NỘI VỤ";
    public int IssuerSize { get; init; } = 26;
    public RuleKind IssuerRule { get; init; } = RuleKind.BorderParagraph;
    public string Number { get; init; } = "Số: 125/GM-SNV";
    public string NationalTitle { get; init; } = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public int NationalTitleSize { get; init; } = 24;
    public bool NationalTitleBold { get; init; } = true;
    public string Motto { get; init; } = "Độc lập - Tự do - Hạnh phúc";
    public RuleKind MottoRule { get; init; } = RuleKind.BorderParagraph;
    public string DateLine { get; init; } = "Yên Bái, ngày 05 tháng 4 năm 2023";
    public bool DateItalic { get; init; } = true;

    public string Title { get; init; } = "GIẤY MỜI";
    public string Summary { get; init; } = "Tham dự Hội nghị đối thoại giữa người đứng đầu với cán bộ, công chức năm 2023";

    public int BodySize { get; init; } = 28;
    public int BodyFirstLine { get; init; } = 567;
    public int BodyAfter { get; init; } = 120;
    public int BodyLine { get; init; } = 276;
    public int BodyParagraphs { get; init; } = 6;

    /// <summary>A body paragraph written in a legacy font: (font, text).</summary>
    public (string Font, string Text)? LegacyParagraph { get; init; }

    /// <summary>A chương trình table (3 bordered columns) in the body.</summary>
    public bool ProgrammeTable { get; init; }

    public string RecipientsLabel { get; init; } = "Nơi nhận:";
    public int RecipientsLabelSize { get; init; } = 24;
    public int RecipientsSize { get; init; } = 22;
    public IReadOnlyList<string> RecipientItems { get; init; } = ["- Như trên;", "- Giám đốc Sở (để b/c);", "- Lưu: VT, VP."];

    public IReadOnlyList<string> Signature { get; init; } = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"];
    public bool SignatureBold { get; init; } = true;
    public string SignerName { get; init; } = "Nguyễn Văn An";

    /// <summary>Page number header: null = none; otherwise its alignment and where it sits.</summary>
    public JustificationValues? PageNumberAlign { get; init; }
    public bool PageNumberInFooter { get; init; }
    public bool TitlePage { get; init; } = true;

    public string Save(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        if (HeaderTable)
        {
            body.Append(HeaderAsTable());
        }
        else
        {
            foreach (var p in HeaderAsParagraphs())
            {
                body.Append(p);
            }
        }

        body.Append(Centered(Text(Title, 28, bold: true)));
        body.Append(Centered(Text(Summary, 28, bold: true)));
        body.Append(RuleParagraph(3000));
        body.Append(BodyParagraph("Sở Nội vụ trân trọng kính mời: Đồng chí Trưởng phòng, đơn vị trực thuộc Sở."));
        for (var i = 1; i < BodyParagraphs; i++)
        {
            body.Append(BodyParagraph($"Nội dung thứ {i}: tới dự hội nghị đối thoại năm 2023 giữa người đứng đầu với cán bộ, công chức, viên chức và người lao động tại hội trường tầng 3 của Sở."));
        }

        if (LegacyParagraph is { } legacy)
        {
            body.Append(BodyParagraph(legacy.Text, legacy.Font));
        }

        if (ProgrammeTable)
        {
            body.Append(Programme());
            body.Append(BodyParagraph("Kính mời các đồng chí về dự đúng thành phần, thời gian./."));
        }

        body.Append(ClosingTable());
        body.Append(Section(main));
        main.Document = new Document(body);
        main.Document.Save();
        return path;
    }

    private void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        stylesPart.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "28" },
                    new FontSizeComplexScript { Val = "28" },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle())),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        stylesPart.Styles.Save();
    }

    private Table HeaderAsTable()
    {
        var left = new List<OpenXmlElement>();
        if (Parent is not null)
        {
            left.Add(Centered(Text(Parent, 26, bold: ParentBold)));
        }

        left.AddRange(WithRule(Centered(Text(Issuer, IssuerSize, bold: true, underline: IssuerRule == RuleKind.Underline)), IssuerRule, 1200));
        left.Add(Centered(Text(Number, 26)));

        var right = new List<OpenXmlElement> { Centered(Text(NationalTitle, NationalTitleSize, bold: NationalTitleBold)) };
        right.AddRange(WithRule(Centered(Text(Motto, 26, bold: true, underline: MottoRule == RuleKind.Underline)), MottoRule, 600));
        right.Add(Centered(Text(DateLine, 28, italic: DateItalic)));
        return TwoColumnTable(left, right, 3600, 5800);
    }

    private IEnumerable<Paragraph> HeaderAsParagraphs()
    {
        // Without a table: Quốc hiệu and Tiêu ngữ centred on top, then the issuer, the number and the date.
        yield return Centered(Text(NationalTitle, NationalTitleSize, bold: NationalTitleBold));
        foreach (var p in WithRule(Centered(Text(Motto, 26, bold: true, underline: MottoRule == RuleKind.Underline)), MottoRule, 2500))
        {
            yield return (Paragraph)p;
        }

        if (Parent is not null)
        {
            yield return Left(Text(Parent, 26, bold: ParentBold));
        }

        foreach (var p in WithRule(Left(Text(Issuer, IssuerSize, bold: true, underline: IssuerRule == RuleKind.Underline)), IssuerRule, 0))
        {
            yield return (Paragraph)p;
        }

        yield return Left(Text(Number, 26));
        yield return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }), Text(DateLine, 28, italic: DateItalic));
    }

    private static IEnumerable<OpenXmlElement> WithRule(Paragraph text, RuleKind kind, int indent)
    {
        switch (kind)
        {
            case RuleKind.BottomBorder:
                text.ParagraphProperties!.PrependChild(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }));
                yield return text;
                break;
            case RuleKind.BorderParagraph:
                yield return text;
                yield return RuleParagraph(indent);
                break;
            case RuleKind.Shape:
                yield return text;
                yield return new Paragraph(new Run(new Picture(new Vml.Line { From = "0,0", To = "120pt,0", StrokeWeight = "1pt" })));
                break;
            default:
                yield return text;
                break;
        }
    }

    /// <summary>An empty paragraph whose top border is the rule; its length is set by the indents.</summary>
    private static Paragraph RuleParagraph(int indent) => new(new ParagraphProperties(
        new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
        new SpacingBetweenLines { After = "0" },
        new Indentation { Left = indent.ToString(), Right = indent.ToString() },
        new Justification { Val = JustificationValues.Center }));

    private Paragraph BodyParagraph(string text, string? font = null) => new(
        new ParagraphProperties(
            new SpacingBetweenLines { After = BodyAfter.ToString(), Line = BodyLine.ToString(), LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLine = BodyFirstLine.ToString() },
            new Justification { Val = JustificationValues.Both }),
        Text(text, BodySize, font: font));

    private Table Programme()
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(new GridColumn { Width = "1800" }, new GridColumn { Width = "5000" }, new GridColumn { Width = "2500" }));
        foreach (var (time, what, who) in new[] { ("THỜI GIAN", "NỘI DUNG", "THỰC HIỆN"), ("07h30 - 08h00", "Đón tiếp, đăng ký đại biểu", "Văn phòng Sở"), ("08h00 - 08h10", "Tuyên bố lý do, giới thiệu đại biểu", "Chánh Văn phòng") })
        {
            table.Append(new TableRow(
                Cell(1800, Left(Text(time, 24))), Cell(5000, Left(Text(what, 24))), Cell(2500, Left(Text(who, 24)))));
        }

        return table;
    }

    private Table ClosingTable()
    {
        var left = new List<OpenXmlElement> { Left(Text(RecipientsLabel, RecipientsLabelSize, bold: true, italic: true)) };
        left.AddRange(RecipientItems.Select(item => Left(Text(item, RecipientsSize))));
        var right = new List<OpenXmlElement>();
        right.AddRange(Signature.Select(line => Centered(Text(line, 28, bold: SignatureBold))));
        right.Add(new Paragraph());
        right.Add(new Paragraph());
        right.Add(new Paragraph());
        right.Add(Centered(Text(SignerName, 28, bold: true)));
        return TwoColumnTable(left, right, 4500, 4900);
    }

    private static Table TwoColumnTable(IEnumerable<OpenXmlElement> left, IEnumerable<OpenXmlElement> right, int leftWidth, int rightWidth)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        return new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = (leftWidth + rightWidth).ToString() }, none, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = leftWidth.ToString() }, new GridColumn { Width = rightWidth.ToString() }),
            new TableRow(Cell(leftWidth, left.ToArray()), Cell(rightWidth, right.ToArray())));
    }

    private static TableCell Cell(int width, params OpenXmlElement[] content) =>
        new(new[] { new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString() }) }.Cast<OpenXmlElement>().Concat(content));

    private SectionProperties Section(MainDocumentPart main)
    {
        var section = new SectionProperties();
        if (PageNumberAlign is { } align)
        {
            var paragraph = new Paragraph(
                new ParagraphProperties(new Justification { Val = align }),
                new SimpleField(Text("1", 28)) { Instruction = " PAGE " });
            string id;
            if (PageNumberInFooter)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(paragraph);
                id = main.GetIdOfPart(part);
                section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = id });
            }
            else
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(paragraph);
                id = main.GetIdOfPart(part);
                section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = id });
            }
        }

        section.Append(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = Landscape ? PageOrientationValues.Landscape : null },
            new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 720, Footer = 720, Gutter = 0 });
        if (PageNumberAlign is not null && TitlePage)
        {
            section.Append(new TitlePage());
        }

        return section;
    }

    private static Paragraph Centered(Run run) => new(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Center }), run);

    private static Paragraph Left(Run run) => new(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), run);

    internal static Run Text(string text, int size, bool bold = false, bool italic = false, bool underline = false, string? font = null)
    {
        var props = new RunProperties();
        if (font is not null)
        {
            props.Append(new RunFonts { Ascii = font, HighAnsi = font, ComplexScript = font });
        }

        if (bold)
        {
            props.Append(new Bold());
        }

        if (italic)
        {
            props.Append(new Italic());
        }

        props.Append(new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() });
        if (underline)
        {
            props.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
