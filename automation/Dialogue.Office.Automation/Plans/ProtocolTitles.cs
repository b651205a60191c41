using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Plans;

/// <summary>How far up a title is, for how the MC introduces it (named, or read collectively by body).</summary>
public enum TitleLevel
{
    /// <summary>Thường trực cấp ủy, Ban Thường vụ, lãnh đạo HĐND, UBND, MTTQ, Đoàn ĐBQH; Trung ương.</summary>
    Leader = 1,

    /// <summary>Head of a ban Đảng, sở, ngành, đoàn thể (Giám đốc Sở, Trưởng Ban, Chánh Văn phòng UBND …).</summary>
    Head = 2,

    /// <summary>Deputy head of such a body (Phó Giám đốc Sở, Phó Trưởng Ban …).</summary>
    Deputy = 3,

    /// <summary>Head of an office or a unit inside a body (Trưởng phòng, Chánh Văn phòng Sở, Hiệu trưởng trường phổ thông).</summary>
    Office = 4,

    /// <summary>Deputy head of an office or unit; a union chair of a unit.</summary>
    OfficeDeputy = 5,

    /// <summary>Staff: chuyên viên, giáo viên, nhân viên, phóng viên.</summary>
    Staff = 6,
}

/// <summary>
/// Where a delegate stands in protocol, derived from the titles in the position text (and the body, for a body invited
/// through its leadership). <see cref="Rank"/> is 1…999 within the group, lower first; <see cref="BodyOrder"/> orders
/// bodies of equal rank (offices, ban Đảng, sở in the order of Nghị định 24/2014, other state bodies, đoàn thể).
/// </summary>
public sealed record ProtocolStanding(ProtocolGroup Group, int Rank, TitleLevel Level, int BodyOrder, bool Recognised);

/// <summary>
/// The protocol table: which title puts a delegate in which group and at which rank (docs/protocol.md is the
/// documented form; ../shared/research/domain.md §2.2 the practice it follows). Titles are read from the position
/// text part by part ("Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh"): the highest part wins, the others refine
/// the order among equals. The administrative level named in the text (tỉnh, huyện/thành phố, xã, thôn; Trung ương)
/// compared with the issuer's level moves a delegate to "Trung ương" or "Cấp dưới"; the plan's sector keywords move
/// staff of the sector to "Ngành"; press bodies go last. A plan extends the table with <c>protocol.titles</c>.
/// </summary>
public static partial class ProtocolTitles
{
    /// <summary>One row of the table: a title (folded prefix) and where it puts its holder.</summary>
    public sealed record TitleRule(string Prefix, ProtocolGroup Group, int Rank, TitleLevel Level, string? Context = null, string? NotContext = null);

    // Ranks inside a group: 10 head, 15 first deputy, 20 deputy, 30 office head, 40 office deputy, 50 unit union, 90 staff.
    // Order matters: the first rule whose prefix (and context) matches a part is used.
    private static readonly TitleRule[] Rules =
    [
        // Trung ương and Party ranks.
        new("uy vien bo chinh tri", ProtocolGroup.Central, 1, TitleLevel.Leader),
        new("bi thu trung uong dang", ProtocolGroup.Central, 2, TitleLevel.Leader),
        new("uy vien trung uong dang", ProtocolGroup.PartyStanding, 5, TitleLevel.Leader),
        new("uy vien ban chap hanh trung uong", ProtocolGroup.PartyStanding, 5, TitleLevel.Leader),
        new("uy vien du khuyet ban chap hanh trung uong", ProtocolGroup.PartyStanding, 6, TitleLevel.Leader),
        new("bo truong", ProtocolGroup.Central, 10, TitleLevel.Leader),
        new("thu truong", ProtocolGroup.Central, 20, TitleLevel.Leader, NotContext: "co quan"),
        new("vu truong", ProtocolGroup.Central, 30, TitleLevel.Head),
        new("pho vu truong", ProtocolGroup.Central, 40, TitleLevel.Deputy),

        // Đoàn thanh niên before cấp ủy: "Bí thư Tỉnh đoàn" is a head of a đoàn thể.
        new("bi thu tinh doan", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("bi thu thanh doan", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("bi thu huyen doan", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("bi thu doan", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("pho bi thu tinh doan", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("pho bi thu thanh doan", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("pho bi thu huyen doan", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("pho bi thu doan", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("bi thu chi bo", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("bi thu dang uy khoi", ProtocolGroup.PartyBoards, 10, TitleLevel.Head),

        // Thường trực cấp ủy, Ban Thường vụ.
        new("bi thu", ProtocolGroup.PartyStanding, 10, TitleLevel.Leader),
        new("pho bi thu thuong truc", ProtocolGroup.PartyStanding, 20, TitleLevel.Leader),
        new("pho bi thu", ProtocolGroup.PartyStanding, 30, TitleLevel.Leader),
        new("uy vien ban thuong vu", ProtocolGroup.StandingBoard, 10, TitleLevel.Leader, NotContext: "doan"),
        new("uy vien btv", ProtocolGroup.StandingBoard, 10, TitleLevel.Leader),

        // HĐND (before UBND: "Chủ tịch Hội đồng nhân dân" and its committees).
        new("chu tich hoi dong nhan dan", ProtocolGroup.PeoplesCouncil, 10, TitleLevel.Leader),
        new("chu tich hdnd", ProtocolGroup.PeoplesCouncil, 10, TitleLevel.Leader),
        new("pho chu tich thuong truc hoi dong nhan dan", ProtocolGroup.PeoplesCouncil, 15, TitleLevel.Leader),
        new("pho chu tich hoi dong nhan dan", ProtocolGroup.PeoplesCouncil, 20, TitleLevel.Leader),
        new("pho chu tich hdnd", ProtocolGroup.PeoplesCouncil, 20, TitleLevel.Leader),
        new("truong ban", ProtocolGroup.PeoplesCouncil, 30, TitleLevel.Leader, Context: "hoi dong nhan dan|hdnd"),
        new("pho truong ban", ProtocolGroup.PeoplesCouncil, 40, TitleLevel.Leader, Context: "hoi dong nhan dan|hdnd"),

        // UBND.
        new("chu tich uy ban nhan dan", ProtocolGroup.PeoplesCommittee, 10, TitleLevel.Leader),
        new("chu tich ubnd", ProtocolGroup.PeoplesCommittee, 10, TitleLevel.Leader),
        new("pho chu tich thuong truc uy ban nhan dan", ProtocolGroup.PeoplesCommittee, 15, TitleLevel.Leader),
        new("pho chu tich thuong truc ubnd", ProtocolGroup.PeoplesCommittee, 15, TitleLevel.Leader),
        new("pho chu tich uy ban nhan dan", ProtocolGroup.PeoplesCommittee, 20, TitleLevel.Leader),
        new("pho chu tich ubnd", ProtocolGroup.PeoplesCommittee, 20, TitleLevel.Leader),

        // MTTQ.
        new("chu tich uy ban mat tran", ProtocolGroup.FatherlandFront, 10, TitleLevel.Leader),
        new("chu tich uy ban mttq", ProtocolGroup.FatherlandFront, 10, TitleLevel.Leader),
        new("pho chu tich uy ban mat tran", ProtocolGroup.FatherlandFront, 20, TitleLevel.Leader),
        new("pho chu tich uy ban mttq", ProtocolGroup.FatherlandFront, 20, TitleLevel.Leader),

        // Đoàn ĐBQH.
        new("truong doan dai bieu quoc hoi", ProtocolGroup.NationalAssembly, 10, TitleLevel.Leader),
        new("truong doan dbqh", ProtocolGroup.NationalAssembly, 10, TitleLevel.Leader),
        new("pho truong doan", ProtocolGroup.NationalAssembly, 20, TitleLevel.Leader, Context: "quoc hoi|dbqh"),
        new("dai bieu quoc hoi", ProtocolGroup.NationalAssembly, 30, TitleLevel.Leader),

        // Offices of the Tỉnh ủy, HĐND, Đoàn ĐBQH, UBND: with the heads of sở (a Văn phòng Sở is an office of a sở).
        new("chanh van phong", ProtocolGroup.Departments, 30, TitleLevel.Office, Context: "so|truong|trung tam"),
        new("pho chanh van phong", ProtocolGroup.Departments, 40, TitleLevel.OfficeDeputy, Context: "so|truong|trung tam"),
        new("chanh van phong", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("pho chanh van phong", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("chanh thanh tra", ProtocolGroup.Departments, 30, TitleLevel.Office, Context: "so"),
        new("pho chanh thanh tra", ProtocolGroup.Departments, 40, TitleLevel.OfficeDeputy, Context: "so"),
        new("chanh thanh tra", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("pho chanh thanh tra", ProtocolGroup.Departments, 20, TitleLevel.Deputy),

        // Ban Đảng.
        new("chu nhiem uy ban kiem tra", ProtocolGroup.PartyBoards, 10, TitleLevel.Head),
        new("pho chu nhiem uy ban kiem tra", ProtocolGroup.PartyBoards, 20, TitleLevel.Deputy),
        new("truong ban", ProtocolGroup.PartyBoards, 10, TitleLevel.Head, Context: "tinh uy|thanh uy|huyen uy|thi uy|dang uy"),
        new("pho truong ban", ProtocolGroup.PartyBoards, 20, TitleLevel.Deputy, Context: "tinh uy|thanh uy|huyen uy|thi uy|dang uy"),
        new("giam doc truong chinh tri", ProtocolGroup.PartyBoards, 10, TitleLevel.Head),
        new("hieu truong truong chinh tri", ProtocolGroup.PartyBoards, 10, TitleLevel.Head),

        // Đoàn thể.
        new("chu tich cong doan nganh", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("pho chu tich cong doan nganh", ProtocolGroup.Departments, 30, TitleLevel.Office),
        new("chu tich cong doan", ProtocolGroup.Departments, 50, TitleLevel.OfficeDeputy),
        new("pho chu tich cong doan", ProtocolGroup.Departments, 60, TitleLevel.Staff),
        new("chu tich lien doan lao dong", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("pho chu tich lien doan lao dong", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("chu tich hoi", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("pho chu tich hoi", ProtocolGroup.Departments, 20, TitleLevel.Deputy),

        // Sở, ngành and units.
        new("giam doc", ProtocolGroup.Departments, 30, TitleLevel.Office, Context: "trung tam"),
        new("pho giam doc", ProtocolGroup.Departments, 40, TitleLevel.OfficeDeputy, Context: "trung tam"),
        new("giam doc", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("pho giam doc", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("cuc truong", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("pho cuc truong", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("chi huy truong", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("pho chi huy truong", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("thu truong", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("truong ban", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("pho truong ban", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("hieu truong", ProtocolGroup.Departments, 10, TitleLevel.Head, Context: "cao dang|dai hoc|hoc vien"),
        new("pho hieu truong", ProtocolGroup.Departments, 20, TitleLevel.Deputy, Context: "cao dang|dai hoc|hoc vien"),
        new("hieu truong", ProtocolGroup.Departments, 30, TitleLevel.Office),
        new("pho hieu truong", ProtocolGroup.Departments, 40, TitleLevel.OfficeDeputy),
        new("truong cong an", ProtocolGroup.Departments, 10, TitleLevel.Head),
        new("pho truong cong an", ProtocolGroup.Departments, 20, TitleLevel.Deputy),
        new("truong phong", ProtocolGroup.Departments, 30, TitleLevel.Office),
        new("pho truong phong", ProtocolGroup.Departments, 40, TitleLevel.OfficeDeputy),
        new("truong thon", ProtocolGroup.Departments, 30, TitleLevel.Office),
        new("truong ban cong tac mat tran", ProtocolGroup.Departments, 40, TitleLevel.OfficeDeputy),
        new("to truong", ProtocolGroup.Departments, 60, TitleLevel.Staff),
        new("truong", ProtocolGroup.Departments, 30, TitleLevel.Office),
        new("pho truong", ProtocolGroup.Departments, 40, TitleLevel.OfficeDeputy),

        // Press (the body decides the group too: see PressBodies).
        new("tong bien tap", ProtocolGroup.Press, 10, TitleLevel.Head),
        new("pho tong bien tap", ProtocolGroup.Press, 20, TitleLevel.Deputy),
        new("phong vien", ProtocolGroup.Press, 90, TitleLevel.Staff),
        new("bien tap vien", ProtocolGroup.Press, 90, TitleLevel.Staff),

        // Staff.
        new("chuyen vien", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("thanh tra vien", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("can bo", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("cong chuc", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("vien chuc", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("giao vien", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("giang vien", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("nhan vien", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("ke toan", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("van thu", ProtocolGroup.Departments, 90, TitleLevel.Staff),
        new("dai dien", ProtocolGroup.Departments, 90, TitleLevel.Staff),
    ];

    /// <summary>Titles that only add to another ("Tỉnh ủy viên", "Ủy viên Ủy ban nhân dân tỉnh"): recognised, never a rank by themselves.</summary>
    private static readonly string[] Modifiers =
        ["tinh uy vien", "thanh uy vien", "huyen uy vien", "uy vien ban chap hanh", "uy vien uy ban nhan dan", "uy vien ubnd", "dai bieu hoi dong nhan dan", "dai bieu hdnd", "uy vien"];

    /// <summary>Bodies invited through their leadership: group and rank of the "đại diện lãnh đạo" who attends.</summary>
    private static readonly (string Prefix, ProtocolGroup Group, int Rank)[] Bodies =
    [
        ("thuong truc", ProtocolGroup.PartyStanding, 40),
        ("tinh uy", ProtocolGroup.PartyStanding, 40),
        ("thanh uy", ProtocolGroup.PartyStanding, 40),
        ("huyen uy", ProtocolGroup.PartyStanding, 40),
        ("thi uy", ProtocolGroup.PartyStanding, 40),
        ("dang uy xa", ProtocolGroup.PartyStanding, 40),
        ("dang uy phuong", ProtocolGroup.PartyStanding, 40),
        ("ban thuong vu tinh doan", ProtocolGroup.Departments, 25),
        ("ban thuong vu thanh doan", ProtocolGroup.Departments, 25),
        ("ban chap hanh doan", ProtocolGroup.Departments, 25),
        ("ban thuong vu", ProtocolGroup.StandingBoard, 40),
        ("hoi dong nhan dan", ProtocolGroup.PeoplesCouncil, 50),
        ("uy ban nhan dan", ProtocolGroup.PeoplesCommittee, 50),
        ("uy ban mat tran", ProtocolGroup.FatherlandFront, 50),
        ("doan dai bieu quoc hoi", ProtocolGroup.NationalAssembly, 50),
        ("uy ban kiem tra", ProtocolGroup.PartyBoards, 25),
        ("ban dan toc", ProtocolGroup.Departments, 25),
        ("ban quan ly", ProtocolGroup.Departments, 25),
        ("ban ", ProtocolGroup.PartyBoards, 25),
        ("phong ", ProtocolGroup.Departments, 35),
        ("truong mam non", ProtocolGroup.Departments, 35),
        ("truong tieu hoc", ProtocolGroup.Departments, 35),
        ("truong trung hoc", ProtocolGroup.Departments, 35),
        ("truong pho thong", ProtocolGroup.Departments, 35),
        ("truong ", ProtocolGroup.Departments, 25),
        ("", ProtocolGroup.Departments, 25),
    ];

    /// <summary>Press bodies and titles (folded, anywhere in the position or the body).</summary>
    private static readonly string[] PressWords =
        ["phong vien", "dai phat thanh", "truyen hinh", "thong tan xa", "tap chi", "trung tam dieu hanh thong minh", "bien tap vien"];

    private static readonly string[] PressOrder = ["bao ", "dai phat thanh", "trung tam dieu hanh", "co quan thuong tru", "van phong dai dien", "phong vien thuong tru"];

    /// <summary>
    /// Body order among equal ranks: offices (Văn phòng Tỉnh ủy, Đoàn ĐBQH và HĐND, UBND), ban Đảng, then the sở in the
    /// order of Nghị định 24/2014/NĐ-CP Điều 8, other provincial bodies, schools, đoàn thể. Folded prefixes of the body.
    /// </summary>
    private static readonly string[] BodyOrderTable =
    [
        "van phong tinh uy", "van phong doan dai bieu quoc hoi", "van phong hoi dong nhan dan", "van phong uy ban nhan dan", "van phong ubnd", "van phong",
        "ban to chuc", "uy ban kiem tra", "ban tuyen giao", "ban dan van", "ban noi chinh", "ban kinh te", "dang uy khoi", "truong chinh tri",
        "so noi vu", "so tu phap", "so ke hoach", "so tai chinh", "so cong thuong", "so nong nghiep", "so giao thong", "so xay dung",
        "so tai nguyen", "so thong tin", "so lao dong", "so van hoa", "so khoa hoc", "so giao duc", "so y te", "thanh tra tinh", "so ngoai vu",
        "ban dan toc", "so ",
        "cong an", "bo chi huy quan su", "bao hiem xa hoi", "cuc thue", "kho bac", "ngan hang", "truong dai hoc", "truong cao dang", "truong ",
        "uy ban mat tran", "lien doan lao dong", "hoi lien hiep phu nu", "hoi nong dan", "hoi cuu chien binh", "tinh doan", "thanh doan", "huyen doan", "doan thanh nien",
        "cong doan", "hoi ",
    ];

    private const int UnknownRank = 95;

    /// <summary>The administrative level a text names: 0 Trung ương, 1 tỉnh, 2 huyện/thành phố thuộc tỉnh, 3 xã, 4 thôn; null when none.</summary>
    internal static int? LevelOf(string text, int conferenceLevel)
    {
        // "Ủy viên Trung ương Đảng" is a Party rank, not a body of the central level.
        var t = PartyCentralRank().Replace(text.Normalize(System.Text.NormalizationForm.FormC), " ");
        if (VillageWords().IsMatch(t))
        {
            return 4;
        }

        if (CommuneWords().IsMatch(t))
        {
            return 3;
        }

        if (DistrictWords().IsMatch(t) || (conferenceLevel <= 1 && CityWords().IsMatch(t) && !t.Contains("trực thuộc Trung ương", StringComparison.OrdinalIgnoreCase)))
        {
            return 2;
        }

        if (ProvinceWords().IsMatch(t))
        {
            return 1;
        }

        if (CentralWords().IsMatch(t))
        {
            return 0;
        }

        return null;
    }

    /// <summary>The issuer's level, from how it names itself ("Ủy ban nhân dân tỉnh Yên Bái" → 1, "… xã Quy Mông" → 3).</summary>
    public static int ConferenceLevel(string issuerInText) => LevelOf(issuerInText, 1) switch
    {
        null => 1,
        2 when issuerInText.Contains("thành phố", StringComparison.OrdinalIgnoreCase) => 1,
        var l => l.Value,
    };

    /// <summary>The standing of one delegate. <paramref name="sector"/> holds the plan's sector keywords (folded).</summary>
    public static ProtocolStanding Classify(string position, string organization, string addressee, AddresseeKind kind, int conferenceLevel,
        IReadOnlyList<string> sector, IReadOnlyList<TitleRule>? extra = null)
    {
        var foldedAll = VietnameseText.Fold($"{position} {organization} {addressee}") + " ";
        var body = organization.Length > 0 ? organization : addressee;
        var bodyOrder = BodyOrder(body);

        ProtocolGroup group;
        int rank;
        TitleLevel level;
        bool recognised;
        string where;
        if (kind == AddresseeKind.Person && position.Length > 0)
        {
            (group, rank, level, recognised, where) = FromTitles(position, organization, extra);
        }
        else
        {
            var b = VietnameseText.Fold(addressee.Length > 0 ? addressee : organization);
            var hit = Bodies.First(x => b.StartsWith(x.Prefix, StringComparison.Ordinal) || (x.Prefix.Length > 0 && b.Contains(" " + x.Prefix.TrimEnd(), StringComparison.Ordinal) && x.Prefix.Length > 8));
            group = hit.Group;
            rank = hit.Rank;
            level = IsLeadership(hit.Group) ? TitleLevel.Leader : hit.Rank <= 25 ? TitleLevel.Deputy : TitleLevel.Office;
            recognised = kind == AddresseeKind.Body;
            where = $"{addressee} {organization}";
        }

        var text = $"{position} {organization} {addressee}".Normalize(System.Text.NormalizationForm.FormC);
        if (PressWords.Any(w => foldedAll.Contains(w, StringComparison.Ordinal)) || text.Contains("Báo ", StringComparison.Ordinal))
        {
            // Local outlets before the central ones' offices in the province.
            var local = VietnameseText.Fold(body);
            var pressOrder = Array.FindIndex(PressOrder, p => local.StartsWith(p, StringComparison.Ordinal));
            return new ProtocolStanding(ProtocolGroup.Press, group == ProtocolGroup.Press ? rank : 50, level, pressOrder < 0 ? PressOrder.Length : pressOrder, true);
        }

        // The level of the body moves a delegate up (Trung ương) or down (cấp dưới), keeping the rank of the title there.
        var bodyLevel = LevelOf(where, conferenceLevel) ?? LevelOf(organization, conferenceLevel) ?? conferenceLevel;
        if (bodyLevel > conferenceLevel && group != ProtocolGroup.Central)
        {
            var inSector = InSector(foldedAll, sector);
            // One step down in level: the chair of a lower tier ranks with the heads of sở, its deputies with their deputies.
            var lowered = kind == AddresseeKind.Body ? TitleLevel.Office
                : level == TitleLevel.Leader ? (rank <= 10 && group is ProtocolGroup.PartyStanding or ProtocolGroup.PeoplesCommittee or ProtocolGroup.PeoplesCouncil ? TitleLevel.Head : TitleLevel.Deputy)
                : level == TitleLevel.Staff ? level : level + 1;
            return new ProtocolStanding(inSector && level > TitleLevel.Leader ? ProtocolGroup.Sector : ProtocolGroup.LowerTier,
                (TierOrder(group) * 100) + rank, lowered, bodyOrder, recognised);
        }

        if (bodyLevel < conferenceLevel && group != ProtocolGroup.Press)
        {
            return new ProtocolStanding(ProtocolGroup.Central, (TierOrder(group) * 100) + rank, TitleLevel.Leader, bodyOrder, recognised);
        }

        // Staff and unit leaders of the sector: "Ngành"; the sector's own heads of sở stay with the sở.
        if (group is ProtocolGroup.Departments or ProtocolGroup.PartyBoards && level > TitleLevel.Head && InSector(foldedAll, sector))
        {
            return new ProtocolStanding(ProtocolGroup.Sector, rank, level, bodyOrder, recognised);
        }

        return new ProtocolStanding(group, rank, level, bodyOrder, recognised);
    }

    private static bool InSector(string folded, IReadOnlyList<string> sector) =>
        sector.Any(s => s.Length > 0 && folded.Contains(s, StringComparison.Ordinal));

    /// <summary>Reads the titles of a position; returns the best part's group, rank and level, and the text that names its body.</summary>
    private static (ProtocolGroup, int, TitleLevel, bool, string) FromTitles(string position, string organization, IReadOnlyList<TitleRule>? extra)
    {
        var parts = position.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        (ProtocolGroup Group, int Rank, TitleLevel Level, string Where)? best = null;
        var anyTitle = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var folded = VietnameseText.Fold(parts[i]).Replace("phu trach", "", StringComparison.Ordinal);
            if (Modifiers.Any(m => folded.StartsWith(m, StringComparison.Ordinal)) && Match(folded, folded, extra) is not { } || folded.StartsWith("uy vien uy ban", StringComparison.Ordinal))
            {
                anyTitle = true;
                continue;
            }

            // The parts that follow and are not titles name this title's body: "Trưởng phòng …, Sở Tài chính".
            var context = parts[i];
            for (var j = i + 1; j < parts.Length && Match(VietnameseText.Fold(parts[j]), VietnameseText.Fold(parts[j]), extra) is null; j++)
            {
                context += ", " + parts[j];
            }

            var foldedContext = VietnameseText.Fold(context + " " + organization);
            if (Match(folded, foldedContext, extra) is not { } rule)
            {
                continue;
            }

            anyTitle = true;
            var candidate = (rule.Group, rule.Rank, rule.Level, Where: context);
            if (best is null || Compare(candidate.Group, candidate.Rank, best.Value.Group, best.Value.Rank) < 0)
            {
                best = candidate;
            }
        }

        return best is { } b
            ? (b.Group, b.Rank, b.Level, true, b.Where)
            : (ProtocolGroup.Departments, UnknownRank, TitleLevel.Staff, anyTitle, position);
    }

    private static int Compare(ProtocolGroup g1, int r1, ProtocolGroup g2, int r2)
    {
        var byTier = TierOrder(g1).CompareTo(TierOrder(g2));
        return byTier != 0 ? byTier : r1.CompareTo(r2);
    }

    private static TitleRule? Match(string foldedPart, string foldedContext, IReadOnlyList<TitleRule>? extra)
    {
        var part = foldedPart.Trim();
        foreach (var rule in (extra ?? []).Concat(Rules))
        {
            if (!(part == rule.Prefix || part.StartsWith(rule.Prefix + " ", StringComparison.Ordinal)))
            {
                continue;
            }

            var rest = " " + foldedContext[Math.Min(rule.Prefix.Length, foldedContext.Length)..] + " ";
            if (rule.Context is { } c && !c.Split('|').Any(w => rest.Contains(" " + w + " ", StringComparison.Ordinal)))
            {
                continue;
            }

            if (rule.NotContext is { } n && n.Split('|').Any(w => rest.Contains(" " + w + " ", StringComparison.Ordinal)))
            {
                continue;
            }

            return rule;
        }

        return null;
    }

    /// <summary>Position of a body in <see cref="BodyOrderTable"/>; unknown bodies after the known ones.</summary>
    public static int BodyOrder(string body)
    {
        var folded = VietnameseText.Fold(body);
        for (var i = 0; i < BodyOrderTable.Length; i++)
        {
            if (folded.StartsWith(BodyOrderTable[i], StringComparison.Ordinal) || folded.StartsWith("lanh dao " + BodyOrderTable[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return BodyOrderTable.Length + 1;
    }

    /// <summary>
    /// The order of the groups when delegates are listed. "Ban Đảng" and "Sở, ngành" are one tier: heads of ban Đảng,
    /// sở, ngành and đoàn thể before their deputies before their trưởng phòng.
    /// </summary>
    public static int TierOrder(ProtocolGroup group) => group switch
    {
        ProtocolGroup.Central => 1,
        ProtocolGroup.PartyStanding => 2,
        ProtocolGroup.StandingBoard => 3,
        ProtocolGroup.PeoplesCouncil => 4,
        ProtocolGroup.PeoplesCommittee => 5,
        ProtocolGroup.FatherlandFront => 6,
        ProtocolGroup.NationalAssembly => 7,
        ProtocolGroup.PartyBoards or ProtocolGroup.Departments => 8,
        ProtocolGroup.LowerTier => 9,
        ProtocolGroup.Sector => 10,
        _ => 11,
    };

    /// <summary>True for the groups read as the leadership of the conference's level.</summary>
    public static bool IsLeadership(ProtocolGroup group) => TierOrder(group) is >= 2 and <= 7;

    [GeneratedRegex(@"(Ban Chấp hành )?Trung ương Đảng", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartyCentralRank();

    [GeneratedRegex(@"\b(thôn|bản|tổ dân phố|khu phố|làng)\s+\p{Lu}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VillageWords();

    [GeneratedRegex(@"(?<!thị\s)\b(xã|phường|thị trấn|đặc khu)\b(?!\s+hội)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommuneWords();

    [GeneratedRegex(@"\b(huyện|thị xã|quận|huyện ủy|thị ủy|thành ủy|huyện đoàn|thành đoàn)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DistrictWords();

    [GeneratedRegex(@"\bthành phố\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CityWords();

    [GeneratedRegex(@"\b(tỉnh|tỉnh ủy|tỉnh đoàn|sở)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProvinceWords();

    [GeneratedRegex(@"\b(trung ương|chính phủ|bộ(?!\s+chỉ huy)\s+\p{Lu}|(?<!đại biểu\s)quốc hội)", RegexOptions.CultureInvariant)]
    private static partial Regex CentralWords();
}
