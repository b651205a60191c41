using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Tests.Sharing;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Automation.Sharing.Auth;

namespace Dialogue.Office.Automation.Tests.Attendance;

/// <summary>
/// What every attendance register promises, run against each implementation: the history is kept oldest first and
/// the latest answer is the delegate's; the first check-in wins and a repeat returns it; concurrent answers are all
/// kept and concurrent doors agree on one check-in; a register opened again over the same store has everything.
/// Times are whole seconds (SharePoint keeps seconds).
/// </summary>
public abstract class AttendanceRegisterContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset At = new(2023, 4, 18, 8, 0, 0, TimeSpan.FromHours(7));

    private readonly List<IAttendanceRegister> _opened = [];

    /// <summary>A new register over the same store (the second call is a reopen).</summary>
    protected abstract IAttendanceRegister Create();

    protected IAttendanceRegister Open()
    {
        var register = Create();
        _opened.Add(register);
        return register;
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        foreach (var register in _opened)
        {
            (register as IDisposable)?.Dispose();
        }

        return Task.CompletedTask;
    }

    protected static AttendanceAnswer Answer(string code, AttendanceStatus status, DateTimeOffset at, string conference = "YB23") =>
        new() { ConferenceCode = conference, DelegateCode = code, Status = status, At = at };

    protected static AttendanceCheckIn CheckIn(string code, string venue, DateTimeOffset at, string method = "qr") =>
        new() { ConferenceCode = "YB23", DelegateCode = code, VenueId = venue, At = at, Method = method };

    [Fact]
    public async Task History_OldestFirst_TheLatestIsTheDelegatesAnswer()
    {
        var register = Open();
        await register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Absent, At) with { Reason = "Đi công tác" });
        await register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Substitute, At.AddHours(1)) with { SubstituteName = "Trần Văn Bình", SubstitutePosition = "Phó Giám đốc Sở Tài chính" });
        await register.AnswerAsync(Answer("YB23-0002", AttendanceStatus.Attending, At) with { Source = "thu-ky" });

        var history = await register.HistoryAsync("YB23", "yb23-0001");
        Assert.Equal([AttendanceStatus.Absent, AttendanceStatus.Substitute], history.Select(h => h.Status));
        Assert.Equal("Đi công tác", history[0].Reason);
        Assert.Equal(At, history[0].At);
        Assert.Equal(("Trần Văn Bình", "Phó Giám đốc Sở Tài chính"), (history[1].SubstituteName, history[1].SubstitutePosition));
        Assert.Equal("YB23-0001", history[1].DelegateCode);

        var snapshot = await register.SnapshotAsync("yb23");
        Assert.Equal(2, snapshot.Count);
        Assert.Equal(AttendanceStatus.Substitute, snapshot["YB23-0001"].Status);
        Assert.Equal(AttendanceStatus.Attending, snapshot["yb23-0002"].Status);
        Assert.Equal("thu-ky", snapshot["YB23-0002"].Answer!.Source);
        Assert.Null(snapshot["YB23-0002"].CheckIn);
        Assert.Empty(await register.HistoryAsync("YB23", "YB23-0003"));
    }

    [Fact]
    public async Task Delegate_OneDelegatesRead_SaysWhatTheSnapshotAndHistorySayForThem()
    {
        var register = Open();
        await register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Absent, At) with { Reason = "Đi công tác" });
        await register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Attending, At.AddHours(1)));
        await register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Substitute, At.AddHours(2)) with { SubstituteName = "Trần Văn Bình", SubstitutePosition = "Phó Giám đốc Sở Tài chính" });
        await register.AnswerAsync(Answer("YB23-0002", AttendanceStatus.Attending, At) with { Source = "thu-ky" });
        await register.CheckInAsync(CheckIn("YB23-0002", "tinh", At.AddDays(7)));
        await register.CheckInAsync(CheckIn("YB23-0002", "nghia-lo", At.AddDays(7).AddMinutes(3), "tim")); // the first wins
        await register.CheckInAsync(CheckIn("YB23-0003", "nghia-lo", At.AddDays(7).AddMinutes(1), "tim")); // checked in, never answered
        await register.AnswerAsync(Answer("YB23-0004", AttendanceStatus.Absent, At, conference: "XA26") with { Reason = "Ốm" }); // another conference

        var snapshot = await register.SnapshotAsync("YB23");
        foreach (var code in new[] { "YB23-0001", "yb23-0002", "YB23-0003", "YB23-0004", "YB23-0099" })
        {
            var record = await register.DelegateAsync("yb23", code);
            var state = snapshot.GetValueOrDefault(code);
            Assert.Equal(code.ToUpperInvariant(), record.DelegateCode);
            Assert.Equal(await register.HistoryAsync("YB23", code), record.History);
            Assert.Equal(state?.Answer, record.Answer);
            Assert.Equal(state?.CheckIn, record.CheckIn);
            Assert.Equal(state?.Status ?? AttendanceStatus.None, record.Status);
        }

        // The values themselves, not only their agreement with the snapshot.
        var substitute = await register.DelegateAsync("YB23", "YB23-0001");
        Assert.Equal([AttendanceStatus.Absent, AttendanceStatus.Attending, AttendanceStatus.Substitute], substitute.History.Select(h => h.Status));
        Assert.Equal(("Trần Văn Bình", At.AddHours(2)), (substitute.Answer!.SubstituteName, substitute.Answer.At));
        Assert.Null(substitute.CheckIn);
        var checkedIn = await register.DelegateAsync("YB23", "YB23-0002");
        Assert.Equal(("tinh", At.AddDays(7), "qr"), (checkedIn.CheckIn!.VenueId, checkedIn.CheckIn.At, checkedIn.CheckIn.Method));
        Assert.Equal("thu-ky", checkedIn.Answer!.Source);
        var doorOnly = await register.DelegateAsync("YB23", "YB23-0003");
        Assert.Equal((AttendanceStatus.None, "nghia-lo"), (doorOnly.Status, doorOnly.CheckIn!.VenueId));
        Assert.Empty(doorOnly.History);
        var nothing = await register.DelegateAsync("YB23", "YB23-0004");
        Assert.Equal((0, (AttendanceCheckIn?)null, AttendanceStatus.None), (nothing.History.Count, nothing.CheckIn, nothing.Status));
        Assert.Equal("Ốm", (await Open().DelegateAsync("XA26", "YB23-0004")).Answer!.Reason); // reopened, its own conference
    }

    [Fact]
    public async Task CheckIn_TheFirstWins_ARepeatAtAnotherDoorReturnsTheFirst()
    {
        var register = Open();
        var first = await register.CheckInAsync(CheckIn("YB23-0001", "tinh", At.AddDays(7)));
        var second = await register.CheckInAsync(CheckIn("yb23-0001", "nghia-lo", At.AddDays(7).AddMinutes(5), "tim"));

        Assert.False(first.AlreadyCheckedIn);
        Assert.True(second.AlreadyCheckedIn);
        Assert.Equal(("tinh", At.AddDays(7), "qr"), (second.CheckIn.VenueId, second.CheckIn.At, second.CheckIn.Method));
        var state = (await register.SnapshotAsync("YB23"))["YB23-0001"];
        Assert.Equal("tinh", state.CheckIn!.VenueId);
        Assert.Equal(AttendanceStatus.None, state.Status); // a check-in is not an answer
    }

    [Fact]
    public async Task Concurrent_EveryAnswerKept_AndDoorsScanningTogetherAgreeOnOneCheckIn()
    {
        var register = Open();
        var answers = Enumerable.Range(2, 60).Select(i => register.AnswerAsync(Answer($"YB23-{i:D4}", AttendanceStatus.Attending, At.AddSeconds(i))));
        var doors = Enumerable.Range(0, 6).Select(i => register.CheckInAsync(CheckIn("YB23-0001", $"cua-{i}", At.AddDays(7).AddSeconds(i)))).ToList();
        await Task.WhenAll(answers.Concat<Task>(doors));

        var outcomes = doors.Select(d => d.Result).ToList();
        Assert.Single(outcomes, o => !o.AlreadyCheckedIn);
        var winner = outcomes.Single(o => !o.AlreadyCheckedIn).CheckIn;
        Assert.All(outcomes, o => Assert.Equal((winner.VenueId, winner.At), (o.CheckIn.VenueId, o.CheckIn.At)));
        var snapshot = await register.SnapshotAsync("YB23");
        Assert.Equal(61, snapshot.Count);
        Assert.Equal(winner.VenueId, snapshot["YB23-0001"].CheckIn!.VenueId);
        Assert.All(Enumerable.Range(2, 60), i => Assert.Equal(At.AddSeconds(i), snapshot[$"YB23-{i:D4}"].Answer!.At));
    }

    [Fact]
    public async Task Reopened_EverythingIsThere_AndAnotherConferenceIsSeparate()
    {
        var register = Open();
        await register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Absent, At) with { Reason = "Ốm" });
        await register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Attending, At.AddMinutes(1)));
        await register.CheckInAsync(CheckIn("YB23-0001", "tinh", At.AddDays(7)));
        await register.AnswerAsync(Answer("XA26-0001", AttendanceStatus.Absent, At, conference: "XA26") with { Reason = "Họp Tỉnh ủy" });

        var reopened = Open();
        var history = await reopened.HistoryAsync("YB23", "YB23-0001");
        Assert.Equal([AttendanceStatus.Absent, AttendanceStatus.Attending], history.Select(h => h.Status));
        Assert.Equal("Ốm", history[0].Reason);
        var snapshot = await reopened.SnapshotAsync("YB23");
        Assert.Equal(["YB23-0001"], snapshot.Keys);
        Assert.Equal(AttendanceStatus.Attending, snapshot["YB23-0001"].Status);
        Assert.Equal(At.AddDays(7), snapshot["YB23-0001"].CheckIn!.At);
        Assert.True((await reopened.CheckInAsync(CheckIn("YB23-0001", "nghia-lo", At.AddDays(8)))).AlreadyCheckedIn);
        Assert.Equal("Họp Tỉnh ủy", Assert.Single((await reopened.SnapshotAsync("XA26")).Values).Answer!.Reason);
        Assert.Empty(await reopened.SnapshotAsync("TB24"));
    }
}

/// <summary>The contract on the SQLite register (a file in a temporary folder).</summary>
public sealed class SqliteAttendanceRegisterTests : AttendanceRegisterContract, IDisposable
{
    private readonly TempDir _dir = new("attendance-");

    protected override IAttendanceRegister Create() => new SqliteAttendanceRegister(_dir.File("attendance.db"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ManyConcurrentWrites_AllCommitted()
    {
        var register = Open();
        await Task.WhenAll(Enumerable.Range(1, 200).Select(i => register.AnswerAsync(Answer($"YB23-{i:D4}", AttendanceStatus.Attending, At))));
        Assert.Equal(200, (await Open().SnapshotAsync("YB23")).Count);
    }
}

/// <summary>
/// The contract on the SharePoint-list register: the real Microsoft.Graph SDK against the Graph-compatible test
/// server over HTTP, on a clock that fast-forwards through Retry-After instead of waiting.
/// </summary>
public sealed class SharePointAttendanceRegisterTests : AttendanceRegisterContract
{
    private FakeGraphServer _server = null!;

    internal FastForwardTime Time { get; } = new(new DateTimeOffset(2023, 4, 25, 7, 0, 0, TimeSpan.FromHours(7)));

    public override async Task InitializeAsync()
    {
        _server = await FakeGraphServer.StartAsync();
        _server.ListPageSize = 25; // the conference is read back over several pages
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }

    protected override IAttendanceRegister Create() => new SharePointAttendanceRegister(Target(_server), Time);

    internal static AttendanceListTarget Target(FakeGraphServer server) => new()
    {
        SiteUrl = server.SiteUrl,
        Connection = new GraphConnectionOptions { BaseUrl = server.GraphBaseUrl, Credential = new FakeTokenCredential(server) },
    };

    private int ListCreations => _server.Log.Count(l => l.StartsWith("POST", StringComparison.Ordinal) && l.EndsWith("/lists", StringComparison.Ordinal));

    [Fact]
    public async Task FirstUse_CreatesTheListOnceWithTypedColumns_OneItemPerEvent()
    {
        var register = Open();
        await Task.WhenAll(
            register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Substitute, At) with { SubstituteName = "Trần Văn Bình", SubstitutePosition = "Phó Giám đốc" }),
            register.AnswerAsync(Answer("YB23-0002", AttendanceStatus.Absent, At) with { Reason = "Đi công tác" }));
        await register.CheckInAsync(CheckIn("YB23-0001", "tinh", At.AddDays(7)));
        await Open().AnswerAsync(Answer("YB23-0001", AttendanceStatus.Attending, At.AddHours(2)));

        Assert.Equal(1, ListCreations);
        var columns = _server.ListColumns(AttendanceListTarget.DefaultListName)!;
        string Kind(string name) => columns.Single(c => c["name"]!.GetValue<string>() == name) switch
        {
            var c when c["choice"] is not null => "choice:" + string.Join("|", c["choice"]!["choices"]!.AsArray().Select(x => x!.GetValue<string>())),
            var c when c["dateTime"] is not null => "dateTime",
            var c when c["text"] is not null => "text",
            _ => "?",
        };
        Assert.Equal(["Title", "MaHoiNghi", "MaDaiBieu", "LoaiGhiNhan", "TraLoi", "NguoiDuThay", "ChucVuNguoiDuThay", "LyDoVang", "DiemCau", "ThoiGianDiemDanh", "CachDiemDanh", "ThoiGianGhiNhan", "NguonGhiNhan", "MaSuKien"],
            columns.Select(c => c["name"]!.GetValue<string>()));
        Assert.Equal("choice:Tham dự|Cử người dự thay|Vắng mặt", Kind("TraLoi"));
        Assert.Equal("choice:Trả lời|Điểm danh", Kind("LoaiGhiNhan"));
        Assert.Equal(["dateTime", "dateTime"], new[] { Kind("ThoiGianDiemDanh"), Kind("ThoiGianGhiNhan") });
        Assert.Equal("Người dự thay", columns.Single(c => c["name"]!.GetValue<string>() == "NguoiDuThay")["displayName"]!.GetValue<string>());
        Assert.All(columns.Where(c => c["name"]!.GetValue<string>() is "MaHoiNghi" or "MaDaiBieu" or "MaSuKien"), c => Assert.True(c["indexed"]!.GetValue<bool>()));

        // What the secretariat sees in SharePoint: four events, the history kept, times in UTC.
        var rows = _server.ListRows(AttendanceListTarget.DefaultListName);
        Assert.Equal(4, rows.Count);
        var checkIn = rows.Single(r => r["LoaiGhiNhan"]!.GetValue<string>() == "Điểm danh");
        Assert.Equal(("YB23-0001", "tinh", "2023-04-25T01:00:00Z"), (checkIn["MaDaiBieu"]!.GetValue<string>(), checkIn["DiemCau"]!.GetValue<string>(), checkIn["ThoiGianDiemDanh"]!.GetValue<string>()));
        Assert.Equal(["Cử người dự thay", "Tham dự"], rows.Where(r => r["MaDaiBieu"]!.GetValue<string>() == "YB23-0001" && r["TraLoi"] is not null).Select(r => r["TraLoi"]!.GetValue<string>()));
        Assert.Equal(4, rows.Select(r => r["MaSuKien"]!.GetValue<string>()).Distinct().Count());
        Assert.True(_server.ListFilteredReads(AttendanceListTarget.DefaultListName) > 0);
    }

    [Fact]
    public async Task Delegate_OneFilteredReadOnTheDelegateCode_NotTheConferencesPages()
    {
        var register = Open();
        foreach (var i in Enumerable.Range(1, 30))
        {
            await register.AnswerAsync(Answer($"YB23-{i:D4}", AttendanceStatus.Attending, At.AddSeconds(i)));
        }

        var before = _server.Log.Count;
        var record = await register.DelegateAsync("YB23", "YB23-0007");

        Assert.Equal(At.AddSeconds(7), record.Answer!.At);
        var reads = _server.Log.Skip(before).Select(Uri.UnescapeDataString).ToList();
        var read = Assert.Single(reads); // the snapshot of 30 would be two pages of 25
        Assert.StartsWith("GET ", read, StringComparison.Ordinal);
        Assert.Contains("fields/MaHoiNghi eq 'YB23' and fields/MaDaiBieu eq 'YB23-0007'", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_TheWriteWaitsRetryAfterOnTheClock_AndIsAcknowledgedOnce()
    {
        var register = Open();
        await register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Attending, At)); // the list exists
        _server.Inject(r => r.Action == "items" && r.Method == "POST", FaultKind.Status, times: 2, status: 429, code: "activityLimitReached", message: "The request has been throttled", inner: "throttledRequest");

        await register.AnswerAsync(Answer("YB23-0002", AttendanceStatus.Absent, At) with { Reason = "Ốm" });

        Assert.Equal(0, _server.FaultsLeft);
        Assert.Equal(2, Time.Waits.Count(w => w == TimeSpan.FromSeconds(1)));
        Assert.Single(_server.ListRows(AttendanceListTarget.DefaultListName), r => r["MaDaiBieu"]!.GetValue<string>() == "YB23-0002");
        Assert.Equal(AttendanceStatus.Absent, (await Open().SnapshotAsync("YB23"))["YB23-0002"].Status);
    }

    [Fact]
    public async Task ThrottledBeyondTheRetries_NotAcknowledged_AndTheNextWriteGoesThrough()
    {
        var register = Open();
        await register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Attending, At));
        _server.Inject(r => r.Action == "items" && r.Method == "POST", FaultKind.Status, times: 4, status: 429, code: "activityLimitReached", message: "The request has been throttled");

        var refused = await Assert.ThrowsAsync<AttendanceRegisterUnavailableException>(() => register.AnswerAsync(Answer("YB23-0002", AttendanceStatus.Attending, At)));
        Assert.Contains("SharePoint", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.FaultsLeft);
        Assert.DoesNotContain(_server.ListRows(AttendanceListTarget.DefaultListName), r => r["MaDaiBieu"]!.GetValue<string>() == "YB23-0002");

        await register.AnswerAsync(Answer("YB23-0002", AttendanceStatus.Attending, At));
        Assert.Equal(2, (await register.SnapshotAsync("YB23")).Count);
    }

    [Fact]
    public async Task AnswerLostOnTheWayBack_LookedUpByEventId_NotWrittenTwice()
    {
        var register = Open();
        await register.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Attending, At));
        _server.Inject(r => r.Action == "items" && r.Method == "POST", FaultKind.DropResponse);
        await register.AnswerAsync(Answer("YB23-0002", AttendanceStatus.Absent, At) with { Reason = "Ốm" });

        // The request never reached the list: sent again.
        _server.Inject(r => r.Action == "items" && r.Method == "POST", FaultKind.DropConnection, dropAfter: 0);
        await register.AnswerAsync(Answer("YB23-0003", AttendanceStatus.Attending, At));

        Assert.Equal(0, _server.FaultsLeft);
        var rows = _server.ListRows(AttendanceListTarget.DefaultListName);
        Assert.Equal(["YB23-0001", "YB23-0002", "YB23-0003"], rows.Select(r => r["MaDaiBieu"]!.GetValue<string>()));
        Assert.Equal(3, (await register.SnapshotAsync("YB23")).Count);
    }

    [Fact]
    public async Task SiteMissing_AClearRefusal_ThenTheConferencesOwnSiteIsUsed()
    {
        var wrong = new SharePointAttendanceRegister(Target(_server) with { SiteUrl = "https://contoso.sharepoint.com/sites/KhongCo" }, Time);
        var refused = await Assert.ThrowsAsync<AttendanceRegisterUnavailableException>(() => wrong.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Attending, At)));
        Assert.Contains("KhongCo", refused.Message, StringComparison.Ordinal);
        wrong.Dispose();

        // The plan's site wins over the configuration's.
        using var own = new SharePointAttendanceRegister(Target(_server) with { SiteUrl = "https://contoso.sharepoint.com/sites/KhongCo", SiteOf = c => c == "YB23" ? _server.SiteUrl : null }, Time);
        await own.AnswerAsync(Answer("YB23-0001", AttendanceStatus.Attending, At));
        Assert.Single(_server.ListRows(AttendanceListTarget.DefaultListName));
    }

    [Fact]
    public async Task Cli_ExportAndScript_ReadTheListWhenSharePointIsConfigured()
    {
        var plan = TestPlans.Sample;
        var inHall = Dialogue.Office.Automation.Plans.ProtocolOrder.Sort(plan.Delegates.Where(d => d.VenueId == plan.MainHall.Id && d.Kind == Dialogue.Office.Automation.Plans.AddresseeKind.Person)).ToList();
        var register = Open();
        await register.AnswerAsync(Answer(inHall[1].Code, AttendanceStatus.Absent, At) with { Reason = "Đi công tác" });
        await register.AnswerAsync(Answer(inHall[2].Code, AttendanceStatus.Substitute, At) with { SubstituteName = "Trần Văn Bình", SubstitutePosition = "Phó Chánh Văn phòng" });
        await register.CheckInAsync(CheckIn(inHall[2].Code, plan.MainHall.Id, At.AddDays(7)));

        using var dir = new TempDir("attendance-list-cli-");
        var home = Directory.CreateDirectory(dir.File("home")).FullName; // the child's user-secrets: empty, not this machine's
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["APPDATA"] = home,
            ["DIALOGUE_Sharing__SiteUrl"] = _server.SiteUrl,
            ["DIALOGUE_Sharing__Graph__BaseUrl"] = _server.GraphBaseUrl,
            ["DIALOGUE_Sharing__Graph__Auth"] = "AccessToken",
            ["DIALOGUE_GRAPH_TOKEN"] = _server.CurrentToken,
        };
        var xlsx = dir.File("diem-danh.xlsx");
        var (code, stdout, stderr) = CliRunner.RunSplit(["attendance", RepoPaths.SamplePlan, "--out", xlsx], environment);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("danh sách SharePoint", stdout, StringComparison.Ordinal);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(xlsx))
        {
            var main = workbook.Worksheet("Tổng hợp").RowsUsed().Single(r => r.Cell(1).GetString() == plan.MainHall.Name);
            Assert.Equal(["1", "1", "1"], new[] { main.Cell(4).GetString(), main.Cell(5).GetString(), main.Cell(7).GetString() });
        }

        (code, stdout, stderr) = CliRunner.RunSplit(["script", RepoPaths.SamplePlan, "--attendance", "--out", dir.File("out")], environment);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("bỏ 1 đại biểu báo vắng mặt, giới thiệu 1 người dự thay", stdout, StringComparison.Ordinal);
    }
}
