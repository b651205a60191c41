using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>
/// The form each unit fills in (phiếu tổng hợp câu hỏi, ý kiến, kiến nghị): letterhead, the table with dropdowns
/// for topic and level (lists on a hidden sheet "Danh mục"), an instructions sheet "Hướng dẫn", the unit's name
/// pre-filled, and a version stamp (hidden defined names <c>Dialogue_MauPhieu</c> and <c>DV_MA</c> = unit id, which
/// consolidation reads back to know the unit for sure).
/// </summary>
public static class QuestionForms
{
    /// <summary>Form layout version; bump when columns change.</summary>
    public const string Version = "v1";

    public const string SheetName = "Phiếu câu hỏi";
    public const int HeaderRow = 9;
    public const int FirstDataRow = 10;

    /// <summary>Blank rows offered for questions (units may insert more).</summary>
    public const int Rows = 100;

    internal static readonly string[] Headers =
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Cấp học", "Nhóm vấn đề", "Nội dung câu hỏi, ý kiến, kiến nghị", "Cơ quan trả lời (đề xuất)", "Ghi chú"];

    internal static readonly string[] Levels = ["Mầm non", "Tiểu học", "THCS", "THPT", "GDTX", "Liên cấp", "Khác"];

    /// <summary>Writes one form per unit of the plan into <paramref name="outFolder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(ConferencePlan plan, string outFolder)
    {
        Directory.CreateDirectory(outFolder);
        var files = new List<string>();
        foreach (var unit in plan.Units)
        {
            var path = Path.Combine(outFolder, SafeFileName.From($"phieu-cau-hoi-{unit.Id}", "xlsx"));
            Write(plan, unit, path);
            files.Add(path);
        }

        return files;
    }

    /// <summary>Writes the form for one unit.</summary>
    public static void Write(ConferencePlan plan, Unit unit, string path)
    {
        var stamp = $"Mẫu phiếu {Version} – {plan.Conference.Code}";
        using var work = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.Worksheets.Add(SheetName);
            var guide = workbook.Worksheets.Add("Hướng dẫn");
            var lists = workbook.Worksheets.Add("Danh mục");
            FillLists(lists, plan);
            FillForm(sheet, plan, unit, lists, stamp);
            FillGuide(guide, plan, unit, stamp);
            lists.Hide();
            sheet.SetTabActive();
            workbook.SaveAs(work);
        }

        // ClosedXML 0.95 cannot hold a constant as a defined name; add the stamps with the SDK (in memory, then the
        // file is written whole: atomically).
        work.Position = 0;
        using (var document = SpreadsheetDocument.Open(work, true))
        {
            AddStamps(document, plan, unit);
        }

        Outputs.AtomicFile.WriteAllBytes(path, work.ToArray());
    }

    private static void AddStamps(SpreadsheetDocument document, ConferencePlan plan, Unit unit)
    {
        var book = document.WorkbookPart!.Workbook;
        var names = book.DefinedNames ?? book.InsertAfter(new DefinedNames(), book.Sheets!)!;
        names.Append(new DefinedName($"\"{unit.Id.Replace("\"", "", StringComparison.Ordinal)}\"") { Name = QuestionFileParser.FormUnitName, Hidden = true });
        names.Append(new DefinedName($"\"{Version}-{plan.Conference.Code}\"") { Name = "Dialogue_MauPhieu", Hidden = true });
        var ordered = names.Elements<DefinedName>().OrderBy(n => n.Name?.Value, StringComparer.Ordinal).Select(n => (DefinedName)n.CloneNode(true)).ToList();
        names.RemoveAllChildren();
        foreach (var name in ordered)
        {
            names.Append(name);
        }

        book.Save();
    }

    private static void FillLists(IXLWorksheet lists, ConferencePlan plan)
    {
        lists.Cell(1, 1).Value = "Nhóm vấn đề";
        lists.Cell(1, 2).Value = "Cấp học";
        var row = 2;
        foreach (var topic in plan.Topics)
        {
            lists.Cell(row++, 1).SetValue($"{topic.Number}. {topic.ShortName}");
        }

        for (var i = 0; i < Levels.Length; i++)
        {
            lists.Cell(i + 2, 2).SetValue(Levels[i]);
        }
    }

    private static void FillForm(IXLWorksheet sheet, ConferencePlan plan, Unit unit, IXLWorksheet lists, string stamp)
    {
        sheet.Style.Font.FontName = "Times New Roman";
        sheet.Style.Font.FontSize = 12;
        double[] widths = [6, 22, 16, 24, 12, 22, 60, 22, 14];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }

        var (line1, line2) = Letterhead(unit.Name);
        Centered(sheet.Range("A1:D1"), line1, bold: line2.Length == 0);
        Centered(sheet.Range("A2:D2"), line2, bold: true);
        Centered(sheet.Range("F1:I1"), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true);
        Centered(sheet.Range("F2:I2"), "Độc lập - Tự do - Hạnh phúc", bold: true);
        var date = sheet.Range("F3:I3");
        Centered(date, "…………, ngày …… tháng …… năm " + plan.Conference.Date.Year, bold: false);
        date.Style.Font.Italic = true;

        Centered(sheet.Range("A5:I5"), "PHIẾU TỔNG HỢP CÂU HỎI, Ý KIẾN, KIẾN NGHỊ", bold: true).Style.Font.FontSize = 14;
        var title = Centered(sheet.Range("A6:I6"), $"Gửi {plan.Conference.Title}", bold: false);
        title.Style.Alignment.WrapText = true;
        sheet.Row(6).Height = 33;

        var deadline = plan.FindDeadline(unit.DeadlineId) ?? (plan.Deadlines.Count > 0 ? plan.Deadlines[0] : null);
        sheet.Cell(7, 1).SetValue($"Đơn vị: {unit.Name}").Style.Font.Bold = true;
        sheet.Range("A7:E7").Merge();
        if (deadline is not null)
        {
            var to = deadline.To.Length > 0 ? $", gửi về {deadline.To}" : "";
            var cell = sheet.Cell(7, 6).SetValue($"Hạn gửi: trước ngày {VietnameseText.ShortDate(deadline.Date)}{to}");
            cell.Style.Font.Italic = true;
            sheet.Range("F7:I7").Merge();
        }

        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Cell(HeaderRow, c + 1).SetValue(Headers[c]);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, Headers.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE6F1");
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
        sheet.Row(HeaderRow).Height = 33;

        var lastRow = FirstDataRow + Rows - 1;
        var body = sheet.Range(HeaderRow, 1, lastRow, Headers.Length);
        body.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        body.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        var data = sheet.Range(FirstDataRow, 1, lastRow, Headers.Length);
        data.Style.Alignment.WrapText = true;
        data.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        // Text cells: what people type (even "=…", "+84…", "-…") stays text.
        data.Style.NumberFormat.Format = "@";
        sheet.Range(FirstDataRow, 1, lastRow, 1).Style.NumberFormat.Format = "0";
        sheet.Range(FirstDataRow, 1, lastRow, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        var topicList = sheet.Range(FirstDataRow, 6, lastRow, 6).SetDataValidation();
        topicList.List(lists.Range(2, 1, Math.Max(2, plan.Topics.Count + 1), 1));
        topicList.IgnoreBlanks = true;
        topicList.ErrorTitle = "Nhóm vấn đề";
        topicList.ErrorMessage = "Chọn một nhóm vấn đề trong danh sách (theo Kế hoạch).";
        topicList.InputTitle = "Nhóm vấn đề";
        topicList.InputMessage = "Chọn nhóm vấn đề của câu hỏi.";
        var levelList = sheet.Range(FirstDataRow, 5, lastRow, 5).SetDataValidation();
        levelList.List(lists.Range(2, 2, Levels.Length + 1, 2));
        levelList.IgnoreBlanks = true;
        levelList.ErrorTitle = "Cấp học";
        levelList.ErrorMessage = "Chọn cấp học trong danh sách.";

        var footer = lastRow + 2;
        Centered(sheet.Range(footer, 1, footer, 4), "NGƯỜI LẬP PHIẾU", bold: true);
        Centered(sheet.Range(footer, 6, footer, 9), "THỦ TRƯỞNG ĐƠN VỊ", bold: true);
        Centered(sheet.Range(footer + 1, 6, footer + 1, 9), "(Ký tên, đóng dấu)", bold: false).Style.Font.Italic = true;
        Centered(sheet.Range(footer + 1, 1, footer + 1, 4), "(Ký, ghi rõ họ tên)", bold: false).Style.Font.Italic = true;

        sheet.SheetView.FreezeRows(HeaderRow);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        sheet.PageSetup.Footer.Right.AddText(stamp);
        sheet.PageSetup.Footer.Center.AddText("Trang &P/&N");
    }

    private static void FillGuide(IXLWorksheet guide, ConferencePlan plan, Unit unit, string stamp)
    {
        guide.Style.Font.FontName = "Times New Roman";
        guide.Style.Font.FontSize = 12;
        guide.Column(1).Width = 4;
        guide.Column(2).Width = 110;
        guide.Cell(1, 2).SetValue("HƯỚNG DẪN ĐIỀN PHIẾU TỔNG HỢP CÂU HỎI, Ý KIẾN, KIẾN NGHỊ").Style.Font.Bold = true;
        guide.Cell(2, 2).SetValue(stamp).Style.Font.Italic = true;
        var deadline = plan.FindDeadline(unit.DeadlineId) ?? (plan.Deadlines.Count > 0 ? plan.Deadlines[0] : null);
        var topics = string.Join("; ", plan.Topics.Select(t => $"{t.Number}. {t.ShortName}"));
        string[] steps =
        [
            $"Phiếu dành cho: {unit.Name}. Không đổi tên trang \"{SheetName}\", không xoá hay đổi thứ tự các cột.",
            "Mỗi câu hỏi, ý kiến, kiến nghị ghi trên một dòng, bắt đầu từ dòng ngay dưới tiêu đề; nếu hết dòng, chèn thêm dòng (Insert › Row) trong bảng.",
            "Cột \"Nhóm vấn đề\": chọn trong danh sách thả xuống. Các nhóm theo Kế hoạch: " + topics + ".",
            "Cột \"Cấp học\": chọn trong danh sách (Mầm non, Tiểu học, THCS, THPT, GDTX, Liên cấp, Khác).",
            "Cột \"Nội dung câu hỏi, ý kiến, kiến nghị\": viết ngắn gọn, rõ vấn đề và đề xuất; không gộp nhiều câu hỏi vào một ô.",
            "Gõ chữ tiếng Việt bằng Unicode (phông Times New Roman); không dùng phông .VnTime hoặc VNI. Nếu đã có sẵn nội dung bằng bảng mã cũ, phần mềm tổng hợp sẽ tự chuyển mã và ghi lại các ô đã chuyển.",
            "Không đặt mật khẩu cho tệp; lưu đúng định dạng Excel (.xlsx), không lưu thành .xls.",
            deadline is null ? "Gửi phiếu theo thời hạn của Kế hoạch." : $"Thời hạn: {deadline.Description} trước ngày {VietnameseText.ShortDate(deadline.Date)}.",
            "Ký, đóng dấu ở cuối phiếu; gửi kèm tệp Excel để tổng hợp (không chỉ gửi bản chụp).",
        ];
        for (var i = 0; i < steps.Length; i++)
        {
            guide.Cell(i + 4, 1).SetValue($"{i + 1}.");
            var cell = guide.Cell(i + 4, 2).SetValue(steps[i]);
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            guide.Row(i + 4).Height = steps[i].Length > 105 ? 33 : 17;
        }
    }

    private static IXLRange Centered(IXLRange range, string text, bool bold)
    {
        range.Merge();
        range.FirstCell().SetValue(text);
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Font.Bold = bold;
        return range;
    }

    /// <summary>"Ủy ban nhân dân huyện Văn Yên" → ("ỦY BAN NHÂN DÂN", "HUYỆN VĂN YÊN").</summary>
    internal static (string Line1, string Line2) Letterhead(string unitName)
    {
        const string ubnd = "Ủy ban nhân dân ";
        return unitName.StartsWith(ubnd, StringComparison.OrdinalIgnoreCase)
            ? ("ỦY BAN NHÂN DÂN", VietnameseText.Upper(unitName[ubnd.Length..]))
            : (VietnameseText.Upper(unitName), "");
    }
}
