using System.Text;
using ClosedXML.Excel;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Vietnamese;
using Dialogue.Office.Automation.Tests.Questions;

namespace Dialogue.Office.Bench;

/// <summary>
/// <c>sample-returns &lt;plan-folder&gt;</c>: regenerates templates/samples/yen-bai-2023/phieu-tra-ve/, the returned
/// question sheets of the sample conference (9 of 10 units: Trạm Tấu never sends; Mù Cang Chải is late), including
/// the messy kinds clerks receive. Deterministic: the same code gives the same content.
/// </summary>
internal static class SampleReturns
{
    // The same question from three schools, typed three ways (spacing, NBSP, case, final stop).
    private const string Repeated = "Đề nghị tỉnh bổ sung biên chế giáo viên mầm non cho các trường vùng đặc biệt khó khăn, hiện nhiều lớp chỉ có một giáo viên đứng lớp cả ngày.";

    public static int Run(string[] args)
    {
        var planFolder = args.Length > 0 ? args[0] : "templates/samples/yen-bai-2023";
        var plan = PlanLoader.Load(planFolder).Plan ?? throw new InvalidOperationException("plan not loaded");
        var folder = Path.Combine(planFolder, "phieu-tra-ve");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, true);
        }

        Directory.CreateDirectory(folder);
        FromForm(plan, Path.Combine(folder, "tp-yen-bai.xlsx"));
        VanYen(Path.Combine(folder, "van-yen-tong-hop.xlsx"));
        LucYen(Path.Combine(folder, "luc-yen.xlsx"));
        VanChanTcvn3(Path.Combine(folder, "van-chan.xlsx"));
        NghiaLoVni(Path.Combine(folder, "nghia-lo.xlsx"));
        TranYen(Path.Combine(folder, "tran-yen.xlsx"));
        YenBinh(Path.Combine(folder, "yen-binh.xlsx"));
        MuCangChai(Path.Combine(folder, "mu-cang-chai.csv"));
        TrucThuocSo(plan, Path.Combine(folder, "truc-thuoc-so-tong-hop.xlsx"));

        // A download cut short: the first 3 KB of a real workbook.
        var bytes = File.ReadAllBytes(Path.Combine(folder, "luc-yen.xlsx"));
        File.WriteAllBytes(Path.Combine(folder, "bao-cao-cau-hoi (1).xlsx"), bytes[..3000]);

        // The register of received returns kept by the văn thư (sổ nhận phiếu): the date that counts for lateness.
        File.WriteAllText(Path.Combine(folder, "ngay-nhan.csv"), string.Join('\n',
        [
            "# Sổ nhận phiếu câu hỏi (văn thư Sở GD&ĐT): tên tệp;ngày nhận",
            "tp-yen-bai.xlsx;07/04/2023",
            "van-yen-tong-hop.xlsx;08/04/2023",
            "luc-yen.xlsx;09/04/2023",
            "van-chan.xlsx;10/04/2023",
            "nghia-lo.xlsx;06/04/2023",
            "tran-yen.xlsx;10/04/2023",
            "yen-binh.xlsx;09/04/2023",
            "mu-cang-chai.csv;12/04/2023",
            "truc-thuoc-so-tong-hop.xlsx;10/04/2023",
            "bao-cao-cau-hoi (1).xlsx;10/04/2023",
        ]) + "\n", new UTF8Encoding(false));
        Console.WriteLine($"sample returns written to {Path.GetFullPath(folder)}");
        return 0;
    }

    private static readonly string[] Standard = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Cấp học", "Nhóm vấn đề", "Nội dung câu hỏi, ý kiến, kiến nghị", "Cơ quan trả lời", "Ghi chú"];

    /// <summary>Thành phố Yên Bái used the form as sent: dropdown values, unit stamp, date filled in.</summary>
    private static void FromForm(ConferencePlan plan, string path)
    {
        QuestionForms.Write(plan, plan.Units.First(u => u.Id == "tp-yen-bai"), path);
        using var workbook = new XLWorkbook(path);
        var ws = workbook.Worksheet(QuestionForms.SheetName);
        ws.Cell(3, 6).Value = "Yên Bái, ngày 06 tháng 4 năm 2023";
        object[][] rows =
        [
            [1, "Nguyễn Thị Thanh Hương", "Giáo viên", "Trường Mầm non Hoa Sen", "Mầm non", "1. Đội ngũ", "Đề nghị xem xét nâng mức phụ cấp ưu đãi nghề cho giáo viên mầm non, vì thời gian làm việc thực tế của giáo viên mầm non thường từ 9 đến 10 giờ mỗi ngày.", "Sở Nội vụ", ""],
            [2, "Trần Văn Hùng", "Hiệu trưởng", "Trường THCS Lê Hồng Phong", "THCS", "3. Tài chính", "Đề nghị hướng dẫn cụ thể việc thu, chi các khoản thu thỏa thuận ngoài học phí để nhà trường thực hiện thống nhất, tránh bị phản ánh lạm thu.", "Sở Tài chính", ""],
            [3, "Lê Thị Mai", "Tổ trưởng chuyên môn", "Trường Tiểu học Kim Đồng", "Tiểu học", "6. Chất lượng giáo dục", "Sách giáo khoa lớp 4, lớp 5 theo Chương trình giáo dục phổ thông 2018 về chậm, đề nghị có giải pháp cung ứng sách trước năm học.", "Sở Giáo dục và Đào tạo", ""],
            [4, "Phạm Quốc Toản", "Giáo viên", "Trường THPT Chuyên Nguyễn Tất Thành", "THPT", "1. Đội ngũ", "Đề nghị có cơ chế thu hút, giữ chân giáo viên dạy môn chuyên có trình độ thạc sĩ, tiến sĩ về công tác tại trường chuyên của tỉnh.", "", ""],
            [5, "Hoàng Thị Ngọc", "Nhân viên kế toán", "Trường Mầm non Sơn Ca", "Mầm non", "5. Cơ sở vật chất", "Bếp ăn bán trú của trường xuống cấp, chưa đạt chuẩn một chiều; đề nghị bố trí kinh phí cải tạo bếp ăn trong năm 2023.", "Sở Kế hoạch và Đầu tư", ""],
            [6, "Đỗ Minh Khoa", "Phó Hiệu trưởng", "Trường THCS Nguyễn Du", "THCS", "8. Khó khăn, vướng mắc", "Giáo viên phải thực hiện quá nhiều hồ sơ sổ sách, báo cáo trên nhiều phần mềm khác nhau; đề nghị giảm bớt và liên thông dữ liệu các phần mềm quản lý.", "Sở Giáo dục và Đào tạo", ""],
            [7, "Vũ Thị Lan Anh", "Giáo viên", "Trường Tiểu học Yên Ninh", "Tiểu học", "9. Đề xuất khác", "=> Đề xuất tỉnh tổ chức hội thi giáo viên dạy giỏi cấp tỉnh theo hướng giảm thủ tục, tăng thực hành trên lớp.", "", ""],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = ws.Cell(QuestionForms.FirstDataRow + r, c + 1);
                if (rows[r][c] is int n)
                {
                    cell.Value = n;
                }
                else
                {
                    cell.SetValue((string)rows[r][c]);
                    cell.DataType = XLDataType.Text;
                }
            }
        }

        workbook.Save();
    }

    /// <summary>Văn Yên: header on row 7 under the letterhead, column numbers, totals row, signature block.</summary>
    private static void VanYen(string path) => ReturnedSheetBuilder.Save(path, new ReturnedSheet
    {
        Name = "TH câu hỏi",
        LetterheadLeft = ["UBND HUYỆN VĂN YÊN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
        DateLine = "Văn Yên, ngày 07 tháng 4 năm 2023",
        Title = "TỔNG HỢP CÂU HỎI, Ý KIẾN, KIẾN NGHỊ CỦA CÁN BỘ, GIÁO VIÊN HUYỆN VĂN YÊN",
        HeaderRow = 7,
        Headers = Standard,
        ColumnNumbers = true,
        Rows =
        [
            [1, "Bàn Thị Hoa", "Giáo viên", "Trường Mầm non Mỏ Vàng", "Mầm non", 1, Repeated, "Sở Nội vụ", null],
            [2, "Triệu Văn Quý", "Hiệu trưởng", "Trường PTDTBT TH và THCS Nà Hẩu", "Liên cấp", 4, "Đề nghị nâng mức hỗ trợ tiền ăn và gạo cho học sinh bán trú theo Nghị định 116/2016/NĐ-CP vì giá lương thực, thực phẩm tăng cao.", "Ban Dân tộc tỉnh", null],
            [3, "Hà Thị Thu", "Giáo viên", "Trường Mầm non Đại Sơn", "Mầm non", 1, "Đề  nghị tỉnh bổ sung biên chế giáo viên mầm non cho các trường vùng đặc biệt khó khăn,  hiện nhiều lớp chỉ có một giáo viên đứng lớp cả ngày", "Sở Nội vụ", null],
            [4, "Lương Văn Tùng", "Giáo viên", "Trường THCS An Thịnh", "THCS", 5, "Đề nghị có chính sách hỗ trợ xây dựng nhà công vụ cho giáo viên công tác ở các điểm trường lẻ vùng cao.", "Sở Kế hoạch và Đầu tư", null],
            [5, "Nguyễn Thị Hằng", "Phó Hiệu trưởng", "Trường Tiểu học Mậu A", "Tiểu học", 2, "Việc sáp nhập các điểm trường lẻ cần tính đến quãng đường đi học của học sinh nhỏ tuổi, đề nghị giữ lại điểm trường ở các thôn xa trung tâm trên 5 km.", "Ủy ban nhân dân các huyện, thị xã, thành phố", null],
            [6, "Đặng Văn Minh", "Giáo viên", "Trường THCS Đông Cuông", "THCS", 6, "Đề nghị tăng cường bồi dưỡng giáo viên dạy môn Khoa học tự nhiên và Lịch sử và Địa lý theo chương trình giáo dục phổ thông mới, vì hiện giáo viên chủ yếu được đào tạo đơn môn.", "Sở Giáo dục và Đào tạo", null],
            [7, "Sầm Thị Yến", "Giáo viên", "Trường Tiểu học Lâm Giang", "Tiểu học", 7, "Đề nghị cấp ủy, chính quyền các xã quan tâm hơn nữa đến công tác vận động học sinh ra lớp, nhất là sau Tết Nguyên đán.", "Văn phòng Ủy ban nhân dân tỉnh", null],
        ],
        TotalRow = "Tổng cộng: 07 câu hỏi, ý kiến, kiến nghị",
        Signature = ["TRƯỞNG PHÒNG", "(Đã ký)", "Nguyễn Văn Thắng"],
    });

    /// <summary>Lục Yên: own column names in another order, topics as names or missing, a second sheet of notes.</summary>
    private static void LucYen(string path) => ReturnedSheetBuilder.Save(
        path,
        new ReturnedSheet
        {
            Name = "Câu hỏi",
            LetterheadLeft = ["UBND HUYỆN LỤC YÊN", "PHÒNG GD&ĐT"],
            DateLine = "Lục Yên, ngày 08 tháng 4 năm 2023",
            Title = "DANH SÁCH CÂU HỎI GỬI HỘI NGHỊ ĐỐI THOẠI",
            HeaderRow = 6,
            Headers = ["TT", "Nội dung câu hỏi/kiến nghị", "Người hỏi", "Chức danh", "Trường", "Lĩnh vực", "Đề nghị cơ quan trả lời"],
            Rows =
            [
                [1, "Kinh phí chi thường xuyên giao theo định mức hiện nay chỉ đủ chi lương, đề nghị tăng định mức chi thường xuyên cho các trường tiểu học vùng khó khăn.", "Hoàng Văn Lực", "Hiệu trưởng", "Trường Tiểu học Khánh Hòa", "Tài chính", "Sở Tài chính"],
                [2, "Kinh phí chi thường xuyên giao theo định mức hiện nay chỉ đủ chi lương, đề nghị tăng định mức chi thường xuyên cho các trường mầm non vùng khó khăn.", "Lý Thị Dung", "Hiệu trưởng", "Trường Mầm non Minh Tiến", "Tài chính", "Sở Tài chính"],
                [3, "Nhiều phòng học tạm, phòng học mượn ở các điểm trường lẻ đã xuống cấp; đề nghị đầu tư xây dựng kiên cố phòng học và nhà vệ sinh cho học sinh.", "Nông Văn Hải", "Giáo viên", "Trường PTDTBT THCS Phúc Lợi", "Cơ sở vật chất", ""],
                [4, "Đề nghị hướng dẫn việc xét nâng hạng chức danh nghề nghiệp giáo viên theo quy định mới, nhiều giáo viên đủ điều kiện nhưng chưa được tổ chức xét.", "Hà Thị Nhung", "Giáo viên", "Trường THCS Yên Thế", null, "Sở Nội vụ"],
                [5, "Thiết bị dạy học tối thiểu lớp 3, lớp 4 chưa được cấp đủ, máy chiếu hỏng nhiều; đề nghị bổ sung thiết bị.", "Ma Văn Tiến", "Tổ trưởng chuyên môn", "Trường Tiểu học Tân Lĩnh", "", ""],
                [6, null, "Lục Thị Hiền", "Giáo viên", "Trường Mầm non Tô Mậu", "Đội ngũ", ""],
                [7, "Đề nghị có chính sách hỗ trợ nhà công vụ cho giáo viên công tác ở các điểm trường lẻ vùng cao.", "Hoàng Thị Mến", "Giáo viên", "Trường Tiểu học Động Quan", "Cơ sở vật chất", ""],
            ],
            Signature = ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Hoàng Minh Đức"],
        },
        new ReturnedSheet
        {
            Name = "Ghi chú",
            Title = null,
            LetterheadLeft = [],
            LetterheadRight = [],
            HeaderRow = 1,
            Headers = ["Ghi chú của người tổng hợp: dòng 6 giáo viên chưa ghi nội dung, đã liên hệ bổ sung sau."],
        });

    /// <summary>Văn Chấn: typed with the ABC fonts (.VnTime for the table, .VnTimeH for the letterhead), as in old templates.</summary>
    private static void VanChanTcvn3(string path) => ReturnedSheetBuilder.Save(path, new ReturnedSheet
    {
        Name = "Sheet1",
        LetterheadLeft = ["ubnd huyện văn chấn", "phòng giáo dục và đào tạo"],
        LetterheadRight = ["cộng hòa xã hội chủ nghĩa việt nam", "độc lập - tự do - hạnh phúc"],
        LetterheadFont = ".VnTimeH",
        DateLine = "Văn Chấn, ngày 09 tháng 4 năm 2023",
        Title = "tổng hợp câu hỏi, ý kiến, kiến nghị",
        HeaderRow = 7,
        Font = ".VnTime",
        Encode = LegacyVietnamese.EncodeTcvn3,
        Headers = Standard,
        Rows =
        [
            [1, "Lò Thị Xuân", "Giáo viên", "Trường Mầm non Sơn Thịnh", "Mầm non", 1, "Giáo viên mầm non hợp đồng theo Nghị định 06/2018/NĐ-CP hưởng lương thấp, đề nghị tỉnh xem xét tuyển dụng vào biên chế.", "Sở Nội vụ", ""],
            [2, "Hoàng Văn Định", "Hiệu trưởng", "Trường PTDTBT THCS Suối Giàng", "THCS", 4, "Học sinh dân tộc thiểu số ở bán trú phải tự túc chăn màn, đề nghị hỗ trợ đồ dùng cá nhân cho học sinh bán trú hộ nghèo.", "Ban Dân tộc tỉnh", ""],
            [3, "Đinh Thị Thảo", "Giáo viên", "Trường Tiểu học Nghĩa Tâm", "Tiểu học", 6, "Đề nghị tăng số tiết dạy tiếng Việt tăng cường cho học sinh lớp 1 người dân tộc thiểu số trước khi vào học chính thức.", "Sở Giáo dục và Đào tạo", ""],
            [4, "Bé", "Giáo viên", "Trường Mầm non Tú Lệ", "Mầm non", 8, "Trẻ mẫu giáo 5 tuổi ở thôn bản xa chưa được học đủ hai buổi một ngày do thiếu phòng học, đề nghị tháo gỡ khó khăn này.", "", ""],
        ],
        Signature = ["trưởng phòng", "Hà Văn Tuấn"],
    });

    /// <summary>Nghĩa Lộ: VNI-Windows; the names column was re-formatted to Arial without converting (font lies).</summary>
    private static void NghiaLoVni(string path) => ReturnedSheetBuilder.Save(path, new ReturnedSheet
    {
        Name = "Tổng hợp",
        LetterheadLeft = ["UBND THỊ XÃ NGHĨA LỘ", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
        DateLine = "Nghĩa Lộ, ngày 05 tháng 4 năm 2023",
        HeaderRow = 6,
        Font = "VNI-Times",
        Encode = LegacyVietnamese.EncodeVni,
        Headers = Standard,
        Rows =
        [
            [1, "Đèo Thị Phương", "Giáo viên", "Trường Tiểu học Pú Trạng", "Tiểu học", 2, "Đề nghị sớm phê duyệt quy hoạch mạng lưới trường lớp của thị xã đến năm 2030 để các trường chủ động xây dựng kế hoạch phát triển.", "Sở Giáo dục và Đào tạo", ""],
            [2, "Lường Văn Thanh", "Giáo viên", "Trường THCS Nghĩa Phúc", "THCS", 3, "Đề nghị có hướng dẫn giao quyền tự chủ tài chính cho các trường THCS có nguồn thu, để nhà trường chủ động trong chi tiêu.", "Sở Tài chính", ""],
            [3, "Hoàng Thị Nguyệt", "Phó Hiệu trưởng", "Trường Mầm non Hoa Ban", "Mầm non", 7, "Đề nghị các ban, ngành phối hợp chặt chẽ hơn trong công tác bảo đảm an toàn thực phẩm bếp ăn bán trú.", "", ""],
        ],
        CellFonts = new() { [(0, 1)] = "Arial", [(1, 1)] = "Arial", [(2, 1)] = "Arial" },
        Signature = ["TRƯỞNG PHÒNG", "Lò Văn Kiên"],
    });

    /// <summary>Trấn Yên: decomposed Unicode, STT by formula, unit merged over rows, text that looks like a formula.</summary>
    private static void TranYen(string path) => ReturnedSheetBuilder.Save(path, new ReturnedSheet
    {
        Name = "Sheet1",
        LetterheadLeft = ["UBND HUYỆN TRẤN YÊN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
        DateLine = "Trấn Yên, ngày 09 tháng 4 năm 2023",
        HeaderRow = 8,
        Encode = s => s.Normalize(NormalizationForm.FormD),
        Headers = Standard,
        FormulaColumn = "A",
        Rows =
        [
            [1, "Nguyễn Thị Bích", "Giáo viên", "Trường Tiểu học Cổ Phúc", "Tiểu học", 1, "Đề nghị được hưởng phụ cấp thâm niên nhà giáo ngay sau khi hết thời gian tập sự.", "Sở Nội vụ", ""],
            [2, "Trần Thị Lệ", "Giáo viên", null, "Tiểu học", 6, "-Thiếu giáo viên Tiếng Anh và Tin học ở cấp tiểu học, đề nghị có giải pháp bố trí giáo viên dạy liên trường.", "Sở Giáo dục và Đào tạo", ""],
            [3, "Phạm Văn Long", "Tổ trưởng", null, "Tiểu học", 5, "+ Đề nghị bổ sung máy tính cho phòng tin học, hiện mỗi máy dùng chung cho 3 học sinh.", "", ""],
            [4, "Vương Thị Hoa", "Giáo viên", "Trường Mầm non Hòa Cuông", "Mầm non", 1, "đề nghị tỉnh bổ sung biên chế giáo viên mầm non cho các trường vùng đặc biệt khó khăn, hiện nhiều lớp chỉ có một giáo viên đứng lớp cả ngày.", "Sở Nội vụ", ""],
        ],
        Merges = ["D9:D11"],
        Signature = ["TRƯỞNG PHÒNG", "Vũ Thị Hạnh"],
    });

    /// <summary>Yên Bình: the third copy of the repeated question (NBSP, capitals), a near repeat, a blank-content row.</summary>
    private static void YenBinh(string path) => ReturnedSheetBuilder.Save(path, new ReturnedSheet
    {
        Name = "Sheet1",
        LetterheadLeft = ["ỦY BAN NHÂN DÂN HUYỆN YÊN BÌNH", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
        DateLine = "Yên Bình, ngày 10 tháng 4 năm 2023",
        HeaderRow = 7,
        Headers = ["STT", "Họ tên", "Chức vụ", "Đơn vị công tác", "Cấp học", "Nhóm", "NOI DUNG", "Cơ quan trả lời", "Ghi chú"],
        Rows =
        [
            [1, "Phan Thị Duyên", "Giáo viên", "Trường Mầm non Cảm Nhân", "Mầm non", 1, "ĐỀ NGHỊ TỈNH BỔ SUNG BIÊN CHẾ GIÁO VIÊN MẦM NON CHO CÁC TRƯỜNG VÙNG ĐẶC BIỆT KHÓ KHĂN,\u00A0HIỆN NHIỀU LỚP CHỈ CÓ MỘT GIÁO VIÊN ĐỨNG LỚP CẢ NGÀY.", "Sở Nội vụ", ""],
            [2, "Mai Văn Sơn", "Giáo viên", "Trường THCS Thác Bà", "THCS", "III", "Đề nghị sớm cấp bù học phí cho học sinh thuộc diện miễn, giảm để nhà trường có kinh phí hoạt động.", "", ""],
            [3, "Đào Thị Vân", "Giáo viên", "Trường Tiểu học Vĩnh Kiên", "Tiểu học", 10, "Đề nghị bổ sung 02 biên chế giáo viên tiếng Anh cho các trường tiểu học của huyện trong năm học 2023-2024.", "", ""],
            [4, "Lưu Văn Hào", "Giáo viên", "Trường Tiểu học Bạch Hà", "Tiểu học", 1, "Đề nghị bổ sung 03 biên chế giáo viên tiếng Anh cho các trường tiểu học của huyện trong năm học 2023-2024.", "", ""],
        ],
        TotalRow = "Cộng: 04 câu",
        Signature = ["NGƯỜI TỔNG HỢP", "Lê Thị Hà", "TRƯỞNG PHÒNG", "Ngô Văn Bình"],
    });

    /// <summary>Mù Cang Chải: exported from another program as CSV (UTF-8), received late.</summary>
    private static void MuCangChai(string path)
    {
        var lines = new[]
        {
            "STT;Họ và tên;Chức vụ;Đơn vị;Cấp học;Nhóm vấn đề;Nội dung câu hỏi, ý kiến, kiến nghị;Cơ quan trả lời;Ghi chú",
            "1;Giàng A Dơ;Giáo viên;Trường PTDTBT TH Chế Tạo;Tiểu học;4;\"Đề nghị hỗ trợ kinh phí cho học sinh bán trú ở lại trường cuối tuần, vì nhà học sinh cách trường trên 15 km đường núi.\";Ban Dân tộc tỉnh;",
            "2;Sùng Thị Mỷ;Giáo viên;Trường Mầm non Khao Mang;Mầm non;5;\"Đề nghị đầu tư nhà ăn, bếp ăn cho các điểm trường mầm non chưa có bếp, trẻ phải ăn trưa tại lớp học.\";Sở Kế hoạch và Đầu tư;",
            "3;Hờ A Chu;Hiệu trưởng;Trường PTDTBT THCS Nậm Khắt;THCS;8;\"Đề nghị giảm áp lực hồ sơ sổ sách cho giáo viên vùng cao, nhiều điểm trường không có mạng internet để nhập phần mềm.\";;",
        };
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(true));
    }

    /// <summary>The units under the Sở: a consolidated workbook made with this tool (merge of merges).</summary>
    private static void TrucThuocSo(ConferencePlan plan, string path)
    {
        var temp = Path.Combine(Path.GetTempPath(), "truc-thuoc-so-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(temp);
        try
        {
            ReturnedSheetBuilder.Save(Path.Combine(temp, "thpt-nguyen-hue.xlsx"), new ReturnedSheet
            {
                LetterheadLeft = ["SỞ GD&ĐT YÊN BÁI", "TRƯỜNG THPT NGUYỄN HUỆ"],
                DateLine = "Yên Bái, ngày 05 tháng 4 năm 2023",
                HeaderRow = 6,
                Headers = Standard,
                Rows =
                [
                    [1, "Ngô Thị Kim Oanh", "Giáo viên", "Trường THPT Nguyễn Huệ", "THPT", 6, "Đề nghị tổ chức tập huấn ra đề kiểm tra theo ma trận đánh giá năng lực cho giáo viên THPT trước kỳ thi tốt nghiệp năm 2025.", "Sở Giáo dục và Đào tạo", ""],
                    [2, "Bùi Đức Thành", "Phó Hiệu trưởng", "Trường THPT Nguyễn Huệ", "THPT", 3, "Đề nghị bố trí kinh phí mua sắm thiết bị phòng học bộ môn theo danh mục thiết bị tối thiểu của chương trình mới.", "Sở Tài chính", ""],
                ],
                Signature = ["HIỆU TRƯỞNG", "Trịnh Văn Nam"],
            });
            ReturnedSheetBuilder.Save(Path.Combine(temp, "ttgdnn-gdtx-van-chan.xlsx"), new ReturnedSheet
            {
                LetterheadLeft = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRUNG TÂM GDNN - GDTX"],
                DateLine = "Yên Bái, ngày 06 tháng 4 năm 2023",
                HeaderRow = 6,
                Headers = Standard,
                Rows =
                [
                    [1, "Lê Văn Bảo", "Giám đốc", "Trung tâm GDNN - GDTX", "GDTX", 2, "Đề nghị làm rõ lộ trình sắp xếp, hợp nhất các trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên cấp huyện.", "Sở Giáo dục và Đào tạo", ""],
                    [2, "Nguyễn Thị Thu Trang", "Giáo viên", "Trung tâm GDNN - GDTX", "GDTX", null, "Giáo viên trung tâm chưa được hưởng phụ cấp ưu đãi như giáo viên THPT dù dạy cùng chương trình, đề nghị xem xét chế độ phụ cấp.", "", ""],
                ],
                Signature = ["GIÁM ĐỐC", "Lê Văn Bảo"],
            });
            QuestionConsolidator.Merge(new MergeRequest
            {
                Inputs = [temp],
                OutputPath = path,
                Plan = plan,
                Time = new FixedTime(new DateTimeOffset(2023, 4, 9, 9, 0, 0, TimeSpan.FromHours(7))),
            });
        }
        finally
        {
            Directory.Delete(temp, true);
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
    }
}
