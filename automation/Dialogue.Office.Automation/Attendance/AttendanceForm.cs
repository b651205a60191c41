using System.Text;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>
/// The delegate page's form read into an answer: "tham-du", "du-thay" (name and position required), "vang-mat"
/// (reason required). Text is NFC, single-spaced, without control characters, and bounded in length; a refusal is a
/// Vietnamese sentence for the page.
/// </summary>
public static class AttendanceForm
{
    public const int MaxName = 100;
    public const int MaxPosition = 150;
    public const int MaxReason = 300;

    public static AttendanceAnswer? Read(string conferenceCode, string delegateCode, string? choice, string? name, string? position, string? reason,
        DateTimeOffset at, out string? error)
    {
        error = null;
        var status = choice switch
        {
            "tham-du" => AttendanceStatus.Attending,
            "du-thay" => AttendanceStatus.Substitute,
            "vang-mat" => AttendanceStatus.Absent,
            _ => AttendanceStatus.None,
        };
        var n = Clean(name, MaxName);
        var p = Clean(position, MaxPosition);
        var r = Clean(reason, MaxReason);
        switch (status)
        {
            case AttendanceStatus.None:
                error = "Xin chọn một trong ba ô: Tham dự, Cử người dự thay hoặc Vắng mặt.";
                return null;
            case AttendanceStatus.Substitute when n.Length == 0 || p.Length == 0:
                error = "Cử người dự thay: xin ghi họ và tên, chức vụ của người dự thay.";
                return null;
            case AttendanceStatus.Absent when r.Length == 0:
                error = "Vắng mặt: xin ghi lý do vắng mặt.";
                return null;
        }

        return new AttendanceAnswer
        {
            ConferenceCode = conferenceCode,
            DelegateCode = delegateCode,
            Status = status,
            SubstituteName = status == AttendanceStatus.Substitute ? n : "",
            SubstitutePosition = status == AttendanceStatus.Substitute ? p : "",
            Reason = status == AttendanceStatus.Absent ? r : "",
            At = at,
        };
    }

    /// <summary>NFC, control characters removed, runs of white space as one space, trimmed, cut at <paramref name="max"/>.</summary>
    public static string Clean(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var b = new StringBuilder(Math.Min(text.Length, max * 2));
        var space = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch) || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.Format)
            {
                space = b.Length > 0;
                continue;
            }

            if (space)
            {
                b.Append(' ');
                space = false;
            }

            b.Append(ch);
        }

        var s = b.ToString();
        return s.Length <= max ? s : s[..max].TrimEnd();
    }
}

/// <summary>What the door staff see after a scan or a search: who, where they sit, and what to look at.</summary>
public sealed record DoorResult(
    string DelegateCode,
    string Name,
    string Position,
    string Venue,
    string Seat,
    string Status,
    bool AlreadyCheckedIn,
    IReadOnlyList<string> Warnings);

/// <summary>The door's checks: already checked in, a substitute (who to expect), another venue, declared absent.</summary>
public static class DoorCheck
{
    public static DoorResult Result(ConferencePlan plan, ConferenceDelegate d, string doorVenueId, string seat, AttendanceAnswer? answer, CheckInOutcome? outcome)
    {
        var warnings = new List<string>();
        var venue = plan.FindVenue(d.VenueId) ?? plan.MainHall;
        if (!string.Equals(venue.Id, doorVenueId, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"Đại biểu thuộc {venue.Name}, không phải điểm cầu này.");
        }

        if (outcome is { AlreadyCheckedIn: true } o)
        {
            var at = o.CheckIn.At.ToOffset(VietnamTime.Offset);
            var where = plan.FindVenue(o.CheckIn.VenueId)?.Name ?? o.CheckIn.VenueId;
            warnings.Add($"Đã điểm danh trước đó lúc {at:HH:mm} tại {where}.");
        }

        if (answer?.Status == AttendanceStatus.Substitute)
        {
            warnings.Add($"Người dự thay: {answer.SubstituteName}, {answer.SubstitutePosition} – đề nghị kiểm tra đúng người.");
        }

        if (answer?.Status == AttendanceStatus.Absent)
        {
            warnings.Add("Đại biểu đã báo vắng mặt; nay có mặt – ghi nhận tham dự.");
        }

        var name = d.Kind == AddresseeKind.Person ? $"{d.Honorific} {d.FullName}".Trim() : d.Addressee;
        return new DoorResult(d.Code, name, d.Kind == AddresseeKind.Person ? d.Position : d.Organization, venue.Name,
            venue.IsMain ? seat : "", StatusText(answer?.Status ?? AttendanceStatus.None), outcome?.AlreadyCheckedIn ?? false, warnings);
    }

    public static string StatusText(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Attending => "Tham dự",
        AttendanceStatus.Substitute => "Cử người dự thay",
        AttendanceStatus.Absent => "Vắng mặt",
        _ => "Chưa xác nhận",
    };
}
