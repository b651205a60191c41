using System.Globalization;
using System.Net;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Automation.Vietnamese;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Dialogue.Office.Automation.Conclusions;

/// <summary>Where the conclusion tasks live when SharePoint is configured: a list on the conference's site.</summary>
public sealed record ConclusionsListTarget
{
    public const string DefaultListName = "Theo dõi kết luận hội nghị";

    public required string SiteUrl { get; init; }

    public string ListName { get; init; } = DefaultListName;

    public GraphConnectionOptions Connection { get; init; } = new();
}

/// <summary>What a synchronisation with the list did.</summary>
internal sealed record ConclusionsListSync(bool ListCreated, int Added, int Updated, IReadOnlyList<ConclusionTask> Tasks);

/// <summary>
/// The conclusion tasks as a SharePoint list through the real <see cref="GraphServiceClient"/>, so each department can
/// update its own rows (status, reply number and date). The Văn phòng's workbook stays the source of what was
/// concluded (content, body, deadline, topic, linked questions): those columns are written from it; the status and
/// reply columns belong to the departments and are never overwritten once the item exists. Reading back gives the
/// tasks with the departments' status, and the follow-up report is the same as from the workbook.
/// </summary>
internal static class ConclusionsList
{
    // Internal column names (ASCII, as SharePoint keeps them) and the Vietnamese names users see.
    internal const string Topic = "NhomVanDe";
    internal const string Content = "NoiDungKetLuan";
    internal const string Questions = "CauHoiLienQuan";
    internal const string Lead = "CoQuanChuTri";
    internal const string Partners = "CoQuanPhoiHop";
    internal const string Deadline = "HanHoanThanh";
    internal const string Expected = "KetQuaCanDat";
    internal const string Status = "TinhTrang";
    internal const string ReplyNumber = "SoVanBanTraLoi";
    internal const string ReplyDate = "NgayVanBanTraLoi";

    internal static readonly string[] StatusChoices = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"];

    /// <summary>The list's columns: name, display name, kind.</summary>
    internal static IReadOnlyList<ColumnDefinition> Columns() =>
    [
        new() { Name = Topic, DisplayName = "Nhóm vấn đề", Number = new NumberColumn { DecimalPlaces = "none" } },
        new() { Name = Content, DisplayName = "Nội dung kết luận", Required = true, Text = new TextColumn { AllowMultipleLines = true, MaxLength = 4000 } },
        new() { Name = Questions, DisplayName = "Câu hỏi liên quan", Text = new TextColumn() },
        new() { Name = Lead, DisplayName = "Cơ quan chủ trì", Required = true, Indexed = true, Text = new TextColumn() },
        new() { Name = Partners, DisplayName = "Cơ quan phối hợp", Text = new TextColumn() },
        new() { Name = Deadline, DisplayName = "Hạn hoàn thành", Required = true, DateTime = new DateTimeColumn { Format = "dateOnly" } },
        new() { Name = Expected, DisplayName = "Kết quả cần đạt", Text = new TextColumn { AllowMultipleLines = true } },
        new() { Name = Status, DisplayName = "Tình trạng", Choice = new ChoiceColumn { Choices = [.. StatusChoices], DisplayAs = "dropDownMenu", AllowTextEntry = false } },
        new() { Name = ReplyNumber, DisplayName = "Số văn bản trả lời", Text = new TextColumn() },
        new() { Name = ReplyDate, DisplayName = "Ngày văn bản trả lời", DateTime = new DateTimeColumn { Format = "dateOnly" } },
    ];

    /// <summary>
    /// Creates the list (with its columns) when the site has none of that name, adds the tasks it lacks, rewrites the
    /// Văn phòng's columns of the tasks that changed, and returns every task as the list now holds it — the
    /// departments' status and reply included. Problems use the SHARING_* codes.
    /// </summary>
    public static async Task<ConclusionsListSync?> SyncAsync(ConclusionSheet sheet, ConclusionsListTarget target, ProblemList problems, TimeProvider? time = null, CancellationToken ct = default)
    {
        try
        {
            var credential = target.Connection.Credential ?? GraphCredentialFactory.Create(target.Connection, time);
            using var client = GraphClientBuilder.Create(target.Connection, credential, time ?? TimeProvider.System);
            var siteId = await SiteIdAsync(client, target.SiteUrl, ct);
            var (listId, created) = await EnsureListAsync(client, siteId, target.ListName, ct);
            var items = await ItemsAsync(client, siteId, listId, ct);
            int added = 0, updated = 0;
            foreach (var task in sheet.Tasks)
            {
                var fields = OfficeFields(task);
                if (!items.TryGetValue(task.Id, out var item))
                {
                    // A new row starts with the workbook's status and reply; from then on they are the department's.
                    fields["Title"] = task.Id;
                    fields[Status] = StatusChoice(task.Declared);
                    if (task.ReplyNumber.Length > 0)
                    {
                        fields[ReplyNumber] = task.ReplyNumber;
                    }

                    if (task.ReplyDate is { } reply)
                    {
                        fields[ReplyDate] = DateValue(reply);
                    }

                    var body = new ListItem { Fields = new FieldValueSet { AdditionalData = fields } };
                    var made = await GraphCall.RunAsync(() => client.Sites[siteId].Lists[listId].Items.PostAsync(body, cancellationToken: ct));
                    items[task.Id] = made?.Fields?.AdditionalData ?? fields;
                    added++;
                    continue;
                }

                var changed = fields.Where(f => !string.Equals(Text(Get(item, f.Key)), Text(f.Value), StringComparison.Ordinal))
                    .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
                if (changed.Count > 0)
                {
                    var itemId = Text(Get(item, "id"));
                    var patch = new FieldValueSet { AdditionalData = changed };
                    var now = await GraphCall.RunAsync(() => client.Sites[siteId].Lists[listId].Items[itemId].Fields.PatchAsync(patch, cancellationToken: ct));
                    foreach (var (key, value) in (IDictionary<string, object>?)now?.AdditionalData ?? changed)
                    {
                        item[key] = value;
                    }

                    updated++;
                }
            }

            var tasks = new List<ConclusionTask>();
            foreach (var task in sheet.Tasks)
            {
                tasks.Add(WithDepartmentColumns(task, items[task.Id], target.ListName, problems));
            }

            return new ConclusionsListSync(created, added, updated, tasks);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add(GraphCall.ToProblem(e, target.ListName, target.SiteUrl));
            return null;
        }
    }

    private static async Task<string> SiteIdAsync(GraphServiceClient client, string siteUrl, CancellationToken ct)
    {
        Site? site;
        try
        {
            site = await GraphCall.RunAsync(() => client.Sites[SharePointDestination.SiteKey(siteUrl)].GetAsync(cancellationToken: ct));
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            site = null;
        }

        return site?.Id ?? throw new SharingFailure("SHARING_SITE_NOT_FOUND", siteUrl);
    }

    private static async Task<(string Id, bool Created)> EnsureListAsync(GraphServiceClient client, string siteId, string name, CancellationToken ct)
    {
        var page = await GraphCall.RunAsync(() => client.Sites[siteId].Lists.GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], ct));
        while (page is not null)
        {
            var found = page.Value?.FirstOrDefault(l => string.Equals(l.DisplayName?.Normalize(), name.Normalize(), StringComparison.OrdinalIgnoreCase));
            if (found?.Id is { } id)
            {
                return (id, false);
            }

            var next = page.OdataNextLink;
            page = string.IsNullOrEmpty(next) ? null : await GraphCall.RunAsync(() => client.Sites[siteId].Lists.WithUrl(next).GetAsync(cancellationToken: ct));
        }

        var list = new List
        {
            DisplayName = name,
            Columns = [.. Columns()],
            ListProp = new ListInfo { Template = "genericList" },
        };
        var made = await GraphCall.RunAsync(() => client.Sites[siteId].Lists.PostAsync(list, cancellationToken: ct));
        return (made?.Id ?? throw new SharingFailure("SHARING_LIST_FAILED", name), true);
    }

    /// <summary>Every item's fields by task id (the Title column), following the pages.</summary>
    private static async Task<Dictionary<string, IDictionary<string, object>>> ItemsAsync(GraphServiceClient client, string siteId, string listId, CancellationToken ct)
    {
        var result = new Dictionary<string, IDictionary<string, object>>(StringComparer.OrdinalIgnoreCase);
        var page = await GraphCall.RunAsync(() => client.Sites[siteId].Lists[listId].Items.GetAsync(r => { r.QueryParameters.Expand = ["fields"]; r.QueryParameters.Top = 200; }, ct));
        while (page is not null)
        {
            foreach (var item in page.Value ?? [])
            {
                var fields = item.Fields?.AdditionalData;
                var title = Text(Get(fields, "Title"));
                if (fields is not null && title.Length > 0)
                {
                    fields["id"] = item.Id ?? Text(Get(fields, "id"));
                    result.TryAdd(title, fields);
                }
            }

            var next = page.OdataNextLink;
            page = string.IsNullOrEmpty(next) ? null : await GraphCall.RunAsync(() => client.Sites[siteId].Lists[listId].Items.WithUrl(next).GetAsync(cancellationToken: ct));
        }

        return result;
    }

    /// <summary>The columns the Văn phòng owns, from the workbook.</summary>
    internal static Dictionary<string, object> OfficeFields(ConclusionTask task) => new(StringComparer.Ordinal)
    {
        [Topic] = task.TopicNumber,
        [Content] = task.Content,
        [Questions] = string.Join(", ", task.QuestionIds),
        [Lead] = task.Lead,
        [Partners] = task.Partners,
        [Deadline] = DateValue(task.Deadline),
        [Expected] = task.ExpectedResult,
    };

    /// <summary>The task with the status and reply the list holds (what the department wrote).</summary>
    private static ConclusionTask WithDepartmentColumns(ConclusionTask task, IDictionary<string, object> fields, string listName, ProblemList problems)
    {
        var status = VietnameseText.Fold(Text(Get(fields, Status)));
        var declared = status switch
        {
            "" or "chua thuc hien" => ConclusionStatus.NotStarted,
            "dang thuc hien" => ConclusionStatus.InProgress,
            "hoan thanh" => ConclusionStatus.Done,
            _ => ConclusionStatus.NotStarted,
        };
        var number = VietnameseText.Clean(Text(Get(fields, ReplyNumber)));
        var dateText = Text(Get(fields, ReplyDate));
        DateOnly? date = dateText.Length >= 10 && DateOnly.TryParseExact(dateText[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (declared == ConclusionStatus.Done && (number.Length == 0 || date is null))
        {
            problems.Warning("CONCLUSIONS_DONE_NO_REPLY", $"{listName} › {task.Id}", "Marked done in the list without the reply document's number and date; tracked as in progress.", task.Id);
            declared = ConclusionStatus.InProgress;
        }

        return task with { Declared = declared, ReplyNumber = number, ReplyDate = date };
    }

    private static object? Get(IDictionary<string, object>? fields, string key) =>
        fields is not null && fields.TryGetValue(key, out var value) ? value : null;

    internal static string StatusChoice(ConclusionStatus status) => status switch
    {
        ConclusionStatus.InProgress => StatusChoices[1],
        ConclusionStatus.Done => StatusChoices[2],
        _ => StatusChoices[0],
    };

    /// <summary>SharePoint keeps a date-only column as midnight UTC.</summary>
    internal static string DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>A field value as text, whatever shape the JSON deserialiser gave it (string, number, date, untyped node).</summary>
    internal static string Text(object? value) => value switch
    {
        null or UntypedNull => "",
        string s => s,
        UntypedString s => s.GetValue() ?? "",
        UntypedInteger i => i.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedLong l => l.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedDouble d => d.GetValue().ToString("0.##########", CultureInfo.InvariantCulture),
        UntypedFloat f => f.GetValue().ToString("0.######", CultureInfo.InvariantCulture),
        UntypedDecimal m => m.GetValue().ToString("0.##########", CultureInfo.InvariantCulture),
        UntypedBoolean b => b.GetValue() ? "true" : "false",
        // Kiota reads a date-like string of the fields as a date: back to the form SharePoint writes.
        DateTime t => (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
