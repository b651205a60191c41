using System.Net;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.AddIn.Tests.Support;

namespace Dialogue.Office.AddIn.Tests.Attendance;

/// <summary>
/// The delegate page over HTTP against the sample plan: what it shows and hides, its headers, the refusals that must
/// all look the same, the answers with their history, the deadline and the expiry, and the door's check-in.
/// </summary>
public sealed partial class DelegatePageTests : IDisposable
{
    private readonly AttendanceFactory _factory = new();
    private readonly HttpClient _client;
    private readonly ConferencePlan _plan = PlanLoader.Load(Path.Combine(RepoPaths.Samples, "yen-bai-2023")).Plan!;

    public DelegatePageTests()
    {
        _client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private ConferenceDelegate MainHallPerson => _plan.Delegates.First(d => d.VenueId == _plan.MainHall.Id && d.Kind == AddresseeKind.Person && d.Phone.Length > 0);

    private string Link(ConferenceDelegate d) => $"/d/{d.Code}?k={_factory.Key().Token(d.Code)}";

    [Fact]
    public async Task Page_RightToken_ShowsTheLettersFactsAndNoContactDetails()
    {
        var d = MainHallPerson;
        var response = await _client.GetAsync(Link(d));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Html(d.Addressee), html, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Hội nghị tỉnh", html, StringComparison.Ordinal);
        Assert.Matches("(Hàng [A-Z]|Bàn Đoàn Chủ tịch) – Ghế \\d+", html);
        Assert.Contains("Chương trình", html, StringComparison.Ordinal);
        Assert.Contains("Phát biểu khai mạc Hội nghị", html, StringComparison.Ordinal);
        Assert.Contains("Tham dự", html, StringComparison.Ordinal);
        Assert.Contains("Cử người dự thay", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", html, StringComparison.Ordinal);

        // Nobody's phone number or e-mail: not the delegate's, the secretariat's or a technician's.
        Assert.DoesNotContain(d.Phone, html, StringComparison.Ordinal);
        Assert.DoesNotContain("@", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0216 3852 219", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b0\d{2,3}[ .]?\d{3,4}[ .]?\d{3,4}\b", html);

        // Light: no script, no external resource, one page under 16 KB.
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"https?://(?!hoinghi\\.yenbai\\.gov\\.vn)", html);
        Assert.True(html.Length < 16_000, $"{html.Length} characters");

        var headers = response.Headers;
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("noindex, nofollow", headers.GetValues("X-Robots-Tag").Single());
        Assert.Equal("same-origin", headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex,nofollow\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_UnknownCodeWrongTokenOtherConferenceGuessedCode_AllTheSame404()
    {
        var d = MainHallPerson;
        var key = _factory.Key();
        var other = _factory.Key("XA26");
        var next = _plan.Delegates[_plan.Delegates.ToList().IndexOf(d) + 1];
        var token = key.Token(d.Code);
        var forged = (token[0] == 'A' ? "B" : "A") + token[1..];
        string[] refused =
        [
            $"/d/{d.Code}",                                   // no token
            $"/d/{d.Code}?k={forged}",                        // one character changed
            $"/d/{d.Code}?k={other.Token(d.Code)}",           // another conference's key
            $"/d/{next.Code}?k={token}",                      // the next code with this letter's token
            $"/d/YB23-9999?k={token}",                        // a code nobody has
            $"/d/{d.Code}?k={token}x",                        // too long
            $"/d/{d.Code}?k={ConferenceKey.From(new AttendanceOptions { Secret = ConferenceKey.NewSecret() }, "YB23")!.Token(d.Code)}", // a guessed secret
        ];

        var bodies = new List<string>();
        foreach (var url in refused)
        {
            var response = await _client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, url);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Single(bodies.Distinct());
        Assert.Contains("Không tìm thấy giấy mời", bodies[0], StringComparison.Ordinal);
        Assert.DoesNotContain(d.FullName, bodies[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(Link(d))).StatusCode);
    }

    [Fact]
    public async Task Answers_SubstituteThenAbsentThenAttending_KeptWithHistory()
    {
        var d = MainHallPerson;
        var token = _factory.Key().Token(d.Code);

        var substitute = await Post(d, token, ("trang-thai", "du-thay"), ("ho-ten", "  Trần   Văn Bình "), ("chuc-vu", "Phó Giám đốc Sở Giáo dục và Đào tạo"));
        Assert.Equal(HttpStatusCode.SeeOther, substitute.StatusCode);
        Assert.Equal($"/d/{d.Code}?k={token}&da-gui=1", substitute.Headers.Location!.OriginalString);
        var page = await _client.GetStringAsync(substitute.Headers.Location);
        Assert.Contains("Đã ghi nhận xác nhận", page, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Bình, Phó Giám đốc Sở Giáo dục và Đào tạo", page, StringComparison.Ordinal);

        // Absent without a reason: refused with the form kept, nothing written.
        var noReason = await Post(d, token, ("trang-thai", "vang-mat"), ("ly-do", "   "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("xin ghi lý do vắng mặt", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _factory.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.SeeOther, (await Post(d, token, ("trang-thai", "tham-du"))).StatusCode);

        var history = await _factory.Register.HistoryAsync("YB23", d.Code);
        Assert.Equal([AttendanceStatus.Substitute, AttendanceStatus.Attending], history.Select(h => h.Status));
        Assert.Equal("Trần Văn Bình", history[0].SubstituteName);
        Assert.True(history[1].At > history[0].At);
        page = await _client.GetStringAsync(Link(d));
        Assert.Contains("Các lần xác nhận (2)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_FromAnotherSiteOrWithAWrongToken_Refused_NothingWritten()
    {
        var d = MainHallPerson;
        var token = _factory.Key().Token(d.Code);

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, $"/d/{d.Code}")
        {
            Content = new FormUrlEncodedContent([new("k", token), new("trang-thai", "vang-mat"), new("ly-do", "x")]),
        };
        crossSite.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(crossSite)).StatusCode);

        using var fetchSite = new HttpRequestMessage(HttpMethod.Post, $"/d/{d.Code}")
        {
            Content = new FormUrlEncodedContent([new("k", token), new("trang-thai", "vang-mat"), new("ly-do", "x")]),
        };
        fetchSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(fetchSite)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Post(d, _factory.Key("XA26").Token(d.Code), ("trang-thai", "tham-du"))).StatusCode);
        Assert.Empty(await _factory.Register.HistoryAsync("YB23", d.Code));
    }

    [Fact]
    public async Task Deadline_ClosesChanges_ThenThePageExpires()
    {
        var d = MainHallPerson;
        var token = _factory.Key().Token(d.Code);

        // 21/4/2023 is the last day (plan: confirm_by); from 22/4 the page shows but takes no answer.
        _factory.Time.SetUtcNow(new DateTimeOffset(2023, 4, 21, 23, 59, 0, TimeSpan.FromHours(7)));
        Assert.Equal(HttpStatusCode.SeeOther, (await Post(d, token, ("trang-thai", "tham-du"))).StatusCode);
        _factory.Time.SetUtcNow(new DateTimeOffset(2023, 4, 22, 0, 0, 1, TimeSpan.FromHours(7)));
        var page = await _client.GetStringAsync(Link(d));
        Assert.Contains("Đã hết hạn xác nhận qua trang này", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(d, token, ("trang-thai", "vang-mat"), ("ly-do", "Bận công tác"))).StatusCode);
        Assert.Single(await _factory.Register.HistoryAsync("YB23", d.Code));

        // 30 days (the default) after the conference day, the link answers like any unknown one.
        _factory.Time.SetUtcNow(new DateTimeOffset(2023, 5, 25, 23, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(Link(d))).StatusCode);
        _factory.Time.SetUtcNow(new DateTimeOffset(2023, 5, 26, 0, 0, 1, TimeSpan.FromHours(7)));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(Link(d))).StatusCode);
    }

    [Fact]
    public async Task Door_CheckInByQrAndByName_WarnsOfRepeatSubstituteAndOtherVenue()
    {
        var key = _factory.Key();
        var d = MainHallPerson;
        var atBridge = _plan.Delegates.First(x => x.VenueId != _plan.MainHall.Id && x.Kind == AddresseeKind.Person);
        var door = $"/cua/YB23/{_plan.MainHall.Id}";
        var code = key.DoorCode(_plan.MainHall.Id);

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(door)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Door(door + "/mo", null, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Door(door + "/mo", key.DoorCode("nghia-lo"), new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Door(door + "/mo", code, new { })).StatusCode);

        await Post(d, key.Token(d.Code), ("trang-thai", "du-thay"), ("ho-ten", "Trần Văn Bình"), ("chuc-vu", "Phó Giám đốc"));
        var link = AttendanceFactory.PublicBaseUrl + Link(d);
        var first = await Json(await Door(door + "/diem-danh", code, new { link }));
        Assert.False(first.GetProperty("alreadyCheckedIn").GetBoolean());
        Assert.Matches("(Hàng [A-Z]|Bàn Đoàn Chủ tịch) – Ghế \\d+", first.GetProperty("seat").GetString());
        Assert.Contains(first.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("Người dự thay: Trần Văn Bình", StringComparison.Ordinal));

        var again = await Json(await Door(door + "/diem-danh", code, new { link }));
        Assert.True(again.GetProperty("alreadyCheckedIn").GetBoolean());
        Assert.Contains(again.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("Đã điểm danh trước đó", StringComparison.Ordinal));

        // A forged QR and another conference's QR: refused. Someone from a bridge point: checked in, with a warning.
        Assert.Equal(HttpStatusCode.NotFound, (await Door(door + "/diem-danh", code, new { link = link[..^2] + "AA" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Door(door + "/diem-danh", code, new { link = $"{AttendanceFactory.PublicBaseUrl}/d/{d.Code}?k={_factory.Key("XA26").Token(d.Code)}" })).StatusCode);
        var elsewhere = await Json(await Door(door + "/diem-danh", code, new { code = atBridge.Code }));
        Assert.Contains(elsewhere.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("không phải điểm cầu này", StringComparison.Ordinal));

        // Search by name, without diacritics too; the door code is required.
        var surname = atBridge.FullName.Split(' ')[^1];
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.GetAsync(door + "/tim?q=" + Uri.EscapeDataString(surname))).StatusCode);
        using var search = new HttpRequestMessage(HttpMethod.Get, door + "/tim?q=" + Uri.EscapeDataString(Automation.Vietnamese.VietnameseText.Fold(atBridge.FullName)));
        search.Headers.Add("X-Door-Code", code);
        var found = await Json(await _client.SendAsync(search));
        Assert.Contains(found.EnumerateArray(), r => r.GetProperty("delegateCode").GetString() == atBridge.Code);

        var snapshot = await _factory.Register.SnapshotAsync("YB23");
        Assert.Equal(_plan.MainHall.Id, snapshot[d.Code].CheckIn!.VenueId);
        Assert.Equal(_plan.MainHall.Id, snapshot[atBridge.Code].CheckIn!.VenueId);
    }

    private async Task<HttpResponseMessage> Post(ConferenceDelegate d, string token, params (string Key, string Value)[] fields) =>
        await _client.PostAsync($"/d/{d.Code}", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Prepend(new("k", token))));

    private async Task<HttpResponseMessage> Door(string url, string? code, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (code is not null)
        {
            request.Headers.Add("X-Door-Code", code);
        }

        return await _client.SendAsync(request);
    }

    private static async Task<System.Text.Json.JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement;
    }

    private static string Html(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}

/// <summary>
/// The per-address limit: a client over it gets 429 in Vietnamese, with Retry-After, until the host's clock says the
/// minute is over. The window is counted on the factory's fake clock: with the wall-clock limiter this test failed under
/// load (the host's start and three requests took 86 s, the window reset, and the fourth request got 404 instead of 429).
/// </summary>
public sealed class AttendanceLimitTests
{
    private sealed class Strict : AttendanceFactory
    {
        protected override int RequestsPerMinute => 3;
    }

    [Fact]
    public async Task TooManyRequests_FromOneAddress_Refused()
    {
        await using var factory = new Strict();
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/d/YB23-{i:D4}?k=x")).StatusCode);
        }

        var refused = await client.GetAsync("/d/YB23-0001?k=x");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("Quá nhiều yêu cầu", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        factory.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/d/YB23-0001?k=x")).StatusCode);
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/d/YB23-0001?k=x")).StatusCode);
    }
}
