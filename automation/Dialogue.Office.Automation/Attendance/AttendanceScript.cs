using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>
/// The plan as the MC should introduce it, from the register: delegates who answered "Vắng mặt" are left out, and a
/// substitute takes the delegate's place in the protocol order (the same seat) and is introduced as "đồng chí X,
/// {chức vụ}, dự thay đồng chí Y". Everyone else is introduced as invited (no answer is not an absence). A delegate
/// who checked in is where the door recorded them. A bridge point whose door has checked anyone in is greeted with who
/// is actually there: its delegates are those checked in at it, the greeting names the highest of them and counts the
/// rest (<see cref="Changes.PresentAtBridgePoints"/>, passed to <c>ScriptRequest.PresentAtBridgePoints</c>); a point
/// with no check-in yet keeps the greeting from the answers.
/// </summary>
public static class AttendanceScript
{
    /// <summary>What changed, for the summary: who was left out and who is introduced in whose place.</summary>
    /// <param name="Absent">Left out: answered "Vắng mặt" and did not check in.</param>
    /// <param name="Substitutes">Introduced in the place of the invited delegate.</param>
    /// <param name="PresentAtBridgePoints">How many checked in at each bridge point that has check-ins (by venue id).</param>
    public sealed record Changes(
        IReadOnlyList<ConferenceDelegate> Absent,
        IReadOnlyList<(ConferenceDelegate Invited, AttendanceAnswer Substitute)> Substitutes,
        IReadOnlyDictionary<string, int> PresentAtBridgePoints);

    public static ConferencePlan Apply(ConferencePlan plan, IReadOnlyDictionary<string, DelegateAttendance> register, out Changes changes)
    {
        var absent = new List<ConferenceDelegate>();
        var substitutes = new List<(ConferenceDelegate, AttendanceAnswer)>();
        var delegates = new List<ConferenceDelegate>(plan.Delegates.Count);

        // The bridge points whose door has checked someone in of this plan: their greeting follows the check-ins.
        var codes = plan.Delegates.Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var present = plan.BridgePoints
            .Select(p => (p.Id, Count: register.Values.Count(a => codes.Contains(a.DelegateCode) && a.CheckIn is { } c && string.Equals(c.VenueId, p.Id, StringComparison.OrdinalIgnoreCase))))
            .Where(p => p.Count > 0)
            .ToDictionary(p => p.Id, p => p.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var invited in plan.Delegates)
        {
            var state = register.GetValueOrDefault(invited.Code);
            var d = state?.CheckIn is { } checkIn && plan.FindVenue(checkIn.VenueId) is { } at ? invited with { VenueId = at.Id } : invited;
            if (state?.CheckIn is null && present.ContainsKey(d.VenueId))
            {
                // A counted bridge point: whoever did not check in there is not introduced there.
                continue;
            }

            var answer = state?.Answer;
            switch (answer?.Status)
            {
                // Checked in after all: present, whatever was answered.
                case AttendanceStatus.Absent when state!.CheckIn is null:
                    absent.Add(invited);
                    break;
                case AttendanceStatus.Substitute:
                    substitutes.Add((invited, answer));
                    delegates.Add(Substitute(d, answer));
                    break;
                default:
                    delegates.Add(d);
                    break;
            }
        }

        changes = new Changes(absent, substitutes, present);
        return PlanLoader.WithDelegates(plan, delegates);
    }

    /// <summary>The substitute as a named person in the invited delegate's place: "dự thay đồng chí Y" after the position.</summary>
    private static ConferenceDelegate Substitute(ConferenceDelegate d, AttendanceAnswer answer)
    {
        var invited = d.Kind == AddresseeKind.Person && d.FullName.Length > 0
            ? $"dự thay {(d.Honorific.Length > 0 ? d.Honorific.ToLowerInvariant() : "đồng chí")} {d.FullName}"
            : $"đại diện {(d.Organization.Length > 0 ? d.Organization : d.Addressee)}";
        return d with
        {
            Kind = AddresseeKind.Person,
            Honorific = "Đồng chí",
            FullName = answer.SubstituteName,
            Position = $"{answer.SubstitutePosition}, {invited}",
            AddresseeOverride = "",
        };
    }
}
