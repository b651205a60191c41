using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Vietnamese;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Inputs;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>One change the fixer made; <see cref="Message"/> says it in Vietnamese.</summary>
public sealed record Nd30Change(string Code, string Location, IReadOnlyList<string> Args)
{
    public string Message => new Problem(Code, ProblemSeverity.Warning, Location, Code, Args).Message;

    public override string ToString() => $"{Code} at {Location}: {string.Join(" | ", Args)}";
}

/// <summary>What <see cref="Nd30Fixer.Fix"/> wrote, changed, and left for a person.</summary>
public sealed class Nd30FixResult
{
    internal Nd30FixResult(string outputPath, IReadOnlyList<Nd30Change> changes, Nd30Report remaining)
    {
        OutputPath = outputPath;
        Changes = changes;
        Remaining = remaining;
    }

    public string OutputPath { get; }

    public IReadOnlyList<Nd30Change> Changes { get; }

    /// <summary>The repaired file checked again: what is left for a person.</summary>
    public Nd30Report Remaining { get; }
}

/// <summary>
/// Repairs what can be repaired without judgement, into a NEW file (never the input): A4 portrait, margins clamped
/// into range, fonts to Times New Roman (runs, styles, document defaults), TCVN3/VNI text to Unicode, font sizes of
/// recognised elements clamped into their range, leading zeros in the date line, body paragraph indent and spacing,
/// and a centred page number from page 2. Wording, case, bold and the signature are left for a person.
/// </summary>
public static partial class Nd30Fixer
{
    /// <summary>Writes the repaired copy of <paramref name="inputPath"/> to <paramref name="outputPath"/>.</summary>
    /// <exception cref="ProblemException">ND30_FIX_SAME_FILE, ND30_FIX_INPUT_MISSING, ND30_UNREADABLE.</exception>
    public static Nd30FixResult Fix(string inputPath, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(outputPath);
        if (!File.Exists(inputPath))
        {
            throw new ProblemException(Problem.Error("ND30_FIX_INPUT_MISSING", inputPath, "Input file not found", inputPath));
        }

        if (string.Equals(Path.GetFullPath(inputPath), Path.GetFullPath(outputPath), StringComparison.Ordinal))
        {
            throw new ProblemException(Problem.Error("ND30_FIX_SAME_FILE", outputPath, "Output must be a new file, not the input", outputPath));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        GuardedPackage package;
        try
        {
            package = GuardedPackage.Open(inputPath, PackageKind.WordDocument, InputLimits.WordDocument);
        }
        catch (InputFileException ex)
        {
            throw new ProblemException(ex.ToProblem());
        }

        List<Nd30Change> changes;
        using var work = new MemoryStream();
        work.Write(package.ToArray());
        work.Position = 0;
        try
        {
            using (var document = WordprocessingDocument.Open(work, true, package.SdkSettings))
            {
                changes = new Repair(document, Path.GetFileName(outputPath)).Run();
                document.Save();
            }
        }
        catch (Exception ex) when (GuardedPackage.IsPackageFault(ex))
        {
            throw new ProblemException(Problem.Error("ND30_UNREADABLE", inputPath, "Not a readable .docx", "không mở được tệp"));
        }

        // Written whole to a temporary file, then renamed: an interrupted run never leaves half a document.
        Outputs.AtomicFile.WriteAllBytes(outputPath, work.ToArray());
        return new Nd30FixResult(outputPath, changes, Nd30Checker.Check(outputPath));
    }

    /// <summary>Default output name: "giay-moi.docx" → "giay-moi.nd30.docx" beside it.</summary>
    public static string DefaultOutputPath(string inputPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputPath)) ?? "", Path.GetFileNameWithoutExtension(inputPath) + ".nd30.docx");

    private sealed partial class Repair(WordprocessingDocument document, string source)
    {
        private const string Tnr = Nd30.Font;
        private readonly List<Nd30Change> _changes = [];
        private readonly SdkDocxReader _sdk = new(document);
        private Nd30Layout? _layout;

        private MainDocumentPart Main => document.MainDocumentPart!;

        private static Run SdkRun(RunInfo run) => (Run)run.Run!;

        public List<Nd30Change> Run()
        {
            _layout = Nd30Layout.Find(_sdk.Model);
            // Order matters: legacy text is decoded while the runs still carry their .Vn/VNI fonts.
            ConvertLegacyText();
            FixFonts();
            FixPages();
            FixSizes();
            FixDate();
            FixBody();
            FixPageNumbers();
            return _changes;
        }

        private void Change(string code, string location, params string[] args) =>
            _changes.Add(new Nd30Change(code, Locations.Join(source, location), args));

        private IEnumerable<(ParagraphInfo Paragraph, string Where)> AllParagraphs()
        {
            foreach (var p in _sdk.Model.Paragraphs)
            {
                yield return (p, Nd30Inspection.Describe(p.Whole));
            }

            foreach (var root in HeaderFooterRoots())
            {
                foreach (var p in root.Descendants<Paragraph>())
                {
                    var info = _sdk.ReadDetached(p);
                    yield return (info, Locations.Join(root is Header ? "đầu trang" : "chân trang", $"«{Nd30Inspection.Excerpt(info.Clean)}»"));
                }
            }
        }

        private IEnumerable<OpenXmlPartRootElement> HeaderFooterRoots() =>
            Main.HeaderParts.Select(h => (OpenXmlPartRootElement?)h.Header).Concat(Main.FooterParts.Select(f => (OpenXmlPartRootElement?)f.Footer)).OfType<OpenXmlPartRootElement>();

        // ---- Legacy text and fonts ----------------------------------------------------------------------------

        private void ConvertLegacyText()
        {
            string? firstWhere = null;
            string? before = null;
            string? after = null;
            string? kind = null;
            var count = 0;
            foreach (var (paragraph, where) in AllParagraphs().ToList())
            {
                var changedHere = false;
                foreach (var run in paragraph.Runs)
                {
                    var font = run.Text.Any(c => c >= '\u0080') ? run.Format.EffectiveHAnsi : run.Format.EffectiveAscii;
                    var tcvn3 = LegacyVietnamese.IsTcvn3Font(font);
                    if (!tcvn3 && !LegacyVietnamese.IsVniFont(font))
                    {
                        continue;
                    }

                    // Unicode typed into a legacy-font run needs no decoding (only its font changes).
                    if (run.Text.Any(c => c > '\u00FF'))
                    {
                        continue;
                    }

                    var upper = LegacyVietnamese.IsTcvn3CapitalFont(font);
                    foreach (var text in SdkRun(run).Elements<Text>())
                    {
                        var decoded = tcvn3 ? LegacyVietnamese.Tcvn3ToUnicode(text.Text, upper) : LegacyVietnamese.VniToUnicode(text.Text);
                        if (decoded != text.Text)
                        {
                            if (before is null)
                            {
                                before = text.Text;
                                after = decoded;
                                kind = tcvn3 ? "TCVN3" : "VNI";
                            }

                            text.Text = decoded;
                            text.Space = SpaceProcessingModeValues.Preserve;
                            changedHere = true;
                        }
                    }
                }

                if (changedHere)
                {
                    firstWhere ??= where;
                    count++;
                }
            }

            if (firstWhere is not null)
            {
                Change("ND30_FIX_LEGACY_TEXT", count > 1 ? $"{firstWhere} (và {count - 1} đoạn khác)" : firstWhere,
                    kind!, Nd30Inspection.Excerpt(before!), Nd30Inspection.Excerpt(after!));
            }
        }

        private void FixFonts()
        {
            var replaced = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var styles = Main.StyleDefinitionsPart?.Styles;
            if (styles is not null)
            {
                var defaults = styles.DocDefaults ??= new DocDefaults();
                var runDefaults = defaults.RunPropertiesDefault ??= new RunPropertiesDefault();
                var baseStyle = runDefaults.RunPropertiesBaseStyle ??= new RunPropertiesBaseStyle();
                var fonts = baseStyle.RunFonts;
                if (fonts is null)
                {
                    // Nothing set: Word would fall back to the theme or its own default; say Times New Roman outright.
                    baseStyle.RunFonts = new RunFonts { Ascii = Tnr, HighAnsi = Tnr, ComplexScript = Tnr };
                }
                else
                {
                    FixRunFonts(fonts, replaced, _sdk.Styles);
                }

                foreach (var style in styles.Elements<Style>())
                {
                    foreach (var rf in style.Descendants<RunFonts>())
                    {
                        FixRunFonts(rf, replaced, _sdk.Styles);
                    }
                }
            }

            foreach (var root in new OpenXmlElement[] { Main.Document }.Concat(HeaderFooterRoots()))
            {
                foreach (var rf in root.Descendants<RunFonts>())
                {
                    FixRunFonts(rf, replaced, _sdk.Styles);
                }
            }

            foreach (var (font, count) in replaced)
            {
                Change("ND30_FIX_FONT", "toàn văn bản", font, count.ToString(VietnameseText.Culture));
            }
        }

        private static void FixRunFonts(RunFonts fonts, Dictionary<string, int> replaced, StyleResolver resolver)
        {
            var ascii = resolver.ThemeFont(fonts.AsciiTheme?.Value) ?? fonts.Ascii?.Value;
            var hAnsi = resolver.ThemeFont(fonts.HighAnsiTheme?.Value) ?? fonts.HighAnsi?.Value;
            var changed = false;
            foreach (var name in new[] { ascii, hAnsi }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!FontNames.IsTimesNewRoman(name))
                {
                    replaced[name] = replaced.GetValueOrDefault(name) + 1;
                    changed = true;
                }
            }

            if (!changed && fonts.AsciiTheme is null && fonts.HighAnsiTheme is null)
            {
                return;
            }

            // Theme attributes win over names, so they go; east-Asian fonts are left alone.
            fonts.AsciiTheme = null;
            fonts.HighAnsiTheme = null;
            fonts.ComplexScriptTheme = null;
            if (ascii is not null || fonts.Ascii is not null)
            {
                fonts.Ascii = Tnr;
            }

            if (hAnsi is not null || fonts.HighAnsi is not null)
            {
                fonts.HighAnsi = Tnr;
            }

            if (fonts.ComplexScript is not null)
            {
                fonts.ComplexScript = Tnr;
            }
        }

        // ---- Page setup -----------------------------------------------------------------------------------------

        private void FixPages()
        {
            var bodyTables = _sdk.Model.Tables.Any(t => t != _layout!.HeaderTable && t != _layout.ClosingTable);
            var sections = _sdk.SdkSections.ToList();
            if (sections.Count == 0)
            {
                var body = Main.Document.Body!;
                var added = new SectionProperties();
                body.Append(added);
                sections.Add(added);
            }

            foreach (var section in sections)
            {
                var size = section.GetFirstChild<PageSize>();
                if (size is null)
                {
                    size = new PageSize();
                    InsertInOrder(section, size);
                }

                var width = (int)(size.Width?.Value ?? 12240);
                var height = (int)(size.Height?.Value ?? 15840);
                var landscape = width > height || size.Orient?.Value == PageOrientationValues.Landscape;
                var keepLandscape = landscape && bodyTables;
                var (newWidth, newHeight) = keepLandscape ? (Nd30.PageHeight, Nd30.PageWidth) : (Nd30.PageWidth, Nd30.PageHeight);
                if (width != newWidth || height != newHeight || (landscape && !keepLandscape))
                {
                    size.Width = (uint)newWidth;
                    size.Height = (uint)newHeight;
                    size.Orient = keepLandscape ? PageOrientationValues.Landscape : null;
                    Change("ND30_FIX_PAGE", "thiết lập trang", $"{Nd30Inspection.Mm(width)} × {Nd30Inspection.Mm(height)} mm", keepLandscape ? "297 × 210 mm (ngang, có bảng)" : "210 × 297 mm (dọc)");
                }

                var margin = section.GetFirstChild<PageMargin>();
                if (margin is null)
                {
                    margin = new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 720, Footer = 720, Gutter = 0 };
                    InsertInOrder(section, margin);
                }

                var top = margin.Top?.Value ?? 1440;
                var bottom = margin.Bottom?.Value ?? 1440;
                var left = (int)(margin.Left?.Value ?? 1440);
                var right = (int)(margin.Right?.Value ?? 1440);
                var newTop = Math.Sign(top == 0 ? 1 : top) * Nd30.MarginTop.Clamp(Nd30.Magnitude(top));
                var newBottom = Math.Sign(bottom == 0 ? 1 : bottom) * Nd30.MarginBottom.Clamp(Nd30.Magnitude(bottom));
                var newLeft = Nd30.MarginLeft.Clamp(left);
                var newRight = Nd30.MarginRight.Clamp(right);
                MarginChange("lề trên", top, newTop, v => margin.Top = v);
                MarginChange("lề dưới", bottom, newBottom, v => margin.Bottom = v);
                MarginChange("lề trái", left, newLeft, v => margin.Left = (uint)v);
                MarginChange("lề phải", right, newRight, v => margin.Right = (uint)v);
            }
        }

        private void MarginChange(string name, int old, int fixedValue, Action<int> set)
        {
            if (old == fixedValue)
            {
                return;
            }

            set(fixedValue);
            Change("ND30_FIX_MARGIN", "thiết lập trang", name, $"{Nd30Inspection.Mm(Nd30.Magnitude(old))} mm", $"{Nd30Inspection.Mm(Nd30.Magnitude(fixedValue))} mm");
        }

        private static readonly string[] AfterPageSetup = ["pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"];

        /// <summary>Puts pgSz/pgMar/titlePg where the schema wants them inside sectPr.</summary>
        private static void InsertInOrder(SectionProperties section, OpenXmlElement element)
        {
            var order = new List<string> { "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc" };
            order.AddRange(AfterPageSetup);
            var rank = order.IndexOf(element.LocalName);
            var next = section.ChildElements.FirstOrDefault(c => order.IndexOf(c.LocalName) > rank);
            if (next is null)
            {
                section.Append(element);
            }
            else
            {
                section.InsertBefore(element, next);
            }
        }

        // ---- Sizes of recognised elements ---------------------------------------------------------------------

        private void FixSizes()
        {
            var layout = _layout!;
            var elements = new List<(string Name, IEnumerable<Span> Spans, Nd30FontSize Allowed)>
            {
                ("Quốc hiệu", Opt(layout.NationalTitle), Nd30.NationalTitleSize),
                ("Tiêu ngữ", Opt(layout.Motto), Nd30.MottoSize),
                ("tên cơ quan chủ quản", layout.Parent, Nd30.ParentSize),
                ("tên cơ quan ban hành", layout.Issuer, Nd30.IssuerSize),
                ("số, ký hiệu", Opt(layout.Number), Nd30.NumberSize),
                ("địa danh, ngày tháng", Opt(layout.DateLine), Nd30.DateLineSize),
                ("tên loại", Opt(layout.Title), Nd30.TitleSize),
                ("trích yếu", layout.Summary, Nd30.SummarySize),
                ("phần nội dung", layout.Body.Select(p => p.Whole), Nd30.BodySize),
                ("khối chữ ký", layout.Signatures.SelectMany(s => s.Where(l => !Nd30Layout.IsNote(l.Clean))), Nd30.SignatureSize),
                ("nơi nhận", layout.Recipients.Where(r => !Nd30Layout.IsNote(r.Clean)), Nd30.RecipientsListSize),
            };
            if (layout.RecipientsLabel is { } label)
            {
                var colon = label.Raw.IndexOf(':', StringComparison.Ordinal);
                elements.Add(("chữ \"Nơi nhận\"", [colon >= 0 ? label with { End = label.Start + colon + 1 } : label], Nd30.RecipientsLabelSize));
            }

            foreach (var (name, spans, allowed) in elements)
            {
                int? from = null;
                int? to = null;
                foreach (var run in spans.SelectMany(s => s.Runs).Distinct())
                {
                    var size = run.Format.EffectiveHalfPoints;
                    var clamped = allowed.ClampHalfPoints(size);
                    if (clamped == size)
                    {
                        continue;
                    }

                    var props = SdkRun(run).RunProperties ??= new RunProperties();
                    props.FontSize = new FontSize { Val = clamped.ToString(VietnameseText.Culture) };
                    props.FontSizeComplexScript = new FontSizeComplexScript { Val = clamped.ToString(VietnameseText.Culture) };
                    from ??= size;
                    to ??= clamped;
                }

                if (from is not null)
                {
                    Change("ND30_FIX_SIZE", name, name, Nd30Inspection.Pt(from.Value), Nd30Inspection.Pt(to!.Value));
                }
            }
        }

        private static IEnumerable<Span> Opt(Span? span) => span is null ? [] : [span];

        private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // ---- Date line ----------------------------------------------------------------------------------------

        [GeneratedRegex(@"ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})")]
        private static partial Regex DateNumbers();

        private void FixDate()
        {
            if (_layout!.DateLine is not { } line)
            {
                return;
            }

            var match = DateNumbers().Match(line.Raw);
            if (!match.Success)
            {
                return;
            }

            var (d, m, y) = (int.Parse(match.Groups["d"].Value, VietnameseText.Culture), int.Parse(match.Groups["m"].Value, VietnameseText.Culture), int.Parse(match.Groups["y"].Value, VietnameseText.Culture));
            if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            {
                return; // Not a real date: a person must say which one was meant.
            }

            var wantDay = d < 10 ? $"0{d}" : d.ToString(VietnameseText.Culture);
            var wantMonth = m <= 2 ? $"0{m}" : m.ToString(VietnameseText.Culture);
            var before = line.Clean;
            // Month first: replacing it does not move the day's offset.
            var okMonth = Replace(line.Paragraph, line.Start + match.Groups["m"].Index, match.Groups["m"].Length, wantMonth);
            var okDay = Replace(line.Paragraph, line.Start + match.Groups["d"].Index, match.Groups["d"].Length, wantDay);
            if (okMonth || okDay)
            {
                Change("ND30_FIX_DATE", Nd30Inspection.Describe(line), before, VietnameseText.Clean(SdkDocxReader.RunTextOf((Paragraph)line.Paragraph.Element!)[line.Start..]));
            }
        }

        /// <summary>Replaces text at a paragraph offset when the range lies inside one w:t element; false when unchanged.</summary>
        private static bool Replace(ParagraphInfo paragraph, int start, int length, string replacement)
        {
            foreach (var run in paragraph.Runs)
            {
                if (start < run.Start || start >= run.End)
                {
                    continue;
                }

                var offset = run.Start;
                foreach (var child in SdkRun(run).ChildElements)
                {
                    var childLength = child is Text t ? t.Text.Length
                        : child is TabChar or PositionalTab or Break or CarriageReturn or NoBreakHyphen ? 1 : 0;
                    if (child is Text text && start >= offset && start + length <= offset + childLength)
                    {
                        var local = start - offset;
                        if (text.Text.Substring(local, length) == replacement)
                        {
                            return false;
                        }

                        text.Text = text.Text[..local] + replacement + text.Text[(local + length)..];
                        text.Space = SpaceProcessingModeValues.Preserve;
                        return true;
                    }

                    offset += childLength;
                }
            }

            return false;
        }

        // ---- Body paragraphs ----------------------------------------------------------------------------------

        private void FixBody()
        {
            var indent = 0;
            var spacing = 0;
            var lines = 0;
            foreach (var p in _layout!.Body)
            {
                var format = p.Format;
                var pPr = ((Paragraph)p.Element!).ParagraphProperties ??= new ParagraphProperties();
                if (!p.Clean.StartsWith("Kính gửi", StringComparison.Ordinal) && !Nd30Inspection.IndentAllowed(format))
                {
                    var ind = pPr.Indentation ??= new Indentation();
                    ind.Hanging = null;
                    ind.FirstLine = Twips(Nd30.FirstLineIndent.Written);
                    indent++;
                }

                if (!Nd30.ParagraphSpacing.Allows(Math.Max(format.Before, format.After)))
                {
                    var sp = pPr.SpacingBetweenLines ??= new SpacingBetweenLines();
                    sp.After = Twips(Nd30.ParagraphSpacing.Written);
                    spacing++;
                }

                if (Nd30Inspection.LineSpacingOutside(format, p.Whole) is not null)
                {
                    var sp = pPr.SpacingBetweenLines ??= new SpacingBetweenLines();
                    var tooWide = format.LineRule is null || format.LineRule == LineRule.Auto ? format.Line > Nd30.LineSpacing.Max : format.Line > 300;
                    sp.Line = Twips(tooWide ? Nd30.LineSpacing.Max : Nd30.LineSpacing.Min);
                    sp.LineRule = LineSpacingRuleValues.Auto;
                    lines++;
                }
            }

            foreach (var (what, count) in new[]
            {
                ($"lùi đầu dòng {Nd30Inspection.Cm(Nd30.FirstLineIndent.Written)} cm", indent),
                ($"cách đoạn {Nd30Inspection.Pt(Nd30.ParagraphSpacing.Written / 10)}", spacing),
                ("giãn dòng", lines),
            })
            {
                if (count > 0)
                {
                    Change("ND30_FIX_BODY_FORMAT", "phần nội dung", what, count.ToString(VietnameseText.Culture));
                }
            }
        }

        // ---- Page numbers -------------------------------------------------------------------------------------

        private void FixPageNumbers()
        {
            var hasHeaderField = Main.HeaderParts.Any(h => h.Header is { } header && SdkDocxReader.HasPageField(header));
            var hasFooterField = Main.FooterParts.Any(f => f.Footer is { } footer && SdkDocxReader.HasPageField(footer));
            if (hasFooterField)
            {
                return; // Moving a footer a person designed is not "safe": the checker keeps reporting it.
            }

            // A print batch (every invitation merged into one file) must not be numbered across its documents.
            if (_sdk.Model.Paragraphs.Count(p => VietnameseText.Fold(p.Clean) == Nd30Layout.NationalTitleKey) > 1)
            {
                return;
            }

            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var section in Main.Document.Body!.Descendants<SectionProperties>().ToList())
            {
                var added = false;
                var defaultHeader = section.Elements<HeaderReference>().FirstOrDefault(r => r.Type is null || r.Type.Value == HeaderFooterValues.Default);
                if (!hasHeaderField)
                {
                    var paragraph = PageNumberParagraph();
                    if (defaultHeader?.Id?.Value is { } id && Main.GetPartById(id) is HeaderPart existing && existing.Header is { } header)
                    {
                        header.Append(paragraph);
                    }
                    else
                    {
                        var part = Main.AddNewPart<HeaderPart>();
                        part.Header = new Header(paragraph);
                        part.Header.Save();
                        section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = Main.GetIdOfPart(part) });
                    }

                    added = true;
                    done.Add("thêm số trang canh giữa ở lề trên, không hiện ở trang 1");
                }
                else if (defaultHeader?.Id?.Value is { } id && Main.GetPartById(id) is HeaderPart part && part.Header is { } header)
                {
                    foreach (var p in header.Descendants<Paragraph>().Where(SdkDocxReader.HasPageField))
                    {
                        var pPr = p.ParagraphProperties ??= new ParagraphProperties();
                        if (pPr.Justification?.Val?.Value != JustificationValues.Center)
                        {
                            pPr.Justification = new Justification { Val = JustificationValues.Center };
                            done.Add("canh giữa số trang");
                        }
                    }
                }

                if (section.GetFirstChild<TitlePage>() is not { } titlePage)
                {
                    InsertInOrder(section, new TitlePage());
                    done.Add(added ? "" : "không hiện số trang ở trang thứ nhất");
                }
                else if (titlePage.Val is not null && !titlePage.Val.Value)
                {
                    titlePage.Val = null;
                    done.Add(added ? "" : "không hiện số trang ở trang thứ nhất");
                }
            }

            foreach (var what in done.Where(d => d.Length > 0))
            {
                Change("ND30_FIX_PAGE_NUMBER", "đầu trang", what);
            }
        }

        private static Paragraph PageNumberParagraph() => new(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(
                new RunProperties(new RunFonts { Ascii = Tnr, HighAnsi = Tnr, ComplexScript = Tnr }, new FontSize { Val = Nd30.Size(Nd30.PageNumberSize.Max) }, new FontSizeComplexScript { Val = Nd30.Size(Nd30.PageNumberSize.Max) }),
                new Text("2"))) { Instruction = " PAGE " });
    }
}
