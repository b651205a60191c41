using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;
using Dialogue.Office.Automation.WordLayout;

namespace Dialogue.Office.Automation.Questions;

/// <summary>What a Báo cáo tổng hợp câu hỏi is written from, and for whom (the seed's two deadlines).</summary>
public sealed record QuestionReportRequest
{
    /// <summary>The consolidated workbook (its "Tổng hợp", with the clerk's "Chọn", and "Theo dõi nộp").</summary>
    public required string Workbook { get; init; }

    public required ConferencePlan Plan { get; init; }

    /// <summary>The plan's deadline this report answers ("don-vi": a district to the Sở by 10/4; "so-gddt": the Sở to UBND tỉnh by 15/4).</summary>
    public required string DeadlineId { get; init; }

    /// <summary>The sending body, as written in a sentence ("Ủy ban nhân dân huyện Văn Yên"); default: the deadline's "from".</summary>
    public string? From { get; init; }

    /// <summary>The report's date; default: the deadline's date (never the clock).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Who signs; default from the sending body (a Sở: GIÁM ĐỐC; an Ủy ban nhân dân: TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH).</summary>
    public Signer? Signer { get; init; }

    /// <summary>The report's number given by the văn thư ("45"); default: left blank for the văn thư to write, here and on the Phụ lục.</summary>
    public string? Number { get; init; }

    public required string OutputPath { get; init; }
}

/// <summary>What <see cref="QuestionReport.Write"/> wrote: the report, and its Phụ lục (the organiser's report only).</summary>
/// <param name="Report">The .docx.</param>
/// <param name="Appendix">The Phụ lục workbook beside it (<see cref="QuestionReportAppendix.PathFor"/>), or null for a unit's report.</param>
/// <param name="Selected">How many questions go to the dialogue.</param>
public sealed record QuestionReportResult(string Report, string? Appendix, int Selected);

/// <summary>
/// The reports the seed's deadlines ask for, as ND30 Báo cáo (Mẫu 1.5 layout with the shared builders): a district's
/// consolidation to Sở GD&amp;ĐT (due 10/4) and the Sở's consolidation to UBND tỉnh (due 15/4) — how many units sent,
/// who was late or is missing, questions by topic (with how many go to the dialogue and who answers) and by unit; the
/// selected questions are the attached workbook. Everything is read back from the consolidated workbook, so the
/// clerk's edits to "Chọn" count; the date comes from the plan (or the caller), never the clock.
/// </summary>
public static class QuestionReport
{
    /// <summary>File name of the report the main job writes (to the plan's issuer, from the organiser's consolidation).</summary>
    public const string FileName = "bao-cao-tong-hop-cau-hoi.docx";

    /// <summary>
    /// The deadline whose report goes to the plan's own issuer (the Sở's consolidation to UBND tỉnh by 15/4 in the
    /// sample): the one the organiser's consolidation answers. Null when no deadline is addressed to the issuer.
    /// </summary>
    public static Deadline? IssuerDeadline(ConferencePlan plan) =>
        plan.Deadlines.LastOrDefault(d => d.To.Length > 0 && plan.Issuer.NameInText.StartsWith(d.To, StringComparison.OrdinalIgnoreCase));

    /// <summary>The signer a body's report carries when the caller names none: its head, for the collective where it is one.</summary>
    public static Signer DefaultSigner(string from) =>
        VietnameseText.Fold(from).StartsWith("uy ban nhan dan", StringComparison.Ordinal)
            ? new Signer { Authority = "TM. ỦY BAN NHÂN DÂN", Position = "CHỦ TỊCH", Name = "" }
            : new Signer { Position = "GIÁM ĐỐC", Name = "" };

    private static readonly int[] TopicWidths = [700, 4200, 1100, 1300, Nd30.TextWidth - 700 - 4200 - 1100 - 1300];
    private static readonly int[] UnitWidths = [700, 4700, 1100, Nd30.TextWidth - 700 - 4700 - 1100];

    /// <summary>
    /// Writes the report; the organiser's (to the plan's issuer) also gets its Phụ lục, the selected questions, as a
    /// workbook beside it, which the report's text points to.
    /// </summary>
    public static QuestionReportResult Write(QuestionReportRequest request)
    {
        var plan = request.Plan;
        var deadline = plan.FindDeadline(request.DeadlineId) ?? throw new ArgumentException($"No deadline '{request.DeadlineId}' in the plan", nameof(request));
        var from = request.From ?? deadline.From;
        // "Ủy ban nhân dân tỉnh" in the plan's deadline is the plan's issuer: its full name ("… tỉnh Yên Bái").
        var to = deadline.To.Length == 0 || plan.Issuer.NameInText.StartsWith(deadline.To, StringComparison.OrdinalIgnoreCase) ? plan.Issuer.NameInText : deadline.To;
        var date = request.Date ?? deadline.Date;
        var (rows, tracking) = ReadWorkbook(request.Workbook);
        // A unit's own report (a district to the Sở by 10/4) covers its own merge: its schools, not the plan's other
        // units (which it neither collects nor answers for); the organiser's report tracks every plan unit.
        var unitLevel = IssuerDeadline(plan)?.Id != deadline.Id;
        if (unitLevel)
        {
            tracking = [.. rows.GroupBy(r => r.Workplace.Length > 0 ? r.Workplace : r.Unit).Select(g => new TrackingRow(g.Key, "Đã tổng hợp", g.Count().ToString(CultureInfo.InvariantCulture), true))];
        }

        var selected = rows.Count(r => DialogueSelection.IsMark(r.Chosen));
        var reference = $"{Number(request.Number)}/BC-{Initials(from)}";
        // A unit sends its whole consolidation with its report (the Sở merges it); the organiser's report to the
        // issuer attaches the selection as its Phụ lục (ND30: the text points to its Phụ lục).
        var attachment = unitLevel ? "bản tổng hợp kèm theo" : "Phụ lục kèm theo Báo cáo này";
        var (parent, place) = LocalBody(from) is { } local ? ("", local) : (ParentLine(plan.Issuer.Name), plan.Issuer.Place);
        var issuer = new Issuer
        {
            Parent = parent,
            // "ỦY BAN NHÂN DÂN" over "HUYỆN VĂN YÊN", as the forms' letterhead: not cut wherever the column ends.
            Name = QuestionForms.Letterhead(from) is (var line1, { Length: > 0 } line2) ? $"{line1}\n{line2}" : from.ToUpper(VietnameseText.Culture),
            NameInText = from,
            Place = place,
        };

        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            body.Append(WordBuilder.Header(WordBuilder.PlainField, issuer, reference, WordBuilder.DateLine(issuer, date)));
            var title = new TextStyle(Nd30.TitleSize.Written, Bold: true);
            body.Append(WordBuilder.Para("BÁO CÁO", title, JustificationValues.Center, before: 360));
            body.Append(WordBuilder.Para("Tổng hợp câu hỏi, ý kiến, kiến nghị gửi " + plan.Conference.Title, title, JustificationValues.Center));
            body.Append(WordBuilder.Rule(Nd30.TextWidth, 2200));
            body.Append(WordBuilder.Para($"Kính gửi: {to}.", TextStyle.Body, JustificationValues.Center, before: 120, after: 240));

            var sent = tracking.Count(t => t.Received);
            var late = tracking.Where(t => t.State.StartsWith("Gửi muộn", StringComparison.Ordinal)).ToList();
            var missing = tracking.Where(t => t.State.StartsWith("Chưa gửi", StringComparison.Ordinal)).ToList();
            Body(body, $"Thực hiện {PlanReference(plan)} tổ chức {plan.Conference.Title}, {from} đã tổng hợp câu hỏi, ý kiến, kiến nghị của cán bộ, công chức, viên chức và người lao động; kết quả như sau:");
            Heading(body, "1. Tình hình tổng hợp");
            Body(body, unitLevel
                ? string.Create(VietnameseText.Culture, $"Đã tổng hợp được {Count(rows.Count)} câu hỏi, ý kiến, kiến nghị của {Count(tracking.Count)} cơ quan, đơn vị, trường học; sau khi gộp các ý kiến trùng nhau, đề xuất {Count(selected)} câu hỏi đưa ra đối thoại (cột \"Chọn\" của bản tổng hợp kèm theo).")
                : string.Create(VietnameseText.Culture, $"Đã nhận phiếu của {Count(sent)}/{Count(tracking.Count)} đơn vị, tổng hợp được {Count(rows.Count)} câu hỏi, ý kiến, kiến nghị; sau khi gộp các ý kiến trùng nhau, đề xuất {Count(selected)} câu hỏi đưa ra đối thoại (chi tiết tại {attachment})."));
            if (late.Count > 0)
            {
                Body(body, "Đơn vị gửi muộn: " + string.Join("; ", late.Select(t => $"{t.Unit} ({VietnameseText.LowerFirst(t.State)})")) + ".");
            }

            if (!unitLevel)
            {
                Body(body, missing.Count > 0 ? "Đơn vị chưa gửi: " + string.Join("; ", missing.Select(t => t.Unit)) + "." : "Tất cả các đơn vị đã gửi phiếu.");
            }

            Heading(body, "2. Câu hỏi theo nhóm vấn đề");
            body.Append(TopicTable(plan, rows));
            Heading(body, unitLevel ? "3. Câu hỏi theo cơ quan, đơn vị, trường học" : "3. Câu hỏi theo đơn vị");
            body.Append(UnitTable(tracking, unitLevel));
            Heading(body, "4. Đề xuất");
            // A unit asks the Sở to take its questions into the province's consolidation; only the organiser asks the
            // issuer to have the answering bodies prepare their answers (a district does not direct the Sở Nội vụ).
            Body(body, unitLevel
                ? $"Đề nghị {to} tổng hợp các câu hỏi, ý kiến, kiến nghị trên (chi tiết tại {attachment}), báo cáo {plan.Issuer.NameInText} theo Kế hoạch."
                : $"Đề nghị {to} xem xét, chỉ đạo các cơ quan chủ trì trả lời chuẩn bị nội dung trả lời các câu hỏi được đưa ra đối thoại (danh sách chi tiết tại {attachment}).");
            Body(body, $"Trên đây là báo cáo tổng hợp câu hỏi, ý kiến, kiến nghị của {from}./.", keepNext: true);

            // The signature block is one piece, on the page of the last sentence: a row split by the page left the
            // signer's title on one page and the space to sign on the next (seen on the sample's 15/4 report).
            var closing = WordBuilder.Closing(WordBuilder.PlainField, (_, lines) => WordBuilder.RecipientParagraphs(lines), ["Như trên;", "Lưu: VT."], request.Signer ?? DefaultSigner(from));
            foreach (var row in closing.Elements<TableRow>())
            {
                row.PrependChild(new TableRowProperties(new CantSplit()));
            }

            body.Append(closing);
            body.Append(WordBuilder.Section(doc.MainDocumentPart!, numberPages: true));
            doc.MainDocumentPart!.Document.Save();
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(request.OutputPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllBytes(request.OutputPath, stream.ToArray());
        if (unitLevel)
        {
            return new QuestionReportResult(request.OutputPath, null, selected);
        }

        var appendix = QuestionReportAppendix.PathFor(request.OutputPath);
        QuestionReportAppendix.Write(request.Workbook, plan, reference, date, from, appendix);
        return new QuestionReportResult(request.OutputPath, appendix, selected);
    }

    /// <summary>The văn thư's number (two digits at least, ND30), or the blank the văn thư writes it into.</summary>
    private static string Number(string? number)
    {
        var n = (number ?? "").Trim();
        return n.Length == 0 ? "      " : n.Length == 1 && char.IsAsciiDigit(n[0]) ? "0" + n : n;
    }

    private sealed record MasterRow(string Unit, string Topic, string Lead, string Chosen, string Workplace);

    private sealed record TrackingRow(string Unit, string State, string Questions, bool Received);

    private static (List<MasterRow> Rows, List<TrackingRow> Tracking) ReadWorkbook(string path)
    {
        var sheets = ReadConsolidated(path, "Theo dõi nộp");
        var master = sheets.First(s => s.Name == ConsolidatedWorkbookWriter.MasterSheet);
        var header = master.Rows.First(r => r.Number == ConsolidatedWorkbookWriter.HeaderRow);
        int Col(string name) => header.Cells.ToList().FindIndex(c => c == name);
        var (unit, topic, lead, chosen, workplace) = (Col("Đơn vị gửi"), Col("Nhóm vấn đề"), Col("Cơ quan chủ trì trả lời"), Col("Chọn"), Col("Đơn vị công tác"));
        var rows = master.Rows.Where(r => r.Number > header.Number && !r.IsEmpty)
            .Select(r => new MasterRow(r[unit] ?? "", r[topic] ?? "", r[lead] ?? "", chosen >= 0 ? r[chosen] ?? "" : "x", (r[workplace] ?? "").Trim())).ToList();
        var tracking = sheets.FirstOrDefault(s => s.Name == "Theo dõi nộp")?.Rows.Where(r => r.Number > ConsolidatedWorkbookWriter.HeaderRow && !r.IsEmpty)
            .Select(r => new TrackingRow(r[1] ?? "", r[3] ?? "", r[6] ?? "0", !(r[3] ?? "").StartsWith("Chưa gửi", StringComparison.Ordinal))).ToList() ?? [];
        return (rows, tracking);
    }

    /// <summary>
    /// The consolidated workbook's master sheet (and the named others), or QUESTIONS_MASTER_INVALID naming the file
    /// when it is not one the software wrote (no "Tổng hợp" with its header row and "Nhóm vấn đề" column).
    /// </summary>
    internal static IReadOnlyList<SheetValues> ReadConsolidated(string path, params string[] others)
    {
        IReadOnlyList<SheetValues> sheets;
        try
        {
            sheets = XlsxReader.Read(path, name => name == ConsolidatedWorkbookWriter.MasterSheet || others.Contains(name));
        }
        catch (Inputs.InputFileException ex)
        {
            throw new Diagnostics.ProblemException(ex.ToProblem());
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            throw Invalid(path, "Unreadable");
        }

        var master = sheets.FirstOrDefault(s => s.Name == ConsolidatedWorkbookWriter.MasterSheet) ?? throw Invalid(path, "No master sheet");
        var header = master.Rows.FirstOrDefault(r => r.Number == ConsolidatedWorkbookWriter.HeaderRow);
        return header is null || !header.Cells.Contains("Nhóm vấn đề") || !header.Cells.Contains("Cơ quan chủ trì trả lời")
            ? throw Invalid(path, "No header")
            : sheets;
    }

    private static Diagnostics.ProblemException Invalid(string path, string detail) =>
        new(Diagnostics.Problem.Error("QUESTIONS_MASTER_INVALID", Path.GetFileName(path), detail, Path.GetFileName(path)));

    private static Table TopicTable(ConferencePlan plan, List<MasterRow> rows)
    {
        var table = GridTable.Create(TopicWidths);
        table.Append(GridTable.HeaderRow(TopicWidths, ["STT", "Nhóm vấn đề", "Số câu hỏi", "Đưa ra đối thoại", "Cơ quan chủ trì trả lời"], 12));
        var plain = new TextStyle(12);
        var bold = new TextStyle(12, Bold: true);
        var byTopic = rows.GroupBy(r => r.Topic).ToDictionary(g => g.Key, g => g.ToList());
        var n = 0;
        foreach (var t in plan.Topics.OrderBy(t => t.Number))
        {
            var label = $"{t.Number}. {t.ShortName}";
            var list = byTopic.GetValueOrDefault(label) ?? [];
            byTopic.Remove(label);
            table.Append(Row(TopicWidths, plain, (++n).ToString(CultureInfo.InvariantCulture), VietnameseText.UpperFirst(t.Title.TrimEnd('.')), Count(list.Count), Count(list.Count(r => DialogueSelection.IsMark(r.Chosen))), t.Departments.Count > 0 ? t.Departments[0] : "Chủ trì Hội nghị"));
        }

        foreach (var (label, list) in byTopic)
        {
            table.Append(Row(TopicWidths, plain, (++n).ToString(CultureInfo.InvariantCulture), label, Count(list.Count), Count(list.Count(r => DialogueSelection.IsMark(r.Chosen))), list[0].Lead));
        }

        table.Append(Row(TopicWidths, bold, "", "Tổng cộng", Count(rows.Count), Count(rows.Count(r => DialogueSelection.IsMark(r.Chosen))), ""));
        return table;
    }

    private static Table UnitTable(List<TrackingRow> tracking, bool unitLevel)
    {
        var table = GridTable.Create(UnitWidths);
        table.Append(GridTable.HeaderRow(UnitWidths, ["STT", unitLevel ? "Cơ quan, đơn vị, trường học" : "Đơn vị", "Số câu hỏi", unitLevel ? "Ghi chú" : "Tình trạng gửi phiếu"], 12));
        var plain = new TextStyle(12);
        var n = 0;
        foreach (var t in tracking)
        {
            table.Append(Row(UnitWidths, plain, (++n).ToString(CultureInfo.InvariantCulture), t.Unit, int.TryParse(t.Questions, out var q) ? Count(q) : t.Questions, t.State));
        }

        return table;
    }

    /// <summary>A table row: numbers centred, names and states (the second and the last column) left.</summary>
    private static TableRow Row(int[] widths, TextStyle style, params string[] cells)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Length; i++)
        {
            var align = i == 1 || i == cells.Length - 1 ? JustificationValues.Left : JustificationValues.Center;
            row.Append(GridTable.Cell(widths[i], [GridTable.Para(cells[i], style, align)]));
        }

        return row;
    }

    private static void Heading(Body body, string text) =>
        body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Both, before: 120, after: Nd30.ParagraphSpacing.Written, firstLine: Nd30.FirstLineIndent.Written, keepNext: true),
            WordBuilder.TextRun(text, new TextStyle(Nd30.BodySize.Written, Bold: true))));

    private static void Body(Body body, string text, bool keepNext = false) =>
        body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Both, after: Nd30.ParagraphSpacing.Written, firstLine: Nd30.FirstLineIndent.Written, keepNext: keepNext),
            WordBuilder.TextRun(text, TextStyle.Body)));

    /// <summary>
    /// The parent body's line over a Sở's name: "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI" → "UBND TỈNH YÊN BÁI" — ND30 lets the
    /// chủ quản's common words be abbreviated (Phụ lục I, II.2.a), and the full name wrapped in the narrow left column.
    /// </summary>
    internal static string ParentLine(string issuerName)
    {
        var line = string.Join(' ', issuerName.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpper(VietnameseText.Culture);
        const string Full = "ỦY BAN NHÂN DÂN ";
        return line.StartsWith(Full, StringComparison.Ordinal) ? "UBND " + line[Full.Length..] : line;
    }

    /// <summary>
    /// "Kế hoạch số 90/KH-UBND ngày 31/3/2023 của Ủy ban nhân dân tỉnh Yên Bái" when the plan's reason cites it (the
    /// first mention names number, date and issuer, ND30 Phụ lục I, II.6.b); otherwise "Kế hoạch".
    /// </summary>
    internal static string PlanReference(ConferencePlan plan)
    {
        var match = System.Text.RegularExpressions.Regex.Match(plan.Conference.Reason, @"Kế hoạch số\s+(\d+/[\p{Lu}\d-]+)\s+ngày\s+(\d{1,2}/\d{1,2}/\d{4})");
        return match.Success ? $"Kế hoạch số {match.Groups[1].Value} ngày {match.Groups[2].Value} của {plan.Issuer.NameInText} về" : "Kế hoạch";
    }

    /// <summary>Counts below 10 with a leading zero, as administrative texts write them.</summary>
    private static string Count(int n) => n < 10 ? $"0{n}" : n.ToString("N0", VietnameseText.Culture);

    /// <summary>"Sở Giáo dục và Đào tạo" → "SGDĐT"; "Ủy ban nhân dân huyện Văn Yên" → "UBND".</summary>
    internal static string Initials(string name)
    {
        var folded = VietnameseText.Fold(name);
        if (folded.StartsWith("uy ban nhan dan", StringComparison.Ordinal))
        {
            return "UBND";
        }

        if (folded.StartsWith("so giao duc va dao tao", StringComparison.Ordinal))
        {
            return "SGDĐT";
        }

        if (folded.StartsWith("phong giao duc va dao tao", StringComparison.Ordinal))
        {
            return "PGDĐT";
        }

        return string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => char.ToUpper(w[0], VietnameseText.Culture)));
    }

    /// <summary>
    /// "Ủy ban nhân dân huyện Văn Yên" → "Văn Yên": a district or commune people's committee heads its own letterhead
    /// (no line above it) and dates from its own place. Null for any other body.
    /// </summary>
    internal static string? LocalBody(string name)
    {
        foreach (var level in new[] { "huyện ", "thị xã ", "thành phố ", "xã ", "phường ", "thị trấn " })
        {
            var prefix = "Ủy ban nhân dân " + level;
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length)
            {
                return name[prefix.Length..].Trim();
            }
        }

        return null;
    }

}

/// <summary>
/// The leaders' answer book (Tài liệu trả lời), from the consolidated workbook after <c>questions answers</c>: per topic,
/// each question selected for the dialogue as it is read out, who asked, the answering body and its answer; a question
/// with no answer yet is marked. The chairs carry it (published with the packet).
/// </summary>
public static class AnswerBook
{
    public const string FileName = "tai-lieu-tra-loi.docx";

    /// <summary>The book's date when the caller gives none: the conference day, when the chairs carry it (never the clock).</summary>
    public static DateOnly DefaultDate(ConferencePlan plan) => plan.Conference.Date;

    public static void Write(string workbook, ConferencePlan plan, DateOnly date, string outputPath)
    {
        var master = QuestionReport.ReadConsolidated(workbook).Single();
        var header = master.Rows.First(r => r.Number == ConsolidatedWorkbookWriter.HeaderRow);
        int Col(string name) => header.Cells.ToList().FindIndex(c => c == name);
        var (topic, chosen, text, raw, asker, lead, answer) = (Col("Nhóm vấn đề"), Col("Chọn"), Col("Câu hỏi đưa ra đối thoại"), Col("Nội dung câu hỏi, ý kiến, kiến nghị"), Col("Người hỏi (đối thoại)"), Col("Cơ quan chủ trì trả lời"), Col("Nội dung trả lời"));
        var rows = master.Rows.Where(r => r.Number > header.Number && !r.IsEmpty && (chosen < 0 || DialogueSelection.IsMark(r[chosen]))).ToList();

        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            // A working document for the chairs, not a text the văn thư registers: no "Số:" line ("TL" is no type of
            // ND30's Phụ lục III, and nobody numbers it).
            var letterhead = WordBuilder.Header(WordBuilder.PlainField, plan.Issuer, "", WordBuilder.DateLine(plan.Issuer, date));
            letterhead.Descendants<Paragraph>().First(p => p.InnerText.StartsWith("Số:", StringComparison.Ordinal)).Remove();
            body.Append(letterhead);
            var title = new TextStyle(Nd30.TitleSize.Written, Bold: true);
            body.Append(WordBuilder.Para("TÀI LIỆU", title, JustificationValues.Center, before: 360));
            body.Append(WordBuilder.Para("Trả lời câu hỏi, ý kiến, kiến nghị tại " + plan.Conference.Title, title, JustificationValues.Center));
            body.Append(WordBuilder.Rule(Nd30.TextWidth, 2200));
            body.Append(WordBuilder.Para("(Tài liệu phục vụ chủ trì Hội nghị)", new TextStyle(Nd30.BodySize.Written, Italic: true), JustificationValues.Center, before: 120, after: 240));

            var answered = 0;
            foreach (var t in plan.Topics.OrderBy(t => t.Number))
            {
                var label = $"{t.Number}. {t.ShortName}";
                var list = rows.Where(r => r[topic] == label).ToList();
                Para(body, $"Nhóm vấn đề {t.Number}: {VietnameseText.UpperFirst(t.Title.TrimEnd('.'))}", new TextStyle(Nd30.BodySize.Written, Bold: true), keepNext: true);
                if (list.Count == 0)
                {
                    Para(body, "(Không có câu hỏi được chọn.)", new TextStyle(Nd30.BodySize.Written, Italic: true));
                    continue;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    var r = list[i];
                    var question = text >= 0 && (r[text] ?? "").Length > 0 ? r[text]! : r[raw] ?? "";
                    var reply = answer >= 0 ? (r[answer] ?? "").Trim() : "";
                    answered += reply.Length > 0 ? 1 : 0;
                    Para(body, $"Câu hỏi {i + 1}: {question}", new TextStyle(Nd30.BodySize.Written, Bold: true), keepNext: true);
                    if (asker >= 0 && (r[asker] ?? "").Length > 0)
                    {
                        Para(body, $"Người hỏi: {r[asker]}.", new TextStyle(Nd30.BodySize.Written, Italic: true), keepNext: true);
                    }

                    Para(body, $"Cơ quan trả lời: {r[lead]}.", new TextStyle(Nd30.BodySize.Written, Italic: true), keepNext: true);
                    Para(body, reply.Length > 0 ? "Trả lời: " + reply : "Trả lời: CHƯA CÓ NỘI DUNG TRẢ LỜI — đề nghị cơ quan chủ trì bổ sung trước Hội nghị.", new TextStyle(Nd30.BodySize.Written, Bold: reply.Length == 0));
                }
            }

            Para(body, string.Create(VietnameseText.Culture, $"Tổng số: {rows.Count} câu hỏi được đưa ra đối thoại; đã có nội dung trả lời: {answered}; chưa có: {rows.Count - answered}./."), new TextStyle(Nd30.BodySize.Written, Italic: true));
            body.Append(WordBuilder.Section(doc.MainDocumentPart!, numberPages: true));
            doc.MainDocumentPart!.Document.Save();
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllBytes(outputPath, stream.ToArray());
    }

    private static void Para(Body body, string text, TextStyle style, bool keepNext = false) =>
        body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Both, after: Nd30.ParagraphSpacing.Written, firstLine: Nd30.FirstLineIndent.Written, keepNext: keepNext),
            WordBuilder.TextRun(text, style)));
}

/// <summary>One document written from the consolidation for the packet.</summary>
internal sealed record QuestionDocument(string Name, string Path)
{
    /// <summary>What a clerk should read about it (e.g. an answer file whose ids are not in the consolidation).</summary>
    public IReadOnlyList<Diagnostics.Problem> Problems { get; init; } = [];
}

/// <summary>
/// What the main job writes from the organiser's consolidation: the report to the plan's issuer (its deadline's date),
/// and the leaders' answer book — with the departments' answers when <c>&lt;plan&gt;/tra-loi/</c> holds their files
/// (merged into <see cref="AnsweredFileName"/>), otherwise every selected question marked as not answered yet.
/// </summary>
internal static class QuestionDocuments
{
    /// <summary>Plan sub-folder with the answering departments' returned files.</summary>
    public const string AnswersFolder = "tra-loi";

    /// <summary>The consolidation with the departments' answers merged in (written only when there are answers).</summary>
    public const string AnsweredFileName = "tong-hop-cau-hoi-co-tra-loi.xlsx";

    public static IReadOnlyList<QuestionDocument> Write(ConferencePlan plan, string consolidated, string outFolder) =>
        Write(plan, consolidated, _ => outFolder);

    /// <summary>Writes the report, the answered consolidation and the answer book, each into the folder <paramref name="folderOf"/> gives its kind.</summary>
    public static IReadOnlyList<QuestionDocument> Write(ConferencePlan plan, string consolidated, Func<Audiences.OutputKind, string> folderOf)
    {
        var written = new List<QuestionDocument>();
        if (QuestionReport.IssuerDeadline(plan) is { } deadline)
        {
            var path = System.IO.Path.Combine(Created(folderOf(Audiences.OutputKind.QuestionReport)), QuestionReport.FileName);
            var report = QuestionReport.Write(new QuestionReportRequest { Workbook = consolidated, Plan = plan, DeadlineId = deadline.Id, OutputPath = path });
            written.Add(new QuestionDocument($"Báo cáo tổng hợp câu hỏi gửi {deadline.To} (hạn {VietnameseText.ShortDate(deadline.Date)})", path));
            if (report.Appendix is { } appendix)
            {
                written.Add(new QuestionDocument($"Phụ lục kèm theo Báo cáo: {report.Selected} câu hỏi đưa ra đối thoại", appendix));
            }
        }

        var answers = System.IO.Path.Combine(plan.Folder, AnswersFolder);
        var book = consolidated;
        if (Directory.Exists(answers) && Directory.GetFiles(answers, "*.xlsx").Order(StringComparer.Ordinal).ToList() is { Count: > 0 } files)
        {
            var merged = QuestionRouting.MergeAnswers(consolidated, files, System.IO.Path.Combine(Created(folderOf(Audiences.OutputKind.AnsweredQuestions)), AnsweredFileName));
            book = merged.OutputPath;
            written.Add(new QuestionDocument("Bản tổng hợp có câu trả lời của các cơ quan", book) { Problems = merged.Problems });
        }

        var bookPath = System.IO.Path.Combine(Created(folderOf(Audiences.OutputKind.AnswerBook)), AnswerBook.FileName);
        AnswerBook.Write(book, plan, AnswerBook.DefaultDate(plan), bookPath);
        written.Add(new QuestionDocument("Tài liệu trả lời (phục vụ chủ trì Hội nghị)", bookPath));
        return written;
    }

    private static string Created(string folder)
    {
        Directory.CreateDirectory(folder);
        return folder;
    }
}
