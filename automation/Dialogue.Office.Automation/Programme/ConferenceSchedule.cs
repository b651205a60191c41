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
        // Plain loops and arrays here, not LINQ over (topic, index) tuples: those are generic instantiations ReadyToRun
        // cannot precompile, JIT-compiled at every start of every command that loads a plan (issue 17).
        var topics = new List<Topic>(plan.Topics.Count);
        foreach (var topic in plan.Topics)
        {
            var place = topics.Count;
            while (place > 0 && topics[place - 1].Number > topic.Number)
            {
                place--; // stable: equal numbers keep the plan's order
            }

            topics.Insert(place, topic);
        }

        if (topics.Count == 0)
        {
            return [];
        }

        var pause = BreakOf(dialogue.Item);
        var available = Math.Max(0, dialogue.Item.Minutes - pause);
        var minutes = new int[topics.Count];
        var fixedTotal = 0;
        var weights = 0;
        for (var i = 0; i < topics.Count; i++)
        {
            if (topics[i].Minutes is { } fixedMinutes)
            {
                minutes[i] = fixedMinutes;
                fixedTotal += fixedMinutes;
            }
            else
            {
                weights += topics[i].Weight;
            }
        }

        var rest = Math.Max(0, available - fixedTotal);

        // Largest remainder: whole minutes that add up to the time left; the largest fractions (then the earlier topic)
        // get the minutes left over.
        var fraction = new double[topics.Count];
        var given = 0;
        for (var i = 0; i < topics.Count; i++)
        {
            if (topics[i].Minutes is null)
            {
                var share = weights == 0 ? 0.0 : (double)rest * topics[i].Weight / weights;
                minutes[i] = (int)Math.Floor(share);
                fraction[i] = share - Math.Floor(share);
                given += minutes[i];
            }
            else
            {
                fraction[i] = -1; // not shared
            }
        }

        for (var left = rest - given; left > 0; left--)
        {
            var best = -1;
            for (var i = 0; i < topics.Count; i++)
            {
                if (fraction[i] >= 0 && (best < 0 || fraction[i] > fraction[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            minutes[best]++;
            fraction[best] = -1;
        }

        var total = 0;
        foreach (var m in minutes)
        {
            total += m;
        }
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
