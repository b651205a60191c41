using static Dialogue.Office.Automation.Plans.ProtocolGroup;

namespace Dialogue.Office.Automation.Tests.SampleData;

/// <summary>
/// The delegate list of the 2026 commune sample (templates/samples/xa-2026/dai-bieu.xlsx): a commune People's Committee
/// holds its yearly dialogue with the people (Luật 10/2022, Điều 32) after the district tier was abolished on 01/7/2025;
/// bridge points are village cultural houses. Names of people and villages are invented.
/// </summary>
internal static class Commune2026Delegates
{
    public const string Hall = "xa";

    public static IReadOnlyList<string> VenueIds { get; } = [Hall, "khe-ngan", "hoa-cuong", "tan-thanh"];

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Build()
    {
        var b = new SampleRows("XA26", seed: 2026, mailDomain: "laocai.gov.vn", protocolColumns: false);

        b.Body(PartyStanding, "Đảng ủy xã Quy Mông", Hall, addressee: "Thường trực Đảng ủy xã Quy Mông");
        b.Person(PartyStanding, "Bí thư Đảng ủy xã", "Đảng ủy xã Quy Mông", Hall, chair: true, female: false, mailBox: "quymong");
        b.Person(PeoplesCouncil, "Chủ tịch Hội đồng nhân dân xã", "Hội đồng nhân dân xã Quy Mông", Hall, female: true, mailBox: "quymong");
        b.Person(PeoplesCommittee, "Chủ tịch Ủy ban nhân dân xã", "Ủy ban nhân dân xã Quy Mông", Hall, chair: true, fixedName: "Lương Văn Thành",
            note: "Chủ trì đối thoại; người ký giấy mời");
        b.Person(PeoplesCommittee, "Phó Chủ tịch Ủy ban nhân dân xã", "Ủy ban nhân dân xã Quy Mông", Hall, chair: true, female: false, style: NameStyle.Dao, mailBox: "quymong");
        b.Person(FatherlandFront, "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Quy Mông", Hall, chair: true, female: true);
        b.Body(FatherlandFront, "Hội Liên hiệp Phụ nữ xã Quy Mông", Hall);
        b.Body(FatherlandFront, "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Quy Mông", Hall, addressee: "Ban Chấp hành Đoàn xã Quy Mông");
        b.Person(Departments, "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Quy Mông", Hall, mailBox: "quymong");
        b.Person(Departments, "Trưởng phòng Kinh tế", "Ủy ban nhân dân xã Quy Mông", Hall, mailBox: "quymong");
        b.Person(Departments, "Trưởng phòng Văn hóa - Xã hội", "Ủy ban nhân dân xã Quy Mông", Hall, mailBox: "quymong");
        b.Person(Departments, "Giám đốc Trung tâm Phục vụ hành chính công xã", "Ủy ban nhân dân xã Quy Mông", Hall);
        b.Person(Departments, "Trưởng Công an xã", "Công an xã Quy Mông", Hall, female: false);

        (string Venue, string Village, NameStyle Style)[] villages =
        [
            ("khe-ngan", "thôn Khe Ngàn", NameStyle.Dao),
            ("hoa-cuong", "thôn Hòa Cường", NameStyle.Kinh),
            ("tan-thanh", "thôn Tân Thành", NameStyle.Tay),
        ];
        foreach (var (venue, village, style) in villages)
        {
            b.Person(LowerTier, $"Trưởng {village}", $"{char.ToUpperInvariant(village[0])}{village[1..]}", venue, style: style);
            b.Person(Sector, $"Đại diện Nhân dân {village}", $"{char.ToUpperInvariant(village[0])}{village[1..]}", venue, honorific: "Ông", female: false, style: style);
            b.Person(Sector, $"Đại diện Nhân dân {village}", $"{char.ToUpperInvariant(village[0])}{village[1..]}", venue, honorific: "Bà", female: true, style: style);
        }

        b.Body(Press, "Báo và Phát thanh, Truyền hình Lào Cai", Hall);
        return b.Rows;
    }
}
