using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>Everything read from one returned file.</summary>
internal sealed class ParsedFile
{
    public required string Path { get; init; }
    public required string FileName { get; init; }
    public List<QuestionRecord> Questions { get; } = [];
    public List<RowIssue> Issues { get; } = [];
    public List<Problem> Notes { get; } = [];
    public List<CellRepair> Repairs { get; } = [];
    public List<string> SheetsTaken { get; } = [];

    /// <summary>Non-empty rows under the table header (= taken + rejected + ignored).</summary>
    public int RowsRead { get; set; }

    /// <summary>The file could not be read at all (then <see cref="Issues"/> holds one file-level problem).</summary>
    public bool Rejected { get; set; }

    /// <summary>Letterhead text above the first table (repaired), for finding the unit.</summary>
    public List<string> Letterhead { get; } = [];

    /// <summary>The date written on the document ("…, ngày 08 tháng 4 năm 2023"), if any.</summary>
    public DateOnly? DocumentDate { get; set; }

    /// <summary>The unit id the form carries (defined name DV_MA), if the file came from our form.</summary>
    public string? FormUnitId { get; set; }

    public bool IsConsolidated { get; set; }
}

/// <summary>
/// Turns a raw workbook into question records: finds the header row in the first rows of each sheet, maps columns
/// by name, fills merged cells down, repairs text (NFC, whitespace, TCVN3/VNI per cell), and classifies every
/// non-empty row under the header as taken, rejected (with a reason) or ignored (totals, column numbers, signature
/// block) — so that rows read = taken + rejected + ignored, always.
/// </summary>
internal static partial class QuestionFileParser
{
    public const string ConsolidatedMarker = "Dialogue_TongHop";
    public const string FormUnitName = "DV_MA";
    private const int HeaderSearchRows = 25;

    private static readonly string[] FooterStarts =
    [
        "nguoi lap", "nguoi tong hop", "nguoi ky", "hieu truong", "pho hieu truong", "thu truong", "truong phong", "pho truong phong",
        "giam doc", "pho giam doc", "chu tich", "pho chu tich", "tm ", "kt ", "tl ", "q ", "ky ten", "ky ghi ro", "ky va ghi ro",
        "ky dong dau", "noi nhan", "xac nhan", "nhu tren", "luu ", "luu vt", "ban giam hieu", "thu ky", "nguoi bao cao",
    ];

    private static readonly ColumnKind[] FillDownKinds =
        [ColumnKind.Asker, ColumnKind.Position, ColumnKind.Workplace, ColumnKind.Level, ColumnKind.Topic, ColumnKind.Answerer, ColumnKind.SubmittingUnit];

    [GeneratedRegex(@"ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})")]
    private static partial Regex DateLine();

    /// <summary>"ngày 09/4/2023" (folded: "ngay 09 4 2023").</summary>
    [GeneratedRegex(@"ngay (\d{1,2}) (\d{1,2}) (\d{4})")]
    private static partial Regex ShortDateLine();

    /// <summary>A cell holding only a date (a serial date read as dd/MM/yyyy, or typed so).</summary>
    [GeneratedRegex(@"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")]
    private static partial Regex BareDate();

    public static ParsedFile Parse(string path, RawWorkbook workbook)
    {
        // A name saved on a Mac (decomposed Unicode) is written composed (NFC) wherever it appears.
        var file = new ParsedFile { Path = path, FileName = System.IO.Path.GetFileName(path).Normalize(NormalizationForm.FormC) };
        file.IsConsolidated = workbook.DefinedNames.ContainsKey(ConsolidatedMarker);
        if (workbook.DefinedNames.TryGetValue(FormUnitName, out var unitId))
        {
            file.FormUnitId = unitId.Trim('"', '\'', ' ');
        }

        var tookMaster = false;
        var secondary = 0;
        var empty = new List<string>();
        foreach (var sheet in workbook.Sheets)
        {
            if (sheet.Truncated)
            {
                file.Rejected = true;
                file.Questions.Clear();
                file.Issues.Clear();
                file.RowsRead = 0;
                file.Issues.Add(new RowIssue(Problem.Error("QUESTIONS_FILE_TOO_MANY_ROWS", Locations.Join(file.FileName, sheet.Name), $"More than {sheet.Rows.Count} rows", sheet.Rows.Count.ToString("N0", VietnameseText.Culture)), false, "", FileLevel: true));
                return file;
            }

            if (sheet.Hidden)
            {
                continue;
            }

            if (file.IsConsolidated && tookMaster)
            {
                secondary++;
                continue;
            }

            var taken = new SheetParser(file, sheet).Run();
            if (taken)
            {
                file.SheetsTaken.Add(sheet.Name);
                tookMaster = true;
            }
            else if (sheet.Rows.TrueForAll(r => Array.TrueForAll(r.Cells, c => string.IsNullOrWhiteSpace(c?.Text))))
            {
                empty.Add(sheet.Name);
            }
            else if (!IsInstructionSheet(sheet.Name))
            {
                file.Notes.Add(Problem.Warning("QUESTIONS_SHEET_SKIPPED", Locations.Join(file.FileName, sheet.Name), "No question table", sheet.Name));
            }
        }

        // Empty sheets (Sheet2, Sheet3… of a new workbook, or fifty of them): one line per file, not one per sheet.
        if (empty.Count > 0 && file.SheetsTaken.Count > 0)
        {
            const int Named = 5;
            var names = string.Join(", ", empty.Take(Named).Select(n => $"\"{n}\""));
            if (empty.Count > Named)
            {
                names += string.Create(CultureInfo.InvariantCulture, $" và {empty.Count - Named} trang khác");
            }

            file.Notes.Add(Problem.Warning("QUESTIONS_SHEETS_EMPTY", file.FileName, $"{empty.Count} empty sheets", empty.Count.ToString(CultureInfo.InvariantCulture), names));
        }

        if (secondary > 0)
        {
            file.Notes.Add(Problem.Warning("QUESTIONS_SHEET_OF_CONSOLIDATED", file.FileName, "Secondary sheets of a consolidated workbook", secondary.ToString(CultureInfo.InvariantCulture), file.SheetsTaken.FirstOrDefault() ?? ""));
        }

        if (file.SheetsTaken.Count == 0)
        {
            file.Rejected = true;
            file.Notes.RemoveAll(n => n.Code == "QUESTIONS_SHEET_SKIPPED");
            file.Issues.Add(new RowIssue(Problem.Error("QUESTIONS_FILE_NO_TABLE", file.FileName, "No header row with a content column"), false, "", FileLevel: true));
        }

        return file;
    }

    private static bool IsInstructionSheet(string name)
    {
        var folded = VietnameseText.Fold(name);
        return folded.StartsWith("huong dan", StringComparison.Ordinal) || folded.StartsWith("danh muc", StringComparison.Ordinal);
    }

    /// <summary>Cleans and repairs one cell; reports a conversion.</summary>
    internal static string CellText(RawCell? cell, out RepairKind kind)
    {
        kind = RepairKind.None;
        if (cell is null)
        {
            return "";
        }

        string text;
        if (cell.Runs is { } runs)
        {
            var builder = new StringBuilder();
            foreach (var run in runs)
            {
                var fixedRun = LegacyText.Fix(run.Text, run.Font ?? cell.Font);
                if (fixedRun.Kind > kind)
                {
                    kind = fixedRun.Kind;
                }

                builder.Append(fixedRun.Text);
            }

            text = builder.ToString();
        }
        else
        {
            var fixedText = LegacyText.Fix(cell.Text, cell.Font);
            kind = fixedText.Kind;
            text = fixedText.Text;
        }

        return CleanForSheet(text);
    }

    /// <summary>NFC + whitespace, and control chars that XML cannot carry dropped.</summary>
    internal static string CleanForSheet(string text)
    {
        if (IsClean(text))
        {
            return text; // the common case: nothing to do, nothing allocated
        }

        var clean = VietnameseText.Clean(text);
        foreach (var ch in clean)
        {
            if (ch < ' ' || char.IsSurrogate(ch) || ch is '\uFFFE' or '\uFFFF')
            {
                return new string(clean.Where(c => c >= ' ' && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF').ToArray());
            }
        }

        return clean;
    }

    /// <summary>Already NFC, single spaces only, trimmed, no control or invisible chars.</summary>
    private static bool IsClean(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' ')
        {
            return text.Length == 0;
        }

        var previousSpace = false;
        var ascii = true;
        foreach (var ch in text)
        {
            if (ch == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
                continue;
            }

            previousSpace = false;
            if (ch < ' ' || ch is '\u00A0' or '\u200B' or '\u2028' or '\u2029' or '\u0085' or '\u3000' or (>= '\u2000' and <= '\u200A') || char.IsSurrogate(ch) || ch is '\uFFFE' or '\uFFFF')
            {
                return false;
            }

            ascii &= ch < '\u0080';
        }

        return ascii || text.IsNormalized(NormalizationForm.FormC);
    }

    internal static DateOnly? FindDate(string text, bool bare = false)
    {
        var match = bare ? BareDate().Match(text.Trim()) : DateLine().Match(VietnameseText.Fold(text));
        if (!match.Success && !bare)
        {
            match = ShortDateLine().Match(VietnameseText.Fold(text));
        }

        if (!match.Success)
        {
            return null;
        }

        var day = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 2000, month) && year is >= 1900 and <= 9999
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>An STT as people type it: "3", "3.0", "3.", "3)", "(3)".</summary>
    internal static bool IsRowNumber(string text)
    {
        var t = text.Trim().TrimStart('(').TrimEnd('.', ')').Trim();
        return IsInteger(t);
    }

    internal static bool IsInteger(string text)
    {
        var t = text.Trim();
        if (t.EndsWith(".0", StringComparison.Ordinal))
        {
            t = t[..^2];
        }

        return t.Length is > 0 and < 7 && t.All(char.IsAsciiDigit);
    }

    private sealed class SheetParser(ParsedFile file, RawSheet sheet)
    {
        private readonly Dictionary<ColumnKind, int> _columns = [];
        private readonly Dictionary<int, string> _headerNames = [];
        private readonly List<(QuestionRecord Record, ColumnKind Kind, string Raw, string Column, int Row)> _ambiguous = [];
        private int _tcvn;
        private int _vni;

        public bool Run()
        {
            var headerIndex = FindHeader();
            if (headerIndex < 0)
            {
                return false;
            }

            var first = file.SheetsTaken.Count == 0;
            for (var i = 0; i < headerIndex; i++)
            {
                foreach (var cell in sheet.Rows[i].Cells)
                {
                    var text = CellText(cell, out _);
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    if (first)
                    {
                        file.Letterhead.Add(text);
                    }

                    // The letterhead's date line, or a cell that holds only a date (often a serial date).
                    file.DocumentDate ??= FindDate(text) ?? FindDate(text, bare: true);
                }
            }

            var start = headerIndex + 1;
            if (start < sheet.Rows.Count && IsSubHeader(sheet.Rows[headerIndex], sheet.Rows[start]))
            {
                start++;
            }

            FillMerged(sheet.Rows[headerIndex].Number);
            var footer = false;
            for (var i = start; i < sheet.Rows.Count; i++)
            {
                footer = ReadRow(sheet.Rows[i], footer);
            }

            ApplyMajority();
            return true;
        }

        private int FindHeader()
        {
            var best = -1;
            var bestScore = 0;
            for (var i = 0; i < sheet.Rows.Count && sheet.Rows[i].Number <= HeaderSearchRows; i++)
            {
                if (best >= 0 && i > best + 2)
                {
                    break; // a header was found; a better one would be right under it (two-row headers)
                }

                var kinds = new Dictionary<ColumnKind, int>();
                var names = new Dictionary<int, string>();
                var cells = sheet.Rows[i].Cells;
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c] is null || cells[c]!.Text.Length > 120)
                    {
                        continue;
                    }

                    var text = CellText(cells[c], out _);
                    if (text.Length == 0 || text.Length > 80)
                    {
                        continue;
                    }

                    var kind = QuestionColumns.Match(text);
                    if (kind != ColumnKind.None)
                    {
                        kinds.TryAdd(kind, c);
                        names[c] = text;
                    }
                }

                var score = kinds.Count;
                if (kinds.ContainsKey(ColumnKind.Content) && score >= 2 && score > bestScore)
                {
                    best = i;
                    bestScore = score;
                    _columns.Clear();
                    _headerNames.Clear();
                    foreach (var (k, c) in kinds)
                    {
                        _columns[k] = c;
                    }

                    foreach (var (c, n) in names)
                    {
                        _headerNames[c] = n;
                    }
                }
            }

            return best;
        }

        /// <summary>
        /// A second header row under merged group headings ("Người hỏi" over "Họ và tên | Chức vụ"). It is known by its
        /// structure, not by words: at least one of its titles stands under a header cell left empty by the merge, and
        /// every cell is a short title (no sentence, no question). The first question of a table ("Chủ tịch Công đoàn
        /// trường kiến nghị…" asked by a "Hiệu trưởng" of a "Trường…", with no STT) is not one.
        /// </summary>
        private bool IsSubHeader(RawRow header, RawRow row)
        {
            var added = false;
            var number = Text(row, ColumnKind.Number);
            if (IsInteger(number) || Text(row, ColumnKind.Content).Length > 0 && QuestionColumns.Match(Text(row, ColumnKind.Content)) == ColumnKind.None)
            {
                return false;
            }

            var underEmpty = false;
            for (var c = 0; c < row.Cells.Length; c++)
            {
                var text = CellText(row.Cells[c], out _);
                if (text.Length == 0)
                {
                    continue;
                }

                if (!IsTitle(text))
                {
                    return false;
                }

                // Under a titled header cell, only a title of the same column ("Nội dung câu hỏi" under "Câu hỏi, kiến
                // nghị"); "Tăng phụ cấp" under "Nội dung" is a question, not the "Cấp học" column.
                var above = c < header.Cells.Length ? CellText(header.Cells[c], out _) : "";
                if (above.Length == 0)
                {
                    underEmpty = true;
                }
                else if (QuestionColumns.Match(above) is var aboveKind && aboveKind != ColumnKind.None && QuestionColumns.Match(text) != aboveKind)
                {
                    return false;
                }
            }

            if (!underEmpty)
            {
                return false;
            }

            var found = new Dictionary<ColumnKind, int>();
            for (var c = 0; c < row.Cells.Length; c++)
            {
                var text = CellText(row.Cells[c], out _);
                var kind = text.Length is > 0 and <= 80 ? QuestionColumns.Match(text) : ColumnKind.None;
                if (kind != ColumnKind.None)
                {
                    found.TryAdd(kind, c);
                }
                else if (text.Length > 0)
                {
                    return false;
                }
            }

            foreach (var (kind, c) in found)
            {
                if (!_columns.ContainsKey(kind) || _columns[kind] != c)
                {
                    _columns[kind] = c;
                    _headerNames[c] = CellText(row.Cells[c], out _);
                    added = true;
                }
            }

            return added;
        }

        private void FillMerged(int headerRow)
        {
            if (sheet.Merges.Count == 0)
            {
                return;
            }

            var byNumber = new Dictionary<int, RawRow>();
            foreach (var row in sheet.Rows)
            {
                byNumber[row.Number] = row;
            }

            var fillColumns = FillDownKinds.Where(_columns.ContainsKey).Select(k => _columns[k]).ToHashSet();
            foreach (var (firstRow, firstColumn, lastRow, lastColumn) in sheet.Merges)
            {
                _ = lastColumn;
                if (firstRow <= headerRow || lastRow <= firstRow || !fillColumns.Contains(firstColumn) || !byNumber.TryGetValue(firstRow, out var top))
                {
                    continue;
                }

                var value = firstColumn < top.Cells.Length ? top.Cells[firstColumn] : null;
                for (var r = firstRow + 1; r <= lastRow; r++)
                {
                    if (byNumber.TryGetValue(r, out var row))
                    {
                        if (row.Cells.Length <= firstColumn)
                        {
                            var cells = row.Cells;
                            Array.Resize(ref cells, firstColumn + 1);
                            row.Cells = cells;
                        }

                        row.Cells[firstColumn] ??= value;
                    }
                }
            }
        }

        private string Text(RawRow row, ColumnKind kind) =>
            _columns.TryGetValue(kind, out var c) && c < row.Cells.Length ? CellText(row.Cells[c], out _) : "";

        private bool ReadRow(RawRow row, bool footer)
        {
            file.RowsRead++;
            var cellTexts = new string[row.Cells.Length];
            var cellRepairs = new RepairKind[row.Cells.Length];
            var texts = new List<string>(row.Cells.Length);
            for (var c = 0; c < row.Cells.Length; c++)
            {
                cellTexts[c] = CellText(row.Cells[c], out cellRepairs[c]);
                if (cellTexts[c].Length > 0)
                {
                    texts.Add(cellTexts[c]);
                }
            }

            string Of(ColumnKind kind) => _columns.TryGetValue(kind, out var c) && c < cellTexts.Length ? cellTexts[c] : "";
            var number = Of(ColumnKind.Number);
            var content = Of(ColumnKind.Content);
            var numbered = IsRowNumber(number);

            // The table decides where it ends, not words in a cell: inside the table a row with question text is a
            // question whatever its STT holds (blank, "1.", an unsaved formula) and whoever asked (a Hiệu trưởng, a
            // Chủ tịch Công đoàn…). The signature block starts at a row with no question text that reads like one
            // (a title, "Người lập biểu", a date line, "Nơi nhận"), or a row whose every cell is such a line.
            // Under it, only a row that still looks like a table row is taken; the rest is listed as ignored.
            if (footer && !(content.Length > 0 && (numbered || LooksLikeTableRow(content, cellTexts)) && !IsSignatureRow(texts)))
            {
                Ignore("QUESTIONS_ROW_FOOTER", "Signature or recipients block under the table");
                return true;
            }

            if (texts.Count >= 3 && texts.All(IsColumnNumber))
            {
                Ignore("QUESTIONS_ROW_COLUMN_NUMBERS", "Column numbering row");
                return false;
            }

            if (!numbered && IsHeaderRepeat(cellTexts, content))
            {
                Ignore("QUESTIONS_ROW_HEADER_REPEAT", "Header repeated");
                return false;
            }

            if (!numbered && texts.Count > 0)
            {
                var firstFolded = VietnameseText.Fold(texts[0]);
                if (IsTotalLabel(firstFolded)
                    && (content.Length == 0 || VietnameseText.Fold(content).StartsWith("tong", StringComparison.Ordinal) || texts.Count <= 3 && content.Length < 40))
                {
                    Ignore("QUESTIONS_ROW_TOTAL", "Totals row");
                    return false;
                }

                if (!footer && (content.Length == 0 ? texts.All(t => t.Length <= 80) && texts.Exists(IsFooterText) : IsSignatureRow(texts)))
                {
                    foreach (var t in texts)
                    {
                        file.DocumentDate ??= FindDate(t);
                    }

                    Ignore("QUESTIONS_ROW_FOOTER", "Signature or recipients block under the table");
                    return true;
                }
            }

            if (content.Length == 0)
            {
                file.Issues.Add(new RowIssue(Problem.Error("QUESTIONS_ROW_NO_CONTENT", Location(), "Row without question text"), false, string.Join(" | ", texts)));
                return false;
            }

            Take(row, number, cellTexts, cellRepairs);
            return false;

            // Built only for a row that is reported, not for every row read.
            string Location() => Locations.Row(file.FileName, sheet.Name, row.Number);

            void Ignore(string code, string detail) =>
                file.Issues.Add(new RowIssue(Problem.Warning(code, Location(), detail), true, string.Join(" | ", texts)));
        }

        /// <summary>A column title: a few words, no sentence or question mark ("Họ và tên", "Đơn vị công tác").</summary>
        private static bool IsTitle(string text) =>
            text.Length <= 40 && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 && !text.Contains('?', StringComparison.Ordinal) && text.TrimEnd()[^1] is not ('.' or '!' or ';');

        /// <summary>
        /// The header printed again (a second page pasted under the first): the content cell is a column title, not a
        /// sentence, and at least one other cell holds the title of its own column. A question that starts with
        /// "Câu hỏi…" or "Kiến nghị…" asked by a "Hiệu trưởng" is not a header.
        /// </summary>
        private bool IsHeaderRepeat(string[] cellTexts, string content)
        {
            if (content.Length > 60 || QuestionColumns.Match(content) != ColumnKind.Content)
            {
                return false;
            }

            var same = _columns.TryGetValue(ColumnKind.Content, out var contentColumn) && _headerNames.TryGetValue(contentColumn, out var title)
                && VietnameseText.Fold(title) == VietnameseText.Fold(content);
            var own = 0;
            foreach (var (kind, c) in _columns)
            {
                if (kind != ColumnKind.Content && c < cellTexts.Length && cellTexts[c].Length is > 0 and <= 60 && QuestionColumns.Match(cellTexts[c]) == kind)
                {
                    own++;
                }
            }

            return same ? own >= 1 : content.Length <= 40 && own >= 2;
        }

        /// <summary>"Tổng cộng", "Tổng số: 12", "Tổng: 5 câu", "Cộng: 04 câu" — not "Tổng phụ trách Đội" or "Công đoàn viên" (positions).</summary>
        private static bool IsTotalLabel(string folded) =>
            folded is "tong" or "cong" || folded.StartsWith("tong cong", StringComparison.Ordinal) || folded.StartsWith("tong so", StringComparison.Ordinal)
            || ((folded.StartsWith("tong ", StringComparison.Ordinal) || folded.StartsWith("cong ", StringComparison.Ordinal)) && folded.Length > 5 && char.IsAsciiDigit(folded[5]));

        private static bool IsColumnNumber(string text)
        {
            var t = text.Trim().Trim('(', ')', '[', ']', '.').Trim();
            return t.Length is > 0 and <= 3 && (t.All(char.IsAsciiDigit) || (t.Length == 1 && char.IsAsciiLetterUpper(t[0])) || t is "STT");
        }

        /// <summary>
        /// Every cell of the row is a signature or recipients line, short, and none asks anything. A title at the start
        /// of a question ("Hiệu trưởng đề nghị thêm kinh phí", "Chủ tịch Công đoàn xin hỗ trợ") is not enough: the line
        /// must have the shape of a signature — a title and nothing else, a date line, "(Ký, ghi rõ họ tên)".
        /// </summary>
        private static bool IsSignatureRow(List<string> texts) =>
            texts.Count > 0 && texts.TrueForAll(t => t.Length <= 60 && !t.Contains('?', StringComparison.Ordinal) && (IsSignatureLine(t) || IsRecipientLine(t)));

        /// <summary>Words a signature title is made of ("KT. HIỆU TRƯỞNG", "TM. BAN CHẤP HÀNH", "Người lập biểu", "Nơi nhận:").</summary>
        private static readonly HashSet<string> TitleWords = new(StringComparer.Ordinal)
        {
            "tm", "kt", "tl", "q", "ktl", "hiệu", "trưởng", "phó", "chủ", "tịch", "công", "đoàn", "ban", "chấp", "hành", "phòng",
            "giám", "đốc", "người", "lập", "biểu", "tổng", "hợp", "thư", "ký", "nhà", "trường", "xác", "nhận", "của", "giáo", "dục",
            "và", "đào", "tạo", "gd&đt", "gdđt", "ủy", "uỷ", "nhân", "dân", "huyện", "xã", "tỉnh", "sở", "tên", "ghi", "rõ", "họ",
            "đóng", "dấu", "nơi", "lưu", "vt", "trên", "như", "báo", "cáo", "viên", "hội", "đồng", "thủ", "đơn", "vị", "tiểu", "học",
            "thcs", "thpt", "mầm", "non", "đội", "tổ", "khối", "chuyên", "môn", "kế", "toán", "văn", "cơ", "đảng", "bộ", "chi", "bí",
            "lãnh", "đạo", "ubnd", "pgd", "bch", "cđ", "ptdtbt", "ptdtnt", "trung", "tâm", "liên", "cấp", "trực", "thuộc",
        };

        /// <summary>Words that make a line in capitals a question, not a title ("HIỆU TRƯỞNG ĐỀ NGHỊ TĂNG LƯƠNG").</summary>
        private static readonly HashSet<string> AskingWords = new(StringComparer.Ordinal)
        {
            "đề", "nghị", "kiến", "xin", "hỏi", "hỗ", "trợ", "tăng", "giảm", "bổ", "sung", "giải", "quyết", "sao", "nào", "có", "không",
            "được", "cho", "biết", "thêm", "chưa", "đã", "sẽ", "cần", "về", "mong", "muốn", "phản", "ánh", "chế", "độ", "lương",
        };

        /// <summary>A line of a signature block: a title and nothing else, a date line, "(Ký, ghi rõ họ tên)".</summary>
        private static bool IsSignatureLine(string text)
        {
            var t = text.Trim();
            if (t.StartsWith('(') && VietnameseText.Fold(t).Contains("ky", StringComparison.Ordinal))
            {
                return true;
            }

            var folded = VietnameseText.Fold(t);
            if (FindDate(t) is not null)
            {
                // "Văn Yên, ngày 08 tháng 4 năm 2023": a place, then the date, and nothing after it.
                var at = folded.IndexOf("ngay ", StringComparison.Ordinal);
                return at >= 0 && folded[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5
                    && DateLine().Match(folded) is { Success: true } m && m.Index + m.Length >= folded.TrimEnd('.', ' ').Length
                    || at >= 0 && ShortDateLine().Match(folded) is { Success: true } s && s.Index + s.Length >= folded.TrimEnd('.', ' ').Length;
            }

            if (!IsFooterText(t))
            {
                return false;
            }

            var capitals = !t.Any(char.IsLower);
            foreach (var raw in t.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = raw.Trim('.', ',', ':', ';', '(', ')', '"', '\'', '-', '/');
                if (word.Length == 0 || word.All(char.IsAsciiDigit))
                {
                    continue;
                }

                var lower = word.ToLowerInvariant();
                if (TitleWords.Contains(lower))
                {
                    continue;
                }

                // A name or an organisation is capitalised ("Trường Tiểu học Mậu A"); a lower-case word outside the
                // title's vocabulary, or an asking word in a line of capitals, makes it a sentence.
                if (capitals ? AskingWords.Contains(lower) : !char.IsUpper(word[0]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>"- Như trên;", "- Lưu: VT." under "Nơi nhận:".</summary>
        private static bool IsRecipientLine(string text)
        {
            var t = text.Trim();
            return t.Length <= 60 && t.Length > 1 && t[0] is '-' or '+' or '•' && t[^1] is ';' or '.' or ',';
        }

        /// <summary>Under the signature: a question row still has a sentence (6+ words) or two other table cells filled.</summary>
        private bool LooksLikeTableRow(string content, string[] cellTexts)
        {
            if (IsRecipientLine(content))
            {
                return false;
            }

            var words = content.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var others = 0;
            foreach (var kind in (ReadOnlySpan<ColumnKind>)[ColumnKind.Asker, ColumnKind.Position, ColumnKind.Workplace, ColumnKind.Level, ColumnKind.Topic])
            {
                if (_columns.TryGetValue(kind, out var c) && c < cellTexts.Length && cellTexts[c].Length > 0)
                {
                    others++;
                }
            }

            return words >= 6 || others >= 2;
        }

        private static bool IsFooterText(string text)
        {
            if (FindDate(text) is not null && text.Length < 70)
            {
                return true;
            }

            var folded = VietnameseText.Fold(text) + " ";
            foreach (var start in FooterStarts)
            {
                if (folded.StartsWith(start, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private void Take(RawRow row, string number, string[] cellTexts, RepairKind[] cellRepairs)
        {
            var record = new QuestionRecord
            {
                FileName = file.FileName,
                Sheet = sheet.Name,
                Row = row.Number,
                Source = Locations.Row(file.FileName, sheet.Name, row.Number),
                InputNumber = number,
                FromConsolidated = file.IsConsolidated,
            };
            foreach (var (kind, column) in _columns)
            {
                if (column >= row.Cells.Length || row.Cells[column] is not { } cell)
                {
                    continue;
                }

                var text = cellTexts[column];
                var repair = cellRepairs[column];
                if (cell.UnsavedFormula && kind is not ColumnKind.Number && text.Length > 1)
                {
                    // Kept as the text typed (a question "=cmd|…" or "=> …" Excel took for a formula), never evaluated.
                    var columnName = _headerNames.GetValueOrDefault(column, Spreadsheets.XlsxReader.ColumnName(column));
                    record.Flags.Add($"{columnName}: công thức chưa có giá trị, giữ nguyên dạng chữ");
                    file.Notes.Add(Problem.Warning("QUESTIONS_CELL_FORMULA_TEXT", Locations.Row(file.FileName, sheet.Name, row.Number, columnName), "Formula without a cached value kept as text", text));
                }

                if (repair is RepairKind.FromTcvn3 or RepairKind.FromVni or RepairKind.Composed)
                {
                    var columnName = _headerNames.GetValueOrDefault(column, Spreadsheets.XlsxReader.ColumnName(column));
                    record.Repairs.Add($"{columnName}: {RepairLabel(repair)}");
                    file.Repairs.Add(new CellRepair(Locations.Row(file.FileName, sheet.Name, row.Number, columnName), repair, cell.Text, text, false));
                    if (repair == RepairKind.FromTcvn3)
                    {
                        _tcvn++;
                    }
                    else if (repair == RepairKind.FromVni)
                    {
                        _vni++;
                    }
                }
                else if (cell.Font is null && cell.Runs is null && LegacyText.IsAmbiguous(cell.Text) && kind is not ColumnKind.Number)
                {
                    _ambiguous.Add((record, kind, cell.Text, _headerNames.GetValueOrDefault(column, Spreadsheets.XlsxReader.ColumnName(column)), row.Number));
                }

                Set(record, kind, text);
            }

            file.Questions.Add(record);
        }

        /// <summary>Cells a content check cannot decide ("Bé", "Hoàng") follow the sheet's decided legacy encoding.</summary>
        private void ApplyMajority()
        {
            if (_ambiguous.Count == 0 || Math.Max(_tcvn, _vni) < 2)
            {
                return;
            }

            var encoding = _tcvn >= _vni ? LegacyEncoding.Tcvn3 : LegacyEncoding.Vni;
            foreach (var (record, kind, raw, column, row) in _ambiguous)
            {
                var decoded = CleanForSheet(LegacyText.Decode(raw, encoding));
                var original = CleanForSheet(raw);
                if (decoded == original || LegacyVietnamese.Score(decoded) > LegacyVietnamese.Score(original))
                {
                    continue;
                }

                var repair = encoding == LegacyEncoding.Tcvn3 ? RepairKind.FromTcvn3 : RepairKind.FromVni;
                Set(record, kind, decoded);
                record.Repairs.Add($"{column}: {RepairLabel(repair)} (theo đa số)");
                file.Repairs.Add(new CellRepair(Locations.Row(file.FileName, sheet.Name, row, column), repair, raw, decoded, true));
            }
        }

        private static void Set(QuestionRecord record, ColumnKind kind, string text)
        {
            switch (kind)
            {
                case ColumnKind.Asker: record.Asker = text; break;
                case ColumnKind.Position: record.Position = text; break;
                case ColumnKind.Workplace: record.Workplace = text; break;
                case ColumnKind.Level: record.Level = text; break;
                case ColumnKind.Topic: record.TopicRaw = text; break;
                case ColumnKind.Content: record.Text = text; break;
                case ColumnKind.Answerer: record.ProposedAnswerer = text; break;
                case ColumnKind.Note: record.Note = text; break;
                case ColumnKind.Id: record.Id = text; break;
                case ColumnKind.Source: record.Source = text.Length > 0 ? text : record.Source; break;
                case ColumnKind.SubmittingUnit: record.UnitName = text; break;
                case ColumnKind.Status: record.Status = text; break;
                case ColumnKind.Answer: record.Answer = text; break;
                case ColumnKind.Lead: record.LeadDepartment = text; break;
                case ColumnKind.DuplicateGroup: record.DuplicateGroup = text; break;
            }
        }
    }

    internal static string RepairLabel(RepairKind kind) => kind switch
    {
        RepairKind.FromTcvn3 => "TCVN3 → Unicode",
        RepairKind.FromVni => "VNI → Unicode",
        RepairKind.Composed => "Unicode tổ hợp → dựng sẵn",
        _ => "",
    };
}
