using Dialogue.Office.Cli.Output;

namespace Dialogue.Office.Automation.Tests.Cli;

public sealed class FitTableTests
{
    // Real codes and texts from the sample packet and a faulty letter: the longest code, a long file name, long messages.
    private static readonly string[][] ProblemRows =
    [
        ["Cảnh báo", "INVITATION_SIGNER_SKIPPED", "dai-bieu.xlsx › Đại biểu › dòng 8", "Đồng chí Trần Huy Tuấn là người ký giấy mời nên không lập giấy mời cho chính mình (vẫn có trong danh sách và sơ đồ chỗ ngồi)."],
        ["Cảnh báo", "QUESTIONS_SHEET_OF_CONSOLIDATED", "truc-thuoc-so-tong-hop.xlsx", "Tệp là bản tổng hợp của cấp dưới: chỉ lấy trang \"Tổng hợp\" (giữ nguyên mã câu hỏi và nguồn gốc), 14 trang phụ (theo nhóm, thống kê…) không lấy lại để tránh đếm trùng."],
        ["Lỗi", "ND30_MARGIN_BOTTOM", "thiết lập trang", "Lề dưới: hiện là 15 mm; quy định: 20–25 mm (NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I, khoản 3)."],
        ["Lỗi", "ND30_NATIONAL_TITLE_CASE", "đoạn 3 «Cộng hòa xã hội chủ nghĩa Việt Nam»", "Quốc hiệu phải in hoa: hiện là «Cộng hòa xã hội chủ nghĩa Việt Nam» (chữ thường); quy định: chữ in hoa."],
    ];

    private static FitTable Problems()
    {
        var table = new FitTable(
            "2 lỗi, 2 cảnh báo",
            new FitColumn("Mức", Fit.Atomic, Heading: true),
            new FitColumn("Mã", Fit.Atomic, Heading: true),
            new FitColumn("Vị trí", Fit.Words),
            new FitColumn("Nội dung", Fit.Prose, Labelled: false));
        foreach (var row in ProblemRows)
        {
            table.Add(row[0], row[1], row[2], row[3]);
        }

        return table;
    }

    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(120)]
    [InlineData(200)]
    public void Write_OnATerminalOfAnyWidth_KeepsEveryCodeAndEveryWordWhole(int width)
    {
        var (console, text) = TestConsoles.Terminal(width);

        Problems().Write(console);

        var screen = text.ToString();
        var tokens = Tokens(screen);
        foreach (var row in ProblemRows)
        {
            Assert.Contains(row[1], tokens);
            Assert.All(row[2..].SelectMany(cell => cell.Split(' ')), word => Assert.Contains(word, tokens));
        }

        Assert.All(screen.Split('\n'), line => Assert.True(line.TrimEnd().Length <= width, $"wider than {width}: {line}"));
    }

    [Fact]
    public void Write_WideTerminal_DrawsATable_NarrowTerminal_ListsEachRow()
    {
        var (wide, wideText) = TestConsoles.Terminal(200);
        var (narrow, narrowText) = TestConsoles.Terminal(80);

        Problems().Write(wide);
        Problems().Write(narrow);

        Assert.Contains("│ Cảnh báo │ QUESTIONS_SHEET_OF_CONSOLIDATED │", wideText.ToString(), StringComparison.Ordinal);
        var list = narrowText.ToString();
        Assert.DoesNotContain("│", list, StringComparison.Ordinal);
        Assert.Contains("Cảnh báo QUESTIONS_SHEET_OF_CONSOLIDATED\n  Vị trí: truc-thuoc-so-tong-hop.xlsx\n", list.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnWidths_TableThatFits_GivesEveryColumnAtLeastItsLongestWord()
    {
        var (console, _) = TestConsoles.Terminal(130);

        var widths = Problems().ColumnWidths(console);

        Assert.NotNull(widths);
        Assert.Equal("QUESTIONS_SHEET_OF_CONSOLIDATED".Length, widths[1]);
        Assert.True(widths[2] >= "truc-thuoc-so-tong-hop.xlsx".Length);
        Assert.True(widths[3] >= FitTable.ProseMinimum);
        Assert.Equal(130, widths.Sum() + (4 + 1) + (2 * 4));
    }

    [Fact]
    public void Write_IntoAFile_WritesOneWholeLinePerRow()
    {
        var (console, text) = TestConsoles.File();

        Problems().Write(console);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(1 + ProblemRows.Length, lines.Count);
        Assert.Equal("2 lỗi, 2 cảnh báo", lines[0]);
        Assert.Equal($"Lỗi ND30_MARGIN_BOTTOM · Vị trí: thiết lập trang · {ProblemRows[2][3]}", lines[3]);
    }

    [Fact]
    public void Write_ListLayout_LinkWiderThanTheTerminal_StaysOnOneLineToCopy()
    {
        var link = "https://contoso.sharepoint.com/:f:/s/VanPhong/EhQ3x8Yb2kFJm0cO4p9lW1sBv7gN6tR5uI2oP8aS3dF4gH?e=Xy12Ab";
        var table = new FitTable(
            "SharePoint",
            new FitColumn("Tệp", Fit.Words, Heading: true),
            new FitColumn("Kết quả", Fit.Atomic),
            new FitColumn("Liên kết", Fit.Atomic));
        table.Add("giay-moi-in-gop.docx", new FitCell("Đã tải lên", "green"), link);
        var (console, text) = TestConsoles.Terminal(60);

        table.Write(console);

        Assert.Contains("  Liên kết: " + link + Environment.NewLine, text.ToString(), StringComparison.Ordinal);
    }

    /// <summary>What a reader can copy from the screen: pieces between spaces, line ends and table borders.</summary>
    private static HashSet<string> Tokens(string screen) =>
        [.. screen.Split([' ', '\n', '\r', '│'], StringSplitOptions.RemoveEmptyEntries)];
}
