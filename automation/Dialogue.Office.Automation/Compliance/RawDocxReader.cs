using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>
/// Reads the <see cref="DocxModel"/> the ND30 rules need straight from the package's XML (System.Xml.Linq over the
/// bytes the guarded opener checked), without the Open XML SDK: the main part, styles, theme, and the header and
/// footer parts. It mirrors <see cref="SdkDocxReader"/> element by element; where the SDK might read a package
/// differently or refuse it (a relationship or content type out of the ordinary, the strict namespaces, an attribute
/// value outside its schema list, a blank w:t without xml:space) it declines, and the check reads that package
/// through the SDK instead. A test compares both readings on the sample and the fixtures.
/// </summary>
internal sealed class RawDocxReader
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string DrawingNs = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string RelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string WordCt = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    private static readonly XNamespace W = WordNs;
    private static readonly XName P = Names.XP, R = Names.XR, Tbl = Names.XTbl, Tr = Names.XTr, Tc = Names.XTc, Val = Names.XVal;
    private static readonly XName PPr = Names.XPPr, RPr = Names.XRPr, TxbxContent = Names.XTxbxContent, SectPr = Names.XSectPr;

    /// <summary>Content types the SDK insists on for the parts of these relationship types.</summary>
    private static readonly Dictionary<string, string> FixedContentTypes = new(StringComparer.Ordinal)
    {
        [RelType + "styles"] = WordCt + "styles+xml",
        [RelType + "theme"] = "application/vnd.openxmlformats-officedocument.theme+xml",
        [RelType + "header"] = WordCt + "header+xml",
        [RelType + "footer"] = WordCt + "footer+xml",
        [RelType + "settings"] = WordCt + "settings+xml",
        [RelType + "fontTable"] = WordCt + "fontTable+xml",
        [RelType + "webSettings"] = WordCt + "webSettings+xml",
        [RelType + "numbering"] = WordCt + "numbering+xml",
        [RelType + "footnotes"] = WordCt + "footnotes+xml",
        [RelType + "endnotes"] = WordCt + "endnotes+xml",
        [RelType + "comments"] = WordCt + "comments+xml",
        [RelType + "extended-properties"] = "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        [PackageRelNs + "/metadata/core-properties"] = "application/vnd.openxmlformats-package.core-properties+xml",
    };

    private static readonly HashSet<string> MainContentTypes = new(StringComparer.Ordinal)
    {
        WordCt + "document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        WordCt + "template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    };

    private static readonly HashSet<string> TableBorderNames = new(StringComparer.Ordinal) { "top", "left", "start", "bottom", "right", "end", "insideH", "insideV" };

    private static readonly HashSet<string> CellBorderNames = new(TableBorderNames, StringComparer.Ordinal) { "tl2br", "tr2bl" };

    private static readonly HashSet<string> LineBorders = new(StringComparer.Ordinal)
    {
        "single", "thick", "double", "dotted", "dashed", "dotDash", "dotDotDash", "triple", "thinThickSmallGap", "thickThinSmallGap",
        "thinThickThinSmallGap", "thinThickMediumGap", "thickThinMediumGap", "thinThickThinMediumGap", "thinThickLargeGap",
        "thickThinLargeGap", "thinThickThinLargeGap", "wave", "doubleWave", "dashSmallGap", "dashDotStroked", "threeDEmboss",
        "threeDEngrave", "outset", "inset",
    };

    private static readonly HashSet<string> Underlines = new(StringComparer.Ordinal)
    {
        "single", "words", "double", "thick", "dotted", "dottedHeavy", "dash", "dashedHeavy", "dashLong", "dashLongHeavy",
        "dotDash", "dashDotHeavy", "dotDotDash", "dashDotDotHeavy", "wave", "wavyHeavy", "wavyDouble", "none",
    };

    private static readonly Dictionary<string, Alignment> Alignments = new(StringComparer.Ordinal)
    {
        ["left"] = Alignment.Left, ["start"] = Alignment.Start, ["center"] = Alignment.Center, ["right"] = Alignment.Right,
        ["end"] = Alignment.End, ["both"] = Alignment.Both, ["mediumKashida"] = Alignment.MediumKashida,
        ["distribute"] = Alignment.Distribute, ["numTab"] = Alignment.NumTab, ["highKashida"] = Alignment.HighKashida,
        ["lowKashida"] = Alignment.LowKashida, ["thaiDistribute"] = Alignment.ThaiDistribute,
    };

    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _defaults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _overrides = new(StringComparer.OrdinalIgnoreCase);
    private readonly PackageLimits _limits;
    private readonly DocxModel _model = new();
    private string? _minorLatin;
    private string? _majorLatin;
    private StyleSheet _styles = null!;

    private RawDocxReader(PackageLimits limits) => _limits = limits;

    /// <summary>Why the reader handed a package to the SDK (only for the timings line and tests).</summary>
    private sealed class DeclinedException(string reason) : Exception(reason);

    /// <summary>The model of <paramref name="package"/>, or null (with the reason) when the SDK must read it.</summary>
    public static DocxModel? TryRead(GuardedPackage package, out string declined)
    {
        declined = "";
        try
        {
            var reader = new RawDocxReader(package.Limits);
            using var zip = new ZipArchive(package.OpenRead(), ZipArchiveMode.Read, leaveOpen: false);
            return reader.Read(zip);
        }
        catch (DeclinedException ex)
        {
            declined = ex.Message;
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException or FormatException or OverflowException
                                       or ArgumentException or InvalidOperationException or UriFormatException or KeyNotFoundException
                                       or NullReferenceException or IndexOutOfRangeException)
        {
            // Whatever the raw reading trips on, the SDK reads (or refuses) the package as it always did.
            declined = ex.GetType().Name;
        }

        return null;
    }

    private static DeclinedException Decline(string reason) => new(reason);

    private DocxModel Read(ZipArchive zip)
    {
        foreach (var entry in zip.Entries)
        {
            if (!_entries.TryAdd("/" + entry.FullName, entry))
            {
                throw Decline("two zip entries with one part name");
            }
        }

        ReadContentTypes();
        var packageRels = Relationships("/");
        var main = packageRels.Where(r => r.Type == RelType + "officeDocument").ToList();
        if (main.Count != 1 || main[0].Target is not { } mainPart)
        {
            throw Decline("not exactly one officeDocument relationship");
        }

        if (!MainContentTypes.Contains(ContentType(mainPart)))
        {
            throw Decline("main part content type");
        }

        CheckReachableParts(packageRels);
        var mainRels = Relationships(mainPart);
        ReadTheme(Single(mainRels, "theme"));
        ReadStyles(Single(mainRels, "styles"));
        var started = PhaseTimings.Timestamp();
        var document = Load(mainPart);
        PhaseTimings.Since("check: raw: document.xml parsed", started);
        started = PhaseTimings.Timestamp();
        if (document.Root?.Name != Names.XDocument)
        {
            throw Decline("main part root");
        }

        var body = document.Root.Element(Names.XBody) ?? throw Decline("no body");
        ReadBody(body);
        PhaseTimings.Since("check: raw: body read", started);

        var parts = new Dictionary<string, HeaderFooterInfo>(StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<string, HeaderFooterInfo>(StringComparer.Ordinal);
        foreach (var rel in mainRels)
        {
            var isHeader = rel.Type == RelType + "header";
            if (!isHeader && rel.Type != RelType + "footer")
            {
                continue;
            }

            if (rel.Target is null || !parts.TryAdd(rel.Target, ReadHeaderFooter(rel.Target, isHeader)))
            {
                throw Decline("header or footer relationship external or repeated");
            }

            var info = parts[rel.Target];
            (isHeader ? _model.Headers : _model.Footers).Add(info);
            byId[rel.Id] = info;
        }

        foreach (var sectPr in body.Descendants(SectPr))
        {
            _model.Sections.Add(Section(sectPr, byId));
        }

        return _model;
    }

    // ---- Package: content types, relationships ---------------------------------------------------------------

    private sealed record Relationship(string Id, string Type, string? Target);

    private void ReadContentTypes()
    {
        var types = Load("/[Content_Types].xml").Root;
        if (types?.Name != XName.Get("Types", ContentTypesNs))
        {
            throw Decline("content types");
        }

        foreach (var element in types.Elements())
        {
            var contentType = (string?)element.Attribute("ContentType") ?? throw Decline("content type without a type");
            if (element.Name == XName.Get("Default", ContentTypesNs) && (string?)element.Attribute("Extension") is { } extension)
            {
                if (!_defaults.TryAdd(extension, contentType))
                {
                    throw Decline("content type repeated");
                }
            }
            else if (element.Name == XName.Get("Override", ContentTypesNs) && (string?)element.Attribute("PartName") is { } partName)
            {
                if (!_overrides.TryAdd(partName, contentType))
                {
                    throw Decline("content type repeated");
                }
            }
            else
            {
                throw Decline("content types");
            }
        }
    }

    private string ContentType(string part)
    {
        if (_overrides.TryGetValue(part, out var type))
        {
            return type;
        }

        var dot = part.LastIndexOf('.');
        return dot > part.LastIndexOf('/') && _defaults.TryGetValue(part[(dot + 1)..], out type) ? type : throw Decline("part without a content type");
    }

    /// <summary>The relationships of <paramref name="source"/> ("/" for the package); internal targets as part names.</summary>
    private List<Relationship> Relationships(string source)
    {
        var slash = source.LastIndexOf('/');
        var relsName = source == "/" ? "/_rels/.rels" : source[..(slash + 1)] + "_rels/" + source[(slash + 1)..] + ".rels";
        var result = new List<Relationship>();
        if (!_entries.ContainsKey(relsName))
        {
            return result;
        }

        var root = Load(relsName).Root;
        if (root?.Name != XName.Get("Relationships", PackageRelNs))
        {
            throw Decline("relationships root");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in root.Elements())
        {
            var id = (string?)element.Attribute("Id");
            var type = (string?)element.Attribute("Type");
            var target = (string?)element.Attribute("Target");
            var mode = (string?)element.Attribute("TargetMode");
            if (element.Name != XName.Get("Relationship", PackageRelNs) || id is null || type is null || target is null || !ids.Add(id))
            {
                throw Decline("relationship malformed");
            }

            if (mode == "External")
            {
                result.Add(new Relationship(id, type, null));
                continue;
            }

            if (mode is not null and not "Internal")
            {
                throw Decline("relationship target mode");
            }

            if (type.StartsWith("http://purl.oclc.org/", StringComparison.Ordinal))
            {
                throw Decline("strict relationship");
            }

            result.Add(new Relationship(id, type, Resolve(source, target)));
        }

        return result;
    }

    private string Resolve(string source, string target)
    {
        if (target.Length == 0 || target.Contains('#', StringComparison.Ordinal) || target.Contains('?', StringComparison.Ordinal)
            || target.Contains('\\', StringComparison.Ordinal) || target.Contains(':', StringComparison.Ordinal))
        {
            throw Decline("relationship target");
        }

        var resolved = Uri.UnescapeDataString(new Uri(new Uri("http://package" + source), target).AbsolutePath);
        return _entries.ContainsKey(resolved) ? resolved : throw Decline("relationship to a missing part");
    }

    /// <summary>Every part the SDK would load: its relationships well formed, its content type known and right.</summary>
    private void CheckReachableParts(List<Relationship> packageRels)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<Relationship>(packageRels);
        while (queue.Count > 0)
        {
            var rel = queue.Dequeue();
            if (rel.Target is not { } part)
            {
                continue;
            }

            var contentType = ContentType(part);
            if (FixedContentTypes.TryGetValue(rel.Type, out var expected) && contentType != expected)
            {
                throw Decline("content type of a " + rel.Type[(rel.Type.LastIndexOf('/') + 1)..] + " part");
            }

            if (seen.Add(part))
            {
                foreach (var child in Relationships(part))
                {
                    queue.Enqueue(child);
                }
            }
        }
    }

    private static string? Single(List<Relationship> rels, string type)
    {
        var matches = rels.Where(r => r.Type == RelType + type).ToList();
        return matches.Count switch
        {
            0 => null,
            1 when matches[0].Target is { } target => target,
            _ => throw Decline("more than one " + type + " part"),
        };
    }

    private XDocument Load(string part)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = _limits.MaxXmlPartBytes,
            CloseInput = true,
        };
        using var reader = XmlReader.Create(_entries[part].Open(), settings);
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    // ---- Styles and theme -------------------------------------------------------------------------------------

    private void ReadTheme(string? part)
    {
        if (part is null)
        {
            return;
        }

        XNamespace a = DrawingNs;
        var theme = Load(part).Root;
        if (theme?.Name != a + "theme")
        {
            throw Decline("theme root");
        }

        var fontScheme = theme.Element(a + "themeElements")?.Element(a + "fontScheme");
        _minorLatin = (string?)fontScheme?.Element(a + "minorFont")?.Element(a + "latin")?.Attribute("typeface");
        _majorLatin = (string?)fontScheme?.Element(a + "majorFont")?.Element(a + "latin")?.Attribute("typeface");
    }

    private void ReadStyles(string? part)
    {
        var entries = new Dictionary<string, StyleEntry>(StringComparer.Ordinal);
        string? defaultParagraphStyle = null;
        XElement? styles = null;
        if (part is not null)
        {
            styles = Load(part).Root;
            if (styles?.Name != Names.XStyles)
            {
                throw Decline("styles root");
            }

            foreach (var style in styles.Elements(Names.XStyle))
            {
                var id = (string?)style.Attribute(Names.XStyleId);
                var type = (string?)style.Attribute(Names.XType);
                if (type is not (null or "paragraph" or "character" or "table" or "numbering"))
                {
                    throw Decline("style type");
                }

                if (id is not null)
                {
                    var borders = style.Element(Names.XTblPr)?.Element(Names.XTblBorders);
                    entries[id] = new StyleEntry(
                        (string?)style.Element(Names.XBasedOn)?.Attribute(Val),
                        RunPropsOf(style.Element(RPr)),
                        ParaPropsOf(style.Element(PPr)),
                        HasVisibleBorders(borders, TableBorderNames));
                }

                if (type == "paragraph" && OnOff(style.Attribute(Names.XDefault)) == true)
                {
                    defaultParagraphStyle = id;
                }
            }
        }

        var defaults = styles?.Element(Names.XDocDefaults);
        _styles = new StyleSheet(
            entries,
            defaultParagraphStyle,
            RunPropsOf(defaults?.Element(Names.XRPrDefault)?.Element(RPr)),
            ParaPropsOf(defaults?.Element(Names.XPPrDefault)?.Element(PPr)));
    }

    private string? ThemeFont(XAttribute? theme) => (string?)theme switch
    {
        null => null,
        "majorEastAsia" or "majorBidi" or "majorAscii" or "majorHAnsi" => _majorLatin,
        "minorEastAsia" or "minorBidi" or "minorAscii" or "minorHAnsi" => _minorLatin,
        _ => throw Decline("theme font"),
    };

    private RunProps RunPropsOf(XElement? rPr)
    {
        if (rPr is null)
        {
            return RunProps.Empty;
        }

        var fonts = rPr.Element(Names.XRFonts);
        // A theme attribute wins over the plain font name in the same element (ECMA-376 17.3.2.26).
        var ascii = ThemeFont(fonts?.Attribute(Names.XAsciiTheme)) ?? (string?)fonts?.Attribute(Names.XAscii);
        var hAnsi = ThemeFont(fonts?.Attribute(Names.XHAnsiTheme)) ?? (string?)fonts?.Attribute(Names.XHAnsi);
        bool? underline = null;
        if (rPr.Element(Names.XU) is { } u)
        {
            var value = (string?)u.Attribute(Val);
            underline = value is null || (Underlines.Contains(value) ? value != "none" : throw Decline("underline value"));
        }

        return new RunProps(
            ascii,
            hAnsi,
            ParaProps.Twips((string?)rPr.Element(Names.XSz)?.Attribute(Val)),
            Toggle(rPr.Element(Names.XB)),
            Toggle(rPr.Element(Names.XI)),
            Toggle(rPr.Element(Names.XCaps)),
            underline);
    }

    private static bool? Toggle(XElement? element) => element is null ? null : OnOff(element.Attribute(Val)) ?? true;

    private static bool? OnOff(XAttribute? value) => (string?)value switch
    {
        null => null,
        "true" or "1" or "on" => true,
        "false" or "0" or "off" => false,
        _ => throw Decline("on/off value"),
    };

    private static ParaProps ParaPropsOf(XElement? pPr)
    {
        if (pPr is null)
        {
            return ParaProps.Empty;
        }

        var ind = pPr.Element(Names.XInd);
        var spacing = pPr.Element(Names.XSpacing);
        var borders = pPr.Element(Names.XPBdr);
        var numPr = pPr.Element(Names.XNumPr);
        var (firstLine, hanging) = ParaProps.Indents(ParaProps.Twips((string?)ind?.Attribute(Names.XFirstLine)), ParaProps.Twips((string?)ind?.Attribute(Names.XHanging)));
        LineRule? rule = (string?)spacing?.Attribute(Names.XLineRule) switch
        {
            null => null,
            "auto" => LineRule.Auto,
            "exact" => LineRule.Exact,
            "atLeast" => LineRule.AtLeast,
            _ => throw Decline("line rule"),
        };
        Alignment? jc = (string?)pPr.Element(Names.XJc)?.Attribute(Val) is { } jcValue
            ? Alignments.TryGetValue(jcValue, out var a) ? a : throw Decline("justification")
            : null;
        return new ParaProps(
            jc,
            firstLine,
            hanging,
            ParaProps.Twips((string?)spacing?.Attribute(Names.XBefore)),
            ParaProps.Twips((string?)spacing?.Attribute(Names.XAfter)),
            ParaProps.Twips((string?)spacing?.Attribute(Names.XLine)),
            rule,
            borders is null ? null : Visible(borders.Element(Names.XTop)),
            borders is null ? null : Visible(borders.Element(Names.XBottom)),
            numPr is null ? null : Int((string?)numPr.Element(Names.XNumId)?.Attribute(Val)) is not 0);
    }

    private static bool HasVisibleBorders(XElement? borders, HashSet<string> names) =>
        borders is not null && borders.Elements().Where(e => e.Name.Namespace == W && names.Contains(e.Name.LocalName)).Any(Visible);

    private static bool Visible(XElement? border) => (string?)border?.Attribute(Val) switch
    {
        null or "none" or "nil" => false,
        { } value when LineBorders.Contains(value) => true,
        _ => throw Decline("border value"),
    };

    private static int? Int(string? value) =>
        value is null ? null : int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw Decline("integer value");

    private static uint? UInt(string? value) =>
        value is null ? null : uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw Decline("unsigned value");

    // ---- Body ---------------------------------------------------------------------------------------------------

    private void ReadBody(XElement body)
    {
        foreach (var element in BlockElements(body))
        {
            if (element.Name == P)
            {
                _model.Blocks.Add(new Block(ReadParagraph(element, null, register: true), null));
            }
            else
            {
                _model.Blocks.Add(new Block(null, ReadTable(element)));
            }
        }
    }

    /// <summary>Paragraphs and tables in reading order, looking through content controls (sdt) and custom XML.</summary>
    private static IEnumerable<XElement> BlockElements(XElement container)
    {
        foreach (var child in container.Elements())
        {
            if (child.Name == P || child.Name == Tbl)
            {
                yield return child;
            }
            else if (child.Name == Names.XSdt && child.Element(Names.XSdtContent) is { } content)
            {
                foreach (var inner in BlockElements(content))
                {
                    yield return inner;
                }
            }
            else if (child.Name == Names.XCustomXml)
            {
                foreach (var inner in BlockElements(child))
                {
                    yield return inner;
                }
            }
        }
    }

    private TableInfo ReadTable(XElement table)
    {
        var number = _model.Tables.Count + 1;
        var rows = new List<IReadOnlyList<IReadOnlyList<ParagraphInfo>>>();
        var rowIndex = 0;
        foreach (var row in table.Elements(Tr))
        {
            rowIndex++;
            var cells = new List<IReadOnlyList<ParagraphInfo>>();
            var column = 0;
            foreach (var cell in row.Descendants(Tc).Where(c => c.Ancestors(Tbl).First() == table))
            {
                column++;
                var cellRef = new CellRef(number, rowIndex, column);
                cells.Add(cell.Descendants(P)
                    .Where(p => !p.Ancestors(TxbxContent).Any())
                    .Select(p => ReadParagraph(p, cellRef, register: true))
                    .ToList());
            }

            rows.Add(cells);
        }

        var info = new TableInfo { Number = number, Rows = rows, Borderless = IsBorderless(table) };
        _model.Tables.Add(info);
        return info;
    }

    private bool IsBorderless(XElement table)
    {
        var tblPr = table.Element(Names.XTblPr);
        var tblBorders = tblPr?.Element(Names.XTblBorders);
        if (HasVisibleBorders(tblBorders, TableBorderNames))
        {
            return false;
        }

        // Borders may also come from the table style (TableGrid); direct tblBorders override them edge by edge.
        if (tblBorders is null && (string?)tblPr?.Element(Names.XTblStyle)?.Attribute(Val) is { } styleId && _styles.TableStyleHasBorders(styleId))
        {
            return false;
        }

        // Cell borders drawn on every cell would make it a visible grid.
        var cells = table.Descendants(Tc).ToList();
        return cells.Count == 0 || !cells.All(c => HasVisibleBorders(c.Element(Names.XTcPr)?.Element(Names.XTcBorders), CellBorderNames));
    }

    private ParagraphInfo ReadParagraph(XElement paragraph, CellRef? cell, bool register)
    {
        var text = new StringBuilder();
        var runs = new List<RunInfo>();
        var pPr = paragraph.Element(PPr);
        var styleId = (string?)pPr?.Element(Names.XPStyle)?.Attribute(Val) ?? _styles.DefaultParagraphStyleId;
        foreach (var run in paragraph.Descendants(R))
        {
            // Text boxes inside drawings belong to their own paragraphs.
            if (run.Ancestors(P).FirstOrDefault() != paragraph)
            {
                continue;
            }

            var runText = RunText(run);
            if (runText.Length == 0)
            {
                continue;
            }

            var rPr = run.Element(RPr);
            runs.Add(new RunInfo(null, runText, text.Length, _styles.ResolveRun(styleId, (string?)rPr?.Element(Names.XRStyle)?.Attribute(Val), RunPropsOf(rPr))));
            text.Append(runText);
        }

        var info = new ParagraphInfo
        {
            Text = text.ToString(),
            Runs = runs,
            Format = _styles.ResolveParagraph(styleId, ParaPropsOf(pPr)),
            Number = register ? _model.Paragraphs.Count + 1 : 0,
            Cell = cell,
            HasDrawing = paragraph.Descendants().Any(e => e.Name.LocalName == "AlternateContent"
                || (e.Name.Namespace == W && e.Name.LocalName is "drawing" or "pict" or "object")),
            HasPageField = !register && HasPageField(paragraph),
        };
        if (register)
        {
            _model.Paragraphs.Add(info);
        }

        return info;
    }

    /// <summary>The visible text of a run: tabs as \t, breaks as \n; field codes and deleted text left out.</summary>
    private static string RunText(XElement run)
    {
        var builder = new StringBuilder();
        foreach (var child in run.Elements())
        {
            if (child.Name.Namespace != W)
            {
                continue;
            }

            switch (child.Name.LocalName)
            {
                case "t":
                    builder.Append(TextOf(child));
                    break;
                case "tab":
                case "ptab":
                    builder.Append('\t');
                    break;
                case "br":
                case "cr":
                    builder.Append('\n');
                    break;
                case "noBreakHyphen":
                    builder.Append('-');
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The text of a w:t; a blank one without xml:space="preserve" is left to the SDK's own whitespace rule.</summary>
    private static string TextOf(XElement t)
    {
        if (t.HasElements)
        {
            throw Decline("markup inside w:t");
        }

        var value = t.Value;
        if (value.Length > 0 && string.IsNullOrWhiteSpace(value)
            && (string?)t.AncestorsAndSelf().Select(e => e.Attribute(XNamespace.Xml + "space")).FirstOrDefault(a => a is not null) != "preserve")
        {
            throw Decline("blank w:t without xml:space");
        }

        return value;
    }

    private static bool HasPageField(XElement root) =>
        root.Descendants(Names.XFldSimple).Any(f => Nd30Checker.IsPageInstruction((string?)f.Attribute(Names.XInstr)))
        || root.Descendants(Names.XInstrText).Any(f => Nd30Checker.IsPageInstruction(TextOf(f)));

    // ---- Headers, footers, sections -----------------------------------------------------------------------------

    private HeaderFooterInfo ReadHeaderFooter(string part, bool isHeader)
    {
        var root = Load(part).Root;
        if (root?.Name != W + (isHeader ? "hdr" : "ftr"))
        {
            throw Decline("header or footer root");
        }

        return new HeaderFooterInfo
        {
            IsHeader = isHeader,
            Paragraphs = root.Descendants(P).Select(p => ReadParagraph(p, null, register: false)).ToList(),
            HasPageField = HasPageField(root),
        };
    }

    private static SectionInfo Section(XElement sectPr, Dictionary<string, HeaderFooterInfo> byId)
    {
        if (sectPr.Ancestors().Any(a => a.Name.Namespace == W && a.Name.LocalName.EndsWith("Change", StringComparison.Ordinal)))
        {
            throw Decline("section properties inside a tracked change");
        }

        var size = sectPr.Element(Names.XPgSz);
        var margin = sectPr.Element(Names.XPgMar);
        var landscape = (string?)size?.Attribute(Names.XOrient) switch
        {
            null or "portrait" => false,
            "landscape" => true,
            _ => throw Decline("orientation"),
        };
        var references = new List<(HeaderFooterKind, HeaderFooterInfo)>();
        foreach (var name in new[] { "headerReference", "footerReference" })
        {
            var isHeader = name == "headerReference";
            foreach (var reference in sectPr.Elements(W + name))
            {
                var kind = (string?)reference.Attribute(Names.XType) switch
                {
                    null or "default" => HeaderFooterKind.Default,
                    "first" => HeaderFooterKind.First,
                    "even" => HeaderFooterKind.Even,
                    _ => throw Decline("header type"),
                };
                if ((string?)reference.Attribute(XName.Get("id", RelNs)) is { } id && byId.TryGetValue(id, out var part) && part.IsHeader == isHeader)
                {
                    references.Add((kind, part));
                }
            }
        }

        return new SectionInfo(
            UInt((string?)size?.Attribute(Names.XW)),
            UInt((string?)size?.Attribute(Names.XH)),
            landscape,
            Int((string?)margin?.Attribute(Names.XTop)),
            Int((string?)margin?.Attribute(Names.XBottom)),
            UInt((string?)margin?.Attribute(Names.XLeft)),
            UInt((string?)margin?.Attribute(Names.XRight)),
            sectPr.Element(Names.XTitlePg) is { } titlePg && (OnOff(titlePg.Attribute(Val)) ?? true),
            references);
    }

    /// <summary>The WordprocessingML names read, made once (an XName lookup per element read costs more than the read).</summary>
    private static class Names
    {
        public static readonly XName XAfter = W + "after";
        public static readonly XName XAscii = W + "ascii";
        public static readonly XName XAsciiTheme = W + "asciiTheme";
        public static readonly XName XB = W + "b";
        public static readonly XName XBasedOn = W + "basedOn";
        public static readonly XName XBefore = W + "before";
        public static readonly XName XBody = W + "body";
        public static readonly XName XBottom = W + "bottom";
        public static readonly XName XCaps = W + "caps";
        public static readonly XName XCustomXml = W + "customXml";
        public static readonly XName XDefault = W + "default";
        public static readonly XName XDocDefaults = W + "docDefaults";
        public static readonly XName XDocument = W + "document";
        public static readonly XName XFirstLine = W + "firstLine";
        public static readonly XName XFldSimple = W + "fldSimple";
        public static readonly XName XH = W + "h";
        public static readonly XName XHAnsi = W + "hAnsi";
        public static readonly XName XHAnsiTheme = W + "hAnsiTheme";
        public static readonly XName XHanging = W + "hanging";
        public static readonly XName XI = W + "i";
        public static readonly XName XInd = W + "ind";
        public static readonly XName XInstr = W + "instr";
        public static readonly XName XInstrText = W + "instrText";
        public static readonly XName XJc = W + "jc";
        public static readonly XName XLeft = W + "left";
        public static readonly XName XLine = W + "line";
        public static readonly XName XLineRule = W + "lineRule";
        public static readonly XName XNumId = W + "numId";
        public static readonly XName XNumPr = W + "numPr";
        public static readonly XName XOrient = W + "orient";
        public static readonly XName XP = W + "p";
        public static readonly XName XPBdr = W + "pBdr";
        public static readonly XName XPPr = W + "pPr";
        public static readonly XName XPPrDefault = W + "pPrDefault";
        public static readonly XName XPStyle = W + "pStyle";
        public static readonly XName XPgMar = W + "pgMar";
        public static readonly XName XPgSz = W + "pgSz";
        public static readonly XName XR = W + "r";
        public static readonly XName XRFonts = W + "rFonts";
        public static readonly XName XRPr = W + "rPr";
        public static readonly XName XRPrDefault = W + "rPrDefault";
        public static readonly XName XRStyle = W + "rStyle";
        public static readonly XName XRight = W + "right";
        public static readonly XName XSdt = W + "sdt";
        public static readonly XName XSdtContent = W + "sdtContent";
        public static readonly XName XSectPr = W + "sectPr";
        public static readonly XName XSpacing = W + "spacing";
        public static readonly XName XStyle = W + "style";
        public static readonly XName XStyleId = W + "styleId";
        public static readonly XName XStyles = W + "styles";
        public static readonly XName XSz = W + "sz";
        public static readonly XName XTbl = W + "tbl";
        public static readonly XName XTblBorders = W + "tblBorders";
        public static readonly XName XTblPr = W + "tblPr";
        public static readonly XName XTblStyle = W + "tblStyle";
        public static readonly XName XTc = W + "tc";
        public static readonly XName XTcBorders = W + "tcBorders";
        public static readonly XName XTcPr = W + "tcPr";
        public static readonly XName XTitlePg = W + "titlePg";
        public static readonly XName XTop = W + "top";
        public static readonly XName XTr = W + "tr";
        public static readonly XName XTxbxContent = W + "txbxContent";
        public static readonly XName XType = W + "type";
        public static readonly XName XU = W + "u";
        public static readonly XName XVal = W + "val";
        public static readonly XName XW = W + "w";
    }
}
