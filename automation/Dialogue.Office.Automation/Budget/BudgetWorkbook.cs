using ClosedXML.Excel;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Budget;

/// <summary>
/// The Dự toán kinh phí workbook: the items with our own formulas (Thành tiền = Số lượng × Đơn giá, the total a SUM),
/// so the clerk can adjust quantities and prices in Excel; the amount in words as computed at generation; and the
/// norm table with the source of each rate.
/// </summary>
internal static class BudgetWorkbook
{
    public const int FirstItemRow = 6;

    public static void Write(string path, ConferencePlan plan, BudgetSettings settings, IReadOnlyList<BudgetLine> lines)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Dự toán");
        sheet.Style.Font.FontName = "Times New Roman";
        sheet.Style.Font.FontSize = 12;
        Text(sheet.Cell(1, 1), "DỰ TOÁN KINH PHÍ");
        Text(sheet.Cell(2, 1), plan.Conference.Title);
        Text(sheet.Cell(3, 1), $"(Kèm theo Tờ trình của {settings.Submission.IssuerInText})");
        foreach (var r in new[] { 1, 2, 3 })
        {
            sheet.Range(r, 1, r, 7).Merge().Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Alignment.SetWrapText(true);
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.Row(2).Style.Font.Bold = true;
        sheet.Row(2).Height = 32;
        sheet.Row(3).Style.Font.Italic = true;
        Text(sheet.Cell(4, 7), "Đơn vị tính: đồng");
        sheet.Cell(4, 7).Style.Font.Italic = true;

        string[] headers = ["STT", "Nội dung chi", "Đơn vị tính", "Số lượng", "Đơn giá", "Thành tiền", "Căn cứ"];
        for (var c = 0; c < headers.Length; c++)
        {
            Text(sheet.Cell(5, c + 1), headers[c]);
        }

        sheet.Row(5).Style.Font.Bold = true;
        var row = FirstItemRow;
        var n = 0;
        foreach (var line in lines)
        {
            sheet.Cell(row, 1).SetValue(++n);
            Text(sheet.Cell(row, 2), line.Name);
            Text(sheet.Cell(row, 3), line.Unit);
            sheet.Cell(row, 4).SetValue(line.Quantity);
            sheet.Cell(row, 5).SetValue(line.UnitPrice);
            sheet.Cell(row, 6).FormulaA1 = $"D{row}*E{row}";
            Text(sheet.Cell(row, 7), line.Basis);
            // Row heights are not computed by ClosedXML (nor by LibreOffice for a saved height): estimate the wrapped lines.
            var wrapped = Math.Max(Math.Ceiling(line.Name.Length / 44.0), Math.Ceiling(line.Basis.Length / 40.0));
            sheet.Row(row).Height = 16 * Math.Max(1, wrapped);
            row++;
        }

        var last = row - 1;
        var total = lines.Sum(l => l.Amount);
        Text(sheet.Cell(row, 2), "Tổng cộng");
        sheet.Cell(row, 6).FormulaA1 = $"SUM(F{FirstItemRow}:F{last})";
        sheet.Row(row).Style.Font.Bold = true;
        Text(sheet.Cell(row + 1, 1), $"Bằng chữ: {AmountInWords.Dong(total)}.");
        sheet.Range(row + 1, 1, row + 1, 7).Merge();
        sheet.Cell(row + 1, 1).Style.Font.Italic = true;
        Text(sheet.Cell(row + 2, 1), "Số tiền bằng chữ tính theo số lượng, đơn giá khi lập; sửa số lượng, đơn giá thì ghi lại dòng này.");
        sheet.Range(row + 2, 1, row + 2, 7).Merge();
        sheet.Cell(row + 2, 1).Style.Font.FontSize = 10;

        sheet.Range(4 + 1, 1, row, 7).Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        sheet.Range(FirstItemRow, 4, row, 6).Style.NumberFormat.Format = "#,##0";
        sheet.Range(5, 1, row, 7).Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        double[] widths = [6, 46, 14, 10, 12, 16, 40];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);

        var norms = workbook.Worksheets.Add("Định mức");
        norms.Style.Font.FontName = "Times New Roman";
        string[] normHeaders = ["Mã", "Mức chi (đồng)", "Đơn vị tính", "Căn cứ", "Đã xác minh"];
        for (var c = 0; c < normHeaders.Length; c++)
        {
            Text(norms.Cell(1, c + 1), normHeaders[c]);
        }

        norms.Row(1).Style.Font.Bold = true;
        var r2 = 2;
        foreach (var rate in settings.Rates.Values)
        {
            Text(norms.Cell(r2, 1), rate.Key);
            norms.Cell(r2, 2).SetValue(rate.Amount);
            Text(norms.Cell(r2, 3), rate.Unit);
            Text(norms.Cell(r2, 4), rate.Source);
            Text(norms.Cell(r2, 5), rate.Confirmed ? "Có" : "Chưa");
            r2++;
        }

        norms.Range(2, 2, r2, 2).Style.NumberFormat.Format = "#,##0";
        norms.Column(1).Width = 14;
        norms.Column(2).Width = 16;
        norms.Column(3).Width = 16;
        norms.Column(4).Width = 70;
        norms.Column(5).Width = 12;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        Outputs.AtomicFile.WriteAllBytes(path, stream.ToArray());
    }

    /// <summary>Text is text: a value beginning with "=" from the budget file never becomes a formula.</summary>
    private static void Text(IXLCell cell, string value)
    {
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
    }
}
