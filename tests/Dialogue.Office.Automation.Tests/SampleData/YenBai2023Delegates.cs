using Dialogue.Office.Automation.Plans;
using static Dialogue.Office.Automation.Plans.ProtocolGroup;

namespace Dialogue.Office.Automation.Tests.SampleData;

/// <summary>
/// The delegate list of the sample conference (templates/samples/yen-bai-2023/dai-bieu.xlsx), following section III.3
/// of Kế hoạch 90/KH-UBND: co-chairs, invited leaders and bodies, the education sector of thành phố Yên Bái at the main
/// hall (capped at 250 by the plan), press, and the leaders of the 8 bridge points. Every name is invented except the
/// signer of the plan (Trần Huy Tuấn), who co-chairs.
/// </summary>
internal static class YenBai2023Delegates
{
    public const string Hall = "tinh";

    public static IReadOnlyList<string> VenueIds { get; } =
        [Hall, "nghia-lo", "luc-yen", "van-yen", "mu-cang-chai", "tran-yen", "tram-tau", "van-chan", "yen-binh"];

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Build()
    {
        var b = new SampleRows("YB23", seed: 90_2023, mailDomain: "yenbai.gov.vn", protocolColumns: false);

        // Thường trực Tỉnh ủy: co-chairs (III.3.1).
        b.Person(PartyStanding, "Bí thư Tỉnh ủy", "Tỉnh ủy Yên Bái", Hall, chair: true, female: false, mailBox: "tu");
        b.Person(PartyStanding, "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh", "Tỉnh ủy Yên Bái", Hall, chair: true, female: false, mailBox: "tu");

        // Lãnh đạo HĐND tỉnh; Ban Văn hóa - Xã hội HĐND.
        b.Person(PeoplesCouncil, "Phó Chủ tịch Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh Yên Bái", Hall, female: true, mailBox: "hdnd");
        b.Person(PeoplesCouncil, "Phó Chủ tịch Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh Yên Bái", Hall, female: false, mailBox: "hdnd");
        b.Person(PeoplesCouncil, "Trưởng Ban Văn hóa - Xã hội, Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh Yên Bái", Hall, mailBox: "hdnd");
        b.Body(PeoplesCouncil, "Ban Văn hóa - Xã hội, Hội đồng nhân dân tỉnh", Hall);

        // UBND tỉnh: the Chairman (signer of the plan) and the Vice-Chairman for culture and society co-chair.
        b.Person(PeoplesCommittee, "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Yên Bái", Hall, chair: true,
            fixedName: "Trần Huy Tuấn", note: "Đồng chủ trì; người ký giấy mời");
        b.Person(PeoplesCommittee, "Phó Chủ tịch Ủy ban nhân dân tỉnh (phụ trách khối văn hóa - xã hội)", "Ủy ban nhân dân tỉnh Yên Bái", Hall, chair: true, female: false, mailBox: "ubnd");
        b.Person(PeoplesCommittee, "Phó Chánh Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", Hall, mailBox: "vpubnd");
        b.Person(PeoplesCommittee, "Trưởng phòng Văn hóa - Xã hội, Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", Hall, mailBox: "vpubnd");

        b.Body(FatherlandFront, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", Hall, mailBox: "mttq");
        b.Person(NationalAssembly, "Phó Trưởng đoàn chuyên trách Đoàn đại biểu Quốc hội tỉnh Yên Bái", "Đoàn đại biểu Quốc hội tỉnh Yên Bái", Hall, female: true, mailBox: "dbqh");

        // Ban Đảng.
        b.Person(PartyBoards, "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", Hall, female: false, mailBox: "btgtu");
        b.Body(PartyBoards, "Ban Tổ chức Tỉnh ủy", Hall);
        b.Body(PartyBoards, "Ủy ban Kiểm tra Tỉnh ủy", Hall);
        b.Person(PartyBoards, "Phó Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy", Hall, mailBox: "bdvtu");
        b.Body(PartyBoards, "Ban Nội chính Tỉnh ủy", Hall);

        // Co-chairing directors, then the departments that answer topics, then the listed sở, ngành and đoàn thể.
        b.Person(Departments, "Giám đốc Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", Hall, chair: true, female: false, mailBox: "sgddt");
        b.Person(Departments, "Giám đốc Sở Nội vụ", "Sở Nội vụ", Hall, chair: true, female: false, mailBox: "snv");
        b.Person(Departments, "Giám đốc Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư", Hall, chair: true, female: false, mailBox: "skhdt");
        b.Person(Departments, "Giám đốc Sở Tài chính", "Sở Tài chính", Hall, chair: true, female: true, mailBox: "stc");
        b.Person(Departments, "Trưởng phòng Tổ chức, biên chế và tổ chức phi chính phủ, Sở Nội vụ", "Sở Nội vụ", Hall, mailBox: "snv");
        b.Person(Departments, "Trưởng phòng Công chức, viên chức, Sở Nội vụ", "Sở Nội vụ", Hall, mailBox: "snv");
        b.Person(Departments, "Trưởng phòng Quản lý ngân sách, Sở Tài chính", "Sở Tài chính", Hall, mailBox: "stc");
        b.Person(Departments, "Trưởng phòng Khoa giáo - Văn xã, Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư", Hall, mailBox: "skhdt");
        b.Body(Departments, "Sở Lao động - Thương binh và Xã hội", Hall, mailBox: "sldtbxh");
        b.Body(Departments, "Sở Thông tin và Truyền thông", Hall, mailBox: "stttt");
        b.Body(Departments, "Sở Y tế", Hall, mailBox: "syt");
        b.Body(Departments, "Sở Văn hóa, Thể thao và Du lịch", Hall, mailBox: "svhttdl");
        b.Person(Departments, "Phó Giám đốc Công an tỉnh", "Công an tỉnh Yên Bái", Hall, female: false);
        b.Body(Departments, "Ban Dân tộc tỉnh", Hall, mailBox: "bdt");
        b.Body(Departments, "Bảo hiểm xã hội tỉnh", Hall);
        b.Person(Departments, "Hiệu trưởng Trường Cao đẳng Yên Bái", "Trường Cao đẳng Yên Bái", Hall);
        b.Body(Departments, "Trường Cao đẳng nghề Yên Bái", Hall);
        b.Person(Departments, "Phó Chủ tịch Liên đoàn Lao động tỉnh", "Liên đoàn Lao động tỉnh", Hall, mailBox: "ldld");
        b.Body(Departments, "Hội Liên hiệp Phụ nữ tỉnh", Hall);
        b.Body(Departments, "Tỉnh đoàn Yên Bái", Hall, addressee: "Ban Thường vụ Tỉnh đoàn Yên Bái");

        // Thành phố Yên Bái (delegates at the main hall).
        b.Body(LowerTier, "Thành ủy Yên Bái", Hall, addressee: "Thường trực Thành ủy Yên Bái");
        b.Body(LowerTier, "Ban Tổ chức Thành ủy Yên Bái", Hall);
        b.Body(LowerTier, "Ban Tuyên giáo Thành ủy Yên Bái", Hall);
        b.Body(LowerTier, "Ban Dân vận Thành ủy Yên Bái", Hall);
        b.Body(LowerTier, "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Yên Bái", Hall);
        b.Person(LowerTier, "Chủ tịch Ủy ban nhân dân thành phố Yên Bái", "Ủy ban nhân dân thành phố Yên Bái", Hall, female: false, mailBox: "tpyb");
        b.Person(LowerTier, "Phó Chủ tịch Ủy ban nhân dân thành phố Yên Bái", "Ủy ban nhân dân thành phố Yên Bái", Hall, female: true, mailBox: "tpyb");
        b.Body(LowerTier, "Phòng Tài chính - Kế hoạch thành phố Yên Bái", Hall);
        b.Body(LowerTier, "Phòng Nội vụ thành phố Yên Bái", Hall);
        b.Body(LowerTier, "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố Yên Bái", Hall);
        b.Body(LowerTier, "Liên đoàn Lao động thành phố Yên Bái", Hall);
        b.Body(LowerTier, "Hội Liên hiệp Phụ nữ thành phố Yên Bái", Hall);
        b.Body(LowerTier, "Thành đoàn Yên Bái", Hall, addressee: "Ban Thường vụ Thành đoàn Yên Bái");

        AddBridgePoints(b);
        AddSector(b);
        AddPress(b);
        return b.Rows;
    }

    private static void AddBridgePoints(SampleRows b)
    {
        // (venue, "huyện Lục Yên", Party committee, naming pattern of the area)
        (string Venue, string Place, string Committee, NameStyle Style)[] points =
        [
            ("nghia-lo", "thị xã Nghĩa Lộ", "Thị ủy Nghĩa Lộ", NameStyle.Thai),
            ("luc-yen", "huyện Lục Yên", "Huyện ủy Lục Yên", NameStyle.Tay),
            ("van-yen", "huyện Văn Yên", "Huyện ủy Văn Yên", NameStyle.Dao),
            ("mu-cang-chai", "huyện Mù Cang Chải", "Huyện ủy Mù Cang Chải", NameStyle.Mong),
            ("tran-yen", "huyện Trấn Yên", "Huyện ủy Trấn Yên", NameStyle.Kinh),
            ("tram-tau", "huyện Trạm Tấu", "Huyện ủy Trạm Tấu", NameStyle.Mong),
            ("van-chan", "huyện Văn Chấn", "Huyện ủy Văn Chấn", NameStyle.Thai),
            ("yen-binh", "huyện Yên Bình", "Huyện ủy Yên Bình", NameStyle.Tay),
        ];

        foreach (var (venue, place, committee, style) in points)
        {
            var mail = venue.Replace("-", "", StringComparison.Ordinal);
            b.Body(LowerTier, committee, venue, addressee: $"Thường trực {committee}");
            b.Person(LowerTier, $"Chủ tịch Ủy ban nhân dân {place}", $"Ủy ban nhân dân {place}", venue, female: false, style: style, mailBox: mail);
            b.Person(LowerTier, $"Phó Chủ tịch Ủy ban nhân dân {place}", $"Ủy ban nhân dân {place}", venue, style: style, mailBox: mail);
            b.Person(LowerTier, $"Trưởng phòng Giáo dục và Đào tạo {place}", $"Phòng Giáo dục và Đào tạo {place}", venue, style: style, mailBox: "pgd" + mail);
            b.Person(LowerTier, $"Phó Trưởng phòng Giáo dục và Đào tạo {place}", $"Phòng Giáo dục và Đào tạo {place}", venue, style: style, mailBox: "pgd" + mail);
            b.Body(LowerTier, $"Phòng Nội vụ {place}", venue);
        }
    }

    private static void AddSector(SampleRows b)
    {
        const string so = "Sở Giáo dục và Đào tạo";
        b.Person(Sector, "Phó Giám đốc Sở Giáo dục và Đào tạo", so, Hall, female: false, mailBox: "sgddt");
        b.Person(Sector, "Phó Giám đốc Sở Giáo dục và Đào tạo", so, Hall, female: true, mailBox: "sgddt");
        b.Person(Sector, "Phó Giám đốc Sở Giáo dục và Đào tạo", so, Hall, female: false, mailBox: "sgddt");
        b.Person(Sector, "Chủ tịch Công đoàn ngành Giáo dục tỉnh", "Công đoàn ngành Giáo dục tỉnh Yên Bái", Hall, female: true, mailBox: "cdgd");
        b.Person(Sector, "Phó Chủ tịch Công đoàn ngành Giáo dục tỉnh", "Công đoàn ngành Giáo dục tỉnh Yên Bái", Hall, mailBox: "cdgd");

        string[] offices =
        [
            "Chánh Văn phòng Sở", "Chánh Thanh tra Sở", "Trưởng phòng Tổ chức cán bộ", "Trưởng phòng Kế hoạch - Tài chính",
            "Trưởng phòng Giáo dục Mầm non", "Trưởng phòng Giáo dục Tiểu học", "Trưởng phòng Giáo dục Trung học",
            "Trưởng phòng Giáo dục thường xuyên - Chuyên nghiệp", "Trưởng phòng Khảo thí và Quản lý chất lượng giáo dục",
            "Phó Trưởng phòng Tổ chức cán bộ", "Phó Trưởng phòng Kế hoạch - Tài chính", "Phó Chánh Văn phòng Sở",
        ];
        foreach (var office in offices)
        {
            b.Person(Sector, $"{office}, {so}", so, Hall, mailBox: "sgddt");
        }

        string[] staff =
        [
            "Chuyên viên Văn phòng", "Chuyên viên Phòng Tổ chức cán bộ", "Chuyên viên Phòng Tổ chức cán bộ", "Chuyên viên Phòng Kế hoạch - Tài chính",
            "Kế toán Văn phòng", "Chuyên viên Phòng Giáo dục Mầm non", "Chuyên viên Phòng Giáo dục Tiểu học", "Chuyên viên Phòng Giáo dục Trung học",
            "Chuyên viên Phòng Giáo dục Trung học", "Chuyên viên Phòng Giáo dục thường xuyên - Chuyên nghiệp",
            "Chuyên viên Phòng Khảo thí và Quản lý chất lượng giáo dục", "Thanh tra viên", "Nhân viên Văn phòng", "Văn thư Sở",
        ];
        foreach (var job in staff)
        {
            b.Person(Sector, $"{job}, {so}", so, Hall, mailBox: "sgddt");
        }

        const string pgd = "Phòng Giáo dục và Đào tạo thành phố Yên Bái";
        b.Person(Sector, $"Trưởng {pgd}", pgd, Hall, mailBox: "pgdtpyb");
        b.Person(Sector, $"Phó Trưởng {pgd}", pgd, Hall, female: true, mailBox: "pgdtpyb");
        b.Person(Sector, $"Phó Trưởng {pgd}", pgd, Hall, female: false, mailBox: "pgdtpyb");

        // Upper secondary and provincial schools in thành phố Yên Bái: principal, union chair and a teacher each.
        string[] provincialSchools =
        [
            "Trường Trung học phổ thông Chuyên Nguyễn Tất Thành", "Trường Trung học phổ thông Nguyễn Huệ",
            "Trường Trung học phổ thông Lý Thường Kiệt", "Trường Trung học phổ thông Đồng Tâm", "Trường Trung học phổ thông Hoàng Quốc Việt",
            "Trường Phổ thông Dân tộc nội trú Trung học phổ thông tỉnh", "Trung tâm Giáo dục thường xuyên - Ngoại ngữ - Tin học tỉnh",
            "Trường Trung học phổ thông Dân lập Thành Công",
        ];
        foreach (var school in provincialSchools)
        {
            b.Person(Sector, school.StartsWith("Trung tâm", StringComparison.Ordinal) ? $"Giám đốc {school}" : $"Hiệu trưởng {school}", school, Hall, mailBox: "c3");
            b.Person(Sector, school.StartsWith("Trung tâm", StringComparison.Ordinal) ? $"Phó Giám đốc {school}" : $"Phó Hiệu trưởng {school}", school, Hall);
            b.Person(Sector, $"Chủ tịch Công đoàn {school}", school, Hall);
            b.Person(Sector, $"Giáo viên {school}", school, Hall);
        }

        // Preschool, primary and lower secondary schools of the wards and communes of thành phố Yên Bái.
        string[] wards =
        [
            "Đồng Tâm", "Yên Ninh", "Yên Thịnh", "Hồng Hà", "Minh Tân", "Nguyễn Thái Học", "Nguyễn Phúc", "Hợp Minh", "Nam Cường",
            "Tân Thịnh", "Văn Phú", "Tuy Lộc", "Phúc Lộc", "Giới Phiên", "Âu Lâu", "Văn Tiến", "Minh Bảo",
        ];
        string[] levels = ["Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở"];
        var i = 0;
        var asBodies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ward in wards)
        {
            foreach (var level in levels)
            {
                var school = $"{level} {ward}";
                i++;
                if (i % 7 == 0)
                {
                    // Some schools are invited as a body: the school decides who attends.
                    b.Body(Sector, school, Hall);
                    asBodies.Add(school);
                    continue;
                }

                b.Person(Sector, $"Hiệu trưởng {school}", school, Hall, female: level == "Trường Mầm non" ? true : null);
                if (i % 2 == 0)
                {
                    b.Person(Sector, $"Phó Hiệu trưởng {school}", school, Hall, female: level == "Trường Mầm non" ? true : null);
                }

                b.Person(Sector, $"Chủ tịch Công đoàn {school}", school, Hall, female: level == "Trường Mầm non" ? true : null);
            }
        }

        for (var n = 0; n < 10; n++)
        {
            var school = $"{levels[n % 3]} {wards[(n * 5) % wards.Length]}";
            if (asBodies.Contains(school))
            {
                school = $"{levels[n % 3]} {wards[((n * 5) + 1) % wards.Length]}"; // a school invited as a body sends its own people
            }

            b.Person(Sector, $"Giáo viên {school}", school, Hall, honorific: n % 2 == 0 ? "Bà" : "Ông", female: n % 2 == 0);
        }
    }

    private static void AddPress(SampleRows b)
    {
        b.Person(Press, "Phóng viên Báo Yên Bái", "Báo Yên Bái", Hall, honorific: "Bà", female: true);
        b.Body(Press, "Đài Phát thanh và Truyền hình tỉnh Yên Bái", Hall);
        b.Body(Press, "Trung tâm Điều hành thông minh tỉnh Yên Bái", Hall);
        b.Body(Press, "Cơ quan thường trú Báo Nhân Dân tại Yên Bái", Hall);
        b.Body(Press, "Cơ quan thường trú Thông tấn xã Việt Nam tại Yên Bái", Hall);
        b.Body(Press, "Văn phòng đại diện Báo Giáo dục và Thời đại tại khu vực miền núi phía Bắc", Hall);
        b.Person(Press, "Phóng viên thường trú Báo Lao Động tại Yên Bái", "Báo Lao Động", Hall, honorific: "Ông", female: false);
    }
}
