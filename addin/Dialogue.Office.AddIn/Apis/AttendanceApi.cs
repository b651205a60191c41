using System.Globalization;
using System.Net;
using Dialogue.Office.AddIn.Attendance;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Attendance;
using Microsoft.Extensions.Options;

namespace Dialogue.Office.AddIn.Apis;

/// <summary>
/// The delegate's side of the QR code. <c>GET /d/{code}?k={token}</c>: the delegate's page (no account; an unknown
/// code, a wrong token and an expired page are the same 404); <c>POST /d/{code}</c> with the token in the form: the
/// answer, acknowledged after the register committed it. <c>/cua/{conference}/{venue}</c>: the door page, unlocked by
/// the venue's door code, which checks delegates in by their QR code or by name. Every request of these pages is
/// limited per client address.
/// </summary>
public static class AttendanceApi
{
    /// <summary>The header the door page sends its door code in (a cross-site page cannot send it without a preflight this host never grants).</summary>
    public const string DoorCodeHeader = "X-Door-Code";

    private const int MaxFormBytes = 4096;

    /// <summary>Registers the attendance settings, the conference directory and the register.</summary>
    public static void AddAttendance(this WebApplicationBuilder builder)
    {
        // The secrets shared with the CLI (dialogue attendance rotate), then DIALOGUE_Attendance__* from the environment.
        builder.Configuration.AddUserSecrets(AttendanceSecrets.SecretsId).AddEnvironmentVariables("DIALOGUE_");
        builder.Services.Configure<AttendanceOptions>(builder.Configuration.GetSection(AttendanceOptions.Section));
        builder.Services.Configure<AttendanceLimits>(builder.Configuration.GetSection(AttendanceOptions.Section));
        builder.Services.AddSingleton<ConferenceDirectory>();
        builder.Services.AddSingleton<DoorAccess>();
        builder.Services.AddSingleton<IAttendanceRegister>(sp =>
        {
            // SharePoint when publishing is configured for unattended use (Sharing:SiteUrl and Sharing:Graph, as the CLI's
            // publish): a list on the conference's site (the plan's sharing.site_url, else Sharing:SiteUrl).
            var configuration = sp.GetRequiredService<IConfiguration>();
            var siteUrl = configuration["Sharing:SiteUrl"] ?? "";
            var graph = new Automation.Sharing.Auth.GraphConnectionOptions();
            configuration.GetSection("Sharing:Graph").Bind(graph);
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Dialogue.Office.AddIn");
            if (SharePointAttendanceRegister.Configured(siteUrl, graph))
            {
                var directory = sp.GetRequiredService<ConferenceDirectory>();
                log.LogInformation("Attendance register: SharePoint list on {Site} (or each plan's own site)", siteUrl);
                return new SharePointAttendanceRegister(
                    new AttendanceListTarget { SiteUrl = siteUrl.Trim(), SiteOf = code => directory.Conference(code)?.Plan.Sharing.SiteUrl, Connection = graph },
                    sp.GetRequiredService<TimeProvider>());
            }

            if (siteUrl.Trim().Length > 0)
            {
                log.LogWarning("Sharing:SiteUrl is set but Sharing:Graph:Auth is {Auth}: the attendance register needs an unattended sign-in (ClientSecret, ClientCertificate, ManagedIdentity or AccessToken) and stays in SQLite", graph.Auth);
            }

            var path = RegisterPath(sp.GetRequiredService<IOptions<AttendanceOptions>>().Value, sp.GetRequiredService<IOptions<AddInOptions>>().Value,
                sp.GetRequiredService<JobStore>());
            log.LogInformation("Attendance register: {Path}", path);
            return new SqliteAttendanceRegister(path);
        });
    }

    /// <summary>The register file: <c>Attendance:Database</c>, else attendance.db in the configured data folder, else beside the jobs.</summary>
    internal static string RegisterPath(AttendanceOptions attendance, AddInOptions host, JobStore jobs) =>
        attendance.Database.Trim().Length > 0 ? Path.GetFullPath(attendance.Database.Trim())
        : host.DataRoot.Trim().Length > 0 ? Path.Combine(Path.GetFullPath(host.DataRoot), SqliteAttendanceRegister.FileName)
        : Path.Combine(jobs.Root, SqliteAttendanceRegister.FileName);

    /// <summary>
    /// The delegate page the packet's QR codes open (null when off), decided by the core as for the CLI; a
    /// misconfiguration (no secret) is in <paramref name="problems"/>.
    /// </summary>
    public static DelegatePage? Page(Automation.Plans.ConferencePlan plan, IServiceProvider services, Automation.Diagnostics.ProblemList problems) =>
        Automation.Sharing.PublishTargets.DelegatePage(plan, services.GetRequiredService<IOptions<AttendanceOptions>>().Value, problems);

    /// <summary>The per-address limit and the page headers, then the endpoints.</summary>
    public static void MapAttendance(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<AttendanceLimits>>().Value;
        var ad = app.Services.GetRequiredService<Auth.AzureAdOptions>();
        var doorPolicy = AttendancePages.DoorPolicyFor(ad.IsConfigured ? ad.Authority : null);
        var limiter = new AddressLimiter(limits.RequestsPerMinute, TimeSpan.FromMinutes(1), app.Services.GetRequiredService<TimeProvider>());
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/d") || http.Request.Path.StartsWithSegments("/cua"), branch => branch.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers.CacheControl = "no-store";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            // The token is in the address: never sent to another site (the documents link), but kept for this host's own form.
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = http.Request.Path.StartsWithSegments("/cua") ? "camera=(self)" : "camera=()";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/cua") ? doorPolicy : AttendancePages.DelegatePolicy;
            if (!limiter.TryAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "?"))
            {
                headers.RetryAfter = "60";
                await Html(http, StatusCodes.Status429TooManyRequests, AttendancePages.Message("Quá nhiều yêu cầu", "Thiết bị này gửi quá nhiều yêu cầu trong một phút. Xin đợi một phút rồi thử lại."));
                return;
            }

            try
            {
                await next(http);
            }
            catch (AttendanceRegisterUnavailableException e) when (!http.Response.HasStarted)
            {
                // The register (SharePoint) did not answer: nothing was acknowledged, the delegate or the door tries again.
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Dialogue.Office.AddIn").LogWarning("Attendance register unavailable: {Reason}", e.Message);
                headers.RetryAfter = "30";
                if (http.Request.Path.StartsWithSegments("/cua") && http.Request.Path.Value!.Trim('/').Split('/').Length > 3)
                {
                    http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await http.Response.WriteAsJsonAsync(new { error = "Sổ điểm danh tạm thời chưa ghi được; chưa ghi nhận lượt này. Xin thử lại sau ít giây." }, http.RequestAborted);
                    return;
                }

                await Html(http, StatusCodes.Status503ServiceUnavailable, AttendancePages.Message("Chưa ghi nhận được", "Sổ điểm danh của hội nghị tạm thời chưa trả lời, nên xác nhận này chưa được ghi. Xin quay lại trang trước và gửi lại sau ít phút, hoặc báo trực tiếp cho Ban Tổ chức."));
            }
        }));

        // The QR decoder for browsers without BarcodeDetector: jsQR from npm (node_modules, as office.js is served).
        var jsQR = Path.Combine(app.Environment.ContentRootPath, "node_modules", "jsqr", "dist", "jsQR.js");
        app.MapGet("/lib/jsqr/jsQR.js", () => File.Exists(jsQR)
            ? Results.File(jsQR, "text/javascript; charset=utf-8")
            : Results.Text("/* jsQR is not installed: run 'npm ci' in addin/Dialogue.Office.AddIn */", "text/javascript; charset=utf-8", statusCode: StatusCodes.Status404NotFound));
        app.MapGet("/d/{code}", DelegatePageAsync);
        app.MapPost("/d/{code}", AnswerAsync).DisableAntiforgery();
        app.MapGet("/cua/dang-nhap", (HttpContext http) => Html(http, StatusCodes.Status200OK, AttendancePages.DoorSignIn()));
        app.MapGet("/cua/{conference}/{venue}", DoorPage);
        app.MapPost("/cua/{conference}/{venue}/mo", Unlock).DisableAntiforgery();
        app.MapPost("/cua/{conference}/{venue}/diem-danh", CheckInAsync).DisableAntiforgery();
        app.MapGet("/cua/{conference}/{venue}/tim", SearchAsync);
        app.MapGet("/cua/{conference}/{venue}/so-lieu", CountsAsync);
    }

    private static async Task DelegatePageAsync(HttpContext http, string code, ConferenceDirectory directory, IAttendanceRegister register, TimeProvider time)
    {
        var token = http.Request.Query[DelegatePage.TokenParameter].ToString();
        if (directory.Find(code, token) is not { } found)
        {
            await Html(http, StatusCodes.Status404NotFound, AttendancePages.NotFound());
            return;
        }

        var notice = http.Request.Query.ContainsKey("da-gui") ? "Đã ghi nhận xác nhận của đại biểu. Xin cảm ơn." : null;
        await Html(http, StatusCodes.Status200OK, AttendancePages.Delegate(await ViewAsync(http, found.Conference, found.Delegate, register, time, http.RequestAborted), token, notice, null, null));
    }

    private static async Task AnswerAsync(HttpContext http, string code, ConferenceDirectory directory, IAttendanceRegister register, TimeProvider time)
    {
        // Same-origin forms only (the token in the form is the page's secret; this also keeps other sites' forms out).
        if (CrossSite(http.Request))
        {
            await Html(http, StatusCodes.Status403Forbidden, AttendancePages.Message("Không nhận biểu mẫu này", "Xác nhận chỉ gửi được từ trang của đại biểu mở từ mã QR trên giấy mời."));
            return;
        }

        if (!http.Request.HasFormContentType || http.Request.ContentLength is not (> 0 and <= MaxFormBytes)
            || !string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await Html(http, StatusCodes.Status400BadRequest, AttendancePages.Message("Biểu mẫu không hợp lệ", "Xin mở lại trang từ mã QR trên giấy mời rồi gửi lại."));
            return;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var token = form[DelegatePage.TokenParameter].ToString();
        if (directory.Find(code, token) is not { } found)
        {
            await Html(http, StatusCodes.Status404NotFound, AttendancePages.NotFound());
            return;
        }

        var now = time.GetUtcNow();
        var view = await ViewAsync(http, found.Conference, found.Delegate, register, time, http.RequestAborted);
        var values = new FormValues(form["trang-thai"].ToString(), form["ho-ten"].ToString(), form["chuc-vu"].ToString(), form["ly-do"].ToString());
        if (!view.ChangesOpen)
        {
            await Html(http, StatusCodes.Status409Conflict, AttendancePages.Delegate(view, token, null, "Đã hết hạn xác nhận qua trang này; xin báo trực tiếp Ban Tổ chức.", values));
            return;
        }

        var answer = AttendanceForm.Read(found.Conference.Code, found.Delegate.Code, values.Choice, values.Name, values.Position, values.Reason, now, out var error);
        if (answer is null)
        {
            await Html(http, StatusCodes.Status422UnprocessableEntity, AttendancePages.Delegate(view, token, null, error, values));
            return;
        }

        // Acknowledged only after the commit: the redirect is sent once the register returned.
        await register.AnswerAsync(answer, http.RequestAborted);
        http.Response.Headers.Location = $"/{DelegatePage.Segment}/{Uri.EscapeDataString(found.Delegate.Code)}?{DelegatePage.TokenParameter}={Uri.EscapeDataString(token)}&da-gui=1";
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private static async Task<DelegatePageView> ViewAsync(HttpContext http, AttendanceConference conference, Automation.Plans.ConferenceDelegate d, IAttendanceRegister register, TimeProvider time, CancellationToken ct)
    {
        // Only this delegate's rows: a page view does not read the conference's whole register.
        var record = await register.DelegateAsync(conference.Code, d.Code, ct);
        var published = DelegateDocuments.Load(PublishedDocumentsPath(http.RequestServices, conference.Code));
        return DelegatePageView.For(conference.Plan, d, conference.Seats, time.GetUtcNow()) with
        {
            Answer = record.Answer,
            History = record.History,
            CheckIn = record.CheckIn,
            Documents = DelegateDocuments.For(conference.Plan, d, published),
        };
    }

    /// <summary>
    /// Where the links of a conference's last publication are kept, beside this host's local share: the same record the
    /// CLI's build/publish writes when it shares that folder (<see cref="DelegateDocuments.RecordPath"/>).
    /// </summary>
    internal static string PublishedDocumentsPath(IServiceProvider services, string conferenceCode) =>
        DelegateDocuments.RecordPath(PublishApi.ShareRoot(services.GetRequiredService<IOptions<AddInOptions>>().Value, services.GetRequiredService<JobStore>()), conferenceCode);

    private static async Task DoorPage(HttpContext http, string conference, string venue, ConferenceDirectory directory, DoorAccess access)
    {
        if (directory.Conference(conference) is not { } c || c.Plan.FindVenue(venue) is not { } v)
        {
            await Html(http, StatusCodes.Status404NotFound, AttendancePages.NotFound());
            return;
        }

        await Html(http, StatusCodes.Status200OK, AttendancePages.Door(c, v, access.TenantSignIn, access.DoorCodeAccepted));
    }

    /// <summary>The door code checked alone, so the page can say "wrong code" before the camera starts.</summary>
    private static async Task<IResult> Unlock(HttpContext http, string conference, string venue, ConferenceDirectory directory, DoorAccess access) =>
        (await DoorAsync(http, conference, venue, directory, access)).Refusal ?? Results.NoContent();

    public sealed record CheckInRequest(string? Link, string? Code, string? Method);

    private static async Task<IResult> CheckInAsync(HttpContext http, string conference, string venue, CheckInRequest body, ConferenceDirectory directory, DoorAccess access, IAttendanceRegister register, TimeProvider time)
    {
        var (refusal, c, v) = await DoorAsync(http, conference, venue, directory, access);
        if (refusal is not null)
        {
            return refusal;
        }

        // By QR: the scanned link, whose token must be right (a forged or another conference's QR is refused).
        // By name: the code picked from the search, behind the door code.
        Automation.Plans.ConferenceDelegate? d = null;
        var method = "tim";
        if (!string.IsNullOrEmpty(body.Link))
        {
            method = "qr";
            if (Parse(body.Link) is { } scanned && directory.Find(scanned.Code, scanned.Token) is { } found && found.Conference.Code == c!.Code)
            {
                d = found.Delegate;
            }
        }
        else if (!string.IsNullOrEmpty(body.Code) && c!.Delegates.TryGetValue(body.Code, out var byName))
        {
            d = byName;
        }

        if (d is null)
        {
            return Results.Json(new { error = "Mã QR không phải giấy mời của hội nghị này, hoặc không đọc được. Hãy tìm đại biểu theo tên." }, statusCode: StatusCodes.Status404NotFound);
        }

        var outcome = await register.CheckInAsync(new AttendanceCheckIn { ConferenceCode = c!.Code, DelegateCode = d.Code, VenueId = v!.Id, At = time.GetUtcNow(), Method = method }, http.RequestAborted);
        var answer = (await register.DelegateAsync(c.Code, d.Code, http.RequestAborted)).Answer;
        return Results.Json(DoorCheck.Result(c.Plan, d, v.Id, c.Seats.GetValueOrDefault(d.Code) ?? "", answer, outcome));
    }

    private static async Task<IResult> SearchAsync(HttpContext http, string conference, string venue, string? q, ConferenceDirectory directory, DoorAccess access, IAttendanceRegister register)
    {
        var (refusal, c, v) = await DoorAsync(http, conference, venue, directory, access);
        if (refusal is not null)
        {
            return refusal;
        }

        var words = Automation.Vietnamese.VietnameseText.Fold(q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Sum(w => w.Length) < 2)
        {
            return Results.Json(Array.Empty<DoorResult>());
        }

        var snapshot = await register.SnapshotAsync(c!.Code, http.RequestAborted);
        var matches = c.Plan.Delegates
            .Where(d =>
            {
                var text = Automation.Vietnamese.VietnameseText.Fold($"{d.FullName} {d.Position} {d.Organization}");
                return words.All(w => text.Contains(w, StringComparison.Ordinal));
            })
            .OrderBy(d => string.Equals(d.VenueId, v!.Id, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Take(10)
            .Select(d =>
            {
                var state = snapshot.GetValueOrDefault(d.Code);
                var outcome = state?.CheckIn is { } ci ? new CheckInOutcome(ci, true) : null;
                return DoorCheck.Result(c.Plan, d, v!.Id, c.Seats.GetValueOrDefault(d.Code) ?? "", state?.Answer, outcome);
            })
            .ToList();
        return Results.Json(matches);
    }

    private static async Task<IResult> CountsAsync(HttpContext http, string conference, string venue, ConferenceDirectory directory, DoorAccess access, IAttendanceRegister register)
    {
        var (refusal, c, v) = await DoorAsync(http, conference, venue, directory, access);
        if (refusal is not null)
        {
            return refusal;
        }

        var summary = AttendanceSummary.Compute(c!.Plan, await register.SnapshotAsync(c.Code, http.RequestAborted)).Venues.First(x => x.VenueId == v!.Id);
        return Results.Json(summary);
    }

    /// <summary>
    /// The conference and venue, when the request comes from the door page itself and may work this door (the door
    /// code, or a tenant sign-in of listed door staff: <see cref="DoorAccess"/>); else the refusal.
    /// </summary>
    private static async Task<(IResult? Refusal, AttendanceConference? Conference, Automation.Plans.Venue? Venue)> DoorAsync(
        HttpContext http, string conference, string venue, ConferenceDirectory directory, DoorAccess access)
    {
        var c = directory.Conference(conference);
        var v = c?.Plan.FindVenue(venue);
        if (c is null || v is null)
        {
            return (Results.Json(new { error = "Không có điểm cầu này." }, statusCode: StatusCodes.Status404NotFound), null, null);
        }

        if (CrossSite(http.Request))
        {
            return (Results.Json(new { error = "Yêu cầu không đến từ trang điểm danh." }, statusCode: StatusCodes.Status403Forbidden), null, null);
        }

        return await access.RefuseAsync(http, c, v) is { } refused
            ? (Results.Json(new { error = refused.Error }, statusCode: refused.Status), null, null)
            : (null, c, v);
    }

    /// <summary>A scanned link's code and token (<c>…/d/{code}?k={token}</c>), or null.</summary>
    internal static (string Code, string Token)? Parse(string link)
    {
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 2 || segments[^2] != DelegatePage.Segment)
        {
            return null;
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        return query.TryGetValue(DelegatePage.TokenParameter, out var k) ? (WebUtility.UrlDecode(segments[^1]), k.ToString()) : null;
    }

    /// <summary>
    /// A browser request from another site: Sec-Fetch-Site when the browser sends it (every current one), else an Origin
    /// that is not this host's. The pages send Referrer-Policy same-origin, so a same-origin form carries its Origin.
    /// </summary>
    private static bool CrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static Task Html(HttpContext http, int status, string html)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(html, http.RequestAborted);
    }
}

/// <summary>The per-address limit of the delegate and door pages (<c>Attendance:RequestsPerMinute</c>).</summary>
public sealed class AttendanceLimits
{
    /// <summary>Requests per minute from one address (a hall's wifi may put many phones behind one address).</summary>
    public int RequestsPerMinute { get; set; } = 120;
}

/// <summary>The user-secrets store the CLI's <c>dialogue attendance rotate</c> writes and the host reads.</summary>
public static class AttendanceSecrets
{
    public const string SecretsId = "dialogue-office-attendance";
}
