namespace Dialogue.Office.Automation.Compliance;

/// <summary>Paragraph alignment (w:jc) as the rules need it; the values of ECMA-376 17.18.44 that Word writes.</summary>
internal enum Alignment
{
    Left,
    Start,
    Center,
    Right,
    End,
    Both,
    MediumKashida,
    Distribute,
    NumTab,
    HighKashida,
    LowKashida,
    ThaiDistribute,
}

/// <summary>How w:spacing/@w:line is read (w:lineRule).</summary>
internal enum LineRule
{
    Auto,
    Exact,
    AtLeast,
}

/// <summary>Which pages a header or footer serves (w:headerReference/@w:type).</summary>
internal enum HeaderFooterKind
{
    Default,
    First,
    Even,
}

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
    Alignment? Justification,
    int FirstLine,
    int Hanging,
    int Before,
    int After,
    int? Line,
    LineRule? LineRule,
    bool BorderTop,
    bool BorderBottom,
    bool Numbered)
{
    public bool IsCentered => Justification == Alignment.Center;

    public bool IsJustified => Justification == Alignment.Both || Justification == Alignment.Distribute;
}

/// <summary>Run properties of one w:rPr (or a cascade of them); null = not set at this level.</summary>
internal sealed record RunProps(string? Ascii, string? HAnsi, int? HalfPoints, bool? Bold, bool? Italic, bool? Caps, bool? Underline)
{
    public static readonly RunProps Empty = new(null, null, null, null, null, null, null);

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

/// <summary>Paragraph properties of one w:pPr (or a cascade of them); null = not set at this level.</summary>
internal sealed record ParaProps(
    Alignment? Jc,
    int? FirstLine,
    int? Hanging,
    int? Before,
    int? After,
    int? Line,
    LineRule? LineRule,
    bool? Top,
    bool? Bottom,
    bool? Numbered)
{
    public static readonly ParaProps Empty = new(null, null, null, null, null, null, null, null, null, null);

    /// <summary>firstLine and hanging exclude each other: setting one clears the other.</summary>
    public static (int? FirstLine, int? Hanging) Indents(int? firstLine, int? hanging) =>
        firstLine is not null && hanging is null ? (firstLine, 0)
        : hanging is not null && firstLine is null ? (0, hanging)
        : (firstLine, hanging);

    /// <summary>A string-typed measure (w:ind, w:spacing, w:sz) read the way the rules always read it.</summary>
    public static int? Twips(string? value) => int.TryParse(value, out var v) ? v : null;

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

/// <summary>One w:style as the cascade needs it.</summary>
internal sealed record StyleEntry(string? BasedOn, RunProps Run, ParaProps Paragraph, bool TableBorders);

/// <summary>
/// The style part and theme fonts read once, without the Open XML SDK's object model: resolves run and paragraph
/// properties the way Word does, in order: document defaults → paragraph style chain (basedOn) → character style
/// chain → direct formatting. Toggle properties (bold, italic) are taken as last-wins, which is what documents
/// written by people and by this project's generators rely on. Filled by <see cref="StyleResolver"/> (SDK) or by
/// <see cref="RawDocxReader"/>.
/// </summary>
internal sealed class StyleSheet(IReadOnlyDictionary<string, StyleEntry> styles, string? defaultParagraphStyle, RunProps docDefaultsRun, ParaProps docDefaultsPara)
{
    private readonly Dictionary<string, RunProps> _paraStyleRunCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParaProps> _paraStyleParaCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunProps> _charStyleCache = new(StringComparer.Ordinal);

    public string? DefaultParagraphStyleId => defaultParagraphStyle;

    /// <summary>Run format from the paragraph's style, the run's character style and the run's own properties.</summary>
    public RunFormat ResolveRun(string? paragraphStyleId, string? characterStyleId, RunProps direct)
    {
        var props = docDefaultsRun.Over(Cached(_paraStyleRunCache, paragraphStyleId, RunProps.Empty, s => s.Run, (a, b) => a.Over(b)));
        if (characterStyleId is not null)
        {
            props = props.Over(Cached(_charStyleCache, characterStyleId, RunProps.Empty, s => s.Run, (a, b) => a.Over(b)));
        }

        return props.Over(direct).ToFormat();
    }

    /// <summary>Paragraph format from the paragraph's style and its own properties.</summary>
    public ParagraphFormat ResolveParagraph(string? paragraphStyleId, ParaProps direct) =>
        docDefaultsPara.Over(Cached(_paraStyleParaCache, paragraphStyleId, ParaProps.Empty, s => s.Paragraph, (a, b) => a.Over(b))).Over(direct).ToFormat();

    /// <summary>Whether a table style (or one it is based on) draws visible borders.</summary>
    public bool TableStyleHasBorders(string styleId) => Chain(styleId).Any(s => s.TableBorders);

    private T Cached<T>(Dictionary<string, T> cache, string? styleId, T empty, Func<StyleEntry, T> part, Func<T, T, T> over)
    {
        if (styleId is null)
        {
            return empty;
        }

        if (cache.TryGetValue(styleId, out var cached))
        {
            return cached;
        }

        var result = empty;
        foreach (var style in Chain(styleId))
        {
            result = over(result, part(style));
        }

        cache[styleId] = result;
        return result;
    }

    /// <summary>The basedOn chain from the root down to <paramref name="styleId"/> (cycles cut).</summary>
    public IEnumerable<StyleEntry> Chain(string styleId)
    {
        var chain = new List<StyleEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var id = styleId;
        while (id is not null && seen.Add(id) && styles.TryGetValue(id, out var style))
        {
            chain.Add(style);
            id = style.BasedOn;
        }

        chain.Reverse();
        return chain;
    }
}
