using System.Globalization;
using ClosedXML.Excel;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Seating;

/// <summary>
/// Writes the seating chart workbook: "Sơ đồ" (the hall seen from above, stage and presidium at the top, rows with
/// aisles between blocks, one name per cell, printable on one A3 landscape page) and "Danh sách" (every seated
/// delegate by name with the seat). ClosedXML is used for merges and print setup; the sheet is a few hundred cells.
/// </summary>
internal static class SeatingChartWriter
{
    public const string GridSheet = "Sơ đồ";
    public const string ListSheet = "Danh sách";

    /// <summary>The font of every cell (Nghị định 30/2020, Phụ lục I: phông chữ Times New Roman).</summary>
    public const string BodyFont = "Times New Roman";

    private static readonly XLColor PresidiumFill = XLColor.FromHtml("#FFF2CC");
    private static readonly XLColor FrontFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor PressFill = XLColor.FromHtml("#E2EFDA");
    private static readonly XLColor StageFill = XLColor.FromHtml("#D9D9D9");

    public static void Write(ConferencePlan plan, SeatingPlan seating, string path)
    {
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = BodyFont; // ND30: Times New Roman for the text of administrative documents
        WriteGrid(workbook.Worksheets.Add(GridSheet), plan, seating);
        WriteList(workbook.Worksheets.Add(ListSheet), seating);
        workbook.Worksheet(GridSheet).SetTabActive();
        Outputs.AtomicFile.Write(path, workbook.SaveAs);
    }

    private static void WriteGrid(IXLWorksheet sheet, ConferencePlan plan, SeatingPlan seating)
    {
        var layout = seating.Layout;
        var blocks = SeatAssigner.Blocks(layout);

        // Column of each seat number: a row label column, the blocks with a narrow aisle column between them, a label column.
        var seatColumn = new Dictionary<int, int>();
        var column = 2;
        var seat = 1;
        sheet.Column(1).Width = 7;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (b > 0)
            {
                sheet.Column(column).Width = 3;
                column++;
            }

            for (var s = 0; s < blocks[b]; s++)
            {
                seatColumn[seat++] = column;
                sheet.Column(column).Width = 13;
                column++;
            }
        }

        var lastColumn = column;
        sheet.Column(lastColumn).Width = 7;

        var row = 1;
        Merge(sheet, row, 1, lastColumn, $"SƠ ĐỒ CHỖ NGỒI ĐẠI BIỂU TẠI {VietnameseText.Upper(plan.MainHall.Name)}", 16, bold: true);
        sheet.Row(row).Height = 24;
        row++;
        Merge(sheet, row, 1, lastColumn, plan.Conference.Title, 12, italic: true);
        sheet.Row(row).Height = 32;
        row++;
        Merge(sheet, row, 1, lastColumn, $"{VietnameseText.UpperFirst(VietnameseText.DayOfWeek(plan.Conference.Date))}, ngày {VietnameseText.ShortDate(plan.Conference.Date)}, từ {VietnameseText.Time(plan.Conference.Start)}", 11, italic: true);
        row += 2;

        var stage = Merge(sheet, row, 2, lastColumn - 1, "SÂN KHẤU", 14, bold: true);
        stage.Style.Fill.BackgroundColor = StageFill;
        stage.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        sheet.Row(row).Height = 26;
        row++;

        // Presidium table: one unbroken table centred on the hall (the aisle columns under it are merged into the seats),
        // seat 01 in the middle, 02 on its right hand, 03 on its left … (the chair faces the hall, so his right is the chart's left).
        var byPresidium = seating.Assignments.Where(a => a.Seat.Area == SeatArea.Presidium).ToDictionary(a => a.Seat.Number);
        if (layout.PresidiumSeats > 0)
        {
            Merge(sheet, row, 2, lastColumn - 1, "BÀN ĐOÀN CHỦ TỊCH", 11, bold: true);
            row++;
            var perLine = layout.SeatsPerRow;
            var drawn = byPresidium.Count > 0 ? byPresidium.Count : layout.PresidiumSeats; // the chairs in use, centred on seat 01
            for (var start = 1; start <= drawn; start += perLine)
            {
                var count = Math.Min(perLine, drawn - start + 1);
                var physical = SeatAssigner.CentreOut(count);
                var offset = (layout.SeatsPerRow - count) / 2;
                for (var i = 0; i < count; i++)
                {
                    var number = start + i;
                    var slot = physical[i]; // 1-based position left to right
                    var from = seatColumn[offset + slot];
                    var to = slot < count ? seatColumn[offset + slot + 1] - 1 : from;
                    var range = sheet.Range(row, from, row, to);
                    if (to > from)
                    {
                        range.Merge();
                    }

                    var cell = sheet.Cell(row, from);
                    SeatCell(cell, byPresidium.GetValueOrDefault(number), PresidiumFill, number);
                    range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
                    range.Style.Fill.BackgroundColor = PresidiumFill;
                }

                sheet.Row(row).Height = 58;
                row++;
            }

            row++;
        }

        // Seat numbers above the rows.
        foreach (var (number, col) in seatColumn)
        {
            var cell = sheet.Cell(row, col);
            Text(cell, $"Ghế {number:00}");
            cell.Style.Font.FontSize = 8;
            cell.Style.Font.Italic = true;
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        }

        row++;
        var byHall = seating.Assignments.Where(a => a.Seat.Area == SeatArea.Hall).ToDictionary(a => a.Seat);
        for (var r = 0; r < layout.Rows; r++)
        {
            var name = Seat.RowLetter(r);
            RowLabel(sheet.Cell(row, 1), name);
            RowLabel(sheet.Cell(row, lastColumn), name);
            for (var n = 1; n <= layout.SeatsPerRow; n++)
            {
                var at = Seat.Hall(r, n);
                var assignment = byHall.GetValueOrDefault(at);
                var fill = assignment is null ? null
                    : assignment.Delegate.Group == ProtocolGroup.Press ? PressFill
                    : r < seating.ReservedRows ? FrontFill
                    : null;
                SeatCell(sheet.Cell(row, seatColumn[n]), assignment, fill);
            }

            sheet.Row(row).Height = 58;
            row++;
        }

        row++;
        var presidiumCount = byPresidium.Count;
        var total = seating.Assignments.Count;
        var press = seating.Assignments.Count(a => a.Delegate.Group == ProtocolGroup.Press);
        var capacity = layout.PresidiumSeats + layout.Rows * layout.SeatsPerRow;
        Merge(sheet, row, 1, lastColumn,
            $"Tổng số: {total} đại biểu dự trực tiếp ({presidiumCount} tại bàn Đoàn Chủ tịch); {capacity - total} ghế còn trống. "
            + $"Màu vàng: Đoàn Chủ tịch; màu xanh lam: {seating.ReservedRows} hàng đầu dành cho đại biểu theo thứ tự lễ tân; màu xanh lá: phóng viên báo chí ({press}).",
            10, italic: true).Style.Alignment.WrapText = true;
        sheet.Row(row).Height = 30;

        var setup = sheet.PageSetup;
        setup.PageOrientation = XLPageOrientation.Landscape;
        setup.PaperSize = XLPaperSize.A3Paper;
        setup.FitToPages(1, 1);
        setup.CenterHorizontally = true;
        setup.Margins.Left = 0.4;
        setup.Margins.Right = 0.4;
        setup.Margins.Top = 0.5;
        setup.Margins.Bottom = 0.5;
        setup.PrintAreas.Add(1, 1, row, lastColumn);
        sheet.SheetView.ZoomScale = 80;
    }

    private static void SeatCell(IXLCell cell, SeatAssignment? assignment, XLColor? fill, int? presidiumNumber = null)
    {
        cell.Style.Alignment.WrapText = true;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        cell.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        cell.Style.Font.FontSize = 8;
        if (fill is not null)
        {
            cell.Style.Fill.BackgroundColor = fill;
        }

        if (assignment is null)
        {
            return;
        }

        Text(cell, presidiumNumber is { } n ? $"{n:00}. {CellText(assignment.Delegate)}" : CellText(assignment.Delegate));
    }

    /// <summary>Name on the first line, the organization below; a body is shown as its representative.</summary>
    internal static string CellText(ConferenceDelegate d) =>
        d.Kind == AddresseeKind.Person && d.FullName.Length > 0
            ? (d.Organization.Length > 0 ? $"{d.FullName}\n{d.Organization}" : d.FullName)
            : $"Đại diện\n{(d.Organization.Length > 0 ? d.Organization : d.Addressee)}";

    private static void RowLabel(IXLCell cell, string name)
    {
        Text(cell, $"Hàng {name}");
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 9;
        cell.Style.Alignment.WrapText = true;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
    }

    private static IXLRange Merge(IXLWorksheet sheet, int row, int from, int to, string text, double size, bool bold = false, bool italic = false)
    {
        var range = sheet.Range(row, from, row, to);
        range.Merge();
        var cell = sheet.Cell(row, from);
        Text(cell, text);
        range.Style.Font.FontSize = size;
        range.Style.Font.Bold = bold;
        range.Style.Font.Italic = italic;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;
        return range;
    }

    private static void WriteList(IXLWorksheet sheet, SeatingPlan seating)
    {
        (string Header, double Width)[] columns =
        [
            ("STT", 6), ("Họ và tên", 26), ("Chức vụ", 46), ("Cơ quan, đơn vị", 40), ("Chỗ ngồi", 26), ("Mã đại biểu", 13),
        ];
        for (var i = 0; i < columns.Length; i++)
        {
            Text(sheet.Cell(1, i + 1), columns[i].Header);
            sheet.Column(i + 1).Width = columns[i].Width;
        }

        var header = sheet.Range(1, 1, 1, columns.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        var row = 1;
        foreach (var a in ByName(seating.Assignments))
        {
            row++;
            var d = a.Delegate;
            Text(sheet.Cell(row, 1), (row - 1).ToString(CultureInfo.InvariantCulture));
            Text(sheet.Cell(row, 2), d.Kind == AddresseeKind.Person && d.FullName.Length > 0 ? d.FullName : "Đại diện lãnh đạo");
            Text(sheet.Cell(row, 3), d.Position);
            Text(sheet.Cell(row, 4), d.Organization.Length > 0 ? d.Organization : d.Addressee);
            Text(sheet.Cell(row, 5), a.Seat.Label);
            Text(sheet.Cell(row, 6), d.Code);

            // Row heights are not recomputed by every viewer for wrapped text: estimate the lines the longest cell needs.
            var lines = 1;
            for (var c = 2; c <= 4; c++)
            {
                var length = sheet.Cell(row, c).GetString().Length;
                lines = Math.Max(lines, (int)Math.Ceiling(length / (columns[c - 1].Width * 1.1)));
            }

            sheet.Row(row).Height = 15 * lines;
        }

        var body = sheet.Range(1, 1, Math.Max(row, 1), columns.Length);
        body.Style.Alignment.WrapText = true;
        body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        body.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        body.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(row, 2), columns.Length).SetAutoFilter();
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
    }

    /// <summary>
    /// Vietnamese list order: by given name (the last word), then the family and middle names; bodies (no person's name)
    /// after the persons, by organization.
    /// </summary>
    internal static IEnumerable<SeatAssignment> ByName(IEnumerable<SeatAssignment> assignments)
    {
        var compare = StringComparer.Create(VietnameseText.Culture, CompareOptions.IgnoreCase);
        return assignments
            .OrderBy(a => a.Delegate.Kind == AddresseeKind.Person && a.Delegate.FullName.Length > 0 ? 0 : 1)
            .ThenBy(a => GivenName(a.Delegate.FullName), compare)
            .ThenBy(a => a.Delegate.FullName, compare)
            .ThenBy(a => a.Delegate.Organization, compare);
    }

    internal static string GivenName(string fullName)
    {
        var space = fullName.TrimEnd().LastIndexOf(' ');
        return space < 0 ? fullName : fullName[(space + 1)..];
    }

    /// <summary>Text cell: never a formula or a number, whatever the value looks like.</summary>
    private static void Text(IXLCell cell, string value)
    {
        cell.DataType = XLDataType.Text;
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
    }
}
