using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Dialogue.Office.Automation.Conclusions;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>Where the register lives when SharePoint is configured: a list on the conference's site.</summary>
public sealed record AttendanceListTarget
{
    public const string DefaultListName = "Sổ điểm danh đại biểu";

    /// <summary>The site of a conference that <see cref="SiteOf"/> does not name (the configuration's <c>Sharing:SiteUrl</c>).</summary>
    public required string SiteUrl { get; init; }

    /// <summary>The conference's own site by conference code (the plan's <c>sharing.site_url</c>); null or "": <see cref="SiteUrl"/>.</summary>
    public Func<string, string?>? SiteOf { get; init; }

    public string ListName { get; init; } = DefaultListName;

    public GraphConnectionOptions Connection { get; init; } = new();
}

/// <summary>The register could not be read or written (SharePoint unreachable, throttled beyond the retries…); nothing was acknowledged.</summary>
public sealed class AttendanceRegisterUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The register as a SharePoint list on the conference's site, through the real <see cref="GraphServiceClient"/>, so
/// the secretariat sees answers and check-ins in SharePoint and Excel. One item per event (an answer or a check-in),
/// never edited: the history is the list. The latest answer is the answer item with the highest id (SharePoint's ids
/// only grow); the check-in is the check-in item with the lowest id, so two doors scanning the same delegate at once
/// agree on the first. Each item carries a unique event id: a write whose answer was lost on the way back is looked
/// up before it is sent again, and read-back drops repeats. A write is acknowledged (the task completes) only after
/// SharePoint answered 201; throttling (429/503 with Retry-After) is retried by the Graph pipeline on the injected
/// clock, and when the retries run out the write fails with <see cref="AttendanceRegisterUnavailableException"/>.
/// The list is created with typed columns on first use. Times are kept to the second (SharePoint's precision), in UTC.
/// </summary>
public sealed class SharePointAttendanceRegister : IAttendanceRegister, IDisposable
{
    // Internal column names (ASCII, as SharePoint keeps them); the display names are Vietnamese.
    internal const string Conference = "MaHoiNghi";
    internal const string Delegate = "MaDaiBieu";
    internal const string Kind = "LoaiGhiNhan";
    internal const string Answer = "TraLoi";
    internal const string SubstituteName = "NguoiDuThay";
    internal const string SubstitutePosition = "ChucVuNguoiDuThay";
    internal const string Reason = "LyDoVang";
    internal const string Venue = "DiemCau";
    internal const string CheckedInAt = "ThoiGianDiemDanh";
    internal const string Method = "CachDiemDanh";
    internal const string RecordedAt = "ThoiGianGhiNhan";
    internal const string Source = "NguonGhiNhan";
    internal const string EventId = "MaSuKien";

    internal const string AnswerKind = "Trả lời";
    internal const string CheckInKind = "Điểm danh";

    internal static readonly IReadOnlyDictionary<AttendanceStatus, string> AnswerChoices = new Dictionary<AttendanceStatus, string>
    {
        [AttendanceStatus.Attending] = "Tham dự",
        [AttendanceStatus.Substitute] = "Cử người dự thay",
        [AttendanceStatus.Absent] = "Vắng mặt",
    };

    private const int PageSize = 500;

    private readonly AttendanceListTarget _target;
    private readonly GraphServiceClient _client;
    private readonly ConcurrentDictionary<string, Lazy<Task<(string SiteId, string ListId)>>> _lists = new(StringComparer.OrdinalIgnoreCase);

    public SharePointAttendanceRegister(AttendanceListTarget target, TimeProvider? time = null)
    {
        _target = target;
        var clock = time ?? TimeProvider.System;
        var credential = target.Connection.Credential ?? GraphCredentialFactory.Create(target.Connection, clock);
        _client = GraphClientBuilder.Create(target.Connection, credential, clock);
    }

    /// <summary>
    /// Whether a shell that serves delegates (nobody signed in) can keep the register in SharePoint: a site is
    /// configured (<c>Sharing:SiteUrl</c>, as for publishing) and Graph is reached without a person at the keyboard
    /// (client secret, certificate, managed identity, a pipeline's token, or a credential the shell built). A device
    /// code sign-in cannot answer a delegate's phone, so it keeps the SQLite register.
    /// </summary>
    public static bool Configured(string siteUrl, GraphConnectionOptions graph) =>
        siteUrl.Trim().Length > 0 && (graph.Credential is not null || graph.Auth != GraphAuthMode.DeviceCode);

    /// <summary>The list's columns: name, Vietnamese display name, kind; the ones read by filter are indexed.</summary>
    internal static IReadOnlyList<ColumnDefinition> Columns() =>
    [
        new() { Name = Conference, DisplayName = "Mã hội nghị", Required = true, Indexed = true, Text = new TextColumn { MaxLength = 32 } },
        new() { Name = Delegate, DisplayName = "Mã đại biểu", Required = true, Indexed = true, Text = new TextColumn { MaxLength = 64 } },
        new() { Name = Kind, DisplayName = "Loại ghi nhận", Required = true, Choice = new ChoiceColumn { Choices = [AnswerKind, CheckInKind], DisplayAs = "dropDownMenu", AllowTextEntry = false } },
        new() { Name = Answer, DisplayName = "Trả lời", Choice = new ChoiceColumn { Choices = [.. AnswerChoices.Values], DisplayAs = "dropDownMenu", AllowTextEntry = false } },
        new() { Name = SubstituteName, DisplayName = "Người dự thay", Text = new TextColumn { MaxLength = 255 } },
        new() { Name = SubstitutePosition, DisplayName = "Chức vụ người dự thay", Text = new TextColumn { MaxLength = 255 } },
        new() { Name = Reason, DisplayName = "Lý do vắng mặt", Text = new TextColumn { AllowMultipleLines = true } },
        new() { Name = Venue, DisplayName = "Điểm cầu", Text = new TextColumn { MaxLength = 64 } },
        new() { Name = CheckedInAt, DisplayName = "Thời gian điểm danh", DateTime = new DateTimeColumn { Format = "dateTime" } },
        new() { Name = Method, DisplayName = "Cách điểm danh", Text = new TextColumn { MaxLength = 16 } },
        new() { Name = RecordedAt, DisplayName = "Thời gian ghi nhận", Required = true, DateTime = new DateTimeColumn { Format = "dateTime" } },
        new() { Name = Source, DisplayName = "Nguồn ghi nhận", Text = new TextColumn { MaxLength = 32 } },
        new() { Name = EventId, DisplayName = "Mã sự kiện", Required = true, Indexed = true, Text = new TextColumn { MaxLength = 40 } },
    ];

    public async Task AnswerAsync(AttendanceAnswer answer, CancellationToken cancellationToken = default)
    {
        var fields = Common(answer.ConferenceCode, answer.DelegateCode, AnswerKind, answer.At, answer.Source);
        fields[Answer] = AnswerChoices.TryGetValue(answer.Status, out var choice)
            ? choice
            : throw new ArgumentException($"Status {answer.Status} is not an answer.", nameof(answer));
        Put(fields, SubstituteName, answer.SubstituteName);
        Put(fields, SubstitutePosition, answer.SubstitutePosition);
        Put(fields, Reason, answer.Reason);
        await Guard(answer.ConferenceCode, ct => AddAsync(answer.ConferenceCode, fields, ct), cancellationToken);
    }

    public async Task<IReadOnlyList<AttendanceAnswer>> HistoryAsync(string conferenceCode, string delegateCode, CancellationToken cancellationToken = default)
    {
        var rows = await Guard(conferenceCode, ct => RowsAsync(conferenceCode, Key(delegateCode), ct), cancellationToken);
        return rows.Where(r => r.Answer is not null).Select(r => r.Answer!).ToList();
    }

    public async Task<CheckInOutcome> CheckInAsync(AttendanceCheckIn checkIn, CancellationToken cancellationToken = default) =>
        await Guard(checkIn.ConferenceCode, async ct =>
        {
            var code = Key(checkIn.DelegateCode);
            if (FirstCheckIn(await RowsAsync(checkIn.ConferenceCode, code, ct)) is { } earlier)
            {
                return new CheckInOutcome(earlier.CheckIn!, true);
            }

            var fields = Common(checkIn.ConferenceCode, checkIn.DelegateCode, CheckInKind, checkIn.At, "cua");
            fields[Venue] = checkIn.VenueId;
            fields[CheckedInAt] = Time(checkIn.At);
            fields[Method] = checkIn.Method;
            var mine = await AddAsync(checkIn.ConferenceCode, fields, ct);

            // Another door may have written at the same moment: the lowest id is the check-in, for both doors.
            var first = FirstCheckIn(await RowsAsync(checkIn.ConferenceCode, code, ct));
            return first is null || first.EventId == mine
                ? new CheckInOutcome(checkIn with { ConferenceCode = Key(checkIn.ConferenceCode), DelegateCode = code, At = Second(checkIn.At) }, false)
                : new CheckInOutcome(first.CheckIn!, true);
        }, cancellationToken);

    /// <summary>One filtered read on the indexed conference and delegate-code columns; the snapshot's rules (latest answer, first check-in, repeats dropped).</summary>
    public async Task<DelegateRecord> DelegateAsync(string conferenceCode, string delegateCode, CancellationToken cancellationToken = default)
    {
        var code = Key(delegateCode);
        var rows = await Guard(conferenceCode, ct => RowsAsync(conferenceCode, code, ct), cancellationToken);
        return new DelegateRecord(code, rows.Where(r => r.Answer is not null).Select(r => r.Answer!).ToList(), FirstCheckIn(rows)?.CheckIn);
    }

    public async Task<IReadOnlyDictionary<string, DelegateAttendance>> SnapshotAsync(string conferenceCode, CancellationToken cancellationToken = default)
    {
        var rows = await Guard(conferenceCode, ct => RowsAsync(conferenceCode, null, ct), cancellationToken);
        return rows.GroupBy(r => r.DelegateCode, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key,
            g => new DelegateAttendance(g.Key, g.LastOrDefault(r => r.Answer is not null)?.Answer, FirstCheckIn(g)?.CheckIn),
            StringComparer.OrdinalIgnoreCase);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Failures of SharePoint become one exception the shells answer "not recorded, try again"; cancellation passes.</summary>
    private async Task<T> Guard<T>(string conferenceCode, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        try
        {
            return await work(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var problem = GraphCall.ToProblem(e, _target.ListName, SiteFor(conferenceCode));
            throw new AttendanceRegisterUnavailableException(problem.Message, e);
        }
    }

    private string SiteFor(string conferenceCode) =>
        _target.SiteOf?.Invoke(Key(conferenceCode)) is { Length: > 0 } own ? own : _target.SiteUrl;

    /// <summary>The site and list of the conference, found or created once per site (a failed attempt is tried again next time).</summary>
    private async Task<(string SiteId, string ListId)> ListAsync(string conferenceCode, CancellationToken ct)
    {
        var site = SiteFor(conferenceCode);
        var lazy = _lists.GetOrAdd(site, s => new Lazy<Task<(string, string)>>(() => FindOrCreateListAsync(s, CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch when (lazy.Value.IsFaulted)
        {
            _lists.TryRemove(new KeyValuePair<string, Lazy<Task<(string, string)>>>(site, lazy));
            throw;
        }
    }

    private async Task<(string SiteId, string ListId)> FindOrCreateListAsync(string siteUrl, CancellationToken ct)
    {
        Site? site;
        try
        {
            site = await GraphCall.RunAsync(() => _client.Sites[SharePointDestination.SiteKey(siteUrl)].GetAsync(cancellationToken: ct));
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            site = null;
        }

        var siteId = site?.Id ?? throw new SharingFailure("SHARING_SITE_NOT_FOUND", siteUrl);
        if (await FindListAsync(siteId, ct) is { } existing)
        {
            return (siteId, existing);
        }

        try
        {
            var made = await GraphCall.RunAsync(() => _client.Sites[siteId].Lists.PostAsync(
                new List { DisplayName = _target.ListName, Columns = [.. Columns()], ListProp = new ListInfo { Template = "genericList" } },
                cancellationToken: ct));
            return (siteId, made?.Id ?? throw new SharingFailure("SHARING_LIST_FAILED", _target.ListName));
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.Conflict)
        {
            // Another host created it in between.
            return (siteId, await FindListAsync(siteId, ct) ?? throw new SharingFailure("SHARING_LIST_FAILED", _target.ListName));
        }
    }

    private async Task<string?> FindListAsync(string siteId, CancellationToken ct)
    {
        var name = _target.ListName;
        var page = await GraphCall.RunAsync(() => _client.Sites[siteId].Lists.GetAsync(
            r =>
            {
                r.QueryParameters.Filter = $"displayName eq {Literal(name)}";
                r.QueryParameters.Select = ["id", "displayName"];
            },
            ct));
        return page?.Value?.FirstOrDefault(l => string.Equals(l.DisplayName?.Normalize(), name.Normalize(), StringComparison.OrdinalIgnoreCase))?.Id;
    }

    /// <summary>
    /// Adds one event item; returns its event id once SharePoint answered. A connection lost after the request was
    /// sent may have written the item: it is looked up by its event id before the request is sent again.
    /// </summary>
    private async Task<string> AddAsync(string conferenceCode, Dictionary<string, object> fields, CancellationToken ct)
    {
        var (siteId, listId) = await ListAsync(conferenceCode, ct);
        var eventId = (string)fields[EventId];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // A new body on every call: the SDK's backing store sends a re-used body as {} (GraphCall).
                await GraphCall.RunAsync(() => _client.Sites[siteId].Lists[listId].Items.PostAsync(
                    new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object>(fields, StringComparer.Ordinal) } },
                    cancellationToken: ct));
                return eventId;
            }
            catch (Exception e) when (attempt < 3 && SharePointDestination.IsDroppedConnection(e) && !ct.IsCancellationRequested)
            {
                var written = await PageAsync(siteId, listId, $"fields/{EventId} eq {Literal(eventId)}", ct);
                if (written.Count > 0)
                {
                    return eventId;
                }
            }
        }
    }

    /// <summary>The conference's events (one delegate's when <paramref name="delegateCode"/> is set), by item id, repeats dropped.</summary>
    private async Task<List<Row>> RowsAsync(string conferenceCode, string? delegateCode, CancellationToken ct)
    {
        var (siteId, listId) = await ListAsync(conferenceCode, ct);
        var filter = $"fields/{Conference} eq {Literal(Key(conferenceCode))}";
        if (delegateCode is not null)
        {
            filter += $" and fields/{Delegate} eq {Literal(delegateCode)}";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return (await PageAsync(siteId, listId, filter, ct))
            .Select(Read)
            .Where(r => r is not null)
            .Select(r => r!)
            .OrderBy(r => r.Id)
            .Where(r => seen.Add(r.EventId))
            .ToList();
    }

    private async Task<List<ListItem>> PageAsync(string siteId, string listId, string filter, CancellationToken ct)
    {
        var items = new List<ListItem>();
        var page = await GraphCall.RunAsync(() => _client.Sites[siteId].Lists[listId].Items.GetAsync(
            r =>
            {
                r.QueryParameters.Expand = ["fields"];
                r.QueryParameters.Filter = filter;
                r.QueryParameters.Top = PageSize;
            },
            ct));
        while (page is not null)
        {
            items.AddRange(page.Value ?? []);
            var next = page.OdataNextLink;
            page = string.IsNullOrEmpty(next) ? null : await GraphCall.RunAsync(() => _client.Sites[siteId].Lists[listId].Items.WithUrl(next).GetAsync(cancellationToken: ct));
        }

        return items;
    }

    private static Row? Read(ListItem item)
    {
        var f = item.Fields?.AdditionalData;
        if (f is null || !long.TryParse(item.Id ?? Text(f, "id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var conference = Text(f, Conference);
        var code = Text(f, Delegate);
        var at = Parse(Text(f, RecordedAt));
        var eventId = Text(f, EventId) is { Length: > 0 } e ? e : $"item-{id}";
        if (code.Length == 0 || at is null)
        {
            return null;
        }

        switch (Text(f, Kind))
        {
            case AnswerKind:
                var status = AnswerChoices.FirstOrDefault(c => c.Value == Text(f, Answer)).Key;
                return status == AttendanceStatus.None ? null : new Row(id, eventId, code, new AttendanceAnswer
                {
                    ConferenceCode = conference,
                    DelegateCode = code,
                    Status = status,
                    SubstituteName = Text(f, SubstituteName),
                    SubstitutePosition = Text(f, SubstitutePosition),
                    Reason = Text(f, Reason),
                    At = at.Value,
                    Source = Text(f, Source),
                }, null);
            case CheckInKind:
                return new Row(id, eventId, code, null, new AttendanceCheckIn
                {
                    ConferenceCode = conference,
                    DelegateCode = code,
                    VenueId = Text(f, Venue),
                    At = Parse(Text(f, CheckedInAt)) ?? at.Value,
                    Method = Text(f, Method),
                });
            default:
                return null;
        }
    }

    private static Row? FirstCheckIn(IEnumerable<Row> rows) => rows.FirstOrDefault(r => r.CheckIn is not null);

    private static Dictionary<string, object> Common(string conferenceCode, string delegateCode, string kind, DateTimeOffset at, string source)
    {
        var code = Key(delegateCode);
        var fields = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Title"] = code,
            [Conference] = Key(conferenceCode),
            [Delegate] = code,
            [Kind] = kind,
            [RecordedAt] = Time(at),
            [EventId] = Guid.NewGuid().ToString("N"),
        };
        Put(fields, Source, source);
        return fields;
    }

    private static void Put(Dictionary<string, object> fields, string name, string value)
    {
        if (value.Length > 0)
        {
            fields[name] = value;
        }
    }

    private static string Text(IDictionary<string, object> fields, string name) =>
        fields.TryGetValue(name, out var value) ? ConclusionsList.Text(value) : "";

    private static string Key(string code) => code.Trim().ToUpperInvariant();

    /// <summary>An OData string literal (quotes doubled).</summary>
    private static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>SharePoint keeps a date and time to the second, in UTC.</summary>
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Second(DateTimeOffset at) => DateTimeOffset.Parse(Time(at), CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    private sealed record Row(long Id, string EventId, string DelegateCode, AttendanceAnswer? Answer, AttendanceCheckIn? CheckIn);
}
