using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>
/// Finds the ND30 elements of a document by position and content: the two-column header table (or, without one,
/// the first paragraphs), Quốc hiệu, Tiêu ngữ, tên cơ quan, "Số:", the date line, tên loại and trích yếu, the body,
/// the closing table with Nơi nhận and the signature block. Elements it cannot find stay null/empty: rules about
/// them are then not applied (a missed rule is better than a false one).
/// </summary>
internal sealed partial class Nd30Layout
{
    public const string NationalTitleKey = "cong hoa xa hoi chu nghia viet nam";
    public const string MottoKey = "doc lap tu do hanh phuc";

    /// <summary>Tên loại (folded) → Phụ lục III abbreviation.</summary>
    public static readonly IReadOnlyDictionary<string, string> TypeAbbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nghi quyet"] = "NQ", ["quyet dinh"] = "QĐ", ["chi thi"] = "CT", ["quy che"] = "QC", ["quy dinh"] = "QyĐ",
        ["thong cao"] = "TC", ["thong bao"] = "TB", ["huong dan"] = "HD", ["chuong trinh"] = "CTr", ["ke hoach"] = "KH",
        ["phuong an"] = "PA", ["de an"] = "ĐA", ["du an"] = "DA", ["bao cao"] = "BC", ["bien ban"] = "BB",
        ["to trinh"] = "TTr", ["hop dong"] = "HĐ", ["cong dien"] = "CĐ", ["ban ghi nho"] = "BGN", ["ban thoa thuan"] = "BTT",
        ["giay uy quyen"] = "GUQ", ["giay moi"] = "GM", ["giay gioi thieu"] = "GGT", ["giay nghi phep"] = "GNP",
        ["phieu gui"] = "PG", ["phieu chuyen"] = "PC", ["phieu bao"] = "PB",
    };

    /// <summary>Every abbreviation of Phụ lục III, including copies (SY, TrS, SL).</summary>
    public static readonly IReadOnlySet<string> KnownAbbreviations =
        new HashSet<string>(TypeAbbreviations.Values.Concat(["SY", "TrS", "SL"]), StringComparer.Ordinal);

    private Nd30Layout(DocxModel model) => Model = model;

    public DocxModel Model { get; }

    public TableInfo? HeaderTable { get; private set; }

    /// <summary>Paragraphs that make up the header (table cells or the first top-level paragraphs).</summary>
    public IReadOnlyList<ParagraphInfo> HeaderParagraphs { get; private set; } = [];

    public Span? NationalTitle { get; private set; }

    public Span? Motto { get; private set; }

    public IReadOnlyList<Span> Parent { get; private set; } = [];

    public IReadOnlyList<Span> Issuer { get; private set; } = [];

    public Span? Number { get; private set; }

    public Span? DateLine { get; private set; }

    /// <summary>A công văn: "V/v …" under the number, no tên loại.</summary>
    public bool IsCongVan { get; private set; }

    public Span? Title { get; private set; }

    /// <summary>Folded tên loại, e.g. "giay moi".</summary>
    public string? TitleKey { get; private set; }

    public IReadOnlyList<Span> Summary { get; private set; } = [];

    public IReadOnlyList<ParagraphInfo> Body { get; private set; } = [];

    public TableInfo? ClosingTable { get; private set; }

    public Span? RecipientsLabel { get; private set; }

    public IReadOnlyList<Span> Recipients { get; private set; } = [];

    public IReadOnlyList<IReadOnlyList<Span>> Signatures { get; private set; } = [];

    /// <summary>
    /// A line shape near the header but outside its cells: Word users often anchor the rules under the issuer and
    /// the motto to a paragraph below the header table and position them absolutely. Such a shape counts as a rule.
    /// </summary>
    public bool HeaderHasFloatingDrawing { get; private set; }

    /// <summary>Top-level paragraphs in order (outside every table).</summary>
    public IReadOnlyList<ParagraphInfo> TopParagraphs { get; private set; } = [];

    [GeneratedRegex(@"^(Số|SỐ|số)\s*[:.]?")]
    private static partial Regex NumberStart();

    [GeneratedRegex(@"ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\S+", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    public static bool IsNumberLine(string clean) => NumberStart().IsMatch(clean) && !clean.StartsWith("Số lượng", StringComparison.OrdinalIgnoreCase);

    public static bool IsDateLine(string clean) => clean.Contains(',', StringComparison.Ordinal) && DatePattern().IsMatch(clean);

    public static Nd30Layout Find(DocxModel model)
    {
        var layout = new Nd30Layout(model);
        layout.TopParagraphs = model.Blocks.Where(b => b.Paragraph is not null).Select(b => b.Paragraph!).ToList();
        var headerEnd = layout.FindHeader();
        var bodyStart = layout.FindTitle(headerEnd);
        // Between the header and the tên loại (or the next two blocks): where such anchors sit.
        var titleBlock = layout.Title is { } t ? model.Blocks.FindIndex(b => b.Paragraph == t.Paragraph) : Math.Min(headerEnd + 2, model.Blocks.Count);
        layout.HeaderHasFloatingDrawing = model.Blocks.Skip(headerEnd).Take(Math.Max(0, titleBlock - headerEnd)).Any(b => b.Paragraph?.HasDrawing == true);
        var bodyEnd = layout.FindClosing(bodyStart);
        layout.FindBody(bodyStart, bodyEnd);
        return layout;
    }

    /// <summary>Recognises the header; returns the index of the first block after it.</summary>
    private int FindHeader()
    {
        var blocks = Model.Blocks;
        for (var i = 0; i < Math.Min(4, blocks.Count); i++)
        {
            if (blocks[i].Table is { } table && table.Paragraphs.Any(p => p.Lines().Any(IsHeaderLine)))
            {
                HeaderTable = table;
                HeaderParagraphs = table.Paragraphs.ToList();
                var left = table.HasTwoColumnRow ? table.Column(0) : table.Paragraphs.ToList();
                var right = table.HasTwoColumnRow ? table.Column(1) : [];
                FindHeaderElements(left.SelectMany(p => p.Lines()).Concat(right.SelectMany(p => p.Lines())).ToList());
                // Issuer lines live in the column holding "Số:" (or, without it, the column without the Quốc hiệu).
                var issuerColumn = Number is not null
                    ? (left.Contains(Number.Paragraph) ? left : right)
                    : (NationalTitle is not null && right.Contains(NationalTitle.Paragraph) ? left : right);
                FindIssuer(issuerColumn.SelectMany(p => p.Lines()).ToList());
                IsCongVan = issuerColumn.SelectMany(p => p.Lines()).Any(l => l.Clean.StartsWith("V/v", StringComparison.Ordinal));
                return i + 1;
            }
        }

        // No header table: the first top-level paragraphs, up to the first long justified one.
        var zone = new List<ParagraphInfo>();
        var end = 0;
        for (var i = 0; i < Math.Min(15, blocks.Count); i++)
        {
            var p = blocks[i].Paragraph;
            if (p is null || (p.Format.IsJustified && p.Clean.Length > 120) || IsTypeName(p.Clean))
            {
                break;
            }

            zone.Add(p);
            end = i + 1;
        }

        var lines = zone.SelectMany(p => p.Lines()).ToList();
        if (!lines.Any(IsHeaderLine))
        {
            return 0;
        }

        HeaderParagraphs = zone;
        FindHeaderElements(lines);
        FindIssuer(lines);
        IsCongVan = lines.Any(l => l.Clean.StartsWith("V/v", StringComparison.Ordinal));
        return end;
    }

    private static bool IsHeaderLine(Span line)
    {
        var clean = line.Clean;
        var fold = VietnameseText.Fold(clean);
        return fold == NationalTitleKey || fold == MottoKey || IsNumberLine(clean);
    }

    private void FindHeaderElements(List<Span> lines)
    {
        NationalTitle = lines.FirstOrDefault(l => VietnameseText.Fold(l.Clean) == NationalTitleKey);
        Motto = lines.FirstOrDefault(l => VietnameseText.Fold(l.Clean) == MottoKey);
        Number = lines.FirstOrDefault(l => IsNumberLine(l.Clean));
        DateLine = lines.FirstOrDefault(l => IsDateLine(l.Clean));
        IsPartyDocument = NationalTitle is null && lines.Any(l => VietnameseText.Fold(l.Clean) == PartyKey);
    }

    public const string PartyKey = "dang cong san viet nam";

    /// <summary>
    /// A Party document ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 04-ĐA/TU"): it follows the Party's own rules, not ND30, so
    /// only the general page and font rules apply to it.
    /// </summary>
    public bool IsPartyDocument { get; private set; }

    private void FindIssuer(List<Span> column)
    {
        var candidates = new List<Span>();
        foreach (var line in column)
        {
            if (line == Number || (Number is not null && line.Paragraph == Number.Paragraph && line.Start >= Number.Start))
            {
                break;
            }

            var fold = VietnameseText.Fold(line.Clean);
            if (fold is NationalTitleKey or MottoKey || line == DateLine || IsRuleText(line.Clean))
            {
                continue;
            }

            candidates.Add(line);
        }

        if (Number is null && candidates.Count > 3)
        {
            return; // Not a header column we understand.
        }

        // Trailing bold lines are the issuer; lines before them the parent body (chủ quản, not bold).
        var firstBold = candidates.Count;
        while (firstBold > 0 && candidates[firstBold - 1].AllBold)
        {
            firstBold--;
        }

        if (firstBold == candidates.Count && candidates.Count > 0)
        {
            // Nothing bold: one line is the issuer (then flagged not bold); with more, the first is the parent body.
            firstBold = candidates.Count >= 2 ? 1 : 0;
        }

        // A bold first line written with the usual abbreviations of a parent body ("UBND TỈNH …") is the parent
        // (ND30 lets only the parent body's name be abbreviated), not the first line of a wrapped issuer name.
        if (firstBold == 0 && candidates.Count >= 2 && ParentAbbreviation().IsMatch(candidates[0].Clean))
        {
            firstBold = 1;
        }

        Parent = candidates.Take(firstBold).ToList();
        Issuer = candidates.Skip(firstBold).ToList();
    }

    /// <summary>Underscore or dash lines typed as text ("_______") stand for a rule.</summary>
    public static bool IsRuleText(string clean) => clean.Length >= 3 && clean.All(c => c is '_' or '-' or '—' or '–' or '─');

    public static bool IsTypeName(string clean) => TypeAbbreviations.ContainsKey(VietnameseText.Fold(clean));

    /// <summary>Finds tên loại and trích yếu after the header; returns the block index where the body starts.</summary>
    private int FindTitle(int start)
    {
        var blocks = Model.Blocks;
        var i = start;
        while (i < blocks.Count && blocks[i].Paragraph is { IsEmpty: true })
        {
            i++;
        }

        if (i >= blocks.Count || blocks[i].Paragraph is not { } first || !IsTypeName(first.Clean))
        {
            return start;
        }

        Title = first.Whole;
        TitleKey = VietnameseText.Fold(first.Clean);
        i++;
        var summary = new List<Span>();
        while (i < blocks.Count && summary.Count < 3 && blocks[i].Paragraph is { } p && !p.IsEmpty
               && p.Format.IsCentered && !IsRuleText(p.Clean) && !p.Clean.StartsWith("Kính gửi", StringComparison.Ordinal))
        {
            summary.Add(p.Whole);
            i++;
        }

        Summary = summary;
        return i;
    }

    /// <summary>Finds the closing table (Nơi nhận + signature) or closing paragraphs; returns the block index where the body ends.</summary>
    private int FindClosing(int bodyStart)
    {
        var blocks = Model.Blocks;
        for (var i = blocks.Count - 1; i >= bodyStart; i--)
        {
            // A closing table is short (one or two rows); long borderless tables are body tables (programmes).
            if (blocks[i].Table is not { } table || table == HeaderTable || !table.Borderless || !table.HasTwoColumnRow || table.Rows.Count > 3)
            {
                continue;
            }

            var left = table.Column(0).SelectMany(p => p.Lines()).ToList();
            var right = table.Column(1).SelectMany(p => p.Lines()).ToList();
            var label = left.FindIndex(IsRecipientsLabel);
            var signatures = new List<IReadOnlyList<Span>>();
            if (label >= 0)
            {
                RecipientsLabel = left[label];
                Recipients = left.Skip(label + 1).ToList();
                if (LooksLikeSignature(right))
                {
                    signatures.Add(right);
                }
            }
            else
            {
                // Biên bản: THƯ KÝ on the left, CHỦ TỌA on the right.
                signatures.AddRange(new[] { left, right }.Where(LooksLikeSignature));
            }

            if (label < 0 && signatures.Count == 0)
            {
                break; // The last borderless table is something else (a body table); look no further.
            }

            ClosingTable = table;
            Signatures = signatures;
            return i;
        }

        // No closing table: "Nơi nhận:" and a signature laid out with paragraphs (and tabs).
        var end = blocks.Count;
        for (var i = bodyStart; i < blocks.Count; i++)
        {
            if (blocks[i].Paragraph is { } p && p.Lines().FirstOrDefault() is { } line && IsRecipientsLabel(line))
            {
                RecipientsLabel = line;
                var items = new List<Span>();
                for (var j = i + 1; j < blocks.Count && blocks[j].Paragraph is { } next; j++)
                {
                    if (next.Lines().FirstOrDefault() is { } item && item.Clean.StartsWith('-') && item.Start == next.Text.Length - next.Text.TrimStart().Length)
                    {
                        items.Add(item);
                    }
                    else if (!next.IsEmpty)
                    {
                        break;
                    }
                }

                Recipients = items;
                end = Math.Min(end, i);
                break;
            }
        }

        for (var i = Math.Max(bodyStart, blocks.Count - 25); i < blocks.Count; i++)
        {
            if (blocks[i].Paragraph is not { } p)
            {
                continue;
            }

            var lines = p.Lines().ToList();
            var column = lines.FindIndex(l => AuthorityLine().IsMatch(l.Clean));
            if (column < 0)
            {
                continue;
            }

            var signature = new List<Span> { lines[column] };
            for (var j = i + 1; j < blocks.Count && signature.Count < 8 && blocks[j].Paragraph is { } next; j++)
            {
                var nextLines = next.Lines().ToList();
                if (nextLines.Count == 0)
                {
                    continue;
                }

                // Beside the recipients list the signature is the tab column after it; alone it is the whole line.
                var piece = nextLines.Count > column ? nextLines[column] : nextLines.Count == 1 && !nextLines[0].Clean.StartsWith('-') ? nextLines[0] : null;
                if (piece is not null)
                {
                    signature.Add(piece);
                }
            }

            Signatures = [signature];
            end = Math.Min(end, i);
            break;
        }

        return end;
    }

    [GeneratedRegex(@"^(UBND|HĐND|UB|MTTQ|BCH)\s")]
    private static partial Regex ParentAbbreviation();

    [GeneratedRegex(@"^(TM|KT|Q|TL|TUQ)\.\s*\S")]
    public static partial Regex AuthorityLine();

    private static bool IsRecipientsLabel(Span line) => VietnameseText.Fold(line.Clean).StartsWith("noi nhan", StringComparison.Ordinal);

    private static bool LooksLikeSignature(List<Span> lines)
    {
        var text = lines.Where(l => !IsNote(l.Clean)).ToList();
        return text.Count >= 2 && text[0].LooksUpper && text[0].Clean.Any(char.IsLetter);
    }

    /// <summary>
    /// Template text still to be filled: merge fields «…», {{…}}, [[…]], &lt;&lt;…&gt;&gt;. Content rules (wording, number,
    /// authority, title) wait until it is filled; formatting rules still apply.
    /// </summary>
    public static bool IsPlaceholder(string clean) =>
        clean.Contains('«') || clean.Contains('»') || clean.Contains("{{", StringComparison.Ordinal)
        || clean.Contains("[[", StringComparison.Ordinal) || clean.Contains("<<", StringComparison.Ordinal);

    /// <summary>A blank left for the number or a ký hiệu group: dots, ellipses, underscores, spaces.</summary>
    public static bool IsBlank(string text) => text.Trim().All(c => c is '.' or '…' or '_' or ' ');

    /// <summary>"(Đã ký)", "(Ký, đóng dấu)", "[chữ ký]": notes inside a signature block, not names.</summary>
    public static bool IsNote(string clean) => clean.StartsWith('(') || clean.StartsWith('[');

    private void FindBody(int start, int end)
    {
        var body = new List<ParagraphInfo>();
        var blocks = Model.Blocks;
        for (var i = start; i < Math.Min(end, blocks.Count); i++)
        {
            if (blocks[i].Paragraph is not { } p || p.IsEmpty || !p.Format.IsJustified || p.Format.Numbered)
            {
                continue;
            }

            if (p == RecipientsLabel?.Paragraph || Recipients.Any(r => r.Paragraph == p) || Signatures.Any(s => s.Any(l => l.Paragraph == p)))
            {
                continue;
            }

            body.Add(p);
        }

        Body = body;
    }

    /// <summary>
    /// Whether a rule is drawn under <paramref name="spans"/>: (a) the text itself underlined, (b) a bottom border on
    /// its paragraph, (c) the next paragraph bordered (top) or an empty bordered paragraph right after, (d) a line
    /// shape (DrawingML/VML) in the paragraph, in the empty paragraphs after it, or anywhere in a header cell.
    /// </summary>
    public static bool HasRuleBelow(IReadOnlyList<ParagraphInfo> container, IReadOnlyList<Span> spans, bool anyDrawingInContainer)
    {
        if (spans.Count == 0)
        {
            return true;
        }

        if (spans.Any(s => s.AllUnderlined))
        {
            return true;
        }

        var last = spans[^1].Paragraph;
        if (last.Format.BorderBottom || last.HasDrawing)
        {
            return true;
        }

        var index = IndexOf(container, last);
        if (index >= 0)
        {
            for (var i = index + 1; i < container.Count; i++)
            {
                var next = container[i];
                if (next.Format.BorderTop || next.HasDrawing || (next.IsEmpty && next.Format.BorderBottom) || IsRuleText(next.Clean))
                {
                    return true;
                }

                if (!next.IsEmpty)
                {
                    break;
                }
            }
        }

        return anyDrawingInContainer && container.Any(p => p.HasDrawing);
    }

    private static int IndexOf(IReadOnlyList<ParagraphInfo> list, ParagraphInfo p)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == p)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The paragraphs around a header element: its table cell, or the header zone.</summary>
    public IReadOnlyList<ParagraphInfo> ContainerOf(ParagraphInfo p)
    {
        if (p.Cell is { } cell && Model.Tables.FirstOrDefault(t => t.Number == cell.Table) is { } table
            && cell.Row - 1 < table.Rows.Count && cell.Column - 1 < table.Rows[cell.Row - 1].Count)
        {
            // Rows of a header table may split one column over rows: use the whole column.
            var row = table.Rows[cell.Row - 1];
            return row.Count == 2 ? table.Column(cell.Column - 1) : row[cell.Column - 1];
        }

        // Outside tables: the header zone for header elements (its drawings count), else the top-level paragraphs.
        return HeaderParagraphs.Contains(p) ? HeaderParagraphs : TopParagraphs;
    }
}
