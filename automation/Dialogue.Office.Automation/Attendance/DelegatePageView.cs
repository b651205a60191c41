using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>One line of the programme on the delegate page.</summary>
public sealed record PageProgrammeLine(string Time, string Title, string Lead);

/// <summary>
/// What the delegate page shows, in Vietnamese, for one delegate: the letter's own values (addressee, time, place,
/// seat), the programme, the current answer and whether changes are still accepted. Never a phone number or an e-mail
/// address: not the delegate's, not the secretariat's, not the technical contact's.
/// </summary>
public sealed record DelegatePageView
{
    public required string ConferenceTitle { get; init; }
    public required string Issuer { get; init; }
    public required string DelegateCode { get; init; }

    /// <summary>"Đồng chí Nguyễn Văn A, Giám đốc Sở Nội vụ" (the letter's "Kính gửi").</summary>
    public required string Addressee { get; init; }

    public required string Time { get; init; }
    public required string Venue { get; init; }
    public required string VenueAddress { get; init; }
    public required bool IsMainHall { get; init; }

    /// <summary>"Hàng A – Ghế 05"; empty when the delegate has no seat (a bridge point, or no seating).</summary>
    public string Seat { get; init; } = "";

    /// <summary>The venue's arrival notes (no contact details).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<PageProgrammeLine> Programme { get; init; } = [];

    /// <summary>The documents link (the plan's packet URL), shown when no published file is listed.</summary>
    public string DocumentsUrl { get; init; } = "";

    /// <summary>The published files meant for this delegate (<see cref="DelegateDocuments.For"/>).</summary>
    public IReadOnlyList<PageDocument> Documents { get; init; } = [];

    public AttendanceAnswer? Answer { get; init; }
    public IReadOnlyList<AttendanceAnswer> History { get; init; } = [];
    public AttendanceCheckIn? CheckIn { get; init; }

    /// <summary>Until when answers are accepted (Vietnam time).</summary>
    public required DateTimeOffset ChangesCloseAt { get; init; }

    public required bool ChangesOpen { get; init; }

    /// <summary>"trước 24 giờ ngày 21/4/2023".</summary>
    public string ChangesCloseText => $"trước 24 giờ ngày {VietnameseText.ShortDate(DateOnly.FromDateTime(ChangesCloseAt.AddTicks(-1).DateTime))}";

    public static DelegatePageView For(ConferencePlan plan, ConferenceDelegate d, IReadOnlyDictionary<string, string>? seats, DateTimeOffset now)
    {
        var venue = plan.FindVenue(d.VenueId) ?? plan.MainHall;
        var common = InvitationGenerator.CommonValues(plan);
        var schedule = ConferenceSchedule.Compute(plan);
        var closes = DelegatePage.ChangesCloseAt(plan);

        // The venue's own notes only when they carry no contact (the letter's generated line names the technician's phone).
        var notes = venue.Notes.Where(n => !HasContact(n)).ToList();
        if (!venue.IsMain && venue.ConnectionTest is { } test)
        {
            notes.Add($"Kiểm tra kết nối lúc {VietnameseText.Time(test)}.");
        }

        return new DelegatePageView
        {
            ConferenceTitle = plan.Conference.Title,
            Issuer = plan.Issuer.NameInText,
            DelegateCode = d.Code,
            Addressee = d.Addressee,
            Time = common["ThoiGian"],
            Venue = venue.Name,
            VenueAddress = venue.Address,
            IsMainHall = venue.IsMain,
            Seat = venue.IsMain ? seats?.GetValueOrDefault(d.Code) ?? "" : "",
            Notes = notes,
            Programme = [.. schedule.Slots.Select(s => new PageProgrammeLine(VietnameseText.Time(s.Start), s.Item.Title, s.Item.Lead))],
            DocumentsUrl = plan.Conference.PacketUrl,
            ChangesCloseAt = closes,
            ChangesOpen = now < closes,
        };
    }

    private static bool HasContact(string text) =>
        text.Contains('@', StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(text, @"\d{3,}[\s.]?\d{3,}");
}
