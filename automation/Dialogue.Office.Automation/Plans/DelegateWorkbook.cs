using ClosedXML.Excel;

namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// Writes the delegate workbook a clerk keeps in Excel: the "Đại biểu" sheet with the headers of
/// <see cref="DelegateColumns.All"/>, drop-down lists for the columns that take a fixed vocabulary, and a
/// "Hướng dẫn" sheet explaining every column. <see cref="DelegateListReader"/> reads it back.
/// </summary>
public static class DelegateWorkbook
{
    /// <summary>Name of the hidden sheet holding the drop-down vocabularies.</summary>
    public const string ListSheetName = "Danh mục";

    public const string HelpSheetName = "Hướng dẫn";

    /// <summary>Rows below the header that carry drop-downs even when the list is shorter (room for the clerk to add).</summary>
    public const int MinimumInputRows = 500;

    public static readonly IReadOnlyList<string> Honorifics = ["Đồng chí", "Ông", "Bà"];

    /// <summary>The "Nhóm" labels in protocol order.</summary>
    public static IReadOnlyList<string> GroupLabels { get; } =
        Enum.GetValues<ProtocolGroup>().OrderBy(ProtocolTitles.TierOrder).ThenBy(g => (int)g).Select(DelegateColumns.GroupLabel).ToList();

    /// <summary>
    /// Writes a delegate workbook to <paramref name="path"/>. <paramref name="venueIds"/> fill the "Điểm cầu"
    /// drop-down (the plan's main hall first). Each row maps column keys (<see cref="DelegateColumns.Column.Key"/>:
    /// "name", "org", "venue" …) to text; every value is written as text, never as a formula.
    /// </summary>
    /// <exception cref="ArgumentException">A row names a column key that does not exist.</exception>
    public static void Write(string path, IReadOnlyList<string> venueIds, IEnumerable<IReadOnlyDictionary<string, string>>? rows = null)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(DelegateColumns.SheetName);
        var columns = DelegateColumns.All;
        var index = columns.Select((c, i) => (c.Key, Number: i + 1)).ToDictionary(x => x.Key, x => x.Number, StringComparer.Ordinal);

        for (var i = 0; i < columns.Count; i++)
        {
            Text(sheet.Cell(1, i + 1), columns[i].Header);
            sheet.Column(i + 1).Width = Width(columns[i].Key);
        }

        var header = sheet.Range(1, 1, 1, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        sheet.Row(1).Height = 32;
        sheet.SheetView.FreezeRows(1);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);

        var last = 1;
        foreach (var row in rows ?? [])
        {
            last++;
            foreach (var (key, value) in row)
            {
                if (!index.TryGetValue(key, out var column))
                {
                    throw new ArgumentException($"Unknown delegate column key '{key}'.", nameof(rows));
                }

                if (!string.IsNullOrEmpty(value))
                {
                    Text(sheet.Cell(last, column), value);
                }
            }
        }

        // Text format on the whole input area so numbers typed later (phone "0216…", rank) keep their zeros.
        var inputRows = Math.Max(last, 1 + MinimumInputRows);
        sheet.Range(2, 1, inputRows, columns.Count).Style.NumberFormat.Format = "@";
        sheet.Range(1, 1, Math.Max(last, 2), columns.Count).SetAutoFilter();

        var lists = workbook.Worksheets.Add(ListSheetName);
        var honorifics = ListColumn(lists, 1, "Danh xưng", Honorifics);
        var groups = ListColumn(lists, 2, "Nhóm", GroupLabels);
        var venues = ListColumn(lists, 3, "Điểm cầu", venueIds.Count > 0 ? venueIds : [""]);
        var presidium = ListColumn(lists, 4, "Chủ trì", ["x"]);
        lists.Visibility = XLWorksheetVisibility.Hidden;

        Dropdown(sheet, index["honorific"], inputRows, honorifics, "Danh xưng", "Chọn Đồng chí, Ông hoặc Bà; để trống nếu mời cơ quan.");
        Dropdown(sheet, index["group"], inputRows, groups, "Nhóm", "Chọn nhóm giao tế để sắp xếp thứ tự đại biểu.");
        Dropdown(sheet, index["venue"], inputRows, venues, "Điểm cầu", "Chọn mã điểm cầu trong kế hoạch; để trống = điểm cầu chính.");
        Dropdown(sheet, index["presidium"], inputRows, presidium, "Chủ trì", "Ghi x nếu đại biểu ngồi đoàn chủ tịch.");

        WriteHelp(workbook.Worksheets.Add(HelpSheetName), venueIds);
        sheet.SetTabActive();
        workbook.SaveAs(path);
    }

    /// <summary>
    /// Refreshes the drop-down vocabularies of an existing delegate workbook (<c>dialogue validate --fix-lists</c>): the
    /// "Điểm cầu" list takes the plan's current ids, the venue column's drop-down points at the whole new list, and
    /// the help sheet names the ids. The clerk's rows are kept as they are. The file is checked by the guarded opener
    /// first and written back atomically. Returns false when the workbook has no "Đại biểu" sheet with a venue column.
    /// </summary>
    /// <exception cref="Inputs.InputFileException">The file is refused.</exception>
    public static bool RefreshLists(string path, IReadOnlyList<string> venueIds)
    {
        var package = Inputs.GuardedPackage.Open(path, Inputs.PackageKind.Workbook, Inputs.InputLimits.DelegateList);
        using var workbook = new XLWorkbook(package.OpenRead());
        if (!workbook.TryGetWorksheet(DelegateColumns.SheetName, out var sheet))
        {
            return false;
        }

        var header = sheet.Row(1).CellsUsed().FirstOrDefault(c => DelegateColumns.Match(c.GetString()) == "venue");
        if (header is null)
        {
            return false;
        }

        if (!workbook.TryGetWorksheet(ListSheetName, out var lists))
        {
            lists = workbook.Worksheets.Add(ListSheetName);
            lists.Visibility = XLWorksheetVisibility.Hidden;
        }

        var last = lists.Column(3).LastCellUsed()?.Address.RowNumber ?? 1;
        lists.Range(2, 3, Math.Max(2, last), 3).Clear();
        var venues = ListColumn(lists, 3, "Điểm cầu", venueIds.Count > 0 ? venueIds : [""]);
        var column = header.Address.ColumnNumber;
        var inputRows = Math.Max(sheet.LastRowUsed()?.RowNumber() ?? 1, 1 + MinimumInputRows);
        sheet.DataValidations.Delete(v => v.Ranges.Any(r => r.RangeAddress.FirstAddress.ColumnNumber <= column && r.RangeAddress.LastAddress.ColumnNumber >= column));

        Dropdown(sheet, column, inputRows, venues, "Điểm cầu", "Chọn mã điểm cầu trong kế hoạch; để trống = điểm cầu chính.");
        if (workbook.TryGetWorksheet(HelpSheetName, out var help))
        {
            foreach (var cell in help.Column(1).CellsUsed().Where(c => DelegateColumns.Match(c.GetString()) == "venue"))
            {
                Text(help.Cell(cell.Address.RowNumber, 3), $"{DelegateColumns.All.First(c => c.Key == "venue").Help}. Các mã: {string.Join(", ", venueIds)}.");
            }
        }

        Outputs.AtomicFile.Write(path, workbook.SaveAs);
        return true;
    }

    /// <summary>The ids the workbook's hidden "Điểm cầu" list offers (null when it has none).</summary>
    internal static IReadOnlyList<string>? ListedVenues(IReadOnlyList<Spreadsheets.SheetValues> sheets)
    {
        var lists = sheets.FirstOrDefault(s => s.Name == ListSheetName);
        var column = lists is { Rows.Count: > 0 } ? lists.Rows[0].Cells.ToList().FindIndex(c => c == "Điểm cầu") : -1;
        return column < 0 ? null : lists!.Rows.Skip(1).Select(r => r[column]).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
    }

    private static void WriteHelp(IXLWorksheet help, IReadOnlyList<string> venueIds)
    {
        Text(help.Cell(1, 1), "HƯỚNG DẪN ĐIỀN DANH SÁCH ĐẠI BIỂU");
        help.Cell(1, 1).Style.Font.Bold = true;
        help.Cell(1, 1).Style.Font.FontSize = 13;
        Text(help.Cell(2, 1), "Mỗi dòng của trang \"Đại biểu\" là một giấy mời. Mời cá nhân: ghi Họ và tên, Chức vụ (Kính gửi: Đồng chí Nguyễn Văn A, Giám đốc Sở Nội vụ). Mời cơ quan: để trống Họ và tên, ghi Cơ quan, đơn vị (Kính gửi: Lãnh đạo Sở Tài chính). Không sửa dòng tiêu đề.");
        help.Range(2, 1, 2, 3).Merge();
        help.Row(2).Height = 48;
        help.Cell(2, 1).Style.Alignment.WrapText = true;

        string[] head = ["Cột", "Bắt buộc", "Cách ghi"];
        for (var i = 0; i < head.Length; i++)
        {
            Text(help.Cell(4, i + 1), head[i]);
        }

        help.Range(4, 1, 4, 3).Style.Font.Bold = true;
        help.Range(4, 1, 4, 3).Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        var r = 4;
        foreach (var column in DelegateColumns.All)
        {
            r++;
            Text(help.Cell(r, 1), column.Header);
            Text(help.Cell(r, 2), column.Required ? "Có cột" : "");
            Text(help.Cell(r, 3), column.Key switch
            {
                "venue" when venueIds.Count > 0 => $"{column.Help}. Các mã: {string.Join(", ", venueIds)}.",
                "group" => $"{column.Help}.",
                _ when column.Help.Length == 0 => "Ghi chú thêm (không in lên giấy mời).",
                _ => column.Help.EndsWith('.') ? column.Help : column.Help + ".",
            });
        }

        help.Range(5, 3, r, 3).Style.Alignment.WrapText = true;
        help.Column(1).Width = 22;
        help.Column(2).Width = 11;
        help.Column(3).Width = 90;
        help.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        help.PageSetup.PaperSize = XLPaperSize.A4Paper;
        help.PageSetup.FitToPages(1, 0);
    }

    private static IXLRange ListColumn(IXLWorksheet lists, int column, string title, IReadOnlyList<string> items)
    {
        Text(lists.Cell(1, column), title);
        for (var i = 0; i < items.Count; i++)
        {
            Text(lists.Cell(i + 2, column), items[i]);
        }

        lists.Column(column).Width = 24;
        return lists.Range(2, column, items.Count + 1, column);
    }

    private static void Dropdown(IXLWorksheet sheet, int column, int lastRow, IXLRange source, string title, string prompt)
    {
        var validation = sheet.Range(2, column, lastRow, column).SetDataValidation();
        validation.List(source, true);
        validation.IgnoreBlanks = true;
        validation.InputTitle = title;
        validation.InputMessage = prompt;
        validation.ShowInputMessage = true;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = title;
        validation.ErrorMessage = "Giá trị không có trong danh sách; hãy chọn từ danh sách thả xuống.";
    }

    /// <summary>Writes text as a string cell: "=…", "+84…", "0216…" stay exactly as typed.</summary>
    private static void Text(IXLCell cell, string value)
    {
        cell.DataType = XLDataType.Text;
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
    }

    // ClosedXML's AdjustToContents needs GDI+ and crashes on Linux: widths are chosen per column instead.
    private static double Width(string key) => key switch
    {
        "stt" => 6,
        "code" => 13,
        "honorific" => 11,
        "name" => 24,
        "position" => 40,
        "org" => 34,
        "addressee" => 34,
        "group" => 18,
        "rank" => 8,
        "venue" => 14,
        "presidium" => 8,
        "email" => 30,
        "phone" => 15,
        _ => 30,
    };
}
