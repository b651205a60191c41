using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>
/// The delegate page of one conference, when it is on: its public address and the conference's key. A delegate's link
/// is <c>{base}/d/{code}?k={token}</c>; the add-in host serves it, the invitations' QR codes carry it.
/// </summary>
public sealed record DelegatePage(string BaseUrl, ConferenceKey Key)
{
    /// <summary>The path segment of the delegate pages.</summary>
    public const string Segment = "d";

    /// <summary>The query parameter that carries the token.</summary>
    public const string TokenParameter = "k";

    /// <summary>The link of <paramref name="delegateCode"/>'s page (its QR code).</summary>
    public string LinkFor(string delegateCode) =>
        $"{BaseUrl}/{Segment}/{Uri.EscapeDataString(delegateCode)}?{TokenParameter}={Key.Token(delegateCode)}";

    /// <summary>The door page of venue <paramref name="venueId"/> (the door code is typed on it, never put in the link).</summary>
    /// <remarks>The host serves it at <c>/cua/{conference}/{venue}</c> (venue ids repeat across plans).</remarks>
    public string DoorLink(string venueId) => $"{BaseUrl}/cua/{Uri.EscapeDataString(Key.ConferenceCode)}/{Uri.EscapeDataString(venueId)}";

    /// <summary>The last moment the page still opens: the conference day's end plus the configured days.</summary>
    public static DateTimeOffset ExpiresAt(ConferencePlan plan, int expiresAfterDays) =>
        new DateTimeOffset(plan.Conference.Date.AddDays(Math.Max(0, expiresAfterDays) + 1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);

    /// <summary>Changes are accepted until the end of the plan's confirmation day (<c>confirm_by</c>), else until the conference starts.</summary>
    public static DateTimeOffset ChangesCloseAt(ConferencePlan plan) =>
        plan.Conference.ConfirmBy is { } by
            ? new DateTimeOffset(by.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset)
            : new DateTimeOffset(plan.Conference.Date.ToDateTime(plan.Conference.Start), VietnamTime.Offset);
}

/// <summary>Dates in a plan are Vietnam's (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Now(TimeProvider time) => time.GetUtcNow().ToOffset(Offset);
}
