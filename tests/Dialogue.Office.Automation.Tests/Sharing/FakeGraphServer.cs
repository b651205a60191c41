using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Sharing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>
/// A stateful, Graph-compatible server for the publisher's tests, on Kestrel over real HTTP. It behaves as
/// graph.md documents the service: root at /v1.0, site-by-path decoded from the raw target, drives, children,
/// PUT content, upload sessions with nextExpectedRanges on ANOTHER host (localhost:P2 vs 127.0.0.1:P, where an
/// Authorization header is counted as a leak), createLink/invite/permissions, content?format=pdf → 302, errors in
/// the Graph JSON shape. Faults are injected on demand with <see cref="Inject"/>.
/// </summary>
public sealed partial class FakeGraphServer : IAsyncDisposable
{
    public const int SliceUnit = 327_680;

    private readonly object _gate = new();
    private readonly WebApplication _app;
    private readonly List<Fault> _faults = [];
    private readonly Dictionary<string, FakeItem> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSession> _sessions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _validTokens = [];
    private int _nextId = 1;
    private int _tokenGeneration = 1;

    private FakeGraphServer(WebApplication app)
    {
        _app = app;
        CurrentToken = "token-1";
        _validTokens.Add(CurrentToken);
    }

    public string SiteHost { get; } = "contoso.sharepoint.com";
    public string SitePath { get; } = "/sites/HoiNghi";
    public string SiteId { get; } = "contoso.sharepoint.com,11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222";
    public string DriveId { get; } = "b!drive-documents";
    public string DriveName { get; } = "Documents";
    public string OtherDriveId { get; } = "b!drive-other";

    public int GraphPort { get; private set; }
    public int UploadPort { get; private set; }

    /// <summary>The base URL the GraphServiceClient is pointed at.</summary>
    public string GraphBaseUrl => $"http://127.0.0.1:{GraphPort}/v1.0";

    public string SiteUrl => $"https://{SiteHost}{SitePath}";

    /// <summary>The token the identity provider would hand out now.</summary>
    public string CurrentToken { get; private set; }

    /// <summary>False = the tenant forbids Anyone links: createLink with scope anonymous → 403 accessDenied.</summary>
    public bool AllowAnonymousLinks { get; set; } = true;

    /// <summary>True = content?format=pdf answers 200 with the PDF (seen in some tenants) instead of 302.</summary>
    public bool PdfDirect { get; set; }

    // ---- what the tests assert on ----
    public List<string> Log { get; } = [];

    /// <summary>When above 0, children listings come in pages of this size with an <c>@odata.nextLink</c>.</summary>
    public int ChildrenPageSize { get; set; }

    /// <summary>Drive paths of the items deleted through the API, in order.</summary>
    public List<string> Deleted { get; } = [];

    /// <summary>The URLs decoded from every <c>/shares/{id}</c> request.</summary>
    public List<string> SharesRequests { get; } = [];
    public int AuthorizationOnUploadHost { get; private set; }
    public int UnauthorizedAnswers { get; private set; }

    /// <summary>Completed writes of content per drive path ("Folder/Sub/name.docx"): simple PUTs and session commits.</summary>
    public Dictionary<string, int> ContentWrites { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Simple PUT …/content requests per drive path (including refused ones).</summary>
    public Dictionary<string, int> SimplePuts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fragments the upload host accepted: (path, start, end).</summary>
    public List<(string Path, long Start, long End)> AcceptedFragments { get; } = [];

    /// <summary>Fragments the upload host refused as overlapping data it already held.</summary>
    public int OverlappingFragments { get; private set; }

    public int SessionsCreated { get; private set; }

    /// <summary>Every POST body the Graph host took (action, JSON), in order: what a retry really sent.</summary>
    public List<(string Action, string Body)> PostBodies { get; } = [];

    /// <summary>True = file items carry only sha256Hash (as OneDrive for some accounts), no quickXorHash.</summary>
    public bool Sha256Only { get; set; }

    /// <summary>
    /// Every create or write that takes a conflict behaviour (folder POST, content PUT, createUploadSession): the action,
    /// the name, and the <c>@microsoft.graph.conflictBehavior</c> the caller stated (null = none, the service default).
    /// </summary>
    public List<(string Action, string Name, string? Stated)> ConflictBehaviors { get; } = [];

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a).Port).ToList();
        server.GraphPort = addresses[0];
        server.UploadPort = addresses[1];
        server.Seed();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Adds a fault: when <paramref name="when"/> matches, answer per <paramref name="fault"/>, <paramref name="times"/> times.</summary>
    public void Inject(Func<FakeRequest, bool> when, FaultKind kind, int times = 1, int status = 0, string code = "", string message = "", string? inner = null, long dropAfter = 0)
    {
        lock (_gate)
        {
            _faults.Add(new Fault(when, kind, status, code, message, inner, dropAfter) { Remaining = times });
        }
    }

    public int FaultsLeft
    {
        get
        {
            lock (_gate)
            {
                return _faults.Sum(f => f.Remaining);
            }
        }
    }

    /// <summary>The identity provider's token expires: the old one is refused (401), a new one is what it issues now.</summary>
    public void ExpireToken()
    {
        lock (_gate)
        {
            _validTokens.Remove(CurrentToken);
            CurrentToken = $"token-{++_tokenGeneration}";
            _validTokens.Add(CurrentToken);
        }
    }

    /// <summary>Every open upload session disappears (expired or cleaned up by the service).</summary>
    public void DropSessions()
    {
        lock (_gate)
        {
            _sessions.Clear();
        }
    }

    // ---- state access for assertions ----

    /// <summary>The bytes at a drive path, or null.</summary>
    public byte[]? ContentAt(string path)
    {
        lock (_gate)
        {
            return Resolve(RootOf(DriveId), path) is { IsFolder: false } item ? item.Content : null;
        }
    }

    public FakeItem? ItemAt(string path)
    {
        lock (_gate)
        {
            return Resolve(RootOf(DriveId), path);
        }
    }

    /// <summary>Every file under the drive root as path → bytes.</summary>
    public Dictionary<string, byte[]> AllFiles()
    {
        lock (_gate)
        {
            return _items.Values.Where(i => !i.IsFolder && i.DriveId == DriveId).ToDictionary(PathOf, i => i.Content, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>The link permission whose webUrl is <paramref name="url"/>, or null.</summary>
    public FakePermission? LinkByUrl(string url)
    {
        lock (_gate)
        {
            return _items.Values.SelectMany(i => i.Permissions).FirstOrDefault(p => p.WebUrl == url);
        }
    }

    /// <summary>Someone deletes a file in the browser.</summary>
    public void Delete(string path)
    {
        lock (_gate)
        {
            var item = Resolve(RootOf(DriveId), path) ?? throw new InvalidOperationException(path);
            _items.Remove(item.Id);
        }
    }

    /// <summary>Someone edits or uploads a file in the browser (a new version, a new eTag).</summary>
    public void PutFile(string path, byte[] content)
    {
        lock (_gate)
        {
            var parts = path.Split('/');
            var parent = RootOf(DriveId);
            foreach (var folder in parts[..^1])
            {
                parent = Child(parent, folder) ?? AddItem(DriveId, parent.Id, folder, true, []);
            }

            var existing = Child(parent, parts[^1]);
            if (existing is null)
            {
                AddItem(DriveId, parent.Id, parts[^1], false, content);
            }
            else
            {
                existing.Content = content;
                existing.Version++;
            }
        }
    }

    /// <summary>Someone makes a folder (and its parents) in the browser; returns its id.</summary>
    public string AddFolder(string path)
    {
        lock (_gate)
        {
            var parent = RootOf(DriveId);
            foreach (var folder in path.Split('/'))
            {
                parent = Child(parent, folder) ?? AddItem(DriveId, parent.Id, folder, true, []);
            }

            return parent.Id;
        }
    }

    /// <summary>Someone shares a folder in the browser (an organization view link); returns the link.</summary>
    public string ShareFolder(string path)
    {
        lock (_gate)
        {
            var parent = RootOf(DriveId);
            foreach (var folder in path.Split('/'))
            {
                parent = Child(parent, folder) ?? AddItem(DriveId, parent.Id, folder, true, []);
            }

            var url = $"https://{SiteHost}/:f:/s/HoiNghi/E{Guid.NewGuid():N}";
            parent.Permissions.Add(new FakePermission { Id = Guid.NewGuid().ToString("N")[..12], ItemId = parent.Id, Roles = ["read"], LinkType = "view", Scope = "organization", WebUrl = url });
            return url;
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void Seed()
    {
        AddItem(DriveId, "", "root", true, [], id: "root-" + DriveId);
        AddItem(OtherDriveId, "", "root", true, [], id: "root-" + OtherDriveId);
    }

    private FakeItem RootOf(string driveId) => _items["root-" + driveId];

    private FakeItem AddItem(string driveId, string parentId, string name, bool folder, byte[] content, string? id = null)
    {
        var item = new FakeItem
        {
            Id = id ?? $"01ITEM{_nextId++:D6}",
            DriveId = driveId,
            ParentId = parentId,
            Name = name,
            IsFolder = folder,
            Content = content,
            Created = DateTimeOffset.UtcNow,
        };
        _items[item.Id] = item;
        return item;
    }

    private FakeItem? Child(FakeItem parent, string name) =>
        _items.Values.FirstOrDefault(i => i.ParentId == parent.Id && string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));

    private FakeItem? Resolve(FakeItem start, string relative)
    {
        var current = start;
        foreach (var segment in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Child(current, segment);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private string PathOf(FakeItem item)
    {
        var parts = new List<string>();
        var current = item;
        while (current.ParentId.Length > 0)
        {
            parts.Add(current.Name);
            current = _items[current.ParentId];
        }

        parts.Reverse();
        return string.Join('/', parts);
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var rawTarget = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var q = rawTarget.IndexOf('?');
        var rawPath = q < 0 ? rawTarget : rawTarget[..q];
        var query = q < 0 ? "" : Uri.UnescapeDataString(rawTarget[(q + 1)..]);
        var path = Uri.UnescapeDataString(rawPath);
        var isUpload = ctx.Connection.LocalPort == UploadPort;
        ctx.Response.Headers["request-id"] = Guid.NewGuid().ToString();
        if (ctx.Request.Headers.TryGetValue("client-request-id", out var crid))
        {
            ctx.Response.Headers["client-request-id"] = crid;
        }

        var request = Describe(ctx.Request.Method, path, query, isUpload, ctx.Request.Headers["Content-Range"].ToString());
        Fault? fault;
        lock (_gate)
        {
            Log.Add($"{ctx.Request.Method} {(isUpload ? "upload:" : "")}{rawTarget}");
            fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.When(request));
            if (fault is not null)
            {
                fault.Remaining--;
            }
        }

        if (fault is { Kind: FaultKind.ExpireSessionsAndDrop })
        {
            DropSessions();
            ctx.Abort();
            return;
        }

        if (fault is { Kind: FaultKind.DropConnection })
        {
            // Take part of the body, then cut the connection: the client sees the response end prematurely.
            var buffer = new byte[8192];
            long taken = 0;
            while (taken < fault.DropAfter)
            {
                var n = await ctx.Request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, fault.DropAfter - taken)));
                if (n == 0)
                {
                    break;
                }

                taken += n;
            }

            ctx.Abort();
            return;
        }

        // Drain before answering: an early answer desynchronises keep-alive connections (graph.md §0b).
        using var bodyStream = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(bodyStream);
        var body = bodyStream.ToArray();
        if (!isUpload && ctx.Request.Method == "POST")
        {
            lock (_gate)
            {
                PostBodies.Add((request.Action, Encoding.UTF8.GetString(body)));
            }
        }

        if (fault is { Kind: FaultKind.DropResponse })
        {
            // Handle the request, then lose the answer (the bytes were taken, the client never hears so).
            ctx.Items[DropResponseKey] = true;
            fault = null;
        }

        if (fault is not null)
        {
            if (fault.Kind == FaultKind.ExpireToken)
            {
                ExpireToken();
                await Unauthorized(ctx);
                return;
            }

            if (fault.Status is 429 or 503)
            {
                ctx.Response.Headers["Retry-After"] = "1";
            }

            await Error(ctx, fault.Status, fault.Code, fault.Message, fault.Inner);
            return;
        }

        if (isUpload)
        {
            if (ctx.Request.Headers.ContainsKey("Authorization"))
            {
                lock (_gate)
                {
                    AuthorizationOnUploadHost++;
                }
            }

            await HandleUploadHostAsync(ctx, path, body);
            return;
        }

        var auth = ctx.Request.Headers.Authorization.ToString();
        bool valid;
        lock (_gate)
        {
            valid = auth.StartsWith("Bearer ", StringComparison.Ordinal) && _validTokens.Contains(auth["Bearer ".Length..]);
        }

        if (!valid)
        {
            await Unauthorized(ctx);
            return;
        }

        if (!path.StartsWith("/v1.0/", StringComparison.Ordinal))
        {
            await Error(ctx, 400, "BadRequest", "Invalid version.");
            return;
        }

        var rest = path["/v1.0/".Length..];
        if (rest.StartsWith("sites/", StringComparison.Ordinal))
        {
            await HandleSitesAsync(ctx, rest["sites/".Length..], query, body);
        }
        else if (rest.StartsWith("drives/", StringComparison.Ordinal))
        {
            await HandleDrivesAsync(ctx, rest["drives/".Length..], query, body);
        }
        else if (rest.StartsWith("shares/", StringComparison.Ordinal))
        {
            await HandleSharesAsync(ctx, rest["shares/".Length..]);
        }
        else
        {
            await Error(ctx, 400, "BadRequest", $"Unsupported segment {rest}.");
        }
    }

    private FakeRequest Describe(string method, string path, string query, bool isUpload, string contentRange)
    {
        long? start = null;
        var m = Regex.Match(contentRange, @"bytes (\d+)-(\d+)/(\d+)");
        if (m.Success)
        {
            start = long.Parse(m.Groups[1].Value);
        }

        string name = "";
        string action;
        if (isUpload)
        {
            action = path.StartsWith("/upload/", StringComparison.Ordinal) ? "fragment" : "download";
            lock (_gate)
            {
                if (action == "fragment" && _sessions.TryGetValue(path["/upload/".Length..], out var s))
                {
                    name = s.Name;
                }
            }
        }
        else
        {
            var pathPart = Regex.Match(path, @":/([^:]*):");
            if (pathPart.Success)
            {
                name = pathPart.Groups[1].Value.Split('/')[^1];
            }

            var tail = Regex.Match(path, @"/(content|createUploadSession|children|createLink|invite|permissions|lists|items)$");
            action = tail.Success ? tail.Groups[1].Value : path.Contains("/sites/", StringComparison.Ordinal) ? "site" : "item";
        }

        return new FakeRequest(method, path, query, isUpload, action, name, start);
    }

    // ---- sites ----

    private async Task HandleSitesAsync(HttpContext ctx, string rest, string query, byte[] body)
    {
        string siteKey;
        string tail;
        var colon = rest.IndexOf(':');
        var slash = rest.IndexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash))
        {
            // host:/server/relative/path[:/drive…] — decoded from the raw target (graph.md §0.2).
            var host = rest[..colon];
            var remainder = rest[(colon + 1)..];
            var second = remainder.IndexOf(':');
            var sitePath = second >= 0 ? remainder[..second] : remainder;
            tail = second >= 0 ? remainder[(second + 1)..] : "";
            if (!string.Equals(host, SiteHost, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(sitePath.TrimEnd('/'), SitePath, StringComparison.OrdinalIgnoreCase))
            {
                await Error(ctx, 404, "itemNotFound", "The provided path does not exist, or does not represent a site");
                return;
            }

            siteKey = SiteId;
        }
        else
        {
            siteKey = slash < 0 ? rest : rest[..slash];
            tail = slash < 0 ? "" : rest[slash..];
            if (siteKey != SiteId)
            {
                await Error(ctx, 404, "itemNotFound", "Requested site could not be found");
                return;
            }
        }

        switch (tail.TrimEnd('/'))
        {
            case "":
                await Json(ctx, 200, new JsonObject
                {
                    ["id"] = SiteId,
                    ["displayName"] = "Hội nghị đối thoại",
                    ["name"] = "HoiNghi",
                    ["webUrl"] = SiteUrl,
                    ["createdDateTime"] = "2026-01-01T00:00:00Z",
                    ["lastModifiedDateTime"] = "2026-01-01T00:00:00Z",
                });
                break;
            case "/drive":
                await Json(ctx, 200, DriveJson(DriveId, DriveName, "Shared%20Documents"));
                break;
            case "/drives":
                await Json(ctx, 200, new JsonObject
                {
                    ["value"] = new JsonArray(DriveJson(OtherDriveId, "Biểu mẫu", "Bieu%20mau"), DriveJson(DriveId, DriveName, "Shared%20Documents")),
                });
                break;
            case var lists when lists.StartsWith("/lists", StringComparison.Ordinal):
                await HandleListsAsync(ctx, lists["/lists".Length..], query, body);
                break;
            default:
                await Error(ctx, 400, "BadRequest", $"Unsupported site segment {tail}.");
                break;
        }
    }

    private JsonObject DriveJson(string id, string name, string urlSegment) => new()
    {
        ["id"] = id,
        ["driveType"] = "documentLibrary",
        ["name"] = name,
        ["webUrl"] = $"{SiteUrl}/{urlSegment}",
    };

    // ---- shares ----

    /// <summary>
    /// <c>GET /shares/u!{base64url(url)}/driveItem</c>: the item a sharing link (or an item's webUrl) points at;
    /// 400 for an id that is not <c>u!</c>-encoded, 404 for a URL no item answers to.
    /// </summary>
    private async Task HandleSharesAsync(HttpContext ctx, string rest)
    {
        var slash = rest.IndexOf('/');
        var shareId = slash < 0 ? rest : rest[..slash];
        var tail = slash < 0 ? "" : rest[slash..].TrimEnd('/');
        string url;
        try
        {
            var encoded = shareId.StartsWith("u!", StringComparison.Ordinal) ? shareId[2..].Replace('_', '/').Replace('-', '+') : throw new FormatException();
            url = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.PadRight(encoded.Length + ((4 - (encoded.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            await Error(ctx, 400, "invalidRequest", "Invalid shares key.");
            return;
        }

        lock (_gate)
        {
            SharesRequests.Add(url);
        }

        if (ctx.Request.Method != "GET" || tail != "/driveItem")
        {
            await Error(ctx, 400, "invalidRequest", $"Unsupported shares segment {tail}.");
            return;
        }

        FakeItem? item;
        lock (_gate)
        {
            item = _items.Values.FirstOrDefault(i => i.Permissions.Any(p => p.WebUrl == url))
                ?? _items.Values.FirstOrDefault(i => i.DriveId == DriveId && !i.Id.StartsWith("root-", StringComparison.Ordinal)
                    && $"{SiteUrl}/Shared%20Documents/{Uri.EscapeDataString(PathOf(i))}" == url);
        }

        if (item is null)
        {
            await Error(ctx, 404, "itemNotFound", "The sharing link no longer exists, or you do not have permission to access it.");
            return;
        }

        await Json(ctx, 200, ItemJson(item));
    }

    // ---- drives ----

    private async Task HandleDrivesAsync(HttpContext ctx, string rest, string query, byte[] body)
    {
        var slash = rest.IndexOf('/');
        var driveId = slash < 0 ? rest : rest[..slash];
        rest = slash < 0 ? "" : rest[(slash + 1)..];
        FakeItem? baseItem;
        lock (_gate)
        {
            _items.TryGetValue("root-" + driveId, out baseItem);
        }

        if (baseItem is null)
        {
            await Error(ctx, 404, "itemNotFound", "The drive does not exist.");
            return;
        }

        if (rest.StartsWith("root", StringComparison.Ordinal))
        {
            rest = rest[4..];
        }
        else if (rest.StartsWith("items/", StringComparison.Ordinal))
        {
            rest = rest[6..];
            var end = rest.IndexOfAny([':', '/']);
            var id = end < 0 ? rest : rest[..end];
            rest = end < 0 ? "" : rest[end..];
            if (id != "root")
            {
                lock (_gate)
                {
                    baseItem = _items.GetValueOrDefault(id);
                }

                if (baseItem is null || baseItem.DriveId != driveId)
                {
                    await Error(ctx, 404, "itemNotFound", "The resource could not be found.");
                    return;
                }
            }
        }

        string? relative = null;
        if (rest.StartsWith(":/", StringComparison.Ordinal))
        {
            var close = rest.IndexOf(':', 2);
            relative = close < 0 ? rest[2..] : rest[2..close];
            rest = close < 0 ? "" : rest[(close + 1)..];
        }

        var action = rest.Trim('/');
        var method = ctx.Request.Method;

        // Path-addressed writes name a child that may not exist yet.
        if (relative is not null && ((method == "PUT" && action == "content") || (method == "POST" && action == "createUploadSession")))
        {
            var parts = relative.Split('/');
            FakeItem? parent;
            lock (_gate)
            {
                parent = Resolve(baseItem, string.Join('/', parts[..^1]));
            }

            if (parent is null || !parent.IsFolder)
            {
                await Error(ctx, 404, "itemNotFound", "The parent folder does not exist.");
                return;
            }

            if (action == "content")
            {
                await PutContentAsync(ctx, driveId, parent, parts[^1], query, body);
            }
            else
            {
                await CreateSessionAsync(ctx, driveId, parent, parts[^1], query, body);
            }

            return;
        }

        FakeItem? item;
        lock (_gate)
        {
            item = relative is null ? baseItem : Resolve(baseItem, relative);
        }

        if (item is null)
        {
            await Error(ctx, 404, "itemNotFound", "The resource could not be found.");
            return;
        }

        switch (method, action)
        {
            case ("GET", ""):
                await Json(ctx, 200, ItemJson(item));
                break;
            case ("GET", "children"):
                JsonArray children;
                string? nextLink = null;
                lock (_gate)
                {
                    var all = _items.Values.Where(i => i.ParentId == item.Id).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
                    var skip = Regex.Match(query, @"(^|&)\$skiptoken=(\d+)") is { Success: true } st ? int.Parse(st.Groups[2].Value) : 0;
                    var page = ChildrenPageSize > 0 ? all.Skip(skip).Take(ChildrenPageSize).ToList() : all;
                    if (ChildrenPageSize > 0 && skip + page.Count < all.Count)
                    {
                        nextLink = $"{GraphBaseUrl}/drives/{driveId}/items/{item.Id}/children?$skiptoken={skip + page.Count}";
                    }

                    children = new JsonArray(page.Select(i => (JsonNode)ItemJson(i)).ToArray());
                }

                var listing = new JsonObject { ["value"] = children };
                if (nextLink is not null)
                {
                    listing["@odata.nextLink"] = nextLink;
                }

                await Json(ctx, 200, listing);
                break;
            case ("POST", "children"):
                await CreateFolderAsync(ctx, driveId, item, query, body);
                break;
            case ("PUT", "content"):
                await PutContentAsync(ctx, driveId, _items[item.ParentId], item.Name, query, body);
                break;
            case ("POST", "createUploadSession"):
                await CreateSessionAsync(ctx, driveId, _items[item.ParentId], item.Name, query, body);
                break;
            case ("GET", "content"):
                await GetContentAsync(ctx, item, query);
                break;
            case ("POST", "createLink"):
                await CreateLinkAsync(ctx, item, body);
                break;
            case ("POST", "invite"):
                await InviteAsync(ctx, item, body);
                break;
            case ("GET", "permissions"):
                JsonArray perms;
                lock (_gate)
                {
                    perms = new JsonArray(item.Permissions.Select(p => (JsonNode)PermissionJson(p)).ToArray());
                }

                await Json(ctx, 200, new JsonObject { ["value"] = perms });
                break;
            case ("DELETE", ""):
                lock (_gate)
                {
                    // As Graph: the item and everything under it go (to the recycle bin), their permissions with them.
                    var gone = new List<string> { item.Id };
                    for (var i = 0; i < gone.Count; i++)
                    {
                        gone.AddRange(_items.Values.Where(x => x.ParentId == gone[i]).Select(x => x.Id));
                    }

                    gone.ForEach(id => _items.Remove(id));
                    Deleted.Add(PathOf(item));
                }

                ctx.Response.StatusCode = 204;
                break;
            case ("DELETE", var perm) when perm.StartsWith("permissions/", StringComparison.Ordinal):
                bool removed;
                lock (_gate)
                {
                    removed = item.Permissions.RemoveAll(p => p.Id == perm["permissions/".Length..]) > 0;
                }

                if (removed)
                {
                    ctx.Response.StatusCode = 204;
                }
                else
                {
                    await Error(ctx, 404, "itemNotFound", "The permission could not be found.");
                }

                break;
            default:
                await Error(ctx, 400, "invalidRequest", $"Unsupported {method} {action}.");
                break;
        }
    }

    private static bool BadName(string name) =>
        name.Length == 0 || name.IndexOfAny(['"', '*', ':', '<', '>', '?', '/', '\\', '|']) >= 0 || name.Any(c => c < 0x20)
        || name != name.Trim() || name.StartsWith("~$", StringComparison.Ordinal) || name.Contains("_vti_", StringComparison.OrdinalIgnoreCase)
        || Regex.IsMatch(name, @"^(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?$", RegexOptions.IgnoreCase)
        || name.Equals(".lock", StringComparison.OrdinalIgnoreCase) || name.Equals("desktop.ini", StringComparison.OrdinalIgnoreCase);

    private const string ConflictKey = "@microsoft.graph.conflictBehavior";

    /// <summary>
    /// The conflict behaviour a write states: in the body (folder POST, createUploadSession's <c>item</c>) or as a query
    /// parameter (content PUT, and accepted anywhere as the driveItem page advises). Null = not stated; "" = not valid.
    /// </summary>
    private static string? StatedBehavior(string query, JsonObject? body)
    {
        var fromQuery = Regex.Match(query, @"(^|&)@microsoft\.graph\.conflictBehavior=([^&]*)");
        var stated = fromQuery.Success ? fromQuery.Groups[2].Value : body?[ConflictKey]?.GetValue<string>();
        return stated is null ? null : stated is "fail" or "replace" or "rename" ? stated : "";
    }

    private void Record(string action, string name, string? stated)
    {
        lock (_gate)
        {
            ConflictBehaviors.Add((action, name, stated));
        }
    }

    /// <summary>Graph's "rename": " 1", " 2"… before a file's extension, after a folder's name.</summary>
    private string FreeName(FakeItem parent, string name, bool folder)
    {
        var dot = folder ? -1 : name.LastIndexOf('.');
        var (stem, extension) = dot > 0 ? (name[..dot], name[dot..]) : (name, "");
        var candidate = name;
        for (var n = 1; Child(parent, candidate) is not null; n++)
        {
            candidate = $"{stem} {n}{extension}";
        }

        return candidate;
    }

    /// <summary>
    /// POST …/children with a folder facet. As Graph: <c>fail</c> (also when nothing is stated) → 409 nameAlreadyExists
    /// on an existing name; <c>replace</c> on an existing folder → 200 with that folder unchanged (its files kept);
    /// <c>rename</c> → 201 with "Name 1"; a file holding the name is never replaced by a folder (409).
    /// </summary>
    private async Task CreateFolderAsync(HttpContext ctx, string driveId, FakeItem parent, string query, byte[] body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var name = json["name"]?.GetValue<string>() ?? "";
        var stated = StatedBehavior(query, json);
        if (name.Length == 0 || json["folder"] is null)
        {
            // As Graph: a child needs a name and a facet (folder or file); {} is refused, not guessed.
            await Error(ctx, 400, "invalidRequest", "The request is malformed or incorrect: name and folder are required.");
            return;
        }

        if (stated == "")
        {
            await Error(ctx, 400, "invalidRequest", "Invalid value for @microsoft.graph.conflictBehavior.");
            return;
        }

        if (BadName(name))
        {
            await Error(ctx, 400, "invalidRequest", "The provided name contains invalid characters.", "nameContainsInvalidCharacters");
            return;
        }

        Record("children", name, stated);
        var behavior = stated ?? "fail";
        FakeItem? result;
        var status = 201;
        lock (_gate)
        {
            var existing = Child(parent, name);
            if (existing is null)
            {
                result = AddItem(driveId, parent.Id, name, true, []);
            }
            else if (behavior == "rename")
            {
                result = AddItem(driveId, parent.Id, FreeName(parent, name, folder: true), true, []);
            }
            else if (behavior == "replace" && existing.IsFolder)
            {
                result = existing;
                status = 200;
            }
            else
            {
                result = null;
            }
        }

        if (result is null)
        {
            await Error(ctx, 409, "nameAlreadyExists", "The specified item name already exists.");
            return;
        }

        await Json(ctx, status, ItemJson(result));
    }

    private async Task PutContentAsync(HttpContext ctx, string driveId, FakeItem parent, string name, string query, byte[] body)
    {
        string path;
        lock (_gate)
        {
            path = Join(PathOf(parent), name);
            SimplePuts[path] = SimplePuts.GetValueOrDefault(path) + 1;
        }

        if (BadName(name))
        {
            await Error(ctx, 400, "invalidRequest", "The provided name contains invalid characters.", "nameContainsInvalidCharacters");
            return;
        }

        var stated = StatedBehavior(query, null);
        if (stated == "")
        {
            await Error(ctx, 400, "invalidRequest", "Invalid value for @microsoft.graph.conflictBehavior.");
            return;
        }

        Record("content", name, stated);

        // A simple PUT replaces by default (driveItem resource: "The default for PUT is replace").
        var (item, created, conflict) = Commit(driveId, parent, name, body, stated ?? "replace");
        if (conflict)
        {
            await Error(ctx, 409, "nameAlreadyExists", "The specified item name already exists.");
            return;
        }

        await Json(ctx, created ? 201 : 200, ItemJson(item!));
    }

    private (FakeItem? Item, bool Created, bool Conflict) Commit(string driveId, FakeItem parent, string name, byte[] content, string behavior)
    {
        lock (_gate)
        {
            var existing = Child(parent, name);
            if (existing is not null && behavior == "rename")
            {
                name = FreeName(parent, name, folder: false);
                existing = null;
            }

            if (existing is not null && (behavior == "fail" || existing.IsFolder))
            {
                return (null, false, true);
            }

            FakeItem item;
            var created = existing is null;
            if (existing is null)
            {
                item = AddItem(driveId, parent.Id, name, false, content);
            }
            else
            {
                item = existing;
                item.Content = content;
                item.Version++;
            }

            var path = PathOf(item);
            ContentWrites[path] = ContentWrites.GetValueOrDefault(path) + 1;
            return (item, created, false);
        }
    }

    private async Task CreateSessionAsync(HttpContext ctx, string driveId, FakeItem parent, string name, string query, byte[] body)
    {
        var json = body.Length > 0 ? JsonNode.Parse(body)?.AsObject() : null;
        var itemProps = json?["item"]?.AsObject();
        var bodyName = itemProps?["name"]?.GetValue<string>();
        if (bodyName is not null && bodyName != name)
        {
            await Error(ctx, 400, "invalidRequest", "Name specified in the path doesn't match the name specified in the request body.");
            return;
        }

        if (BadName(name))
        {
            await Error(ctx, 400, "invalidRequest", "The provided name contains invalid characters.", "nameContainsInvalidCharacters");
            return;
        }

        // Inside "item" (at the top level Graph ignores it, graph.md §2), or as a query parameter.
        var stated = StatedBehavior(query, itemProps);
        if (stated == "")
        {
            await Error(ctx, 400, "invalidRequest", "Invalid value for @microsoft.graph.conflictBehavior.");
            return;
        }

        Record("createUploadSession", name, stated);
        bool taken;
        lock (_gate)
        {
            var existing = Child(parent, name);
            taken = existing is not null && (stated == "fail" || (existing.IsFolder && stated != "rename"));
        }

        if (taken)
        {
            // Refused before any byte is sent; the commit checks again (the name may be taken meanwhile).
            await Error(ctx, 409, "nameAlreadyExists", "The specified item name already exists.");
            return;
        }

        var session = new FakeSession
        {
            Id = Guid.NewGuid().ToString("N"),
            DriveId = driveId,
            ParentId = parent.Id,
            Name = name,
            // Observed default is replace although the docs say fail (graph.md §2).
            ConflictBehavior = stated ?? "replace",
            Expires = DateTimeOffset.UtcNow.AddMinutes(15),
        };
        lock (_gate)
        {
            _sessions[session.Id] = session;
            SessionsCreated++;
        }

        await Json(ctx, 200, new JsonObject
        {
            ["uploadUrl"] = $"http://localhost:{UploadPort}/upload/{session.Id}",
            ["expirationDateTime"] = session.Expires.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            ["nextExpectedRanges"] = new JsonArray("0-"),
        });
    }

    private async Task HandleUploadHostAsync(HttpContext ctx, string path, byte[] body)
    {
        if (path.StartsWith("/download/", StringComparison.Ordinal))
        {
            var id = path["/download/".Length..].Replace(".pdf", "", StringComparison.Ordinal);
            FakeItem? target;
            lock (_gate)
            {
                target = _items.GetValueOrDefault(id);
            }

            if (target is null)
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            // /download/{id}.pdf is a rendering; /download/{id} the file itself.
            var rendering = path.EndsWith(".pdf", StringComparison.Ordinal);
            ctx.Response.ContentType = rendering ? "application/pdf" : "application/octet-stream";
            await ctx.Response.Body.WriteAsync(rendering ? FakePdf(target) : target.Content);
            return;
        }

        if (!path.StartsWith("/upload/", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 404;
            return;
        }

        FakeSession? session;
        lock (_gate)
        {
            session = _sessions.GetValueOrDefault(path["/upload/".Length..]);
        }

        if (session is null || session.Expires < DateTimeOffset.UtcNow)
        {
            await Error(ctx, 404, "itemNotFound", "The upload session was not found.", "uploadSessionNotFound");
            return;
        }

        switch (ctx.Request.Method)
        {
            case "GET":
                await Json(ctx, 200, SessionStatus(session));
                return;
            case "DELETE":
                lock (_gate)
                {
                    _sessions.Remove(session.Id);
                }

                ctx.Response.StatusCode = 204;
                return;
            case "PUT":
                break;
            default:
                ctx.Response.StatusCode = 405;
                return;
        }

        var m = Regex.Match(ctx.Request.Headers["Content-Range"].ToString(), @"^bytes (\d+)-(\d+)/(\d+)$");
        if (!m.Success)
        {
            await Error(ctx, 400, "invalidRequest", "Content-Range is missing or malformed.");
            return;
        }

        long start = long.Parse(m.Groups[1].Value), end = long.Parse(m.Groups[2].Value), total = long.Parse(m.Groups[3].Value);
        FakeItem? committed = null;
        bool created = false, conflict = false;
        lock (_gate)
        {
            if (session.Total is { } known && known != total)
            {
                session.Error = "total";
            }
            else if (start < session.Received.Length)
            {
                OverlappingFragments++;
                session.Error = "overlap";
            }
            else if (start > session.Received.Length)
            {
                session.Error = "order";
            }
            else if (end - start + 1 != body.Length)
            {
                session.Error = "length";
            }
            else if (end + 1 < total && body.Length % SliceUnit != 0)
            {
                session.Error = "unit";
            }
            else
            {
                session.Error = null;
                session.Total = total;
                session.Received.Write(body);
                session.Expires = DateTimeOffset.UtcNow.AddMinutes(15);
                AcceptedFragments.Add((Join(PathOf(_items[session.ParentId]), session.Name), start, end));
            }
        }

        switch (session.Error)
        {
            case "overlap":
                await Error(ctx, 416, "invalidRange", "Uploaded fragment overlaps with existing data.", "fragmentOverlap");
                return;
            case "order":
                await Error(ctx, 416, "invalidRange", "Fragment is out of order.", "fragmentOutOfOrder");
                return;
            case "length" or "total":
                await Error(ctx, 400, "invalidRequest", "Declared fragment length does not match the provided number of bytes.", "fragmentLengthMismatch");
                return;
            case "unit":
                await Error(ctx, 400, "invalidRequest", "Fragments must be a multiple of 320 KiB.");
                return;
        }

        if (session.Received.Length < total)
        {
            ctx.Response.StatusCode = 202;
            await Json(ctx, 202, SessionStatus(session));
            return;
        }

        lock (_gate)
        {
            _sessions.Remove(session.Id);
        }

        (committed, created, conflict) = Commit(session.DriveId, _items[session.ParentId], session.Name, session.Received.ToArray(), session.ConflictBehavior);
        if (conflict)
        {
            await Error(ctx, 409, "nameAlreadyExists", "The specified item name already exists.");
            return;
        }

        await Json(ctx, created ? 201 : 200, ItemJson(committed!));
    }

    private static JsonObject SessionStatus(FakeSession session) => new()
    {
        ["expirationDateTime"] = session.Expires.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
        ["nextExpectedRanges"] = new JsonArray($"{session.Received.Length}-"),
    };

    private async Task GetContentAsync(HttpContext ctx, FakeItem item, string query)
    {
        var pdf = Regex.IsMatch(query, @"(^|&)\$?format=pdf(&|$)");
        if (pdf && !item.Name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) && !item.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            await Error(ctx, 406, "notSupported", "Conversion to PDF is not supported for this file type.", "InputFormatNotSupported");
            return;
        }

        if (pdf && PdfDirect)
        {
            ctx.Response.ContentType = "application/pdf";
            await ctx.Response.Body.WriteAsync(FakePdf(item));
            return;
        }

        // A short-lived pre-authenticated URL on the other host (graph.md §4).
        ctx.Response.StatusCode = 302;
        ctx.Response.Headers.Location = $"http://localhost:{UploadPort}/download/{item.Id}{(pdf ? ".pdf" : "")}";
    }

    /// <summary>What the fake "renders": a recognisable PDF header plus the source's id and length.</summary>
    public static byte[] FakePdf(FakeItem item) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% rendering of {item.Id} ({item.Content.Length} bytes)\n%%EOF\n");

    private async Task CreateLinkAsync(HttpContext ctx, FakeItem item, byte[] body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var type = json["type"]?.GetValue<string>();
        if (type is not ("view" or "edit" or "embed"))
        {
            // As Graph: type is required (driveitem-createlink.md); never filled in, so a lost field shows.
            await Error(ctx, 400, "invalidRequest", "Invalid request: the link type is missing or not valid.");
            return;
        }

        // An omitted scope takes the organisation's default (driveitem-createlink.md).
        var scope = json["scope"]?.GetValue<string>() ?? "organization";
        var expires = json["expirationDateTime"]?.GetValue<string>();
        if (scope == "anonymous" && !AllowAnonymousLinks)
        {
            await Error(ctx, 403, "accessDenied", "Access denied");
            return;
        }

        FakePermission permission;
        var status = 200;
        lock (_gate)
        {
            var existing = item.Permissions.FirstOrDefault(p => p.LinkType == type && p.Scope == scope && p.Expires == expires);
            if (existing is null)
            {
                var kind = item.IsFolder ? "f" : item.Name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? "w" : item.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "x" : "b";
                existing = new FakePermission
                {
                    Id = Guid.NewGuid().ToString("N")[..12],
                    LinkType = type,
                    Scope = scope,
                    Expires = expires,
                    Roles = [type == "edit" ? "write" : "read"],
                    ItemId = item.Id,
                    WebUrl = $"https://{SiteHost}/:{kind}:/s/HoiNghi/{Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('/', '_').Replace('+', '-')}",
                };
                item.Permissions.Add(existing);
                status = 201;
            }

            permission = existing;
        }

        await Json(ctx, status, PermissionJson(permission));
    }

    private async Task InviteAsync(HttpContext ctx, FakeItem item, byte[] body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var requireSignIn = json["requireSignIn"]?.GetValue<bool>() ?? false;
        var send = json["sendInvitation"]?.GetValue<bool>() ?? false;
        if (!requireSignIn && !send)
        {
            await Error(ctx, 400, "invalidRequest", "RequireSignIn and SendInvitation cannot both be false");
            return;
        }

        if (json["recipients"] is not JsonArray { Count: > 0 })
        {
            await Error(ctx, 400, "invalidRequest", "At least one recipient is required.");
            return;
        }

        var roles = json["roles"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
        var result = new JsonArray();
        lock (_gate)
        {
            foreach (var recipient in json["recipients"]?.AsArray() ?? [])
            {
                var email = recipient?["email"]?.GetValue<string>() ?? "";
                var p = new FakePermission
                {
                    Id = Guid.NewGuid().ToString("N")[..12],
                    Roles = roles,
                    ItemId = item.Id,
                    InvitedEmail = email,
                    RequireSignIn = requireSignIn,
                };
                item.Permissions.Add(p);
                result.Add(PermissionJson(p));
            }
        }

        await Json(ctx, 200, new JsonObject { ["value"] = result });
    }

    private static JsonObject PermissionJson(FakePermission p)
    {
        var o = new JsonObject { ["id"] = p.Id, ["roles"] = new JsonArray(p.Roles.Select(r => (JsonNode)r!).ToArray()), ["hasPassword"] = false };
        if (p.WebUrl is not null)
        {
            o["link"] = new JsonObject
            {
                ["type"] = p.LinkType,
                ["scope"] = p.Scope,
                ["webUrl"] = p.WebUrl,
                ["preventsDownload"] = false,
            };
        }

        if (p.Expires is not null)
        {
            o["expirationDateTime"] = p.Expires;
        }

        if (p.InvitedEmail is not null)
        {
            o["invitation"] = new JsonObject { ["email"] = p.InvitedEmail, ["signInRequired"] = p.RequireSignIn };
            o["grantedToV2"] = new JsonObject { ["user"] = new JsonObject { ["email"] = p.InvitedEmail } };
        }

        return o;
    }

    private JsonObject ItemJson(FakeItem item)
    {
        lock (_gate)
        {
            var o = new JsonObject
            {
                ["id"] = item.Id,
                ["name"] = item.Name,
                ["eTag"] = $"\"{{{item.Id}}},{item.Version}\"",
                ["cTag"] = $"\"c:{{{item.Id}}},{item.Version}\"",
                ["size"] = item.IsFolder ? 0 : item.Content.Length,
                ["webUrl"] = $"{SiteUrl}/Shared%20Documents/{Uri.EscapeDataString(PathOf(item))}",
                ["createdDateTime"] = item.Created.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                ["lastModifiedDateTime"] = item.Created.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                ["parentReference"] = new JsonObject { ["driveId"] = item.DriveId, ["driveType"] = "documentLibrary", ["id"] = item.ParentId },
            };
            if (item.IsFolder)
            {
                o["folder"] = new JsonObject { ["childCount"] = _items.Values.Count(i => i.ParentId == item.Id) };
            }
            else
            {
                o["file"] = new JsonObject
                {
                    ["mimeType"] = "application/octet-stream",
                    ["hashes"] = Sha256Only
                        ? new JsonObject { ["sha256Hash"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(item.Content)) }
                        : new JsonObject { ["quickXorHash"] = QuickXorHash.Compute(item.Content) },
                };
            }

            return o;
        }
    }

    private Task Unauthorized(HttpContext ctx)
    {
        lock (_gate)
        {
            UnauthorizedAnswers++;
        }

        ctx.Response.Headers.WWWAuthenticate =
            "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"";
        return Error(ctx, 401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
    }

    private static Task Error(HttpContext ctx, int status, string code, string message, string? inner = null)
    {
        var innerError = new JsonObject
        {
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss"),
            ["request-id"] = ctx.Response.Headers["request-id"].ToString(),
            ["client-request-id"] = ctx.Request.Headers["client-request-id"].ToString(),
        };
        if (inner is not null)
        {
            innerError["code"] = inner;
        }

        return Json(ctx, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["innerError"] = innerError } });
    }

    private const string DropResponseKey = "fake-graph-drop-response";

    private static async Task Json(HttpContext ctx, int status, JsonObject body)
    {
        if (ctx.Items.ContainsKey(DropResponseKey))
        {
            ctx.Abort();
            return;
        }

        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : $"{a}/{b}";

    private sealed record Fault(Func<FakeRequest, bool> When, FaultKind Kind, int Status, string Code, string Message, string? Inner, long DropAfter)
    {
        public int Remaining { get; set; }
    }
}

/// <summary>What a fault predicate sees of a request.</summary>
/// <param name="Action">content, createUploadSession, children, createLink, invite, permissions, site, item; fragment or download on the upload host.</param>
/// <param name="Name">The file name the request is about (path-addressed items and upload fragments), else "".</param>
public sealed record FakeRequest(string Method, string Path, string Query, bool IsUploadHost, string Action, string Name, long? FragmentStart);

public enum FaultKind
{
    /// <summary>Answer with Status (and Graph error JSON; Retry-After: 1 for 429/503).</summary>
    Status,

    /// <summary>Read DropAfter bytes of the body, then abort the connection.</summary>
    DropConnection,

    /// <summary>The current token expires now: answer 401 InvalidAuthenticationToken; the IdP issues a new token.</summary>
    ExpireToken,

    /// <summary>Handle the request normally, then abort the connection instead of answering.</summary>
    DropResponse,

    /// <summary>Every open upload session expires and the connection is cut before any byte is taken.</summary>
    ExpireSessionsAndDrop,
}

public sealed class FakeItem
{
    public required string Id { get; init; }
    public required string DriveId { get; init; }
    public required string ParentId { get; init; }
    public required string Name { get; init; }
    public required bool IsFolder { get; init; }
    public byte[] Content { get; set; } = [];
    public int Version { get; set; } = 1;
    public DateTimeOffset Created { get; init; }
    public List<FakePermission> Permissions { get; } = [];
}

public sealed class FakePermission
{
    public required string Id { get; init; }
    public required string ItemId { get; init; }
    public List<string> Roles { get; init; } = [];
    public string? LinkType { get; init; }
    public string? Scope { get; init; }
    public string? Expires { get; init; }
    public string? WebUrl { get; init; }
    public string? InvitedEmail { get; init; }
    public bool RequireSignIn { get; init; }
}

internal sealed class FakeSession
{
    public required string Id { get; init; }
    public required string DriveId { get; init; }
    public required string ParentId { get; init; }
    public required string Name { get; init; }
    public required string ConflictBehavior { get; init; }
    public DateTimeOffset Expires { get; set; }
    public long? Total { get; set; }
    public MemoryStream Received { get; } = new();
    public string? Error { get; set; }
}
