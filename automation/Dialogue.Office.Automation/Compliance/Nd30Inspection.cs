using System.Globalization;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>Applies every ND30 rule to a read document and its recognised layout. One instance per check.</summary>
internal sealed partial class Nd30Inspection(DocxModel model, Nd30Layout layout, string source)
{
    // Every number the rules compare with is in Nd30 (Compliance/Nd30.cs).
    private const int LongDocumentParagraphs = 45;

    private readonly FindingCollector _findings = new(source);

    public IReadOnlyList<Nd30Finding> Run()
    {
        CheckPages();
        CheckFonts();
        if (layout.IsPartyDocument)
        {
            return _findings.Build();
        }

        CheckHeader();
        CheckTitle();
        CheckBody();
        CheckSignatures();
        CheckRecipients();
        CheckPageNumbers();
        return _findings.Build();
    }

    // ---- Mục I: page, margins, fonts --------------------------------------------------------------------------

    private void CheckPages()
    {
        var sections = model.Sections;
        if (sections.Count == 0)
        {
            _findings.Add("ND30_PAGE_SIZE", "thiết lập trang", "không khai báo (Word dùng khổ Letter)", "A4 (210 × 297 mm)");
            return;
        }

        // Landscape is allowed when the body holds tables that are not separate appendices.
        var bodyTables = model.Tables.Any(t => t != layout.HeaderTable && t != layout.ClosingTable);
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            var where = sections.Count == 1 ? "thiết lập trang" : $"thiết lập trang › phần {i + 1}";
            var width = (int)(section.Width ?? 12240);
            var height = (int)(section.Height ?? 15840);
            var shortSide = Math.Min(width, height);
            var longSide = Math.Max(width, height);
            if (Math.Abs((long)shortSide - Nd30.PageWidth) > Nd30.PageTolerance || Math.Abs((long)longSide - Nd30.PageHeight) > Nd30.PageTolerance)
            {
                _findings.Add("ND30_PAGE_SIZE", where, $"{Mm(shortSide)} × {Mm(longSide)} mm", "A4 (210 × 297 mm)");
            }

            if (width > height || section.Landscape)
            {
                _findings.Add("ND30_PAGE_ORIENTATION", where, "khổ ngang", "khổ dọc (khổ ngang chỉ khi nội dung có bảng, biểu)",
                    bodyTables ? ProblemSeverity.Warning : ProblemSeverity.Error);
            }

            CheckMargin("ND30_MARGIN_TOP", where, Nd30.Magnitude(section.MarginTop ?? 1440), Nd30.MarginTop);
            CheckMargin("ND30_MARGIN_BOTTOM", where, Nd30.Magnitude(section.MarginBottom ?? 1440), Nd30.MarginBottom);
            CheckMargin("ND30_MARGIN_LEFT", where, (int)(section.MarginLeft ?? 1440), Nd30.MarginLeft);
            CheckMargin("ND30_MARGIN_RIGHT", where, (int)(section.MarginRight ?? 1440), Nd30.MarginRight);
        }
    }

    private void CheckMargin(string code, string where, int twips, Nd30Length range)
    {
        if (!range.Allows(twips))
        {
            _findings.Add(code, where, $"{Mm(twips)} mm", MmRange(range));
        }
    }

    private void CheckFonts()
    {
        foreach (var (paragraph, where) in AllParagraphs())
        {
            var unicodeText = new System.Text.StringBuilder();
            // Runs without a letter or digit (bullets from Symbol/Wingdings, a lone dash) say nothing about the text font.
            foreach (var run in paragraph.Runs.Where(r => r.Text.Any(char.IsLetterOrDigit)))
            {
                var fonts = new List<string>();
                if (run.Text.Any(c => c < '\u0080' && !char.IsWhiteSpace(c)))
                {
                    fonts.Add(run.Format.EffectiveAscii);
                }

                if (run.Text.Any(c => c >= '\u0080'))
                {
                    fonts.Add(run.Format.EffectiveHAnsi);
                }

                var legacy = false;
                foreach (var font in fonts.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (LegacyVietnamese.IsTcvn3Font(font) || LegacyVietnamese.IsVniFont(font))
                    {
                        legacy = true;
                        _findings.AddOnce("legacy-font:" + font, "ND30_LEGACY_FONT", where(paragraph.Whole), font, "Times New Roman, bảng mã Unicode");
                    }
                    else if (!FontNames.IsTimesNewRoman(font))
                    {
                        _findings.AddOnce("font:" + font, "ND30_FONT", where(paragraph.Whole), font, "Times New Roman");
                    }
                }

                if (!legacy)
                {
                    unicodeText.Append(run.Text);
                }
            }

            var text = unicodeText.ToString();
            if (LegacyVietnamese.DetectTcvn3(text) || LegacyVietnamese.DetectVni(text))
            {
                var kind = LegacyVietnamese.DetectTcvn3(text) ? "TCVN3" : "VNI";
                _findings.AddOnce("legacy-text", "ND30_LEGACY_TEXT", where(paragraph.Whole), $"chữ mã {kind} «{Excerpt(text)}»", "chữ Unicode");
            }
        }
    }

    private IEnumerable<(ParagraphInfo Paragraph, Func<Span, Place> Where)> AllParagraphs()
    {
        foreach (var p in model.Paragraphs)
        {
            yield return (p, Where);
        }

        foreach (var p in model.Headers.SelectMany(h => h.Paragraphs))
        {
            yield return (p, s => new Place(Locations.Join("đầu trang", $"«{Excerpt(s.Clean)}»"), Place.Top));
        }

        foreach (var p in model.Footers.SelectMany(f => f.Paragraphs))
        {
            yield return (p, s => new Place(Locations.Join("chân trang", $"«{Excerpt(s.Clean)}»"), Place.Bottom));
        }
    }

    // ---- Mục II khoản 1–4: header -----------------------------------------------------------------------------

    private void CheckHeader()
    {
        if (layout.NationalTitle is { } title)
        {
            CheckUpper("ND30_NATIONAL_TITLE_CASE", title);
            CheckBoldUpright("ND30_NATIONAL_TITLE_BOLD", title);
            CheckSize("ND30_NATIONAL_TITLE_SIZE", title, Nd30.NationalTitleSize);
        }
        else if (layout.Number is not null || layout.DateLine is not null)
        {
            _findings.Add("ND30_NATIONAL_TITLE_MISSING", "đầu văn bản", "không thấy", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        }

        if (layout.Motto is { } motto)
        {
            CheckMotto(motto);
        }
        else if (layout.NationalTitle is not null)
        {
            _findings.Add("ND30_MOTTO_MISSING", Where(layout.NationalTitle), "không thấy", "Độc lập - Tự do - Hạnh phúc");
        }

        foreach (var line in layout.Parent)
        {
            CheckUpper("ND30_PARENT_CASE", line);
            if (line.AnyBold || line.AnyItalic)
            {
                _findings.Add("ND30_PARENT_BOLD", Where(line), line.AnyBold ? "chữ đậm" : "chữ nghiêng", "chữ đứng, không đậm");
            }

            CheckSize("ND30_PARENT_SIZE", line, Nd30.ParentSize);
        }

        if (layout.Issuer.Count > 0)
        {
            foreach (var line in layout.Issuer)
            {
                CheckUpper("ND30_ISSUER_CASE", line);
                CheckBoldUpright("ND30_ISSUER_BOLD", line);
                CheckSize("ND30_ISSUER_SIZE", line, Nd30.IssuerSize);
            }

            var container = layout.ContainerOf(layout.Issuer[^1].Paragraph);
            if (!layout.HeaderHasFloatingDrawing && !Nd30Layout.HasRuleBelow(container, layout.Issuer, anyDrawingInContainer: true))
            {
                _findings.Add("ND30_ISSUER_RULE", Where(layout.Issuer[^1]), "không có đường kẻ", "đường kẻ nét liền dài 1/3–1/2 dòng chữ, đặt cân đối");
            }
        }
        else if (layout.Number is not null)
        {
            _findings.Add("ND30_ISSUER_MISSING", Where(layout.Number), "không thấy", "tên cơ quan ban hành, in hoa, đậm, trên dòng \"Số:\"");
        }

        if (layout.Number is { } number)
        {
            CheckNumber(number);
        }
        else if (layout.NationalTitle is not null && (layout.TitleKey is not null || layout.IsCongVan))
        {
            // Only documents of a Phụ lục III type are numbered; an internal script under a Quốc hiệu need not be.
            _findings.Add("ND30_NUMBER_MISSING", "đầu văn bản", "không thấy", "Số: NN/…-…");
        }

        if (layout.DateLine is { } date)
        {
            CheckDate(date);
        }
        else if (layout.NationalTitle is not null && layout.TitleKey != "bien ban")
        {
            _findings.Add("ND30_DATE_MISSING", Where(layout.NationalTitle), "không thấy", "…, ngày … tháng … năm …");
        }
    }

    private void CheckMotto(Span motto)
    {
        var text = motto.Clean.Replace('–', '-');
        var phrases = text.Split('-', StringSplitOptions.TrimEntries);
        var shownUpper = motto.Runs.Any() && motto.Runs.All(r => r.Format.Caps);
        if (shownUpper || !phrases.SequenceEqual(["Độc lập", "Tự do", "Hạnh phúc"], StringComparer.Ordinal))
        {
            _findings.Add("ND30_MOTTO_CASE", Where(motto), $"«{motto.Clean}»", "«Độc lập - Tự do - Hạnh phúc»");
        }
        else if (text != "Độc lập - Tự do - Hạnh phúc")
        {
            _findings.Add("ND30_MOTTO_HYPHEN", Where(motto), $"«{motto.Clean}»", "«Độc lập - Tự do - Hạnh phúc» (gạch nối có cách chữ hai bên)");
        }

        CheckBoldUpright("ND30_MOTTO_BOLD", motto);
        CheckSize("ND30_MOTTO_SIZE", motto, Nd30.MottoSize);
        if (!layout.HeaderHasFloatingDrawing && !Nd30Layout.HasRuleBelow(layout.ContainerOf(motto.Paragraph), [motto], anyDrawingInContainer: true))
        {
            _findings.Add("ND30_MOTTO_RULE", Where(motto), "không có đường kẻ", "đường kẻ nét liền dài bằng dòng chữ");
        }
    }

    [GeneratedRegex(@"^(?<word>Số|SỐ|số)\s*(?<colon>:?)\s*(?<number>[^/\s]*)\s*(?<slash>/?)\s*(?<symbol>.*)$")]
    private static partial Regex NumberPattern();

    private void CheckNumber(Span line)
    {
        var text = line.Clean;
        var where = Where(line);
        CheckSize("ND30_NUMBER_SIZE", line, Nd30.NumberSize);
        if (Nd30Layout.IsPlaceholder(text))
        {
            return;
        }

        var match = NumberPattern().Match(text);
        if (!match.Success)
        {
            _findings.Add("ND30_NUMBER_FORMAT", where, $"«{text}»", "«Số: 05/GM-UBND»");
            return;
        }

        var number = match.Groups["number"].Value;
        var symbol = match.Groups["symbol"].Value;
        var filledNumber = number.Length > 0 && number.All(char.IsAsciiDigit);
        var blankNumber = number.Length == 0 || number.All(c => c is '.' or '…' or '_');
        var spacedSlash = Regex.IsMatch(text, @"\s/|/\s");
        var groups = symbol.Split('-');
        // A form may leave groups blank ("Số: …/GM-…"): blanks are not errors, letters must not be spaced.
        var badSymbol = groups.Length < 2 || groups.Any(g => g.Length == 0 || !(g.All(char.IsLetterOrDigit) || Nd30Layout.IsBlank(g)));
        if (match.Groups["word"].Value != "Số" || match.Groups["colon"].Length == 0 || match.Groups["slash"].Length == 0
            || (!filledNumber && !blankNumber) || (filledNumber && spacedSlash) || badSymbol)
        {
            _findings.Add("ND30_NUMBER_FORMAT", where, $"«{text}»", "«Số: 05/GM-UBND» (\"Số:\", số, \"/\", ký hiệu nối bằng \"-\", không cách chữ)");
            return;
        }

        if (filledNumber && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 10 && number.Length < 2)
        {
            _findings.Add("ND30_NUMBER_LEADING_ZERO", where, $"«Số: {number}/…»", $"«Số: 0{n}/…»");
        }

        if (layout.IsCongVan)
        {
            return; // Công văn: ký hiệu = issuer + drafting unit, no type abbreviation.
        }

        var type = groups[0];
        if (Nd30Layout.IsBlank(type))
        {
            return;
        }

        if (layout.TitleKey is { } key && Nd30Layout.TypeAbbreviations.TryGetValue(key, out var expected))
        {
            if (type == expected)
            {
                return;
            }

            if (Nd30Layout.KnownAbbreviations.Contains(type))
            {
                _findings.Add("ND30_NUMBER_TYPE_MISMATCH", where, $"«{type}»", $"«{expected}» (tên loại {layout.Title!.Clean})");
            }
            else
            {
                _findings.Add("ND30_NUMBER_TYPE", where, $"«{type}»", $"«{expected}» (tên loại {layout.Title!.Clean})");
            }
        }
        else if (!Nd30Layout.KnownAbbreviations.Contains(type))
        {
            // Without a recognised tên loại this may be a công văn written without "V/v": warn only.
            _findings.Add("ND30_NUMBER_TYPE", where, $"«{type}»", "chữ viết tắt tên loại theo Phụ lục III (GM, KH, CTr, TB, BC…)", ProblemSeverity.Warning);
        }
    }

    [GeneratedRegex(@"^(?<place>[^,]+),\s*(?<ngay>ngày)\s+(?<d>\S+)\s+tháng\s+(?<m>\S+)\s+năm\s+(?<y>\S+?)\.?$")]
    private static partial Regex DatePattern();

    private void CheckDate(Span line)
    {
        var text = line.Clean;
        var where = Where(line);
        if (!line.AllItalic)
        {
            _findings.Add("ND30_DATE_ITALIC", where, "chữ đứng", "chữ nghiêng");
        }

        CheckSize("ND30_DATE_SIZE", line, Nd30.DateLineSize);
        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            _findings.Add("ND30_DATE_FORMAT", where, $"«{text}»", "«Yên Bái, ngày 05 tháng 4 năm 2023»");
            return;
        }

        var (d, m, y) = (match.Groups["d"].Value, match.Groups["m"].Value, match.Groups["y"].Value);
        if (!(d.All(char.IsAsciiDigit) && m.All(char.IsAsciiDigit) && y.All(char.IsAsciiDigit)))
        {
            return; // A blank form ("ngày … tháng … năm 20…") is filled in when the document is issued.
        }

        if (y.Length != 4)
        {
            _findings.Add("ND30_DATE_FORMAT", where, $"«năm {y}»", "năm ghi đủ 4 chữ số");
            return;
        }

        var (day, month, year) = (int.Parse(d, CultureInfo.InvariantCulture), int.Parse(m, CultureInfo.InvariantCulture), int.Parse(y, CultureInfo.InvariantCulture));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            _findings.Add("ND30_DATE_INVALID", where, $"ngày {d} tháng {m} năm {y}", "một ngày có thật");
            return;
        }

        var expected = VietnameseText.LongDate(new DateOnly(year, month, day));
        var found = $"ngày {d} tháng {m} năm {y}";
        if (found != expected)
        {
            _findings.Add("ND30_DATE_LEADING_ZERO", where, $"«{found}»", $"«{expected}»");
        }
    }

    // ---- Mục II khoản 5–6: tên loại, trích yếu, body --------------------------------------------------------------

    private void CheckTitle()
    {
        if (layout.Title is not { } title)
        {
            return;
        }

        CheckUpper("ND30_TITLE_CASE", title);
        CheckBoldUpright("ND30_TITLE_BOLD", title);
        CheckSize("ND30_TITLE_SIZE", title, Nd30.TitleSize);
        if (!title.Paragraph.Format.IsCentered)
        {
            _findings.Add("ND30_TITLE_ALIGN", Where(title), "không canh giữa", "canh giữa");
        }

        foreach (var line in layout.Summary)
        {
            CheckBoldUpright("ND30_SUMMARY_BOLD", line);
            CheckSize("ND30_SUMMARY_SIZE", line, Nd30.SummarySize);
        }

        if (layout.Summary.Count > 0 && !Nd30Layout.HasRuleBelow(layout.TopParagraphs, layout.Summary, anyDrawingInContainer: false))
        {
            _findings.Add("ND30_SUMMARY_RULE", Where(layout.Summary[^1]), "không có đường kẻ", "đường kẻ nét liền dài 1/3–1/2 dòng chữ");
        }
    }

    private void CheckBody()
    {
        foreach (var p in layout.Body)
        {
            var where = Where(p.Whole);
            if (p.Whole.SizeOutside(Nd30.BodySize) is { } size)
            {
                _findings.AddOnce("body-size", "ND30_BODY_SIZE", where, Pt(size), Nd30.BodySize.ToString());
            }

            var format = p.Format;
            if (!p.Clean.StartsWith("Kính gửi", StringComparison.Ordinal) && !IndentAllowed(format))
            {
                var found = format.Hanging != 0 ? $"thụt treo {Cm(format.Hanging)} cm" : format.FirstLine == 0 ? "không lùi" : $"{Cm(format.FirstLine)} cm";
                _findings.AddOnce("body-indent", "ND30_BODY_INDENT", where, found,
                    $"lùi đầu dòng {Cm(Nd30.FirstLineIndent.Min)} cm hoặc {Cm(Nd30.FirstLineIndent.Max)} cm");
            }

            if (!Nd30.ParagraphSpacing.Allows(Math.Max(format.Before, format.After)))
            {
                _findings.AddOnce("body-spacing", "ND30_BODY_SPACING", where, $"{Pt(Math.Max(format.Before, format.After) / 10)}",
                    $"tối thiểu {Pt(Nd30.ParagraphSpacing.Min / 10)}");
            }

            if (LineSpacingOutside(format, p.Whole) is { } lines)
            {
                _findings.AddOnce("body-line", "ND30_BODY_LINE_SPACING", where, lines, "từ dòng đơn đến 1,5 dòng");
            }
        }
    }

    /// <summary>A first-line indent of 1 cm or 1.27 cm, and no hanging indent.</summary>
    internal static bool IndentAllowed(ParagraphFormat format) => format.Hanging == 0 && Nd30.FirstLineIndent.Allows(format.FirstLine);

    /// <summary>Describes the line spacing when it is outside single…1.5 lines, else null.</summary>
    internal static string? LineSpacingOutside(ParagraphFormat format, Span text)
    {
        if (format.Line is not { } line)
        {
            return null;
        }

        if (format.LineRule is null || format.LineRule == LineRule.Auto)
        {
            return Nd30.LineSpacing.Allows(line) ? null : $"{(line / 240.0).ToString("0.##", VietnameseText.Culture)} dòng";
        }

        // Exact / at-least spacing in twips: compare with the font's single line (≈ 1.15 × size for Times New Roman).
        var size = text.Runs.Select(r => r.Format.EffectiveHalfPoints).DefaultIfEmpty(28).Max();
        var single = size * 10 * 1.15;
        var ratio = line / single;
        var tooSmall = format.LineRule == LineRule.Exact && ratio < 0.85;
        return tooSmall || ratio > 1.55 ? $"{Pt(line / 10)} ({(format.LineRule == LineRule.Exact ? "chính xác" : "tối thiểu")})" : null;
    }

    // ---- Mục II khoản 7, 9: signature, Nơi nhận ------------------------------------------------------------------

    [GeneratedRegex(@"^(?<prefix>T/M|K/T|T/L|TUQ|TM|KT|TL|Q)(?<dot>\.?)\s")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^((PGS|GS)\.?\s*TS|GS|PGS|TSKH|TS|ThS|THS|Ths|KS|BS|CN|DS|LS|NGƯT|NGND)\s*\.")]
    private static partial Regex AcademicTitle();

    private static readonly string[] AuthorityWords = ["thay mat ", "ky thay ", "thua lenh ", "thua uy quyen ", "quyen "];

    private static readonly string[] AcademicWords = ["tien si ", "thac si ", "giao su ", "pho giao su ", "ky su ", "bac si "];

    private void CheckSignatures()
    {
        foreach (var block in layout.Signatures)
        {
            var lines = block.Where(l => !Nd30Layout.IsNote(l.Clean)).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            var name = lines.Count >= 2 ? lines[^1] : null;
            var positions = name is null ? lines : lines.Take(lines.Count - 1).ToList();
            foreach (var line in positions.Where(l => !Nd30Layout.IsPlaceholder(l.Clean)))
            {
                var text = line.Clean;
                var prefix = PrefixPattern().Match(text);
                var fold = VietnameseText.Fold(text) + " ";
                if ((prefix.Success && (prefix.Groups["dot"].Length == 0 || prefix.Groups["prefix"].Value.Contains('/')))
                    || AuthorityWords.Any(w => fold.StartsWith(w, StringComparison.Ordinal))
                    || Regex.IsMatch(text, @"^(Tm|Kt|Tl|Tuq)\.\s"))
                {
                    _findings.Add("ND30_SIGN_AUTHORITY", Where(line), $"«{Excerpt(text)}»", "TM., KT., Q., TL. hoặc TUQ. (in hoa, có dấu chấm)");
                }
            }

            if (positions.FirstOrDefault(l => !l.LooksUpper) is { } lower)
            {
                _findings.Add("ND30_SIGN_POSITION_CASE", Where(lower), $"«{Excerpt(lower.Clean)}»", "chữ in hoa");
            }

            if (positions.FirstOrDefault(l => !l.AllBold || l.AnyItalic) is { } notBold)
            {
                _findings.Add("ND30_SIGN_POSITION_BOLD", Where(notBold), notBold.AnyItalic ? "chữ nghiêng" : "chữ không đậm", "chữ đứng, đậm");
            }

            foreach (var line in lines)
            {
                if (line.SizeOutside(Nd30.SignatureSize) is { } size)
                {
                    _findings.Add("ND30_SIGN_SIZE", Where(line), Pt(size), Nd30.SignatureSize.ToString());
                    break;
                }
            }

            if (name is null)
            {
                continue;
            }

            if (!name.AllBold || name.AnyItalic)
            {
                _findings.Add("ND30_SIGN_NAME_BOLD", Where(name), name.AnyItalic ? "chữ nghiêng" : "chữ không đậm", "chữ đứng, đậm");
            }

            var nameText = name.Clean;
            if (Nd30Layout.IsPlaceholder(nameText))
            {
                continue;
            }

            var nameFold = VietnameseText.Fold(nameText) + " ";
            var academic = AcademicTitle().Match(nameText);
            if (academic.Success || AcademicWords.Any(w => nameFold.StartsWith(w, StringComparison.Ordinal)))
            {
                var title = academic.Success ? academic.Value : nameText.Split(' ').Take(2).Aggregate((a, b) => a + " " + b);
                _findings.Add("ND30_SIGN_ACADEMIC_TITLE", Where(name), $"«{title}» trước họ tên", "chỉ ghi họ và tên");
            }
            else if (name.LooksUpper && nameText.Any(char.IsLetter) && !Nd30Layout.AuthorityLine().IsMatch(nameText))
            {
                _findings.Add("ND30_SIGN_NAME_CASE", Where(name), $"«{Excerpt(nameText)}» (in hoa)", "chữ in thường, viết hoa chữ đầu");
            }
        }
    }

    [GeneratedRegex(@"^-\s*Lưu\s*:\s*VT\b")]
    private static partial Regex ArchiveLine();

    private void CheckRecipients()
    {
        if (layout.RecipientsLabel is not { } labelLine)
        {
            return;
        }

        var colon = labelLine.Raw.IndexOf(':', StringComparison.Ordinal);
        var label = colon >= 0 ? labelLine with { End = labelLine.Start + colon + 1 } : labelLine;
        var problems = new List<string>();
        if (label.SizeOutside(Nd30.RecipientsLabelSize) is { } size)
        {
            problems.Add(Pt(size));
        }

        if (!label.AllBold)
        {
            problems.Add("không đậm");
        }

        if (!label.AllItalic)
        {
            problems.Add("không nghiêng");
        }

        if (colon < 0)
        {
            problems.Add("thiếu dấu hai chấm");
        }

        if (problems.Count > 0)
        {
            _findings.Add("ND30_RECIPIENTS_LABEL", Where(labelLine), string.Join(", ", problems), $"«Nơi nhận:» cỡ {Nd30.RecipientsLabelSize.Min}, nghiêng, đậm");
        }

        var items = layout.Recipients.Where(r => !Nd30Layout.IsNote(r.Clean)).ToList();
        foreach (var item in items)
        {
            if (item.SizeOutside(Nd30.RecipientsListSize) is { } itemSize)
            {
                _findings.AddOnce("recipients-size", "ND30_RECIPIENTS_LIST_SIZE", Where(item), Pt(itemSize), Nd30.RecipientsListSize.ToString());
            }
        }

        if (items.Count == 0)
        {
            _findings.Add("ND30_RECIPIENTS_ARCHIVE", Where(labelLine), "danh sách nơi nhận trống", "dòng cuối «- Lưu: VT, …»");
        }
        else if (!ArchiveLine().IsMatch(items[^1].Clean))
        {
            _findings.Add("ND30_RECIPIENTS_ARCHIVE", Where(items[^1]), $"«{Excerpt(items[^1].Clean)}»", "dòng cuối «- Lưu: VT, …»");
        }
    }

    // ---- Mục I khoản 7: page numbers ------------------------------------------------------------------------------

    private void CheckPageNumbers()
    {
        var anyPageField = false;
        var inFooter = false;
        IReadOnlyList<(HeaderFooterKind Type, HeaderFooterInfo Part)>? inherited = null;
        foreach (var section in model.Sections)
        {
            var parts = section.References;
            // A section without its own references inherits the previous section's headers and footers.
            if (parts.Count == 0 && inherited is not null)
            {
                parts = inherited;
            }

            inherited = parts;
            var titlePage = section.TitlePage;
            foreach (var (type, part) in parts)
            {
                if (!part.HasPageField)
                {
                    continue;
                }

                anyPageField = true;
                if (!part.IsHeader)
                {
                    inFooter = true;
                    continue;
                }

                if (type == HeaderFooterKind.First)
                {
                    if (titlePage)
                    {
                        _findings.Add("ND30_PAGE_NUMBER_FIRST_PAGE", "đầu trang thứ nhất", "có số trang", "không hiển thị số trang ở trang thứ nhất");
                    }

                    continue;
                }

                if (!titlePage)
                {
                    _findings.Add("ND30_PAGE_NUMBER_FIRST_PAGE", "đầu trang", "số trang hiện cả ở trang thứ nhất", "không hiển thị số trang ở trang thứ nhất (bật \"Different First Page\")");
                }

                foreach (var info in part.Paragraphs.Where(p => p.HasPageField))
                {
                    var beforeField = info.Text.TakeWhile(c => !char.IsAsciiDigit(c)).ToArray();
                    if (!info.Format.IsCentered && !(beforeField.Length == 1 && beforeField[0] == '\t'))
                    {
                        _findings.Add("ND30_PAGE_NUMBER_ALIGN", "đầu trang", AlignName(info.Format.Justification), "canh giữa");
                    }

                    var digits = info.Runs.Where(r => r.Text.Any(char.IsAsciiDigit)).ToList();
                    if (digits.FirstOrDefault(r => Nd30.PageNumberSize.IsOutside(r.Format.EffectiveHalfPoints)) is { } small)
                    {
                        _findings.Add("ND30_PAGE_NUMBER_SIZE", "đầu trang", Pt(small.Format.EffectiveHalfPoints), Nd30.PageNumberSize.ToString());
                    }
                }
            }
        }

        if (inFooter)
        {
            _findings.Add("ND30_PAGE_NUMBER_POSITION", new Place("chân trang", Place.Bottom), "số trang ở chân trang", "số trang ở lề trên, canh giữa");
        }
        else if (!anyPageField && model.Paragraphs.Count(p => !p.IsEmpty) > LongDocumentParagraphs && !IsBatch())
        {
            _findings.Add("ND30_PAGE_NUMBER_MISSING", "đầu trang", "không có số trang", "số trang từ trang 2, canh giữa lề trên");
        }
    }

    /// <summary>
    /// A print batch (many one-page documents merged, e.g. every invitation in one file) repeats the Quốc hiệu;
    /// its length says nothing about one document's page count.
    /// </summary>
    private bool IsBatch() =>
        model.Paragraphs.Take(20000).Count(p => VietnameseText.Fold(p.Clean) == Nd30Layout.NationalTitleKey) > 1;

    private static string AlignName(Alignment? jc) => jc switch
    {
        Alignment.Right or Alignment.End => "canh phải",
        Alignment.Both => "canh đều",
        _ => "canh trái",
    };

    // ---- Shared checks and formatting ---------------------------------------------------------------------------

    private void CheckUpper(string code, Span span)
    {
        if (!span.LooksUpper)
        {
            _findings.Add(code, Where(span), $"«{Excerpt(span.Clean)}» (chữ thường)", "chữ in hoa");
        }
    }

    private void CheckBoldUpright(string code, Span span)
    {
        if (!span.AllBold || span.AnyItalic)
        {
            _findings.Add(code, Where(span), span.AnyItalic ? "chữ nghiêng" : "chữ không đậm", "chữ đứng, đậm");
        }
    }

    private void CheckSize(string code, Span span, Nd30FontSize allowed)
    {
        if (span.SizeOutside(allowed) is { } size)
        {
            _findings.Add(code, Where(span), Pt(size), allowed.ToString());
        }
    }

    internal static string Pt(int halfPoints) => (halfPoints / 2.0).ToString("0.#", VietnameseText.Culture) + " pt";

    internal static string Mm(int twips) => Nd30Length.Millimetres(twips, VietnameseText.Culture);

    /// <summary>"20–25 mm".</summary>
    internal static string MmRange(Nd30Length range) => range.ToString(VietnameseText.Culture);

    internal static string Cm(int twips) => (twips / 566.929).ToString("0.##", VietnameseText.Culture);

    internal static string Excerpt(string text)
    {
        var clean = VietnameseText.Clean(text);
        return clean.Length <= 40 ? clean : clean[..39].TrimEnd() + "…";
    }

    private static Place Where(Span span) => new(Describe(span), span.Paragraph.Number);

    /// <summary>"bảng 1 › hàng 1, cột 2 › «Độc lập - Tự do - Hạnh phúc»" or "đoạn 12 «Kính mời…»".</summary>
    internal static string Describe(Span span)
    {
        var excerpt = $"«{Excerpt(span.Clean)}»";
        var p = span.Paragraph;
        return p.Cell is { } cell
            ? Locations.Join($"bảng {cell.Table}", $"hàng {cell.Row}, cột {cell.Column}", excerpt)
            : $"đoạn {p.Number} {excerpt}";
    }

    /// <summary>Collects findings; rules that fire on many paragraphs report once with a count.</summary>
    private sealed class FindingCollector(string source)
    {
        private readonly List<(Nd30Finding Finding, string? Key, int Order)> _items = [];
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public void Add(string code, Place place, string found, string expected, ProblemSeverity? severity = null)
        {
            var rule = Nd30Rules.Get(code);
            _items.Add((Finding(code, severity ?? rule.Severity, rule.Element, place, found, expected), null, place.Order));
        }

        public void AddOnce(string key, string code, Place place, string found, string expected)
        {
            if (_counts.TryGetValue(key, out var count))
            {
                _counts[key] = count + 1;
                return;
            }

            _counts[key] = 0;
            var rule = Nd30Rules.Get(code);
            _items.Add((Finding(code, rule.Severity, rule.Element, place, found, expected), key, place.Order));
        }

        /// <summary>The findings in reading order: page setup and page headers, the body paragraph by paragraph, footers.</summary>
        public IReadOnlyList<Nd30Finding> Build() => _items
            .OrderBy(i => i.Order)
            .Select(i => i.Key is not null && _counts[i.Key] > 0
                ? i.Finding with { Location = $"{i.Finding.Location} (và {_counts[i.Key]} chỗ khác)" }
                : i.Finding)
            .ToList();

        private Nd30Finding Finding(string code, ProblemSeverity severity, string element, Place place, string found, string expected) =>
            new(code, severity, element, Locations.Join(source, place.Text), found, expected) { Paragraph = place.Order is > Place.Top and < Place.Bottom ? place.Order : 0 };
    }

    /// <summary>
    /// Where a finding is: the words a clerk reads, and its place in reading order — the paragraph's number in the body,
    /// <see cref="Top"/> for the page setup and page headers, <see cref="Bottom"/> for footers.
    /// </summary>
    private readonly record struct Place(string Text, int Order)
    {
        public const int Top = 0;
        public const int Bottom = int.MaxValue;

        public static implicit operator Place(string text) => new(text, Top);
    }
}
