using System.Globalization;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Programme;

/// <summary>One item of the programme with its computed start and end.</summary>
public sealed record ScheduleSlot(ProgrammeItem Item, TimeOnly Start, TimeOnly End)
{
    /// <summary>"07h30 – 07h45", the form printed in the programme and the script.</summary>
    public string Range => ConferenceSchedule.FormatRange(Start, End);
}

/// <summary>
/// The one place where programme times are computed: the conference start plus the running total of item durations.
/// The programme, the MC's script and the invitation all read their times from here, so a changed duration moves
/// every later time everywhere at once.
/// </summary>
public sealed record ConferenceSchedule(IReadOnlyList<ScheduleSlot> Slots, TimeOnly Start, TimeOnly End)
{
    public static ConferenceSchedule Compute(ConferencePlan plan)
    {
        var slots = new List<ScheduleSlot>(plan.Programme.Count);
        var at = plan.Conference.Start;
        foreach (var item in plan.Programme)
        {
            var end = at.AddMinutes(Math.Max(0, item.Minutes));
            slots.Add(new ScheduleSlot(item, at, end));
            at = end;
        }

        return new ConferenceSchedule(slots, plan.Conference.Start, at);
    }

    /// <summary>The slot of the first item of a kind ("welcome", "opening"…), if the plan has one.</summary>
    public ScheduleSlot? Find(string kind) =>
        Slots.FirstOrDefault(s => string.Equals(s.Item.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The dialogue part: the item marked <c>dialogue: true</c>, else the one of kind "dialogue".</summary>
    public ScheduleSlot? Dialogue => Slots.FirstOrDefault(s => s.Item.IsDialogue) ?? Find("dialogue");

    /// <summary>"07h30 – 07h45".</summary>
    public static string FormatRange(TimeOnly start, TimeOnly end) =>
        start == end ? VietnameseText.CompactTime(start) : $"{VietnameseText.CompactTime(start)} – {VietnameseText.CompactTime(end)}";

    /// <summary>"từ 07 giờ 30 đến 11 giờ 00, thứ Ba, ngày 25/4/2023".</summary>
    public string Sentence(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture,
            $"từ {VietnameseText.Time(Start)} đến {VietnameseText.Time(End)}, {VietnameseText.DayOfWeek(date)}, ngày {VietnameseText.ShortDate(date)}");
}
