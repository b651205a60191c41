using System.Net;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Sharing;
using Dialogue.Office.AddIn.Tests.Support;

namespace Dialogue.Office.AddIn.Tests.Attendance;

/// <summary>
/// The host with publishing configured for unattended use (Sharing:SiteUrl and Sharing:Graph with a pipeline's
/// token, the CLI's publish settings): the register is the SharePoint list, reached by the real Graph SDK on the
/// Graph-compatible test server over HTTP. An answer and a check-in become list items; when SharePoint refuses the
/// write, the delegate is told it was not recorded (503), and nothing is acknowledged.
/// </summary>
public sealed class SharePointRegisterHostTests : IAsyncLifetime
{
    private readonly ConferencePlan _plan = PlanLoader.Load(Path.Combine(RepoPaths.Samples, "yen-bai-2023")).Plan!;
    private readonly string _tokenVariable = "DIALOGUE_TEST_REGISTER_TOKEN_" + Guid.NewGuid().ToString("N")[..8];
    private FakeGraphServer _server = null!;
    private SharePointFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeGraphServer.StartAsync();
        Environment.SetEnvironmentVariable(_tokenVariable, _server.CurrentToken);
        _factory = new SharePointFactory(_server, _tokenVariable);
        _client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _server.DisposeAsync();
        Environment.SetEnvironmentVariable(_tokenVariable, null);
    }

    [Fact]
    public async Task SharePointConfigured_AnswersAndCheckInsAreListItems_ARefusedWriteIsNotAcknowledged()
    {
        Assert.IsType<SharePointAttendanceRegister>(_factory.Register);
        var d = _plan.Delegates.First(x => x.VenueId == _plan.MainHall.Id && x.Kind == AddresseeKind.Person);
        var token = _factory.Key().Token(d.Code);

        var sent = await Post(d, token, ("trang-thai", "du-thay"), ("ho-ten", "Trần Văn Bình"), ("chuc-vu", "Phó Giám đốc Sở Tài chính"));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var page = await _client.GetStringAsync(sent.Headers.Location);
        Assert.Contains("Trần Văn Bình, Phó Giám đốc Sở Tài chính", page, StringComparison.Ordinal);

        using var door = new HttpRequestMessage(HttpMethod.Post, $"/cua/YB23/{_plan.MainHall.Id}/diem-danh") { Content = System.Net.Http.Json.JsonContent.Create(new { code = d.Code }) };
        door.Headers.Add("X-Door-Code", _factory.Key().DoorCode(_plan.MainHall.Id));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(door)).StatusCode);

        var rows = _server.ListRows(AttendanceListTarget.DefaultListName);
        Assert.Equal(["Trả lời", "Điểm danh"], rows.Select(r => r["LoaiGhiNhan"]!.GetValue<string>()));
        Assert.All(rows, r => Assert.Equal((d.Code, "YB23"), (r["MaDaiBieu"]!.GetValue<string>(), r["MaHoiNghi"]!.GetValue<string>())));
        Assert.Equal("Trần Văn Bình", rows[0]["NguoiDuThay"]!.GetValue<string>());
        Assert.Equal(_plan.MainHall.Id, rows[1]["DiemCau"]!.GetValue<string>());

        // SharePoint refuses the next write: the delegate reads that it was not recorded; the list is unchanged.
        _server.Inject(r => r.Action == "items" && r.Method == "POST", FaultKind.Status, status: 403, code: "accessDenied", message: "Access denied");
        var refused = await Post(d, token, ("trang-thai", "vang-mat"), ("ly-do", "Đi công tác"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Chưa ghi nhận được", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Equal(2, _server.ListRows(AttendanceListTarget.DefaultListName).Count);
        Assert.Equal(AttendanceStatus.Substitute, (await _factory.Register.SnapshotAsync("YB23"))[d.Code].Status);
    }

    private async Task<HttpResponseMessage> Post(ConferenceDelegate d, string token, params (string Key, string Value)[] fields) =>
        await _client.PostAsync($"/d/{d.Code}", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Prepend(new("k", token))));

    private sealed class SharePointFactory(FakeGraphServer server, string tokenVariable) : AttendanceFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            .. base.Settings,
            new("Sharing:SiteUrl", server.SiteUrl),
            new("Sharing:Graph:BaseUrl", server.GraphBaseUrl),
            new("Sharing:Graph:Auth", "AccessToken"),
            new("Sharing:Graph:AccessTokenVariable", tokenVariable),
        ];
    }
}
