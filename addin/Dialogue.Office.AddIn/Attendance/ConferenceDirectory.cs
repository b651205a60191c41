using System.Collections.Concurrent;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Seating;
using Microsoft.Extensions.Options;

namespace Dialogue.Office.AddIn.Attendance;

/// <summary>One conference the delegate pages serve: its plan (loaded once per change of its files), key and seats.</summary>
public sealed record AttendanceConference(
    string PlanId,
    ConferencePlan Plan,
    ConferenceKey Key,
    IReadOnlyDictionary<string, string> Seats,
    IReadOnlyDictionary<string, ConferenceDelegate> Delegates,
    DateTimeOffset ExpiresAt)
{
    public string Code => Plan.Conference.Code;
}

/// <summary>
/// The conferences of the plan store that have an attendance key, cached until their plan.yaml or delegate list
/// changes. Finds a delegate only with the right token: an unknown code, a wrong token, another conference's token and
/// an expired page are all the same "not found".
/// </summary>
public sealed class ConferenceDirectory(PlanStore store, IOptions<AttendanceOptions> options, TimeProvider time, ILogger<ConferenceDirectory> log)
{
    private readonly ConcurrentDictionary<string, (DateTime Stamp, AttendanceConference? Conference)> _cache = new(StringComparer.Ordinal);

    /// <summary>Every conference with a key whose page has not expired.</summary>
    public IEnumerable<AttendanceConference> Conferences()
    {
        var now = time.GetUtcNow();
        foreach (var id in store.Ids())
        {
            if (Load(id) is { } conference && now < conference.ExpiresAt)
            {
                yield return conference;
            }
        }
    }

    /// <summary>The conference and delegate that <paramref name="token"/> opens, or null (same answer for every refusal).</summary>
    public (AttendanceConference Conference, ConferenceDelegate Delegate)? Find(string delegateCode, string? token)
    {
        foreach (var conference in Conferences())
        {
            if (conference.Delegates.TryGetValue(delegateCode, out var d) && conference.Key.Verify(d.Code, token))
            {
                return (conference, d);
            }
        }

        return null;
    }

    /// <summary>The conference with code <paramref name="conferenceCode"/>, or null.</summary>
    public AttendanceConference? Conference(string conferenceCode) =>
        Conferences().FirstOrDefault(c => string.Equals(c.Code, conferenceCode, StringComparison.OrdinalIgnoreCase));

    private AttendanceConference? Load(string id)
    {
        var folder = store.Folder(id);
        if (folder is null)
        {
            return null;
        }

        var stamp = Stamp(folder);
        if (_cache.TryGetValue(id, out var cached) && cached.Stamp == stamp)
        {
            return cached.Conference;
        }

        AttendanceConference? conference = null;
        try
        {
            var loaded = PlanLoader.Load(folder);
            if (PlanGate.Open(loaded, PlanUse.Documents, out _) is { } plan && ConferenceKey.From(options.Value, plan.Conference.Code) is { } key)
            {
                var seats = SeatingGenerator.Assign(plan, new Automation.Diagnostics.ProblemList())?.SeatsByCode ?? new Dictionary<string, string>();
                var delegates = new Dictionary<string, ConferenceDelegate>(StringComparer.OrdinalIgnoreCase);
                foreach (var d in plan.Delegates)
                {
                    delegates.TryAdd(d.Code, d);
                }

                var days = plan.Attendance.ExpiresAfterDays ?? options.Value.ExpiresAfterDays;
                conference = new AttendanceConference(id, plan, key, seats, delegates, DelegatePage.ExpiresAt(plan, days));
            }
        }
        catch (IOException e)
        {
            log.LogWarning("Plan {Plan} not readable for the delegate pages: {Reason}", id, e.Message);
        }

        _cache[id] = (stamp, conference);
        return conference;
    }

    /// <summary>The newest write time of the plan folder's files (plan.yaml, the delegate list).</summary>
    private static DateTime Stamp(string folder)
    {
        var newest = DateTime.MinValue;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var t = File.GetLastWriteTimeUtc(file);
            newest = t > newest ? t : newest;
        }

        return newest;
    }
}
