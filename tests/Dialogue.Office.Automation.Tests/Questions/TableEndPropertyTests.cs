using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Spreadsheets;
using FsCheck;
using FsCheck.Fluent;

namespace Dialogue.Office.Automation.Tests.Questions;

/// <summary>
/// Issue 12: a property over generated returned sheets — every kind of STT people type (whole numbers, blank, "3.",
/// "(3)", a formula saved without a value, one with its value), askers titled like a signature (Hiệu trưởng, Chủ tịch
/// Công đoàn, Trưởng phòng…), blank rows inside the table, column numbers, totals rows, and a signature / recipients
/// block under the table in any column. Every question row is taken, with its text; no line of the signature is; and
/// rows read = taken + not taken.
/// </summary>
public class TableEndPropertyTests
{
    private static readonly string[] Headers = ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Cấp học", "Nhóm vấn đề", "Nội dung câu hỏi, ý kiến, kiến nghị", "Cơ quan trả lời", "Ghi chú"];
    private const int Content = 6;

    private static readonly string[] Askers = ["Nguyễn Văn An", "", "Bé", "Lò Thị Mai", "Giàng A Pháo", "Hoàng Thị Tuyết"];

    private static readonly string[] Positions =
        ["Hiệu trưởng", "Phó Hiệu trưởng", "Chủ tịch Công đoàn", "Chủ tịch Công đoàn trường", "Trưởng phòng", "Phó Trưởng phòng", "HIỆU TRƯỞNG", "Giáo viên", "Tổng phụ trách Đội", "", "Thư ký hội đồng"];

    private static readonly string[] Workplaces = ["Trường Tiểu học Mậu A", "", "Trường PTDTBT THCS Mồ Dề", "Phòng GD&ĐT"];

    private static readonly string[] Topics = ["1", "", "Tài chính", "III", "9"];

    private static readonly string[] Questions =
    [
        "Đề nghị bổ sung biên chế giáo viên mầm non cho các trường vùng đặc biệt khó khăn.",
        "Xin thêm biên chế",
        "Tăng phụ cấp?",
        "Lương",
        "Chủ tịch Công đoàn trường kiến nghị tăng phụ cấp cho giáo viên vùng cao.",
        "- Đề nghị sửa chữa nhà công vụ cho giáo viên điểm trường lẻ.",
        "+ Hỗ trợ tiền ăn trưa cho học sinh bán trú",
        "=> Kiến nghị hỗ trợ kinh phí mua sắm thiết bị dạy học tối thiểu.",
        "ĐỀ NGHỊ TĂNG ĐỊNH MỨC CHI THƯỜNG XUYÊN",
        "hướng dẫn thu, chi các khoản thỏa thuận ngoài học phí",
        "Trường PTDTBT THCS Mồ Dề thiếu phòng học bộ môn",
        "Hiệu trưởng đề nghị thêm kinh phí",
        "Chủ tịch Công đoàn xin hỗ trợ",
        "Trưởng phòng hỏi về định mức",
    ];

    /// <summary>Signature and recipients lines: (column, text). The block opens with one of these.</summary>
    private static readonly (int Column, string Text)[][] Openers =
    [
        [(1, "Người lập biểu"), (Content, "HIỆU TRƯỞNG")],
        [(Content, "Văn Yên, ngày 08 tháng 4 năm 2023")],
        [(3, "TM. BAN CHẤP HÀNH"), (Content, "CHỦ TỊCH CÔNG ĐOÀN")],
        [(0, "Nơi nhận:"), (Content, "TRƯỞNG PHÒNG")],
        [(Content, "KT. HIỆU TRƯỞNG")],
        [(Content, "Chủ tịch Công đoàn trường")],
        [(3, "TM. BAN CHẤP HÀNH CÔNG ĐOÀN TRƯỜNG")],
        [(Content, "HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC MẬU A")],
        [(1, "Mậu A, ngày 08/4/2023")],
        [(Content, "Người tổng hợp")],
    ];

    private static readonly (int Column, string Text)[][] Lines =
    [
        [(Content, "PHÓ HIỆU TRƯỞNG")],
        [(Content, "(Ký, ghi rõ họ tên)")],
        [(1, "(Ký tên)"), (Content, "(Ký tên, đóng dấu)")],
        [(1, "Nguyễn Thị Bình"), (Content, "Trần Văn Cường")],
        [(Content, "Lương Văn Dũng")],
        [(0, "- Như trên;")],
        [(0, "- Sở GD&ĐT (để báo cáo);")],
        [(Content, "- Lưu: VT.")],
        [(3, "Xác nhận của nhà trường")],
    ];

    internal sealed record QuestionRow(string Number, bool UnsavedFormula, string Asker, string Position, string Workplace, string Level, string Topic, string Text, bool BlankBefore);

    internal sealed record Table(List<QuestionRow> Rows, bool ColumnNumbers, bool Total, List<(int Column, string Text)[]> Footer, int Gap, bool TwoRowHeader = false)
    {
        public override string ToString() =>
            (TwoRowHeader ? "[two-row header]\n" : "") + string.Join("\n", Rows.Select(r => $"[{r.Number}{(r.UnsavedFormula ? " (formula)" : "")}] {r.Asker} | {r.Position} | {r.Text}{(r.BlankBefore ? " (blank row before)" : "")}"))
            + (Total ? "\n[total]" : "") + "\n--- " + string.Join(" / ", Footer.Select(l => string.Join(" + ", l.Select(c => $"{c.Column}:{c.Text}"))));
    }

    private static Gen<string> Number(int i) => Gen.Elements(
        i.ToString(System.Globalization.CultureInfo.InvariantCulture), "", $"{i}.", $"({i})", $"{i})", $"{i}.0");

    private static Gen<QuestionRow> QuestionAt(int i) =>
        from number in Number(i)
        from formula in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from asker in Gen.Elements(Askers)
        from position in Gen.Elements(Positions)
        from workplace in Gen.Elements(Workplaces)
        from topic in Gen.Elements(Topics)
        from level in Gen.Elements("THCS", "", "Mầm non")
        from text in Gen.Elements(Questions)
        from blank in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
        select new QuestionRow(formula ? $"=ROW()-{6}" : number, formula, asker, position, workplace, level, topic, $"{text} (câu {i})", blank && i > 1);

    private static readonly Gen<Table> Tables =
        from count in Gen.Choose(1, 14)
        from rows in Gen.CollectToList(Enumerable.Range(1, count).Select(QuestionAt))
        from columnNumbers in Gen.Elements(true, false)
        from total in Gen.Elements(true, false)
        from opener in Gen.Elements(Openers)
        from lines in Gen.ListOf(Gen.Elements(Lines))
        from gap in Gen.Choose(0, 2)
        from twoRows in Gen.Elements(true, false)
        select new Table(rows, columnNumbers, total, [opener, .. lines.Take(6)], gap, twoRows);

    /// <summary>The suite runs on a fixed seed, so it gives the same answer on every run.</summary>
    private static readonly FsCheck.Replay FixedSeed = new(new FsCheck.Rnd(20261203UL, 1442695040888963407UL), Microsoft.FSharp.Core.FSharpOption<int>.None);

    [Fact]
    public void EveryQuestionRowIsTaken_NoSignatureLineIs_AndRowsReconcile()
    {
        // DIALOGUE_PROPERTY_SEEDS=20 (locally, never in CI) runs the property on that many random seeds to look for
        // new counterexamples; FsCheck names the failing seed in its message, to be replayed and fixed.
        var random = System.Environment.GetEnvironmentVariable("CI") is null
            && int.TryParse(System.Environment.GetEnvironmentVariable("DIALOGUE_PROPERTY_SEEDS"), out var seeds) ? seeds : 0;
        if (random == 0)
        {
            Prop.ForAll(Arb.From(Tables), table => Check(table))
                .Check(Config.QuickThrowOnFailure.WithMaxTest(400).WithReplay(Microsoft.FSharp.Core.FSharpOption<FsCheck.Replay>.Some(FixedSeed)));
            return;
        }

        for (var i = 0; i < random; i++)
        {
            Prop.ForAll(Arb.From(Tables), table => Check(table)).Check(Config.QuickThrowOnFailure.WithMaxTest(400));
        }
    }

    private static void Check(Table table)
    {
        var file = QuestionFileParser.Parse("/tmp/sinh-ngau-nhien.xlsx", Build(table, out var footerRows));

        Assert.Equal(table.Rows.Select(r => r.Text), file.Questions.Select(q => q.Text));
        Assert.Equal(table.Rows.Select(r => r.Position), file.Questions.Select(q => q.Position));
        Assert.DoesNotContain(file.Questions, q => footerRows.Contains(q.Row));
        Assert.Equal(file.RowsRead, file.Questions.Count + file.Issues.Count(i => !i.FileLevel));
        Assert.All(file.Issues.Where(i => footerRows.Contains(RowOf(i.Problem.Location))), i => Assert.True(i.Ignored));
    }

    /// <summary>
    /// The counterexample a random seed found: the first row under the header has no STT and no name, and its question
    /// starts with a title ("Chủ tịch Công đoàn trường kiến nghị…"). It is a question, whatever the position column
    /// holds, and the table's columns stay as the header set them.
    /// </summary>
    [Theory]
    [InlineData("Hiệu trưởng", "Trường Tiểu học Mậu A", "", "")]
    [InlineData("", "", "", "")]
    [InlineData("Chủ tịch Công đoàn trường", "", "", "")]
    [InlineData("Trưởng phòng", "Phòng GD&ĐT", "", "")]
    [InlineData("Chủ tịch Công đoàn", "Trường PTDTBT THCS Mồ Dề", "THCS", "1")]
    public void FirstRowWithoutNumberOrName_StartingWithATitle_IsAQuestion(string position, string workplace, string level, string topic)
    {
        var text = "Chủ tịch Công đoàn trường kiến nghị tăng phụ cấp cho giáo viên vùng cao. (câu 1)";
        foreach (var columnNumbers in new[] { false, true })
        {
            var table = new Table(
                [
                    new QuestionRow("", false, "", position, workplace, level, topic, text, false),
                    new QuestionRow("2", false, "Lò Thị Mai", "Giáo viên", "Trường Tiểu học Mậu A", "", "1", "Lương (câu 2)", false),
                ],
                columnNumbers, false, [[(1, "Người lập biểu"), (Content, "HIỆU TRƯỞNG")], [(Content, "Lương Văn Dũng")]], 1);

            Check(table);
            var file = QuestionFileParser.Parse("/tmp/sinh-ngau-nhien.xlsx", Build(table, out _));
            Assert.Equal(["", "Lò Thị Mai"], file.Questions.Select(q => q.Asker));
            Assert.Equal([workplace, "Trường Tiểu học Mậu A"], file.Questions.Select(q => q.Workplace));
        }
    }

    /// <summary>
    /// A second counterexample (from 20 random seeds once the question list had short ones): a row with no STT whose
    /// question starts with a title and is short enough to be a signature line — "Hiệu trưởng đề nghị thêm kinh phí",
    /// asked by a "HIỆU TRƯỞNG" — opened the signature block and the rows under it were lost. A title line has nothing
    /// but the title (and names); these are questions.
    /// </summary>
    [Theory]
    [InlineData("Hiệu trưởng đề nghị thêm kinh phí", "HIỆU TRƯỞNG")]
    [InlineData("Chủ tịch Công đoàn xin hỗ trợ", "Chủ tịch Công đoàn trường")]
    [InlineData("Trưởng phòng hỏi về định mức", "")]
    [InlineData("HIỆU TRƯỞNG ĐỀ NGHỊ TĂNG LƯƠNG", "Hiệu trưởng")]
    public void ShortQuestionStartingWithATitle_DoesNotOpenTheSignatureBlock(string text, string position)
    {
        var table = new Table(
            [
                new QuestionRow("1", false, "Lò Thị Mai", "Giáo viên", "Trường Tiểu học Mậu A", "", "1", "Lương (câu 1)", false),
                new QuestionRow("", false, "", position, "", "", "", text, false),
                new QuestionRow("", false, "Giàng A Pháo", "Giáo viên", "", "", "", "Xin thêm biên chế (câu 3)", false),
            ],
            false, false, [[(Content, "KT. HIỆU TRƯỞNG")], [(Content, "PHÓ HIỆU TRƯỞNG")], [(Content, "Lương Văn Dũng")]], 1);

        Check(table);
        var file = QuestionFileParser.Parse("/tmp/sinh-ngau-nhien.xlsx", Build(table, out _));
        Assert.Equal(3, file.Questions.Count);
        Assert.Equal(3, file.Issues.Count(i => i.Ignored && i.Problem.Code == "QUESTIONS_ROW_FOOTER"));
    }

    /// <summary>A real two-row header (merged "Người hỏi" over three titles) is still read as one header.</summary>
    [Fact]
    public void TwoRowHeaderUnderAMergedGroupHeading_IsStillOneHeader()
    {
        var sheet = new RawSheet { Name = "Sheet1" };
        RawCell?[] Row(params string[] texts) => [.. texts.Select(t => t.Length > 0 ? new RawCell(t, null, null) : null)];
        sheet.Rows.Add(new RawRow(1, Row("TRƯỜNG TIỂU HỌC MẬU A")));
        sheet.Rows.Add(new RawRow(3, Row("STT", "Người hỏi", "", "", "Nội dung câu hỏi", "Nhóm vấn đề")));
        sheet.Rows.Add(new RawRow(4, Row("", "Họ và tên", "Chức vụ", "Đơn vị công tác", "", "")));
        sheet.Rows.Add(new RawRow(5, Row("", "", "Hiệu trưởng", "Trường Tiểu học Mậu A", "Chủ tịch Công đoàn trường kiến nghị tăng phụ cấp cho giáo viên vùng cao.", "1")));
        sheet.Rows.Add(new RawRow(6, Row("2", "Lò Thị Mai", "Giáo viên", "Trường Tiểu học Mậu A", "Xin thêm biên chế", "1")));
        var workbook = new RawWorkbook();
        workbook.Sheets.Add(sheet);

        var file = QuestionFileParser.Parse("/tmp/hai-dong-tieu-de.xlsx", workbook);

        Assert.Equal(["Hiệu trưởng", "Giáo viên"], file.Questions.Select(q => q.Position));
        Assert.Equal(["Trường Tiểu học Mậu A", "Trường Tiểu học Mậu A"], file.Questions.Select(q => q.Workplace));
        Assert.Equal(["", "Lò Thị Mai"], file.Questions.Select(q => q.Asker));
        Assert.Equal(2, file.RowsRead);
    }

    private static int RowOf(string location) =>
        int.TryParse(location[(location.LastIndexOf(' ') + 1)..], out var row) ? row : -1;

    private static RawWorkbook Build(Table table, out HashSet<int> footerRows)
    {
        var sheet = new RawSheet { Name = "Sheet1" };
        void Add(int number, params (int Column, string Text)[] cells) =>
            sheet.Rows.Add(new RawRow(number, Cells(cells)));

        Add(1, (0, "UBND HUYỆN VĂN YÊN"), (4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        Add(2, (0, "TRƯỜNG TIỂU HỌC MẬU A"), (4, "Độc lập - Tự do - Hạnh phúc"));
        Add(4, (0, "TỔNG HỢP CÂU HỎI, Ý KIẾN, KIẾN NGHỊ"));
        var row = 7;
        if (table.TwoRowHeader)
        {
            // "Người hỏi" merged over name, position, workplace and level; the titles in a second row.
            Add(6, [.. Headers.Select((h, c) => (c, c == 1 ? "Người hỏi" : c is > 1 and < 5 ? "" : h))]);
            Add(row++, [.. Headers.Select((h, c) => (c, c is >= 1 and < 5 ? h : ""))]);
        }
        else
        {
            Add(6, [.. Headers.Select((h, c) => (c, h))]);
        }

        if (table.ColumnNumbers)
        {
            Add(row++, [.. Headers.Select((_, c) => (c, $"({c + 1})"))]);
        }

        foreach (var q in table.Rows)
        {
            row += q.BlankBefore ? 1 : 0;
            var cells = Cells((1, q.Asker), (2, q.Position), (3, q.Workplace), (4, q.Level), (5, q.Topic), (Content, q.Text));
            cells[0] = q.UnsavedFormula ? new RawCell(q.Number, null, null, unsavedFormula: true) : q.Number.Length > 0 ? new RawCell(q.Number, null, null) : null;
            sheet.Rows.Add(new RawRow(row++, cells));
        }

        if (table.Total)
        {
            Add(row++, (0, $"Tổng cộng: {table.Rows.Count:00} câu"));
        }

        row += table.Gap;
        footerRows = [];
        foreach (var line in table.Footer)
        {
            footerRows.Add(row);
            Add(row++, line);
        }

        var workbook = new RawWorkbook();
        workbook.Sheets.Add(sheet);
        return workbook;
    }

    private static RawCell?[] Cells(params (int Column, string Text)[] cells)
    {
        var result = new RawCell?[Headers.Length];
        foreach (var (column, text) in cells)
        {
            result[column] = text.Length > 0 ? new RawCell(text, null, null) : null;
        }

        return result;
    }
}
