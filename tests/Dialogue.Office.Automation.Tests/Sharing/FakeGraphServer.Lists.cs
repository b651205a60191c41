using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>
/// SharePoint lists on the fake site, as Graph documents them: GET/POST /sites/{id}/lists (a new list with its column
/// definitions; a second list of the same name → 409 nameAlreadyExists), GET/POST …/lists/{id}/items (items with
/// <c>$expand=fields</c>, paged by <see cref="ListPageSize"/> with an <c>@odata.nextLink</c>), PATCH
/// …/items/{id}/fields. Field values are checked against the columns: an unknown field → 400 "Field 'X' is not
/// recognized", a choice outside the column's choices → 400, a missing required column on create → 400.
/// </summary>
public sealed partial class FakeGraphServer
{
    private readonly Dictionary<string, FakeList> _lists = new(StringComparer.Ordinal);

    /// <summary>When above 0, list items come in pages of this size.</summary>
    public int ListPageSize { get; set; }

    /// <summary>Column names (internal) of the list with that display name; null when there is no such list.</summary>
    public IReadOnlyList<JsonObject>? ListColumns(string displayName)
    {
        lock (_gate)
        {
            return _lists.Values.FirstOrDefault(l => l.DisplayName == displayName)?.Columns.Select(c => (JsonObject)c.DeepClone()).ToList();
        }
    }

    /// <summary>The fields of every item of the list, by Title.</summary>
    public Dictionary<string, JsonObject> ListItems(string displayName)
    {
        lock (_gate)
        {
            var list = _lists.Values.Single(l => l.DisplayName == displayName);
            return list.Items.Values.ToDictionary(i => i["Title"]!.GetValue<string>(), i => (JsonObject)i.DeepClone());
        }
    }

    /// <summary>The fields of every item of the list, by item id (for lists whose Title repeats).</summary>
    public List<JsonObject> ListRows(string displayName)
    {
        lock (_gate)
        {
            var list = _lists.Values.Single(l => l.DisplayName == displayName);
            return [.. list.Items.Values.OrderBy(i => int.Parse(i["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).Select(i => (JsonObject)i.DeepClone())];
        }
    }

    /// <summary>What a department does in the browser: sets fields of its row.</summary>
    public void EditListItem(string displayName, string title, params (string Field, string? Value)[] values)
    {
        lock (_gate)
        {
            var list = _lists.Values.Single(l => l.DisplayName == displayName);
            var item = list.Items.Values.Single(i => i["Title"]!.GetValue<string>() == title);
            foreach (var (field, value) in values)
            {
                item[field] = value;
            }
        }
    }

    private async Task HandleListsAsync(HttpContext ctx, string tail, string query, byte[] body)
    {
        var method = ctx.Request.Method;
        var json = body.Length > 0 ? JsonNode.Parse(body)?.AsObject() : null;
        var m = Regex.Match(tail, @"^(?:/(?<list>[^/]+)(?:/items(?:/(?<item>[^/]+)(?<fields>/fields)?)?)?)?/?$");
        if (!m.Success)
        {
            await Error(ctx, 400, "BadRequest", $"Unsupported list segment {tail}.");
            return;
        }

        var listKey = m.Groups["list"].Value;
        var itemId = m.Groups["item"].Value;
        var items = tail.Contains("/items", StringComparison.Ordinal);
        if (listKey.Length == 0)
        {
            if (method == "GET")
            {
                // $filter=displayName eq 'X' (the one list filter Graph documents for lists).
                var named = Regex.Match(QueryValue(query, "$filter") ?? "", @"^displayName eq '((?:[^']|'')*)'$");
                JsonArray all;
                lock (_gate)
                {
                    all = [.. _lists.Values.Where(l => !named.Success || string.Equals(l.DisplayName, named.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
                        .Select(l => (JsonNode)ListJson(l))];
                }

                await Json(ctx, 200, new JsonObject { ["value"] = all });
                return;
            }

            if (method == "POST" && json is not null)
            {
                await CreateListAsync(ctx, json);
                return;
            }
        }

        FakeList? list;
        lock (_gate)
        {
            list = _lists.GetValueOrDefault(listKey) ?? _lists.Values.FirstOrDefault(l => l.DisplayName == listKey);
        }

        if (list is null)
        {
            await Error(ctx, 404, "itemNotFound", "The specified list was not found");
            return;
        }

        switch (method, items, itemId.Length > 0, m.Groups["fields"].Success)
        {
            case ("GET", false, _, _):
                await Json(ctx, 200, ListJson(list));
                return;
            case ("GET", true, false, _):
                await ListItemsAsync(ctx, list, query);
                return;
            case ("POST", true, false, _) when json is not null && json["fields"] is JsonObject fields:
                await CreateItemAsync(ctx, list, fields);
                return;
            case ("PATCH", true, true, true) when json is not null:
                await PatchFieldsAsync(ctx, list, itemId, json);
                return;
        }

        await Error(ctx, 400, "BadRequest", $"Unsupported list request {method} {tail}.");
    }

    private async Task CreateListAsync(HttpContext ctx, JsonObject json)
    {
        var name = json["displayName"]?.GetValue<string>() ?? "";
        if (name.Length == 0)
        {
            await Error(ctx, 400, "invalidRequest", "displayName is required.");
            return;
        }

        FakeList list;
        lock (_gate)
        {
            if (_lists.Values.Any(l => string.Equals(l.DisplayName, name, StringComparison.OrdinalIgnoreCase)))
            {
                list = null!;
            }
            else
            {
                list = new FakeList($"list-{_nextId++}", name, json["list"]?["template"]?.GetValue<string>() ?? "genericList");
                list.Columns.Add(new JsonObject { ["name"] = "Title", ["displayName"] = "Title", ["required"] = true, ["text"] = new JsonObject() });
                foreach (var column in json["columns"]?.AsArray() ?? [])
                {
                    list.Columns.Add((JsonObject)column!.DeepClone());
                }

                _lists[list.Id] = list;
            }
        }

        if (list is null)
        {
            await Error(ctx, 409, "nameAlreadyExists", "A list with this name already exists.");
            return;
        }

        await Json(ctx, 201, ListJson(list));
    }

    private async Task ListItemsAsync(HttpContext ctx, FakeList list, string query)
    {
        var expand = Regex.IsMatch(query, @"(^|&)\$expand=fields(&|$)");
        var skip = Regex.Match(query, @"(^|&)\$skiptoken=(\d+)") is { Success: true } st ? int.Parse(st.Groups[2].Value) : 0;
        var top = int.TryParse(QueryValue(query, "$top"), out var t) && t > 0 ? t : 0;
        var pageSize = ListPageSize > 0 ? (top > 0 ? Math.Min(top, ListPageSize) : ListPageSize) : top;

        // $filter=fields/X eq 'v' [and fields/Y eq 'w'…]: SharePoint refuses a filter on a column that is not indexed
        // unless the caller accepts that it may fail (the Prefer header).
        var filter = QueryValue(query, "$filter") ?? "";
        var conditions = new List<(string Field, string Value)>();
        if (filter.Length > 0)
        {
            foreach (var part in filter.Split(" and ", StringSplitOptions.TrimEntries))
            {
                var c = Regex.Match(part, @"^fields/(\w+) eq '((?:[^']|'')*)'$");
                if (!c.Success)
                {
                    await Error(ctx, 400, "invalidRequest", $"Invalid filter clause {part}.");
                    return;
                }

                conditions.Add((c.Groups[1].Value, c.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal)));
            }

            var honour = ctx.Request.Headers["Prefer"].ToString().Contains("HonorNonIndexedQueriesWarningMayFailRandomly", StringComparison.OrdinalIgnoreCase);
            foreach (var (field, _) in conditions)
            {
                var column = list.Columns.FirstOrDefault(c => c["name"]!.GetValue<string>() == field);
                if (column is null || (!honour && column["indexed"]?.GetValue<bool>() != true))
                {
                    await Error(ctx, 400, "invalidRequest", $"Field '{field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.");
                    return;
                }
            }

            lock (_gate)
            {
                list.FilteredReads++;
            }
        }

        JsonArray value;
        int total;
        lock (_gate)
        {
            var all = list.Items.Values
                .Where(i => conditions.All(c => i[c.Field] is JsonValue v && v.ToString() == c.Value))
                .OrderBy(i => int.Parse(i["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            total = all.Count;
            var page = pageSize > 0 ? all.Skip(skip).Take(pageSize) : all;
            value = [.. page.Select(f => (JsonNode)ItemJson(f, expand))];
        }

        var result = new JsonObject { ["value"] = value };
        if (pageSize > 0 && skip + pageSize < total)
        {
            var kept = filter.Length > 0 ? $"&$filter={Uri.EscapeDataString(filter)}" : "";
            var size = top > 0 ? $"&$top={top}" : "";
            result["@odata.nextLink"] = $"{GraphBaseUrl}/sites/{SiteId}/lists/{list.Id}/items?$expand=fields{kept}{size}&$skiptoken={skip + pageSize}";
        }

        await Json(ctx, 200, result);
    }

    /// <summary>One query parameter of the (already unescaped) query string, or null.</summary>
    private static string? QueryValue(string query, string name) =>
        query.Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == name) is { Length: 2 } pair ? pair[1] : null;

    /// <summary>Number of item reads with a $filter the list answered.</summary>
    public int ListFilteredReads(string displayName)
    {
        lock (_gate)
        {
            return _lists.Values.Single(l => l.DisplayName == displayName).FilteredReads;
        }
    }

    private async Task CreateItemAsync(HttpContext ctx, FakeList list, JsonObject fields)
    {
        var problem = CheckFields(list, fields, creating: true);
        if (problem is not null)
        {
            await Error(ctx, 400, "invalidRequest", problem);
            return;
        }

        JsonObject stored;
        lock (_gate)
        {
            var id = (list.NextItemId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            stored = (JsonObject)fields.DeepClone();
            stored["id"] = id;
            list.Items[id] = stored;
            stored = (JsonObject)stored.DeepClone();
        }

        await Json(ctx, 201, ItemJson(stored, expand: true));
    }

    private async Task PatchFieldsAsync(HttpContext ctx, FakeList list, string itemId, JsonObject fields)
    {
        var problem = CheckFields(list, fields, creating: false);
        if (problem is not null)
        {
            await Error(ctx, 400, "invalidRequest", problem);
            return;
        }

        JsonObject? stored;
        lock (_gate)
        {
            stored = list.Items.GetValueOrDefault(itemId);
            if (stored is not null)
            {
                foreach (var (key, value) in fields)
                {
                    stored[key] = value?.DeepClone();
                }

                list.Patches++;
                stored = (JsonObject)stored.DeepClone();
            }
        }

        if (stored is null)
        {
            await Error(ctx, 404, "itemNotFound", "The specified list item was not found");
            return;
        }

        await Json(ctx, 200, stored);
    }

    /// <summary>Number of PATCH …/fields the list received.</summary>
    public int ListPatches(string displayName)
    {
        lock (_gate)
        {
            return _lists.Values.Single(l => l.DisplayName == displayName).Patches;
        }
    }

    private static string? CheckFields(FakeList list, JsonObject fields, bool creating)
    {
        foreach (var (key, value) in fields)
        {
            var column = list.Columns.FirstOrDefault(c => c["name"]!.GetValue<string>() == key);
            if (column is null)
            {
                return $"Field '{key}' is not recognized";
            }

            if (column["choice"]?["choices"] is JsonArray choices && value is not null
                && !choices.Any(c => c!.GetValue<string>() == value.ToString()))
            {
                return $"Value '{value}' is not a choice of '{key}'";
            }

            if (column["dateTime"] is not null && value is not null && !DateTime.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out _))
            {
                return $"Value '{value}' of '{key}' is not a date";
            }
        }

        if (creating)
        {
            var missing = list.Columns.FirstOrDefault(c => c["required"]?.GetValue<bool>() == true
                && (fields[c["name"]!.GetValue<string>()] is not JsonValue v || v.ToString().Length == 0));
            if (missing is not null)
            {
                return $"Field '{missing["name"]}' is required";
            }
        }

        return null;
    }

    private JsonObject ListJson(FakeList list) => new()
    {
        ["id"] = list.Id,
        ["displayName"] = list.DisplayName,
        ["name"] = list.DisplayName,
        ["webUrl"] = $"{SiteUrl}/Lists/{Uri.EscapeDataString(list.DisplayName)}",
        ["list"] = new JsonObject { ["template"] = list.Template, ["hidden"] = false },
    };

    private static JsonObject ItemJson(JsonObject fields, bool expand)
    {
        var item = new JsonObject { ["id"] = fields["id"]!.GetValue<string>() };
        if (expand)
        {
            item["fields"] = fields.DeepClone();
        }

        return item;
    }

    private sealed class FakeList(string id, string displayName, string template)
    {
        public string Id { get; } = id;
        public string DisplayName { get; } = displayName;
        public string Template { get; } = template;
        public List<JsonObject> Columns { get; } = [];
        public Dictionary<string, JsonObject> Items { get; } = new(StringComparer.Ordinal);
        public int Patches { get; set; }
        public int FilteredReads { get; set; }
        public int NextItemId { get; set; } = 1;
    }
}
