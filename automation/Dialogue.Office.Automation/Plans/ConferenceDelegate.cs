namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// Protocol groups (../shared/research/domain.md §2.2): central → provincial Party standing committee → its standing
/// board → People's Council → People's Committee → Fatherland Front → National Assembly delegation → Party boards,
/// departments and bodies → lower tiers → the sector's own staff → press. The listing order is
/// <see cref="ProtocolTitles.TierOrder"/>, not the numeric value.
/// </summary>
public enum ProtocolGroup
{
    Central = 1,
    PartyStanding = 2,
    PeoplesCouncil = 3,
    PeoplesCommittee = 4,
    FatherlandFront = 5,
    NationalAssembly = 6,
    PartyBoards = 7,
    Departments = 8,
    LowerTier = 9,
    Sector = 10,
    Press = 11,

    /// <summary>Ủy viên Ban Thường vụ cấp ủy: after the Thường trực, before HĐND (numbered last to keep the numbers clerks may have typed).</summary>
    StandingBoard = 12,
}

/// <summary>A person invited by name, or a body invited through its leadership.</summary>
public enum AddresseeKind
{
    Person,
    Body,
}

/// <summary>One row of the delegate list.</summary>
public sealed record ConferenceDelegate
{
    /// <summary>Row number in the delegate file (for locations).</summary>
    public required int Row { get; init; }

    /// <summary>Stable code printed in the QR link; used to confirm attendance and check in.</summary>
    public required string Code { get; init; }

    public int Number { get; init; }

    /// <summary>"Đồng chí", "Ông", "Bà" (persons only).</summary>
    public string Honorific { get; init; } = "";

    public string FullName { get; init; } = "";

    /// <summary>Full position as written after the name: "Giám đốc Sở Nội vụ".</summary>
    public string Position { get; init; } = "";

    /// <summary>The body (cơ quan, đơn vị) the delegate belongs to or represents.</summary>
    public string Organization { get; init; } = "";

    /// <summary>The addressee line exactly as the clerk wants it, when the rule does not fit.</summary>
    public string AddresseeOverride { get; init; } = "";

    public AddresseeKind Kind { get; init; }
    public ProtocolGroup Group { get; init; } = ProtocolGroup.Departments;

    /// <summary>Rank within the group from the titles held (<see cref="ProtocolTitles"/>), lower = higher.</summary>
    public int Rank { get; init; } = 100;

    /// <summary>The clerk's "Thứ bậc" (1 = highest), refining the order among delegates of equal title rank.</summary>
    public int? ClerkRank { get; init; }

    /// <summary>How high the title is: decides who is introduced by name and who collectively by body.</summary>
    public TitleLevel Level { get; init; } = TitleLevel.Staff;

    /// <summary>Order of the delegate's body among bodies of equal rank (offices, ban Đảng, sở …).</summary>
    public int BodyOrder { get; init; } = 1000;

    public required string VenueId { get; init; }
    public bool IsPresidium { get; init; }

    /// <summary>What the delegate does at the conference (the list's "Vai trò" column, else the plan's <c>roles:</c>).</summary>
    public DelegateRole Role { get; init; }

    /// <summary>The list's "Cơ quan mời" column: the id of the issuer that invites this delegate ("" = by the plan's rules).</summary>
    public string IssuerId { get; init; } = "";
    public string Email { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Note { get; init; } = "";

    /// <summary>
    /// Every cell of the delegate's row under its header as written in the list (cleaned text, "" when blank), known
    /// columns or not: an office's own mail-merge template names its fields after these headers.
    /// </summary>
    public IReadOnlyDictionary<string, string> Cells { get; init; } = new Dictionary<string, string>();

    /// <summary>"Kính gửi: …" text: "Đồng chí Nguyễn Văn A, Giám đốc Sở Nội vụ" or "Lãnh đạo Sở Tài chính".</summary>
    public string Addressee
    {
        get
        {
            if (AddresseeOverride.Length > 0)
            {
                return AddresseeOverride;
            }

            if (Kind == AddresseeKind.Person)
            {
                var who = Honorific.Length > 0 ? $"{Honorific} {FullName}" : FullName;
                var what = Position.Length > 0 ? Position : Organization;
                return what.Length > 0 ? $"{who}, {what}" : who;
            }

            return Organization.Length > 0 ? $"Lãnh đạo {Organization}" : "";
        }
    }

    /// <summary>How the body of the letter names the invitee: "đồng chí", "ông", "bà", or the addressee for a body.</summary>
    public string FormOfAddress =>
        Kind == AddresseeKind.Person
            ? (Honorific.Length > 0 ? Honorific.ToLowerInvariant() : "đồng chí")
            : (AddresseeOverride.Length > 0 ? AddresseeOverride : $"Lãnh đạo {Organization}");
}
