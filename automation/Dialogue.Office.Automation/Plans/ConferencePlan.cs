namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// One conference, as read from a plan folder (<c>plan.yaml</c> plus the delegate list it names).
/// Everything the generators print comes from here; nothing is typed twice.
/// </summary>
public sealed class ConferencePlan
{
    /// <summary>The plan folder (absolute).</summary>
    public required string Folder { get; init; }

    /// <summary>The plan file name, e.g. <c>plan.yaml</c>, for locations.</summary>
    public required string FileName { get; init; }

    public required Issuer Issuer { get; init; }
    public required ConferenceInfo Conference { get; init; }
    public required Venue MainHall { get; init; }
    public IReadOnlyList<Venue> BridgePoints { get; init; } = [];
    public IReadOnlyList<ProgrammeItem> Programme { get; init; } = [];
    public IReadOnlyList<Topic> Topics { get; init; } = [];
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];
    public IReadOnlyList<Unit> Units { get; init; } = [];
    public required Signer Signer { get; init; }
    public required DocumentSettings Invitation { get; init; }
    public DocumentSettings? ProgrammeDocument { get; init; }
    public DocumentSettings? ScriptDocument { get; init; }
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public string DelegateFile { get; init; } = "";
    public IReadOnlyList<ConferenceDelegate> Delegates { get; init; } = [];
    public SharingSettings Sharing { get; init; } = new();

    /// <summary>The plan's <c>attendance:</c> section (the delegate page); the configuration fills what it leaves out.</summary>
    public Attendance.AttendanceSettings Attendance { get; init; } = new();

    /// <summary>The plan's <c>roles:</c> rules (chủ trì, đồng chủ trì …), tried in order for rows without a "Vai trò".</summary>
    public IReadOnlyList<RoleRule> Roles { get; init; } = [];

    /// <summary>The công văn to each bridge point's host (<c>bridge_point_letter</c>); null when the plan has none.</summary>
    public BridgePointLetterSettings? BridgePointLetter { get; init; }

    /// <summary>The plan's <c>audiences:</c> section: who each output is for, the leaders and the secretariat to share with.</summary>
    public Audiences.AudienceSettings Audiences { get; init; } = new();

    /// <summary>The plan's protocol section: the sector, how far down the MC names people, extra titles.</summary>
    public ProtocolSettings Protocol { get; init; } = new();

    /// <summary>
    /// Bodies other than <see cref="Issuer"/> that send invitations of their own (e.g. Sở GD&amp;ĐT inviting the sector's
    /// delegates, as Kế hoạch 90/KH-UBND assigns it), each with its number, signer, Nơi nhận and whom it invites.
    /// </summary>
    public IReadOnlyList<InvitingIssuer> Issuers { get; init; } = [];

    /// <summary>The plan's own issuer as an inviting body: <c>issuer</c>, <c>signer</c>, <c>invitation.number</c>, <c>recipients</c>.</summary>
    public InvitingIssuer MainIssuer => new()
    {
        Id = Issuer.Id,
        Issuer = Issuer,
        Signer = Signer,
        Number = Invitation.Number,
        Date = Invitation.Date,
        Recipients = Recipients,
        IsMain = true,
    };

    /// <summary>Every inviting body: the plan's issuer first, then <see cref="Issuers"/>.</summary>
    public IEnumerable<InvitingIssuer> AllIssuers => Issuers.Prepend(MainIssuer);

    public InvitingIssuer? FindIssuer(string id) =>
        AllIssuers.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Who invites <paramref name="d"/>: the list's "Cơ quan mời" column when filled; else the first other issuer whose
    /// <c>invites</c> (groups, venues) covers the delegate — never for a presidium member, whom the plan's issuer invites;
    /// else the plan's issuer.
    /// </summary>
    public InvitingIssuer InviterFor(ConferenceDelegate d)
    {
        if (d.IssuerId.Length > 0 && FindIssuer(d.IssuerId) is { } named)
        {
            return named;
        }

        if (!d.IsPresidium)
        {
            foreach (var issuer in Issuers)
            {
                if (issuer.Invites(d, MainHall.Id))
                {
                    return issuer;
                }
            }
        }

        return MainIssuer;
    }

    /// <summary>All venues: the main hall first, then the bridge points in plan order.</summary>
    public IEnumerable<Venue> Venues => BridgePoints.Prepend(MainHall);

    public Venue? FindVenue(string id) =>
        Venues.FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.OrdinalIgnoreCase));

    public Deadline? FindDeadline(string id) =>
        Deadlines.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Where a plan key was read, for problems found after loading (e.g. <c>plan.yaml:12</c>).</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    public string LocationOf(string keyPath) =>
        KeyLines.TryGetValue(keyPath, out var line) ? $"{FileName}:{line}" : $"{FileName} › {keyPath}";
}

/// <summary>The issuing body (tên cơ quan ban hành) and its parent (tên cơ quan chủ quản), ND30 ô số 2.</summary>
public sealed record Issuer
{
    /// <summary>Id used by the list's "Cơ quan mời" column and the plan's <c>issuers[]</c> (default "main").</summary>
    public string Id { get; init; } = "main";

    /// <summary>Tên cơ quan chủ quản, upper case; empty when the issuer has none (e.g. UBND tỉnh).</summary>
    public string Parent { get; init; } = "";

    /// <summary>Tên cơ quan ban hành, upper case; may hold a line break ("ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI").</summary>
    public required string Name { get; init; }

    /// <summary>The name as it reads in a sentence: "Ủy ban nhân dân tỉnh Yên Bái".</summary>
    public required string NameInText { get; init; }

    /// <summary>The place name of the date line (địa danh), e.g. "Yên Bái".</summary>
    public required string Place { get; init; }
}

/// <summary>
/// A body that sends invitations (cơ quan mời): the ND30 header (ô 2), its own Giấy mời number, its signature block
/// (ô 7, with the authority TM./KT./TL./TUQ./Q.), its Nơi nhận (ô 9b), and which delegates it invites.
/// </summary>
public sealed record InvitingIssuer
{
    public required string Id { get; init; }
    public required Issuer Issuer { get; init; }
    public required Signer Signer { get; init; }

    /// <summary>The Giấy mời number and ký hiệu of this issuer ("215/GM-SGDĐT").</summary>
    public required string Number { get; init; }

    public DateOnly Date { get; init; }
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Protocol groups this issuer invites (empty = any group).</summary>
    public IReadOnlyList<ProtocolGroup> Groups { get; init; } = [];

    /// <summary>Venue ids this issuer invites to (empty = any venue).</summary>
    public IReadOnlyList<string> Venues { get; init; } = [];

    public bool IsMain { get; init; }

    /// <summary>True when the issuer's <c>invites</c> names at least one criterion and all of them cover the delegate.</summary>
    public bool Invites(ConferenceDelegate d, string mainHallId)
    {
        if (IsMain || (Groups.Count == 0 && Venues.Count == 0))
        {
            return false;
        }

        var venue = d.VenueId.Length > 0 ? d.VenueId : mainHallId;
        return (Groups.Count == 0 || Groups.Contains(d.Group))
            && (Venues.Count == 0 || Venues.Any(v => string.Equals(v, venue, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>
/// The plan's <c>bridge_point_letter</c>: the công văn (ND30 Mẫu 1.5) asking each bridge point's host to organise its
/// point — whom to invite there (Kế hoạch 90/KH-UBND mục III.3.2), the technical preparation, the deadlines.
/// </summary>
public sealed record BridgePointLetterSettings
{
    /// <summary>"127/UBND-VX": a công văn's ký hiệu is the issuer and the drafting unit, no type abbreviation.</summary>
    public required string Number { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary>Trích yếu, "V/v …".</summary>
    public required string Subject { get; init; }

    /// <summary>What the letter implements: "Kế hoạch số 90/KH-UBND ngày 31/3/2023 của Ủy ban nhân dân tỉnh".</summary>
    public string Basis { get; init; } = "";

    /// <summary>Whom the host invites to its bridge point (thành phần), one line each.</summary>
    public IReadOnlyList<string> Attendees { get; init; } = [];

    /// <summary>When the host sends the list of delegates at its point (default: conference.confirm_by).</summary>
    public DateOnly? ReportBy { get; init; }

    /// <summary>Id of the issuer that sends it (default: the plan's issuer).</summary>
    public string IssuerId { get; init; } = "";

    /// <summary>Its own signer, when not the issuer's.</summary>
    public Signer? Signer { get; init; }

    /// <summary>Nơi nhận after "Như trên;" (which a công văn always starts with).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
}

/// <summary>In person, online, or both.</summary>
public enum ConferenceForm
{
    InPerson,
    Online,
    Hybrid,
}

public sealed record ConferenceInfo
{
    /// <summary>Full title: "Hội nghị đối thoại giữa Lãnh đạo tỉnh … năm 2023".</summary>
    public required string Title { get; init; }

    public string Purpose { get; init; } = "";

    /// <summary>Why the conference is held, read by the MC ("tuyên bố lý do").</summary>
    public string Reason { get; init; } = "";

    public required DateOnly Date { get; init; }
    public required TimeOnly Start { get; init; }
    public ConferenceForm Form { get; init; } = ConferenceForm.Hybrid;

    /// <summary>Who chairs (chủ trì), as printed on the invitation.</summary>
    public required string Chair { get; init; }

    /// <summary>Link to the conference documents; each delegate's QR carries it with the delegate's code.</summary>
    public required string PacketUrl { get; init; }

    /// <summary>Short code used in delegate codes and file names, e.g. "YB23".</summary>
    public required string Code { get; init; }

    /// <summary>Who to call about the invitation (liên hệ).</summary>
    public Contact? Contact { get; init; }

    /// <summary>Attendance to be confirmed by this date, if any.</summary>
    public DateOnly? ConfirmBy { get; init; }
}

public sealed record Contact(string Name, string Phone, string Email);

/// <summary>The main hall or an online bridge point (điểm cầu). Not tied to any administrative tier.</summary>
public sealed record Venue
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Address { get; init; } = "";

    /// <summary>The body that runs this point (UBND huyện …, UBND xã …, Sở …).</summary>
    public string Host { get; init; } = "";

    public Contact? TechnicalContact { get; init; }

    /// <summary>Notes printed only on the letters of delegates at this venue ("có mặt trước 15 phút …").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>When the bridge point tests its connection with the main hall (a bridge point's letters say it).</summary>
    public TimeOnly? ConnectionTest { get; init; }

    public bool IsMain { get; init; }
    public HallLayout? Layout { get; init; }
}

/// <summary>The seating of the main hall: a presidium table and rows of seats in blocks.</summary>
public sealed record HallLayout
{
    public int PresidiumSeats { get; init; }
    public int Rows { get; init; }
    public int SeatsPerRow { get; init; }

    /// <summary>Seats per block across a row, left to right (sum = SeatsPerRow); empty means one block.</summary>
    public IReadOnlyList<int> Blocks { get; init; } = [];

    /// <summary>Front rows kept for leaders by rank before bodies and units are seated.</summary>
    public int ReservedFrontRows { get; init; } = 2;
}

public sealed record ProgrammeItem
{
    public required string Title { get; init; }
    public required int Minutes { get; init; }
    public string Lead { get; init; } = "";

    /// <summary>True for the dialogue part, where the topics are taken in order.</summary>
    public bool IsDialogue { get; init; }

    /// <summary>A stable key for the script ("welcome", "opening", "dialogue", "closing", …); optional.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The dialogue item only: a giải lao is taken inside it when it is longer than this (minutes).</summary>
    public int BreakAfter { get; init; } = 90;

    /// <summary>The dialogue item only: the length of the giải lao (minutes); 0 = none.</summary>
    public int BreakMinutes { get; init; } = 10;
}

public sealed record Topic
{
    public required int Number { get; init; }
    public required string Title { get; init; }

    /// <summary>A short name for sheet names and dropdowns ("Đội ngũ").</summary>
    public required string ShortName { get; init; }

    /// <summary>The departments that answer, first = lead.</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>Words that suggest this topic when a question arrives without one.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Minutes of the dialogue given to this topic; null = a share of what the other topics leave, by <see cref="Weight"/>.</summary>
    public int? Minutes { get; init; }

    /// <summary>This topic's share of the dialogue time not given in minutes (default 1: equal shares).</summary>
    public int Weight { get; init; } = 1;
}

public sealed record Deadline
{
    public required string Id { get; init; }
    public required DateOnly Date { get; init; }
    public required string Description { get; init; }
    public string From { get; init; } = "";
    public string To { get; init; } = "";
}

/// <summary>A unit that must send questions (a district, commune, school group…) and its deadline.</summary>
public sealed record Unit
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string VenueId { get; init; } = "";
    public string Email { get; init; } = "";

    /// <summary>Id of the deadline that applies (default: the first deadline).</summary>
    public string DeadlineId { get; init; } = "";
}

public sealed record Signer
{
    /// <summary>"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", or empty when the head signs in person.</summary>
    public string Authority { get; init; } = "";

    /// <summary>"CHỦ TỊCH", "PHÓ CHỦ TỊCH".</summary>
    public required string Position { get; init; }

    public required string Name { get; init; }
}

/// <summary>Number, date and subject of one generated document (Giấy mời, Chương trình…).</summary>
public sealed record DocumentSettings
{
    /// <summary>"125/GM-UBND"; numbers below 10 carry a leading zero.</summary>
    public required string Number { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary>Trích yếu (the line under the document type).</summary>
    public required string Subject { get; init; }

    /// <summary>Lines printed after the time and place (các vấn đề cần lưu ý).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Template file relative to the plan folder; empty = the built-in template.</summary>
    public string Template { get; init; } = "";
}

public sealed record SharingSettings
{
    /// <summary>SharePoint site URL; empty = publish to the local share folder.</summary>
    public string SiteUrl { get; init; } = "";

    public string Library { get; init; } = "";
    public string Folder { get; init; } = "";

    /// <summary>"organization" (default) or "anonymous" (only when the plan asks explicitly).</summary>
    public string LinkScope { get; init; } = "organization";

    public DateOnly? LinkExpires { get; init; }

    /// <summary>E-mail addresses given edit rights on the consolidated question workbook.</summary>
    public IReadOnlyList<string> Editors { get; init; } = [];
}

/// <summary>The plan's <c>protocol:</c> section (docs/protocol.md).</summary>
public sealed record ProtocolSettings
{
    /// <summary>Words naming the sector's bodies ("Giáo dục và Đào tạo", "Trường Tiểu học"): their staff form the group "Ngành".</summary>
    public IReadOnlyList<string> Sector { get; init; } = [];

    /// <summary>How the MC names the sector: "ngành Giáo dục và Đào tạo".</summary>
    public string SectorName { get; init; } = "";

    /// <summary>The lowest title level the MC introduces by name; lower ones are read collectively by body.</summary>
    public TitleLevel IntroduceDownTo { get; init; } = TitleLevel.Head;

    /// <summary>Titles the province adds to the built-in table; tried first.</summary>
    public IReadOnlyList<ProtocolTitles.TitleRule> Titles { get; init; } = [];
}
