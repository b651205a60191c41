using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.QrCodes;
using Dialogue.Office.Automation.Templating;

namespace Dialogue.Office.Automation.Invitations;

/// <summary>
/// The field values one delegate's invitation will carry, for a preview in Word (the task pane fills the open draft's
/// tagged content controls with them). Same values as <see cref="InvitationGenerator.Generate"/> writes.
/// </summary>
public static class InvitationPreview
{
    /// <summary>
    /// Every text field of the vocabulary (common and per-delegate) for the delegate with <paramref name="delegateCode"/>,
    /// or null when the plan has no such delegate. Picture fields (<see cref="FieldKind.Picture"/>) are not included; bold
    /// markers are removed.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Values(ConferencePlan plan, string delegateCode, string? packetUrl = null, IReadOnlyDictionary<string, string>? seats = null, Attendance.DelegatePage? page = null)
    {
        var d = plan.Delegates.FirstOrDefault(x => string.Equals(x.Code, delegateCode, StringComparison.OrdinalIgnoreCase));
        if (d is null)
        {
            return null;
        }

        var values = InvitationGenerator.CommonValues(plan, page is not null);
        var link = DelegateQrLink.For(packetUrl ?? plan.Conference.PacketUrl, d.Code, page);
        InvitationGenerator.SetDelegateValues(values, plan, d, link, seats?.GetValueOrDefault(d.Code) ?? "", page is not null);

        // Paragraph fields mark bold runs with **…** for the generator; a preview typed into Word shows plain text.
        // Merge-only keys (list columns "@…", the letter date "#date") are not content-control tags.
        return values.Where(kv => kv.Key[0] is not ('@' or '#')).ToDictionary(kv => kv.Key, kv => kv.Value.Replace("**", "", StringComparison.Ordinal), StringComparer.Ordinal);
    }
}
