using System.Globalization;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Programme;

/// <summary>One item of the programme with its computed start and end.</summary>
internal sealed record ScheduleSlot(ProgrammeItem Item, TimeOnly Start, TimeOnly End)
{
    /// <summary>"07h30 – 07h45", the form printed in the programme and the script.</summary>
    public string Range => ConferenceSchedule.FormatRange(Start, End);
}

/// <summary>
/// One part of the dialogue item: a topic with its time and the bridge points whose turn it is to ask, or the giải lao
/// (<see cref="Topic"/> null).
/// </summary>
internal sealed record DialoguePart(Topic? Topic, TimeOnly Start, TimeOnly End, IReadOnlyList<Venue> BridgeTurn)
{
    /// <summary>The open turn at the end (time left when every topic has fixed minutes): questions from the hall and every bridge point.</summary>
    public bool Open { get; init; }

    public bool IsBreak => Topic is null && !Open;

    /// <summary>"08h10 – 08h30".</summary>
    public string Range => ConferenceSchedule.FormatRange(Start, End);
}

/// <summary>
/// The one place where programme times are computed: the conference start plus the running total of item durations.
/// The programme, the MC's script and the invitation all read their times from here, so a changed duration moves
/// every later time everywhere at once.
/// </summary>
internal sealed record ConferenceSchedule(IReadOnlyList<ScheduleSlot> Slots, TimeOnly Start, TimeOnly End)
{
    /// <summary>The dialogue item cut into topics (and a giải lao), in order; empty when the plan has no dialogue or topics.</summary>
    public IReadOnlyList<DialoguePart> DialogueParts { get; private init; } = [];

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

        var schedule = new ConferenceSchedule(slots, plan.Conference.Start, at);
        return schedule.Dialogue is { } dialogue ? schedule with { DialogueParts = Parts(plan, dialogue) } : schedule;
    }

    /// <summary>The giải lao taken inside a dialogue item: its minutes when the item is longer than its limit, else 0.</summary>
    public static int BreakOf(ProgrammeItem dialogue) =>
        dialogue.BreakMinutes > 0 && dialogue.Minutes > dialogue.BreakAfter && dialogue.Minutes > dialogue.BreakMinutes ? dialogue.BreakMinutes : 0;

    /// <summary>
    /// Topic times within the dialogue: a topic with <c>minutes</c> gets them; the others share what is left (after the
    /// giải lao) by weight, in whole minutes that add up exactly. The giải lao falls between the topics nearest the
    /// middle. Bridge points take turns: each topic invites the next ones in plan order, so every point asks once
    /// before any asks twice. When every topic has fixed minutes and time is left, the rest is an open turn at the end.
    /// </summary>
    private static List<DialoguePart> Parts(ConferencePlan plan, ScheduleSlot dialogue)
    {
        var topics = plan.Topics.OrderBy(t => t.Number).ToList();
        if (topics.Count == 0)
        {
            return [];
        }

        var pause = BreakOf(dialogue.Item);
        var available = Math.Max(0, dialogue.Item.Minutes - pause);
        var minutes = new int[topics.Count];
        var rest = Math.Max(0, available - topics.Sum(t => t.Minutes ?? 0));
        var shared = topics.Select((t, i) => (t, i)).Where(x => x.t.Minutes is null).ToList();
        var weights = shared.Sum(x => x.t.Weight);
        var given = 0;
        foreach (var (t, i) in topics.Select((t, i) => (t, i)))
        {
            if (t.Minutes is { } fixedMinutes)
            {
                minutes[i] = fixedMinutes;
            }
        }

        // Largest remainder: whole minutes that add up to the time left.
        var exact = shared.Select(x => (x.i, Share: weights == 0 ? 0.0 : (double)rest * x.t.Weight / weights)).ToList();
        foreach (var (i, share) in exact)
        {
            minutes[i] = (int)Math.Floor(share);
            given += minutes[i];
        }

        foreach (var (i, _) in exact.OrderByDescending(x => x.Share - Math.Floor(x.Share)).ThenBy(x => x.i).Take(rest - given))
        {
            minutes[i]++;
        }

        var total = minutes.Sum();
        var breakAfter = -1;
        if (pause > 0 && topics.Count > 1)
        {
            var best = int.MaxValue;
            var running = 0;
            for (var i = 0; i < topics.Count - 1; i++)
            {
                running += minutes[i];
                var distance = Math.Abs(2 * running - total);
                if (distance < best)
                {
                    best = distance;
                    breakAfter = i;
                }
            }
        }

        var points = plan.BridgePoints;
        var perTopic = points.Count == 0 ? 0 : (points.Count + topics.Count - 1) / topics.Count;
        var parts = new List<DialoguePart>();
        var at = dialogue.Start;
        var next = 0;
        for (var i = 0; i < topics.Count; i++)
        {
            var turn = new List<Venue>();
            for (var k = 0; k < perTopic; k++)
            {
                turn.Add(points[next++ % points.Count]);
            }

            parts.Add(new DialoguePart(topics[i], at, at.AddMinutes(minutes[i]), turn));
            at = at.AddMinutes(minutes[i]);
            if (i == breakAfter)
            {
                parts.Add(new DialoguePart(null, at, at.AddMinutes(pause), []));
                at = at.AddMinutes(pause);
            }
        }

        if (pause > 0 && breakAfter < 0)
        {
            parts.Add(new DialoguePart(null, at, at.AddMinutes(pause), []));
            at = at.AddMinutes(pause);
        }

        if (at < dialogue.End)
        {
            parts.Add(new DialoguePart(null, at, dialogue.End, points) { Open = true });
        }

        return parts;
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
