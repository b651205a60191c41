using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>
/// The plan as the MC should introduce it, from the register: delegates who answered "Vắng mặt" are left out, and a
/// substitute takes the delegate's place in the protocol order (the same seat) and is introduced as "đồng chí X,
/// {chức vụ}, dự thay đồng chí Y". Everyone else is introduced as invited (no answer is not an absence). The bridge
/// points' greeting follows, since it names each point's highest delegate still in the list.
/// </summary>
public static class AttendanceScript
{
    /// <summary>What changed, for the summary: who was left out and who is introduced in whose place.</summary>
    public sealed record Changes(IReadOnlyList<ConferenceDelegate> Absent, IReadOnlyList<(ConferenceDelegate Invited, AttendanceAnswer Substitute)> Substitutes);

    public static ConferencePlan Apply(ConferencePlan plan, IReadOnlyDictionary<string, DelegateAttendance> register, out Changes changes)
    {
        var absent = new List<ConferenceDelegate>();
        var substitutes = new List<(ConferenceDelegate, AttendanceAnswer)>();
        var delegates = new List<ConferenceDelegate>(plan.Delegates.Count);
        foreach (var d in plan.Delegates)
        {
            var answer = register.GetValueOrDefault(d.Code)?.Answer;
            switch (answer?.Status)
            {
                // Checked in after all: present, whatever was answered.
                case AttendanceStatus.Absent when register[d.Code].CheckIn is null:
                    absent.Add(d);
                    break;
                case AttendanceStatus.Substitute:
                    substitutes.Add((d, answer));
                    delegates.Add(Substitute(d, answer));
                    break;
                default:
                    delegates.Add(d);
                    break;
            }
        }

        changes = new Changes(absent, substitutes);
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
