using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>Run formatting after the style cascade; null = not set anywhere (Word's own default applies).</summary>
internal sealed record RunFormat(string? AsciiFont, string? HAnsiFont, int? HalfPoints, bool Bold, bool Italic, bool Caps, bool Underline)
{
    /// <summary>Word's built-in default when nothing sets a font: Times New Roman; when nothing sets a size: 10 pt.</summary>
    public const string WordDefaultFont = "Times New Roman";

    public int EffectiveHalfPoints => HalfPoints ?? 20;

    public string EffectiveAscii => AsciiFont ?? WordDefaultFont;

    public string EffectiveHAnsi => HAnsiFont ?? AsciiFont ?? WordDefaultFont;
}

/// <summary>Paragraph formatting after the style cascade, in twips.</summary>
internal sealed record ParagraphFormat(
    JustificationValues? Justification,
    int FirstLine,
    int Hanging,
    int Before,
    int After,
    int? Line,
    LineSpacingRuleValues? LineRule,
    bool BorderTop,
    bool BorderBottom,
    bool Numbered)
{
    public bool IsCentered => Justification == JustificationValues.Center;

    public bool IsJustified => Justification == JustificationValues.Both || Justification == JustificationValues.Distribute;
}

/// <summary>
/// Resolves run and paragraph properties the way Word does, in order: document defaults → paragraph style chain
/// (basedOn) → character style chain → direct formatting. Theme fonts (minorHAnsi …) resolve through the theme part.
/// Toggle properties (bold, italic) are taken as last-wins, which is what documents written by people and by this
/// project's generators rely on.
/// </summary>
internal sealed class StyleResolver
{
    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly string? _defaultParagraphStyle;
    private readonly RunProps _docDefaultsRun;
    private readonly ParaProps _docDefaultsPara;
    private readonly string? _minorLatin;
    private readonly string? _majorLatin;
    private readonly Dictionary<string, RunProps> _paraStyleRunCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParaProps> _paraStyleParaCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunProps> _charStyleCache = new(StringComparer.Ordinal);

    public StyleResolver(MainDocumentPart main)
    {
        var styles = main.StyleDefinitionsPart?.Styles;
        if (styles is not null)
        {
            foreach (var style in styles.Elements<Style>())
            {
                if (style.StyleId?.Value is { } id)
                {
                    _styles[id] = style;
                }

                if (style.Type?.Value == StyleValues.Paragraph && style.Default?.Value == true)
                {
                    _defaultParagraphStyle = style.StyleId?.Value;
                }
            }
        }

        var fontScheme = main.ThemePart?.Theme?.ThemeElements?.FontScheme;
        _minorLatin = fontScheme?.MinorFont?.LatinFont?.Typeface?.Value;
        _majorLatin = fontScheme?.MajorFont?.LatinFont?.Typeface?.Value;

        var defaults = styles?.DocDefaults;
        _docDefaultsRun = RunProps.From(defaults?.RunPropertiesDefault?.RunPropertiesBaseStyle, this);
        _docDefaultsPara = ParaProps.From(defaults?.ParagraphPropertiesDefault?.ParagraphPropertiesBaseStyle);
    }

    public string? DefaultParagraphStyleId => _defaultParagraphStyle;

    public IReadOnlyDictionary<string, Style> Styles => _styles;

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
        var props = _docDefaultsRun;
        props = props.Over(ParagraphStyleRun(ParagraphStyleId(paragraph)));
        var rPr = run?.RunProperties;
        if (rPr?.RunStyle?.Val?.Value is { } charStyle)
        {
            props = props.Over(CharacterStyleRun(charStyle));
        }

        props = props.Over(RunProps.From(rPr, this));
        return props.ToFormat();
    }

    public ParagraphFormat ResolveParagraph(Paragraph paragraph)
    {
        var props = _docDefaultsPara.Over(ParagraphStyleParagraph(ParagraphStyleId(paragraph)));
        props = props.Over(ParaProps.From(paragraph.ParagraphProperties));
        return props.ToFormat();
    }

    public string? ParagraphStyleId(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? _defaultParagraphStyle;

    private RunProps ParagraphStyleRun(string? styleId)
    {
        if (styleId is null)
        {
            return RunProps.Empty;
        }

        if (_paraStyleRunCache.TryGetValue(styleId, out var cached))
        {
            return cached;
        }

        var result = RunProps.Empty;
        foreach (var style in Chain(styleId))
        {
            result = result.Over(RunProps.From(style.StyleRunProperties, this));
        }

        _paraStyleRunCache[styleId] = result;
        return result;
    }

    private ParaProps ParagraphStyleParagraph(string? styleId)
    {
        if (styleId is null)
        {
            return ParaProps.Empty;
        }

        if (_paraStyleParaCache.TryGetValue(styleId, out var cached))
        {
            return cached;
        }

        var result = ParaProps.Empty;
        foreach (var style in Chain(styleId))
        {
            result = result.Over(ParaProps.From(style.StyleParagraphProperties));
        }

        _paraStyleParaCache[styleId] = result;
        return result;
    }

    private RunProps CharacterStyleRun(string styleId)
    {
        if (_charStyleCache.TryGetValue(styleId, out var cached))
        {
            return cached;
        }

        var result = RunProps.Empty;
        foreach (var style in Chain(styleId))
        {
            result = result.Over(RunProps.From(style.StyleRunProperties, this));
        }

        _charStyleCache[styleId] = result;
        return result;
    }

    /// <summary>The basedOn chain from the root down to <paramref name="styleId"/> (cycles cut).</summary>
    public IEnumerable<Style> Chain(string styleId)
    {
        var chain = new List<Style>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var id = styleId;
        while (id is not null && seen.Add(id) && _styles.TryGetValue(id, out var style))
        {
            chain.Add(style);
            id = style.BasedOn?.Val?.Value;
        }

        chain.Reverse();
        return chain;
    }

    internal sealed record RunProps(string? Ascii, string? HAnsi, int? HalfPoints, bool? Bold, bool? Italic, bool? Caps, bool? Underline)
    {
        public static readonly RunProps Empty = new(null, null, null, null, null, null, null);

        public static RunProps From(OpenXmlElement? rPr, StyleResolver resolver)
        {
            if (rPr is null)
            {
                return Empty;
            }

            var fonts = rPr.GetFirstChild<RunFonts>();
            // A theme attribute wins over the plain font name in the same element (ECMA-376 17.3.2.26).
            var ascii = resolver.ThemeFont(fonts?.AsciiTheme?.Value) ?? fonts?.Ascii?.Value;
            var hAnsi = resolver.ThemeFont(fonts?.HighAnsiTheme?.Value) ?? fonts?.HighAnsi?.Value;
            int? size = int.TryParse(rPr.GetFirstChild<FontSize>()?.Val?.Value, out var sz) ? sz : null;
            return new RunProps(
                ascii,
                hAnsi,
                size,
                Toggle(rPr.GetFirstChild<Bold>()),
                Toggle(rPr.GetFirstChild<Italic>()),
                Toggle(rPr.GetFirstChild<Caps>()),
                rPr.GetFirstChild<Underline>() is { } u ? u.Val is null || u.Val.Value != UnderlineValues.None : null);
        }

        private static bool? Toggle(OnOffType? element) => element is null ? null : element.Val is null || element.Val.Value;

        public RunProps Over(RunProps top) => new(
            top.Ascii ?? Ascii,
            top.HAnsi ?? HAnsi,
            top.HalfPoints ?? HalfPoints,
            top.Bold ?? Bold,
            top.Italic ?? Italic,
            top.Caps ?? Caps,
            top.Underline ?? Underline);

        public RunFormat ToFormat() => new(Ascii, HAnsi, HalfPoints, Bold ?? false, Italic ?? false, Caps ?? false, Underline ?? false);
    }

    internal sealed record ParaProps(
        JustificationValues? Jc,
        int? FirstLine,
        int? Hanging,
        int? Before,
        int? After,
        int? Line,
        LineSpacingRuleValues? LineRule,
        bool? Top,
        bool? Bottom,
        bool? Numbered)
    {
        public static readonly ParaProps Empty = new(null, null, null, null, null, null, null, null, null, null);

        public static ParaProps From(OpenXmlElement? pPr)
        {
            if (pPr is null)
            {
                return Empty;
            }

            var ind = pPr.GetFirstChild<Indentation>();
            var spacing = pPr.GetFirstChild<SpacingBetweenLines>();
            var borders = pPr.GetFirstChild<ParagraphBorders>();
            var numPr = pPr.GetFirstChild<NumberingProperties>();
            int? firstLine = Twips(ind?.FirstLine?.Value);
            int? hanging = Twips(ind?.Hanging?.Value);
            // firstLine and hanging exclude each other: setting one clears the other.
            if (firstLine is not null && hanging is null)
            {
                hanging = 0;
            }
            else if (hanging is not null && firstLine is null)
            {
                firstLine = 0;
            }

            return new ParaProps(
                pPr.GetFirstChild<Justification>()?.Val?.Value,
                firstLine,
                hanging,
                Twips(spacing?.Before?.Value),
                Twips(spacing?.After?.Value),
                Twips(spacing?.Line?.Value),
                spacing?.LineRule?.Value,
                borders is null ? null : Visible(borders.TopBorder),
                borders is null ? null : Visible(borders.BottomBorder),
                numPr is null ? null : numPr.NumberingId?.Val?.Value is not 0);
        }

        public static bool Visible(BorderType? border) =>
            border?.Val is not null && border.Val.Value != BorderValues.None && border.Val.Value != BorderValues.Nil;

        private static int? Twips(string? value) => int.TryParse(value, out var v) ? v : null;

        public ParaProps Over(ParaProps top) => new(
            top.Jc ?? Jc,
            top.FirstLine ?? FirstLine,
            top.Hanging ?? Hanging,
            top.Before ?? Before,
            top.After ?? After,
            top.Line ?? Line,
            top.LineRule ?? LineRule,
            top.Top ?? Top,
            top.Bottom ?? Bottom,
            top.Numbered ?? Numbered);

        public ParagraphFormat ToFormat() => new(
            Jc,
            FirstLine ?? 0,
            Hanging ?? 0,
            Before ?? 0,
            After ?? 0,
            Line,
            LineRule,
            Top ?? false,
            Bottom ?? false,
            Numbered ?? false);
    }
}
