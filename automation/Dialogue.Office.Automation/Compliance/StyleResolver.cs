using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>
/// The <see cref="StyleSheet"/> of a document opened with the Open XML SDK (the fixer, and the reference reading the
/// raw reader is compared with): styles, document defaults and theme fonts (minorHAnsi …) read from the SDK's parts.
/// </summary>
internal sealed class StyleResolver
{
    private readonly string? _minorLatin;
    private readonly string? _majorLatin;

    public StyleResolver(MainDocumentPart main)
    {
        var fontScheme = main.ThemePart?.Theme?.ThemeElements?.FontScheme;
        _minorLatin = fontScheme?.MinorFont?.LatinFont?.Typeface?.Value;
        _majorLatin = fontScheme?.MajorFont?.LatinFont?.Typeface?.Value;

        var entries = new Dictionary<string, StyleEntry>(StringComparer.Ordinal);
        string? defaultParagraphStyle = null;
        var styles = main.StyleDefinitionsPart?.Styles;
        if (styles is not null)
        {
            foreach (var style in styles.Elements<Style>())
            {
                if (style.StyleId?.Value is { } id)
                {
                    entries[id] = new StyleEntry(
                        style.BasedOn?.Val?.Value,
                        RunPropsOf(style.StyleRunProperties),
                        ParaPropsOf(style.StyleParagraphProperties),
                        HasVisibleBorders(style.StyleTableProperties?.TableBorders));
                }

                if (style.Type?.Value == StyleValues.Paragraph && style.Default?.Value == true)
                {
                    defaultParagraphStyle = style.StyleId?.Value;
                }
            }
        }

        var defaults = styles?.DocDefaults;
        Sheet = new StyleSheet(
            entries,
            defaultParagraphStyle,
            RunPropsOf(defaults?.RunPropertiesDefault?.RunPropertiesBaseStyle),
            ParaPropsOf(defaults?.ParagraphPropertiesDefault?.ParagraphPropertiesBaseStyle));
    }

    public StyleSheet Sheet { get; }

    public string? ThemeFont(ThemeFontValues? theme)
    {
        if (theme is null)
        {
            return null;
        }

        var value = theme.Value;
        if (value == ThemeFontValues.MajorAscii || value == ThemeFontValues.MajorHighAnsi || value == ThemeFontValues.MajorBidi || value == ThemeFontValues.MajorEastAsia)
        {
            return _majorLatin;
        }

        return _minorLatin;
    }

    public RunFormat ResolveRun(Paragraph paragraph, Run? run)
    {
        var rPr = run?.RunProperties;
        return Sheet.ResolveRun(ParagraphStyleId(paragraph), rPr?.RunStyle?.Val?.Value, RunPropsOf(rPr));
    }

    public ParagraphFormat ResolveParagraph(Paragraph paragraph) =>
        Sheet.ResolveParagraph(ParagraphStyleId(paragraph), ParaPropsOf(paragraph.ParagraphProperties));

    public string? ParagraphStyleId(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? Sheet.DefaultParagraphStyleId;

    public static bool HasVisibleBorders(OpenXmlElement? borders) =>
        borders is not null && borders.ChildElements.OfType<BorderType>().Any(Visible);

    public static bool Visible(BorderType? border) =>
        border?.Val is not null && border.Val.Value != BorderValues.None && border.Val.Value != BorderValues.Nil;

    private RunProps RunPropsOf(OpenXmlElement? rPr)
    {
        if (rPr is null)
        {
            return RunProps.Empty;
        }

        var fonts = rPr.GetFirstChild<RunFonts>();
        // A theme attribute wins over the plain font name in the same element (ECMA-376 17.3.2.26).
        var ascii = ThemeFont(fonts?.AsciiTheme?.Value) ?? fonts?.Ascii?.Value;
        var hAnsi = ThemeFont(fonts?.HighAnsiTheme?.Value) ?? fonts?.HighAnsi?.Value;
        return new RunProps(
            ascii,
            hAnsi,
            ParaProps.Twips(rPr.GetFirstChild<FontSize>()?.Val?.Value),
            Toggle(rPr.GetFirstChild<Bold>()),
            Toggle(rPr.GetFirstChild<Italic>()),
            Toggle(rPr.GetFirstChild<Caps>()),
            rPr.GetFirstChild<Underline>() is { } u ? u.Val is null || u.Val.Value != UnderlineValues.None : null);
    }

    private static bool? Toggle(OnOffType? element) => element is null ? null : element.Val is null || element.Val.Value;

    private static ParaProps ParaPropsOf(OpenXmlElement? pPr)
    {
        if (pPr is null)
        {
            return ParaProps.Empty;
        }

        var ind = pPr.GetFirstChild<Indentation>();
        var spacing = pPr.GetFirstChild<SpacingBetweenLines>();
        var borders = pPr.GetFirstChild<ParagraphBorders>();
        var numPr = pPr.GetFirstChild<NumberingProperties>();
        var (firstLine, hanging) = ParaProps.Indents(ParaProps.Twips(ind?.FirstLine?.Value), ParaProps.Twips(ind?.Hanging?.Value));
        return new ParaProps(
            pPr.GetFirstChild<Justification>()?.Val?.Value is { } jc ? Align(jc) : null,
            firstLine,
            hanging,
            ParaProps.Twips(spacing?.Before?.Value),
            ParaProps.Twips(spacing?.After?.Value),
            ParaProps.Twips(spacing?.Line?.Value),
            spacing?.LineRule?.Value is { } rule ? Rule(rule) : null,
            borders is null ? null : Visible(borders.TopBorder),
            borders is null ? null : Visible(borders.BottomBorder),
            numPr is null ? null : numPr.NumberingId?.Val?.Value is not 0);
    }

    private static Alignment Align(JustificationValues jc) => jc switch
    {
        JustificationValues.Left => Alignment.Left,
        JustificationValues.Start => Alignment.Start,
        JustificationValues.Center => Alignment.Center,
        JustificationValues.Right => Alignment.Right,
        JustificationValues.End => Alignment.End,
        JustificationValues.Both => Alignment.Both,
        JustificationValues.MediumKashida => Alignment.MediumKashida,
        JustificationValues.Distribute => Alignment.Distribute,
        JustificationValues.NumTab => Alignment.NumTab,
        JustificationValues.HighKashida => Alignment.HighKashida,
        JustificationValues.LowKashida => Alignment.LowKashida,
        _ => Alignment.ThaiDistribute,
    };

    private static LineRule Rule(LineSpacingRuleValues rule) => rule switch
    {
        LineSpacingRuleValues.Exact => LineRule.Exact,
        LineSpacingRuleValues.AtLeast => LineRule.AtLeast,
        _ => LineRule.Auto,
    };
}
