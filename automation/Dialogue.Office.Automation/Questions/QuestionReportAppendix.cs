using System.Globalization;
using ClosedXML.Excel;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>
/// The Phụ lục of the organiser's Báo cáo (the Sở's to UBND tỉnh by 15/4): the questions selected for the dialogue, per
/// topic — as the MC reads them, who asked, the sending unit and the answering body — as a workbook beside the report.
/// ND30 (Phụ lục I, Mục III.1): "Phụ lục" on its own line (14, bold; one appendix, so no number), its name in capitals
/// (bold), then "(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của …)" in italics; the report points to it; its
/// pages are numbered on their own. The questions are read with <see cref="DialogueQuestionReader"/>, the script's own
/// reader, so the text, the asker and the answering body are those the script reads. Every cell is text (never a
/// formula); column widths and row heights are set here (no AdjustToContents on Linux).
/// </summary>
public static class QuestionReportAppendix
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "Phụ lục";

    /// <summary>The row of the column headings (the title block is above it).</summary>
    public const int HeaderRow = 5;

    /// <summary>The appendix's title (capitals, ND30).</summary>
    public const string Title = "DANH SÁCH CÂU HỎI, Ý KIẾN, KIẾN NGHỊ ĐỀ XUẤT ĐƯA RA ĐỐI THOẠI";

    internal static readonly string[] Headers = ["STT", "Nhóm vấn đề", "Câu hỏi, ý kiến, kiến nghị đưa ra đối thoại", "Người hỏi", "Đơn vị gửi", "Cơ quan chủ trì trả lời"];

    private static readonly double[] Widths = [6, 17, 62, 30, 30, 22];

    /// <summary>The appendix's file beside a report: "bao-cao.docx" → "bao-cao-phu-luc.xlsx" (same folder).</summary>
    public static string PathFor(string reportPath)
    {
        var folder = Path.GetDirectoryName(reportPath) ?? "";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(reportPath) + "-phu-luc.xlsx");
    }

    /// <summary>One row of the appendix.</summary>
    internal sealed record Line(int TopicNumber, string Topic, string Question, string Asker, string Unit, string Body);

    /// <summary>
    /// Writes the appendix of the report numbered <paramref name="reference"/> ("      /BC-SGDĐT" while the văn thư has
    /// not numbered it), dated <paramref name="date"/>, issued by <paramref name="from"/>; returns how many questions it lists.
    /// </summary>
    internal static int Write(string workbook, ConferencePlan plan, string reference, DateOnly date, string from, string path)
    {
        var lines = Read(workbook, plan);
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(SheetName);
        sheet.Style.Font.FontName = "Times New Roman";
        sheet.Style.Font.FontSize = 12;
        for (var i = 0; i < Widths.Length; i++)
        {
            sheet.Column(i + 1).Width = Widths[i];
        }

        var last = Headers.Length;
        Banner(sheet, 1, "Phụ lục", 14, bold: true, italic: false);
        Banner(sheet, 2, Title, 13, bold: true, italic: false);
        // The report's own "Số" (left blank, "      /BC-…", until the văn thư numbers both) and date (ND30 Phụ lục I, Mục III.1.c).
        Banner(sheet, 3, $"(Kèm theo Báo cáo số {reference} {VietnameseText.LongDate(date)} của {from})", 13, bold: false, italic: true);

        for (var c = 0; c < last; c++)
        {
            Text(sheet.Cell(HeaderRow, c + 1), Headers[c]);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, last);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
        sheet.Row(HeaderRow).Height = 33;

        var row = HeaderRow + 1;
        var n = 0;
        // The topic on every row, not merged down its group: the clerk filters and sorts by it, and a topic that
        // runs over a page keeps its name on the next one.
        foreach (var line in lines)
        {
            Text(sheet.Cell(row, 1), (++n).ToString(CultureInfo.InvariantCulture));
            Text(sheet.Cell(row, 2), line.Topic);
            Text(sheet.Cell(row, 3), line.Question);
            Text(sheet.Cell(row, 4), line.Asker);
            Text(sheet.Cell(row, 5), line.Unit);
            Text(sheet.Cell(row, 6), line.Body);
            sheet.Row(row).Height = Height(line);
            row++;
        }

        if (lines.Count == 0)
        {
            Text(sheet.Cell(row, 2), "(Chưa có câu hỏi được chọn đưa ra đối thoại.)");
            sheet.Range(row, 2, row, last).Merge().Style.Font.Italic = true;
            row++;
        }

        var table = sheet.Range(HeaderRow, 1, row - 1, last);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        var data = sheet.Range(HeaderRow + 1, 1, Math.Max(HeaderRow + 1, row - 1), last);
        data.Style.Alignment.WrapText = true;
        data.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Range(HeaderRow + 1, 1, Math.Max(HeaderRow + 1, row - 1), 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        Text(sheet.Cell(row + 1, 1), string.Create(VietnameseText.Culture, $"Tổng số: {lines.Count} câu hỏi, ý kiến, kiến nghị thuộc {lines.Select(l => l.TopicNumber).Distinct().Count()} nhóm vấn đề./."));
        sheet.Range(row + 1, 1, row + 1, last).Merge().Style.Font.Italic = true;

        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.CenterHorizontally = true;
        sheet.PageSetup.Margins.Top = 0.8;
        sheet.PageSetup.Margins.Bottom = 0.8;
        sheet.PageSetup.Margins.Left = 0.8;
        sheet.PageSetup.Margins.Right = 0.6;
        sheet.PageSetup.Margins.Header = 0.4;
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        // The appendix's own page numbers, top centre, none on its first page (ND30 Phụ lục I, Mục I.7 and III.1.đ).
        sheet.PageSetup.DifferentFirstPageOnHF = true;
        sheet.PageSetup.Header.Center.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.OddPages);
        sheet.PageSetup.Header.Center.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.EvenPages);
        sheet.SheetView.FreezeRows(HeaderRow);
        sheet.Range(HeaderRow, 1, row - 1, last).SetAutoFilter();

        using var stream = new MemoryStream();
        book.SaveAs(stream);
        AnchorPrintTitles(stream);
        Outputs.AtomicFile.WriteAllBytes(path, stream.ToArray());
        return lines.Count;
    }

    /// <summary>
    /// The selected questions in the script's order (by topic in plan order, then as in the workbook), each with the
    /// answering body the script names: the row's, or the topic's lead department.
    /// </summary>
    internal static List<Line> Read(string workbook, ConferencePlan plan)
    {
        var problems = new ProblemList();
        var read = DialogueQuestionReader.Read(workbook, plan, problems, "QUESTIONS") ?? throw new ProblemException(problems.Items);
        var master = QuestionReport.ReadConsolidated(workbook).Single();
        var header = master.Rows.First(r => r.Number == ConsolidatedWorkbookWriter.HeaderRow);
        var (idColumn, unitColumn) = (header.Cells.ToList().IndexOf("Mã câu hỏi"), header.Cells.ToList().IndexOf("Đơn vị gửi"));
        var units = idColumn < 0 || unitColumn < 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : master.Rows.Where(r => r.Number > header.Number && (r[idColumn] ?? "").Length > 0)
                .GroupBy(r => VietnameseText.Clean(r[idColumn]), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => VietnameseText.Clean(g.First()[unitColumn]), StringComparer.Ordinal);
        var order = plan.Topics.Select((t, i) => (t.Number, i)).ToDictionary(p => p.Number, p => p.i);
        return [.. read.Questions
            .Select((q, i) => (q, i))
            .OrderBy(p => order.GetValueOrDefault(p.q.TopicNumber, int.MaxValue)).ThenBy(p => p.i)
            .Select(p => p.q)
            .Select(q =>
            {
                var topic = plan.Topics.FirstOrDefault(t => t.Number == q.TopicNumber);
                var body = q.Department.Length > 0 ? q.Department : topic is { Departments.Count: > 0 } ? topic.Departments[0] : "Chủ trì Hội nghị";
                var asker = VietnameseText.UpperFirst(q.Spoken || q.Unit.Length == 0 ? q.Asker : $"{q.Asker} ({q.Unit})");
                return new Line(q.TopicNumber, topic is null ? q.TopicCell : $"{topic.Number}. {topic.ShortName}", q.Text, asker, units.GetValueOrDefault(q.Id, ""), body);
            })];
    }

    /// <summary>
    /// Rows are as high as their longest wrapped cell: neither ClosedXML nor LibreOffice sizes a row whose height is
    /// saved, and Excel does not size it on opening. Words are wrapped at about 1.25 characters of Times New Roman 12
    /// per width unit (measured on the sample's PDF: 95 characters in 62 units, 36 in 30).
    /// </summary>
    private static double Height(Line line)
    {
        var lines = new[]
        {
            WrappedLines(line.Topic, Widths[1]), WrappedLines(line.Question, Widths[2]), WrappedLines(line.Asker, Widths[3]), WrappedLines(line.Unit, Widths[4]), WrappedLines(line.Body, Widths[5]),
        }.Max();
        return (15 * lines) + 4;
    }

    internal static int WrappedLines(string text, double width)
    {
        var capacity = Math.Max(1, (int)(width * 1.25));
        var (lines, used) = (1, 0);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var need = used == 0 ? word.Length : used + 1 + word.Length;
            if (need <= capacity)
            {
                used = need;
                continue;
            }

            lines += used == 0 ? 0 : 1;
            lines += (word.Length - 1) / capacity;
            used = word.Length % capacity == 0 ? capacity : word.Length % capacity;
        }

        return lines;
    }

    /// <summary>
    /// ClosedXML writes the repeated heading row as "'Phụ lục'!5:5", which LibreOffice does not repeat on the next
    /// pages; the absolute form "$5:$5" works in both.
    /// </summary>
    private static void AnchorPrintTitles(MemoryStream stream)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true);
        var names = document.WorkbookPart!.Workbook.DefinedNames;
        foreach (var name in names?.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>() ?? [])
        {
            if (name.Name?.Value == "_xlnm.Print_Titles")
            {
                name.Text = $"'{SheetName}'!${HeaderRow}:${HeaderRow}";
            }
        }

        document.WorkbookPart.Workbook.Save();
    }

    private static void Banner(IXLWorksheet sheet, int row, string text, double size, bool bold, bool italic)
    {
        var range = sheet.Range(row, 1, row, Headers.Length).Merge();
        Text(range.FirstCell(), text);
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;
        range.Style.Font.FontSize = size;
        range.Style.Font.Bold = bold;
        range.Style.Font.Italic = italic;
        sheet.Row(row).Height = size + 8;
    }

    /// <summary>Text is text: a question typed as "=…" stays what was typed, never a formula.</summary>
    private static void Text(IXLCell cell, string value)
    {
        cell.DataType = XLDataType.Text;
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
    }
}
