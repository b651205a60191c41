using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Dialogue.Office.AddIn.Tests.Support;
using Dialogue.Office.Automation.Plans;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Dialogue.Office.AddIn.Tests.Attendance;

/// <summary>
/// The delegate page on and an Entra tenant configured: door staff sign in with the tenant. Listed for YB23's main hall
/// by sign-in name and by group; listed for every venue of YB23 by app role.
/// </summary>
public class TenantAttendanceFactory : AttendanceFactory
{
    public const string Staff = "to.dontiep@yenbai.gov.vn";
    public const string StaffGroup = "7d9c0e4a-1b2c-4d3e-8f90-a1b2c3d4e5f6";
    public const string DoorRole = "Attendance.Door";

    public TestTenant Tenant { get; } = new();

    protected virtual bool DoorCodeWithTenant => false;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        .. TestTenant.Settings,
        new("Attendance:DoorStaff:YB23:tinh:0", Staff),
        new("Attendance:DoorStaff:YB23:tinh:1", "group:" + StaffGroup),
        new("Attendance:DoorStaff:YB23:All:0", "role:" + DoorRole),
        new("Attendance:DoorCodeWithTenant", DoorCodeWithTenant ? "true" : "false"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Tenant.Configure(builder);
    }

    /// <summary>A door staff token: a stable id, the API scope, and the given sign-in name, groups and roles.</summary>
    public string Token(string user, string[]? groups = null, string[]? roles = null, string scope = TestTenant.Scope, SecurityKey? key = null, string? audience = null, string? issuer = null, DateTime? expires = null)
    {
        var claims = new List<Claim> { new("oid", Guid.NewGuid().ToString()), new("preferred_username", user), new("name", "Tổ đón tiếp"), new("scp", scope) };
        claims.AddRange((groups ?? []).Select(g => new Claim("groups", g)));
        claims.AddRange((roles ?? []).Select(r => new Claim("roles", r)));
        return Tenant.Token(claims, key, audience, issuer, expires);
    }
}

/// <summary>The same, with the door code still accepted beside the sign-in (<c>Attendance:DoorCodeWithTenant</c>).</summary>
public sealed class TenantAndDoorCodeFactory : TenantAttendanceFactory
{
    protected override bool DoorCodeWithTenant => true;
}

/// <summary>
/// Door staff signed in with the tenant: real signed JWTs validated by the host's own bearer handler, then the venue's
/// list of door staff (users, groups, app roles); nobody else, and with a tenant no door code unless allowed.
/// </summary>
public sealed class DoorSignInTests : IDisposable
{
    private readonly TenantAttendanceFactory _factory = new();
    private readonly HttpClient _client;
    private readonly ConferencePlan _plan = PlanLoader.Load(Path.Combine(RepoPaths.Samples, "yen-bai-2023")).Plan!;

    public DoorSignInTests()
    {
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private string MainDoor => $"/cua/YB23/{_plan.MainHall.Id}";

    private string BridgeDoor => $"/cua/YB23/{_plan.Venues.First(v => v.Id != _plan.MainHall.Id).Id}";

    [Fact]
    public async Task DoorPage_WithTenant_OffersSignInAndAllowsTheAuthorityInItsPolicy()
    {
        var response = await _client.GetAsync(MainDoor);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đăng nhập bằng tài khoản cơ quan", html, StringComparison.Ordinal);
        Assert.Contains("data-sign-in=\"tenant\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mã cửa (8 chữ số)", html, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("connect-src 'self' https://login.microsoftonline.com;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);

        // One redirect URI for every door: the page that redeems the code and returns to the door.
        var signIn = await _client.GetAsync("/cua/dang-nhap");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("/attendance/door-sign-in.js", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/attendance/door-sign-in.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/js/pkce.js")).StatusCode);
    }

    [Fact]
    public async Task Door_ListedStaff_CheckInByQrAndByName()
    {
        var token = _factory.Token(TenantAttendanceFactory.Staff.ToUpperInvariant());
        var d = _plan.Delegates.First(x => x.VenueId == _plan.MainHall.Id && x.Kind == AddresseeKind.Person);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Post, MainDoor + "/mo", token, null, new { })).StatusCode);
        var link = $"{AttendanceFactory.PublicBaseUrl}/d/{d.Code}?k={_factory.Key().Token(d.Code)}";
        var checkedIn = await Send(HttpMethod.Post, MainDoor + "/diem-danh", token, null, new { link });
        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, MainDoor + "/tim?q=" + Uri.EscapeDataString(d.FullName), token, null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, MainDoor + "/so-lieu", token, null, null)).StatusCode);

        var snapshot = await _factory.Register.SnapshotAsync("YB23");
        Assert.Equal(_plan.MainHall.Id, snapshot[d.Code].CheckIn!.VenueId);
        Assert.Equal("qr", snapshot[d.Code].CheckIn!.Method);
    }

    [Fact]
    public async Task Door_GroupAndRole_OpenTheirVenuesOnly()
    {
        var byGroup = _factory.Token("giao.vien@yenbai.edu.vn", groups: [TenantAttendanceFactory.StaffGroup.ToUpperInvariant()]);
        Assert.Equal(HttpStatusCode.NoContent, (await Unlock(MainDoor, byGroup)).StatusCode);
        var elsewhere = await Unlock(BridgeDoor, byGroup);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Contains("Tài khoản giao.vien@yenbai.edu.vn chưa được giao điểm danh tại", await Error(elsewhere), StringComparison.Ordinal);

        var byRole = _factory.Token("can.bo@yenbai.gov.vn", roles: [TenantAttendanceFactory.DoorRole]);
        Assert.Equal(HttpStatusCode.NoContent, (await Unlock(MainDoor, byRole)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Unlock(BridgeDoor, byRole)).StatusCode);

        // A role's name is compared exactly; another conference's list does not open YB23.
        Assert.Equal(HttpStatusCode.Forbidden, (await Unlock(MainDoor, _factory.Token("can.bo@yenbai.gov.vn", roles: ["attendance.door"]))).StatusCode);
    }

    [Fact]
    public async Task Door_UnlistedOrInvalidSignIn_IsRefusedInVietnamese()
    {
        // Signed in, valid, but nobody listed this user: refused by default.
        var unlisted = await Unlock(MainDoor, _factory.Token("nguoi.khac@yenbai.gov.vn"));
        Assert.Equal(HttpStatusCode.Forbidden, unlisted.StatusCode);
        Assert.Contains("Xin liên hệ Ban Tổ chức", await Error(unlisted), StringComparison.Ordinal);

        // The host's validation: signature, lifetime, audience, issuer, scope.
        var staff = TenantAttendanceFactory.Staff;
        foreach (var bad in new[]
        {
            _factory.Token(staff, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "tenant-key" }),
            _factory.Token(staff, audience: "api://other-app"),
            _factory.Token(staff, issuer: "https://login.microsoftonline.com/99999999-0000-0000-0000-000000000000/v2.0"),
            _factory.Token(staff, scope: "User.Read"),
            "not-a-token",
        })
        {
            var refused = await Unlock(MainDoor, bad);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("Đăng nhập không hợp lệ. Xin đăng nhập lại bằng tài khoản cơ quan.", await Error(refused));
        }

        var expired = await Unlock(MainDoor, _factory.Token(staff, expires: DateTime.UtcNow.AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("đã hết hạn", await Error(expired), StringComparison.Ordinal);

        // With a tenant, the door code is not a way in (unless configured), and nothing at all asks for sign-in.
        var byCode = await Send(HttpMethod.Post, MainDoor + "/mo", null, _factory.Key().DoorCode(_plan.MainHall.Id), new { });
        Assert.Equal(HttpStatusCode.Unauthorized, byCode.StatusCode);
        Assert.Contains("không dùng mã cửa", await Error(byCode), StringComparison.Ordinal);
        var nothing = await Send(HttpMethod.Post, MainDoor + "/diem-danh", null, null, new { code = _plan.Delegates[0].Code });
        Assert.Equal(HttpStatusCode.Unauthorized, nothing.StatusCode);
        Assert.Equal("Cần đăng nhập bằng tài khoản cơ quan để điểm danh.", await Error(nothing));
        Assert.Empty(await _factory.Register.SnapshotAsync("YB23"));
    }

    [Fact]
    public async Task Door_DoorCodeWithTenant_AcceptsTheCodeBesideTheSignIn()
    {
        using var factory = new TenantAndDoorCodeFactory();
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync(MainDoor);
        Assert.Contains("Đăng nhập bằng tài khoản cơ quan", html, StringComparison.Ordinal);
        Assert.Contains("Hoặc nhập mã cửa", html, StringComparison.Ordinal);

        using var byCode = new HttpRequestMessage(HttpMethod.Post, MainDoor + "/mo") { Content = JsonContent.Create(new { }) };
        byCode.Headers.Add("X-Door-Code", factory.Key().DoorCode(_plan.MainHall.Id));
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(byCode)).StatusCode);

        using var wrongCode = new HttpRequestMessage(HttpMethod.Post, MainDoor + "/mo") { Content = JsonContent.Create(new { }) };
        wrongCode.Headers.Add("X-Door-Code", factory.Key().DoorCode("nghia-lo"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(wrongCode)).StatusCode);

        // A sign-in that is sent is judged as a sign-in: a valid code does not rescue an unlisted account.
        using var both = new HttpRequestMessage(HttpMethod.Post, MainDoor + "/mo") { Content = JsonContent.Create(new { }) };
        both.Headers.Add("X-Door-Code", factory.Key().DoorCode(_plan.MainHall.Id));
        both.Headers.Authorization = new AuthenticationHeaderValue("Bearer", factory.Token("nguoi.khac@yenbai.gov.vn"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(both)).StatusCode);
    }

    private Task<HttpResponseMessage> Unlock(string door, string token) => Send(HttpMethod.Post, door + "/mo", token, null, new { });

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? token, string? doorCode, object? body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (doorCode is not null)
        {
            request.Headers.Add("X-Door-Code", doorCode);
        }

        return await _client.SendAsync(request);
    }

    private static async Task<string> Error(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error").GetString()!;
}
