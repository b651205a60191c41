using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>Everything the consolidated workbook shows.</summary>
internal sealed class ConsolidatedWorkbook
{
    public ConferencePlan? Plan { get; init; }
    public required IReadOnlyList<Topic> Topics { get; init; }
    public required List<QuestionRecord> Records { get; init; }
    public required List<DuplicateGroup> Groups { get; init; }
    public required List<RowIssue> Issues { get; init; }
    public required List<CellRepair> Repairs { get; init; }
    public required IReadOnlyList<UnitSubmission> Tracking { get; init; }
    public required MergeResult Result { get; init; }
    public DateOnly Today { get; init; }
}

/// <summary>
/// Writes the consolidated workbook: "Tổng hợp" (master, re-readable as an input: merge of merges), one sheet per
/// topic, "Thống kê", "Trùng lặp", "Theo dõi nộp", "Lỗi và bỏ qua", "Sửa mã chữ". All sheets stream.
/// </summary>
internal static class ConsolidatedWorkbookWriter
{
    public const string MasterSheet = "Tổng hợp";
    public const int HeaderRow = 4;

    internal static readonly string[] MasterHeaders =
    [
        "STT", "Mã câu hỏi", "Đơn vị gửi", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Cấp học", "Nhóm vấn đề",
        "Nội dung câu hỏi, ý kiến, kiến nghị", "Cơ quan chủ trì trả lời", "Cơ quan phối hợp", "Nhóm trùng", "Cần xem lại",
        "Trạng thái", "Nội dung trả lời", "Nguồn (tệp › trang › dòng)", "Cơ quan trả lời (đơn vị đề xuất)", "Ghi chú",
        "Chọn", "Câu hỏi đưa ra đối thoại", "Người hỏi (đối thoại)",
    ];

    private static readonly double[] MasterWidths = [6, 18, 22, 20, 14, 22, 10, 16, 60, 20, 20, 8, 24, 12, 40, 28, 18, 14, 7, 60, 34];

    /// <summary>
    /// Starts the part that does not depend on duplicates (the shared-string table of question texts) on another
    /// thread, so it is escaped and deflated while the duplicates are found. Pass the result to <see cref="Write(ConsolidatedWorkbook, Prepared)"/>.
    /// </summary>
    public static Prepared Prepare(List<QuestionRecord> records, string path)
    {
        var book = new StreamingWorkbook(path);
        foreach (var record in records)
        {
            book.Share(record.Text); // written on "Tổng hợp", its topic sheet and maybe "Trùng lặp": once in the table
        }

        return new Prepared(book, Task.Run(book.WriteSharedStrings));
    }

    /// <summary>A workbook whose shared strings are being written (see <see cref="Prepare"/>).</summary>
    internal sealed class Prepared(StreamingWorkbook book, Task sharedStrings) : IDisposable
    {
        public StreamingWorkbook Book { get; } = book;

        public Task SharedStrings { get; } = sharedStrings;

        /// <summary>Only when <see cref="Write(ConsolidatedWorkbook, Prepared)"/> is never reached: drops the temporary parts.</summary>
        public void Dispose()
        {
            ((IAsyncResult)SharedStrings).AsyncWaitHandle.WaitOne(); // its own failure, if any, does not hide the job's
            Book.Discard();
        }
    }

    public static void Write(ConsolidatedWorkbook data, string path) => Write(data, Prepare(data.Records, path));

    public static void Write(ConsolidatedWorkbook data, Prepared prepared)
    {
        using var book = prepared.Book;
        if (File.Exists(book.Path))
        {
            File.Delete(book.Path);
        }

        book.DefineName(QuestionFileParser.ConsolidatedMarker, "\"v1\"", hidden: true);
        var topicNames = data.Topics.ToDictionary(t => t.Number, t => $"{t.Number}. {t.ShortName}");
        var duplicateKinds = data.Groups.ToDictionary(g => g.Label, g => g.Exact);

        foreach (var record in data.Records)
        {
            record.ReviewNote = Review(record, duplicateKinds);
        }

        // Sheets are created in order (names, positions), then filled in parallel: each writes its own temporary file.
        var master = book.AddSheet(MasterSheet, new SheetLayout(MasterWidths, HeaderRow, PrintTitleRow: HeaderRow, PaperSize: 8)); // A3: 21 columns
        var topicSheets = TopicSheets(book, data);
        var statistics = book.AddSheet("Thống kê", new SheetLayout(StatisticsWidths(data), HeaderRow, PrintTitleRow: HeaderRow));
        var duplicates = book.AddSheet("Trùng lặp", new SheetLayout([10, 14, 9, 16, 26, 70, 32], HeaderRow, PrintTitleRow: HeaderRow));
        var tracking = book.AddSheet("Theo dõi nộp", new SheetLayout([6, 40, 12, 26, 12, 20, 10, 44], HeaderRow, PrintTitleRow: HeaderRow));
        var issues = book.AddSheet("Lỗi và bỏ qua", new SheetLayout([6, 12, 40, 60, 50, 28], HeaderRow, PrintTitleRow: HeaderRow));
        var repairs = book.AddSheet("Sửa mã chữ", new SheetLayout([6, 46, 24, 50, 50], HeaderRow, PrintTitleRow: HeaderRow));
        Parallel.Invoke(
            () => WriteMaster(master, data, topicNames, duplicateKinds),
            () => WriteTopicSheets(topicSheets, data, duplicateKinds),
            () =>
            {
                WriteStatistics(statistics, data, topicNames);
                WriteDuplicates(duplicates, data);
                WriteTracking(tracking, data);
                WriteIssues(issues, data);
                WriteRepairs(repairs, data);
            });
        prepared.SharedStrings.GetAwaiter().GetResult();
    }

    private static void WriteMaster(SheetWriter sheet, ConsolidatedWorkbook data, Dictionary<int, string> topicNames, Dictionary<string, bool> duplicateKinds)
    {
        using (sheet)
        {
            Titles(sheet, "TỔNG HỢP CÂU HỎI, Ý KIẾN, KIẾN NGHỊ", Subtitle(data.Plan?.Conference.Title ?? "", data), MasterHeaders.Length);
            sheet.Row([.. MasterHeaders.Select(h => XCell.Of(h, XStyle.Header))], at: HeaderRow);
            var cells = new XCell[MasterHeaders.Length];
            foreach (var r in data.Records)
            {
                var review = r.ReviewNote;
                cells[0] = r.Sequence;
                cells[1] = r.Id;
                cells[2] = r.UnitName;
                cells[3] = r.Asker;
                cells[4] = r.Position;
                cells[5] = r.Workplace;
                cells[6] = r.Level;
                cells[7] = r.Topic > 0 ? topicNames.GetValueOrDefault(r.Topic, r.TopicRaw) : XCell.Of("Chưa phân nhóm", XStyle.Review);
                cells[8] = r.Text;
                cells[9] = r.LeadDepartment;
                cells[10] = r.CoDepartments;
                cells[11] = XCell.Of(r.DuplicateGroup, XStyle.Number);
                cells[12] = review.Length > 0 ? XCell.Of(review, XStyle.Review) : XCell.Of("", XStyle.Text);
                cells[13] = XCell.Of(r.Status.Length > 0 ? r.Status : "Chưa trả lời", XStyle.Text);
                cells[14] = XCell.Of(r.Answer, XStyle.Unlocked);
                cells[15] = r.Source;
                cells[16] = r.ProposedAnswerer;
                cells[17] = r.Note;
                cells[18] = XCell.Of(r.Selected ? DialogueSelection.Mark : "", XStyle.Number);
                cells[19] = XCell.Of(r.DialogueText, XStyle.Unlocked);
                cells[20] = XCell.Of(r.DialogueAsker, XStyle.Unlocked);
                sheet.Row(cells);
            }

            sheet.Filter(HeaderRow, MasterHeaders.Length - 1, HeaderRow + data.Records.Count);
        }
    }

    private static string Subtitle(string title, ConsolidatedWorkbook data)
    {
        var r = data.Result;
        var counts = string.Create(VietnameseText.Culture, $"{r.Questions:N0} câu hỏi từ {r.FilesRead:N0} tệp; lập ngày {VietnameseText.ShortDate(data.Today)}");
        return title.Length > 0 ? $"{title}\n({counts})" : $"({counts})";
    }

    private static void Titles(SheetWriter sheet, string title, string subtitle, int columns)
    {
        sheet.Row([XCell.Of(title, XStyle.Title)], height: 22);
        sheet.Merge(1, 0, columns - 1);
        sheet.Row([XCell.Of(subtitle, XStyle.Subtitle)], height: 36);
        sheet.Merge(2, 0, columns - 1);
    }

    internal static string Review(QuestionRecord r, IReadOnlyDictionary<string, bool> duplicateKinds)
    {
        if (!r.TopicSuggested && r.Topic != 0 && r.DuplicateGroup.Length == 0 && r.Repairs.Count == 0 && r.Flags.Count == 0)
        {
            return ""; // most questions: nothing to review, nothing allocated
        }

        var notes = new List<string>();
        if (r.TopicSuggested)
        {
            notes.Add($"Nhóm do máy gợi ý (từ khóa: {r.TopicEvidence})");
        }
        else if (r.Topic == 0)
        {
            notes.Add("Chưa xác định nhóm vấn đề");
        }

        if (r.DuplicateGroup.Length > 0 && duplicateKinds.TryGetValue(r.DuplicateGroup, out var exact))
        {
            notes.Add(exact ? $"Trùng ({r.DuplicateGroup})" : $"Gần trùng ({r.DuplicateGroup})");
        }

        // Legacy conversions are worth a look; NFD → NFC is not (the repairs sheet lists both).
        var legacy = r.Repairs.Count(x => !x.Contains("tổ hợp", StringComparison.Ordinal));
        if (legacy > 0)
        {
            var kind = r.Repairs.First(x => !x.Contains("tổ hợp", StringComparison.Ordinal));
            notes.Add($"Đã chuyển mã chữ {(kind.Contains("TCVN3", StringComparison.Ordinal) ? "TCVN3" : "VNI")} → Unicode ({legacy} ô)");
        }

        notes.AddRange(r.Flags);
        return string.Join(". ", notes);
    }

    /// <summary>Sheet names: at most 31 chars, none of : \ / ? * [ ], unique.</summary>
    internal static string SheetName(string wanted, HashSet<string> used)
    {
        var clean = new string(wanted.Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : ch).ToArray()).Trim('\'', ' ');
        clean = Cut(clean, 31);
        var name = clean;
        for (var n = 2; !used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = Cut(clean, 31 - suffix.Length) + suffix;
        }

        return name;
    }

    /// <summary>
    /// At most <paramref name="max"/> characters, cut at a word boundary ("4. Công bằng, chính sách học" rather than
    /// "… học si"), trailing punctuation removed; a single over-long word is cut where it must be.
    /// </summary>
    internal static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', max);
        var cut = space > max / 2 ? text[..space] : text[..max];
        return cut.TrimEnd(' ', ',', '.', ';', '-', '–');
    }

    private static readonly string[] TopicHeaders = ["STT", "Mã câu hỏi", "Đơn vị gửi", "Họ và tên", "Chức vụ", "Cấp học", "Nội dung câu hỏi, ý kiến, kiến nghị", "Cơ quan chủ trì trả lời", "Cơ quan phối hợp", "Nhóm trùng", "Cần xem lại", "Nguồn (tệp › trang › dòng)"];

    private static List<(SheetWriter Sheet, int Number, string Heading, string Subtitle)> TopicSheets(StreamingWorkbook book, ConsolidatedWorkbook data)
    {
        double[] widths = [5, 18, 20, 18, 12, 9, 60, 18, 18, 8, 22, 24];
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { MasterSheet, "Thống kê", "Trùng lặp", "Theo dõi nộp", "Lỗi và bỏ qua", "Sửa mã chữ" };
        var counts = data.Records.GroupBy(r => r.Topic).ToDictionary(g => g.Key, g => g.Count());
        var list = new List<(SheetWriter, int, string, string)>();
        foreach (var t in data.Topics)
        {
            var n = counts.GetValueOrDefault(t.Number);
            var departments = string.Join("; ", t.Departments);
            var sub = departments.Length > 0 ? $"{t.Title}\nCơ quan trả lời: {departments} — {n} câu hỏi" : $"{t.Title} — {n} câu hỏi";
            list.Add((book.AddSheet(SheetName($"{t.Number}. {t.ShortName}", used), new SheetLayout(widths, HeaderRow, PrintTitleRow: HeaderRow)), t.Number, $"NHÓM {t.Number}: {VietnameseText.Upper(t.ShortName)}", sub));
        }

        if (counts.TryGetValue(0, out var unassigned))
        {
            list.Add((book.AddSheet(SheetName("Chưa phân nhóm", used), new SheetLayout(widths, HeaderRow, PrintTitleRow: HeaderRow)), 0, "CÂU HỎI CHƯA PHÂN NHÓM", $"Cần phân loại trước khi chuyển cơ quan trả lời — {unassigned} câu hỏi"));
        }

        return list;
    }

    private static void WriteTopicSheets(List<(SheetWriter Sheet, int Number, string Heading, string Subtitle)> sheets, ConsolidatedWorkbook data, IReadOnlyDictionary<string, bool> duplicateKinds)
    {
        var byTopic = data.Records.GroupBy(r => r.Topic).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (sheet, number, heading, subtitle) in sheets)
        {
            using (sheet)
            {
                var rows = byTopic.GetValueOrDefault(number) ?? [];
                Titles(sheet, heading, subtitle, TopicHeaders.Length);
                sheet.Row([.. TopicHeaders.Select(h => XCell.Of(h, XStyle.Header))], at: HeaderRow);
                var cells = new XCell[TopicHeaders.Length];
                var n = 0;
                foreach (var r in rows)
                {
                    var review = r.ReviewNote;
                    cells[0] = ++n;
                    cells[1] = r.Id;
                    cells[2] = r.UnitName;
                    cells[3] = r.Asker;
                    cells[4] = r.Position;
                    cells[5] = r.Level;
                    cells[6] = r.Text;
                    cells[7] = r.LeadDepartment;
                    cells[8] = r.CoDepartments;
                    cells[9] = XCell.Of(r.DuplicateGroup, XStyle.Number);
                    cells[10] = review.Length > 0 ? XCell.Of(review, XStyle.Review) : XCell.Of("", XStyle.Text);
                    cells[11] = r.Source;
                    sheet.Row(cells);
                }

                sheet.Filter(HeaderRow, TopicHeaders.Length - 1, HeaderRow + rows.Count);
            }
        }
    }

    private static double[] StatisticsWidths(ConsolidatedWorkbook data)
    {
        var columns = data.Topics.Count + (data.Records.Exists(r => r.Topic == 0) ? 1 : 0) + 2;
        var widths = new double[columns];
        widths[0] = 52;
        for (var i = 1; i < columns; i++)
        {
            widths[i] = 12;
        }

        return widths;
    }

    private static void WriteStatistics(SheetWriter sheet, ConsolidatedWorkbook data, Dictionary<int, string> topicNames)
    {
        using var owned = sheet;
        var topicNumbers = data.Topics.Select(t => t.Number).ToList();
        if (data.Records.Exists(r => r.Topic == 0))
        {
            topicNumbers.Add(0);
        }

        var units = new List<(string Key, string Name)>();
        foreach (var t in data.Tracking)
        {
            units.Add((t.UnitId.Length > 0 ? t.UnitId : "§" + t.UnitName, t.UnitName));
        }

        // A set of the keys, not a scan of the list per question: 1 000 senders × 50 000 questions was quadratic.
        var known = new HashSet<string>(units.Select(u => u.Key), StringComparer.Ordinal);
        var keyOfName = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<(string, int), int>();
        foreach (var q in data.Records)
        {
            string key;
            if (q.UnitId.Length > 0)
            {
                key = q.UnitId;
            }
            else if (!keyOfName.TryGetValue(q.UnitName, out key!))
            {
                keyOfName[q.UnitName] = key = "§" + q.UnitName;
            }

            if (known.Add(key))
            {
                units.Add((key, q.UnitName));
            }

            counts[(key, q.Topic)] = counts.GetValueOrDefault((key, q.Topic)) + 1;
        }

        var columns = topicNumbers.Count + 2;
        Titles(sheet, "THỐNG KÊ CÂU HỎI THEO ĐƠN VỊ VÀ NHÓM VẤN ĐỀ", "Số câu hỏi mỗi đơn vị gửi, theo nhóm vấn đề; màu càng đậm, số câu hỏi càng nhiều", columns);
        var header = new List<XCell> { XCell.Of("Đơn vị", XStyle.Header) };
        header.AddRange(topicNumbers.Select(n => XCell.Of(n == 0 ? "Chưa phân nhóm" : topicNames[n], XStyle.Header)));
        header.Add(XCell.Of("Tổng", XStyle.Header));
        sheet.Row(header, height: 48, at: HeaderRow);
        var firstRow = HeaderRow + 1;
        var totals = new int[topicNumbers.Count];
        foreach (var (key, name) in units)
        {
            var row = new List<XCell> { XCell.Of(name, XStyle.Text) };
            var sum = 0;
            for (var i = 0; i < topicNumbers.Count; i++)
            {
                var c = counts.GetValueOrDefault((key, topicNumbers[i]));
                totals[i] += c;
                sum += c;
                row.Add(XCell.Of(c, XStyle.Number));
            }

            row.Add(XCell.Of(sum, XStyle.TotalNumber));
            sheet.Row(row);
        }

        var lastUnitRow = sheet.RowNumber;
        var totalRow = new List<XCell> { XCell.Of("Tổng cộng", XStyle.TotalText) };
        totalRow.AddRange(totals.Select(t => XCell.Of(t, XStyle.TotalNumber)));
        totalRow.Add(XCell.Of(totals.Sum(), XStyle.TotalNumber));
        var totalRowNumber = sheet.Row(totalRow);
        if (lastUnitRow >= firstRow)
        {
            sheet.ColourScale($"B{firstRow}:{SheetWriter.Column(topicNumbers.Count)}{lastUnitRow}");
            sheet.DataBar($"{SheetWriter.Column(topicNumbers.Count + 1)}{firstRow}:{SheetWriter.Column(topicNumbers.Count + 1)}{lastUnitRow}");
            sheet.DataBar($"B{totalRowNumber}:{SheetWriter.Column(topicNumbers.Count)}{totalRowNumber}");
        }

        var r = data.Result;
        var submitted = data.Tracking.Count(t => t.State is SubmissionState.OnTime or SubmissionState.Late or SubmissionState.DateUnknown && t.UnitId.Length > 0);
        var planned = data.Tracking.Count(t => t.UnitId.Length > 0);
        var facts = new List<(string, int)>
        {
            ("Tổng số câu hỏi, ý kiến, kiến nghị", r.Questions),
            ("Số tệp đã đọc", r.FilesRead),
            ("Số tệp không đọc được (xem trang Lỗi và bỏ qua)", r.FilesRejected),
        };
        if (r.FilesIdentical > 0)
        {
            facts.Add(("Số tệp giống hệt tệp khác (chỉ tính một lần)", r.FilesIdentical));
        }

        if (planned > 0)
        {
            facts.Add(("Số đơn vị đã gửi / tổng số đơn vị trong kế hoạch", submitted));
            facts.Add(("Số đơn vị gửi muộn", data.Tracking.Count(t => t.State == SubmissionState.Late)));
            facts.Add(("Số đơn vị chưa gửi", data.Tracking.Count(t => t.State is SubmissionState.Missing or SubmissionState.NotYetDue)));
        }

        facts.Add(("Số nhóm câu hỏi trùng nhau", r.DuplicateGroups));
        facts.Add(("Số câu trùng nguyên văn với câu trước", r.ExactRepeats));
        facts.Add(("Số câu gần trùng (cách viết khác)", r.NearRepeats));
        facts.Add(("Số câu do máy gợi ý nhóm vấn đề (cần xem lại)", r.TopicsSuggested));
        facts.Add(("Số ô đã chuyển mã chữ (TCVN3, VNI, tổ hợp)", r.CellsConverted));
        facts.Add(("Số dòng đã đọc", r.RowsRead));
        facts.Add(("   trong đó: lấy vào tổng hợp", r.RowsTaken));
        facts.Add(("   không lấy (có lý do trong trang Lỗi và bỏ qua)", r.RowsRejected));
        facts.Add(("      trong đó: dòng tổng, đánh số cột, chữ ký (bỏ qua)", r.RowsIgnored));

        sheet.Row([XCell.Of("Chỉ tiêu", XStyle.Header), XCell.Of("Số lượng", XStyle.Header)], at: sheet.RowNumber + 2);
        foreach (var (label, value) in facts)
        {
            var text = label.StartsWith("Số đơn vị đã gửi", StringComparison.Ordinal)
                ? XCell.Of($"{value} / {planned}", XStyle.Number)
                : XCell.Of(value, XStyle.Number);
            sheet.Row([XCell.Of(label, XStyle.Text), text]);
        }
    }

    private static void WriteDuplicates(SheetWriter sheet, ConsolidatedWorkbook data)
    {
        using var owned = sheet;
        string[] headers = ["Nhóm trùng", "Loại", "Độ giống", "Mã câu hỏi", "Đơn vị gửi", "Nội dung câu hỏi, ý kiến, kiến nghị", "Nguồn (tệp › trang › dòng)"];
        Titles(sheet, "CÁC CÂU HỎI TRÙNG NHAU", "Mỗi nhóm gồm các câu có cùng nội dung (trùng) hoặc cách viết gần giống (gần trùng); không câu nào bị xoá — đề nghị gộp khi trả lời", headers.Length);
        sheet.Row([.. headers.Select(h => XCell.Of(h, XStyle.Header))], at: HeaderRow);
        foreach (var group in data.Groups)
        {
            for (var i = 0; i < group.Members.Count; i++)
            {
                var r = data.Records[group.Members[i]];
                var style = i == 0 ? XStyle.Review : XStyle.Text;
                sheet.Row(
                [
                    XCell.Of(group.Label, XStyle.Number),
                    XCell.Of(group.Exact ? "Trùng" : "Gần trùng", style),
                    XCell.Of(group.Similarity[i].ToString("0.00", VietnameseText.Culture), XStyle.Number),
                    XCell.Of(r.Id, style),
                    XCell.Of(r.UnitName, style),
                    XCell.Of(r.Text, style),
                    XCell.Of(r.Source, style),
                ]);
            }
        }

        sheet.Filter(HeaderRow, headers.Length - 1, sheet.RowNumber);
    }

    private static void WriteTracking(SheetWriter sheet, ConsolidatedWorkbook data)
    {
        using var owned = sheet;
        string[] headers = ["STT", "Đơn vị", "Hạn gửi", "Tình trạng", "Ngày nhận", "Căn cứ ngày nhận", "Số câu hỏi", "Tệp đã nhận"];
        Titles(sheet, "THEO DÕI TIẾP NHẬN PHIẾU CÂU HỎI", $"Tình hình gửi phiếu của các đơn vị so với thời hạn (đến ngày {VietnameseText.ShortDate(data.Today)})", headers.Length);
        sheet.Row([.. headers.Select(h => XCell.Of(h, XStyle.Header))], at: HeaderRow);
        var n = 0;
        foreach (var t in data.Tracking)
        {
            var (text, style) = t.State switch
            {
                SubmissionState.OnTime => ("Đã gửi đúng hạn", XStyle.Good),
                SubmissionState.Late => ($"Gửi muộn {t.DaysLate} ngày", XStyle.Alert),
                SubmissionState.DateUnknown => ("Đã gửi (chưa rõ ngày nhận)", XStyle.Review),
                SubmissionState.Missing => ("Chưa gửi – đã quá hạn", XStyle.Alert),
                _ => ("Chưa gửi (chưa đến hạn)", XStyle.Text),
            };
            if (t.UnitId.Length == 0 && t.Deadline is null && t.State == SubmissionState.OnTime)
            {
                (text, style) = ("Đã gửi (không có trong kế hoạch)", XStyle.Text);
            }

            sheet.Row(
            [
                ++n,
                XCell.Of(t.UnitName, XStyle.Text),
                XCell.Of(t.Deadline is { } d ? VietnameseText.ShortDate(d) : "", XStyle.Number),
                XCell.Of(text, style),
                XCell.Of(t.Received is { } r ? VietnameseText.ShortDate(r) : "", XStyle.Number),
                XCell.Of(t.DateSource, XStyle.Text),
                XCell.Of(t.Questions, XStyle.Number),
                XCell.Of(string.Join("; ", t.Files), XStyle.Text),
            ]);
        }
    }

    private static void WriteIssues(SheetWriter sheet, ConsolidatedWorkbook data)
    {
        using var owned = sheet;
        string[] headers = ["STT", "Loại", "Vị trí", "Lý do", "Nội dung dòng", "Mã lỗi"];
        var r = data.Result;
        var reconciliation = string.Create(VietnameseText.Culture,
            $"Đối chiếu: đã đọc {r.RowsRead:N0} dòng = {r.RowsTaken:N0} dòng lấy vào + {r.RowsRejected:N0} dòng không lấy (trong đó {r.RowsIgnored:N0} dòng tổng, đánh số cột, chữ ký được bỏ qua). Tệp không đọc được: {r.FilesRejected:N0}.");
        Titles(sheet, "CÁC TỆP, DÒNG KHÔNG ĐƯA VÀO TỔNG HỢP", reconciliation, headers.Length);
        sheet.Row([.. headers.Select(h => XCell.Of(h, XStyle.Header))], at: HeaderRow);
        var n = 0;
        var notes = data.Result.Problems.Where(p => p.Code is "QUESTIONS_SHEET_SKIPPED" or "QUESTIONS_SHEETS_EMPTY" or "QUESTIONS_FILE_IDENTICAL" or "QUESTIONS_SHEET_OF_CONSOLIDATED" or "QUESTIONS_UNIT_UNKNOWN" or "QUESTIONS_RECEIVED_BAD_LINE")
            .Select(p => new RowIssue(p, true, "", FileLevel: true));
        foreach (var issue in data.Issues.OrderBy(i => i.Ignored).Concat(notes))
        {
            var kind = issue.FileLevel && !issue.Ignored ? "Tệp bị loại" : issue.Ignored ? "Bỏ qua" : "Dòng bị loại";
            sheet.Row(
            [
                ++n,
                XCell.Of(kind, issue.Ignored ? XStyle.Text : XStyle.Alert),
                XCell.Of(issue.Problem.Location, XStyle.Text),
                XCell.Of(issue.Problem.Message, XStyle.Text),
                XCell.Of(issue.RowText, XStyle.Text),
                XCell.Of(issue.Problem.Code, XStyle.Text),
            ]);
        }

        sheet.Filter(HeaderRow, headers.Length - 1, sheet.RowNumber);
    }

    private static void WriteRepairs(SheetWriter sheet, ConsolidatedWorkbook data)
    {
        using var owned = sheet;
        string[] headers = ["STT", "Vị trí (tệp › trang › dòng › cột)", "Cách sửa", "Chữ trong tệp gốc", "Sau khi sửa"];
        Titles(sheet, "CÁC Ô ĐÃ CHUYỂN MÃ CHỮ", "Chữ gõ bằng bảng mã cũ (TCVN3 .VnTime, VNI) hoặc Unicode tổ hợp được chuyển sang Unicode dựng sẵn; đối chiếu khi cần", headers.Length);
        sheet.Row([.. headers.Select(h => XCell.Of(h, XStyle.Header))], at: HeaderRow);
        var n = 0;
        foreach (var repair in data.Repairs)
        {
            sheet.Row(
            [
                ++n,
                XCell.Of(repair.Location, XStyle.Text),
                XCell.Of(QuestionFileParser.RepairLabel(repair.Kind) + (repair.ByMajority ? " (theo đa số ô cùng trang)" : ""), XStyle.Text),
                XCell.Of(QuestionFileParser.CleanForSheet(repair.Original), XStyle.Text),
                XCell.Of(repair.Repaired, XStyle.Text),
            ]);
        }

        sheet.Filter(HeaderRow, headers.Length - 1, sheet.RowNumber);
    }
}
