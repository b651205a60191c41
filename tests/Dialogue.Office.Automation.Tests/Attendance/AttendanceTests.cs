using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Script;
using Dialogue.Office.Automation.Minutes;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Tests.Attendance;

/// <summary>The conference key, the QR link decision, the letter's wording, the export and the script (the registers: <see cref="AttendanceRegisterContract"/>).</summary>
public sealed class AttendanceTests
{
    private const string Secret = "dGVzdC1vbmx5LWF0dGVuZGFuY2Utc2VjcmV0LTMyLWJ5dGVzIQ==";
    private static readonly AttendanceOptions Options = new() { Secret = Secret, PublicBaseUrl = "https://hoinghi.example.gov.vn/" };

    [Fact]
    public void Key_TokensPerConferenceAndCode_OnlyTheRightOneVerifies()
    {
        var key = ConferenceKey.From(Options, "YB23")!;
        var token = key.Token("YB23-0007");

        Assert.Equal(ConferenceKey.TokenLength, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", token);
        Assert.True(key.Verify("YB23-0007", token));
        Assert.True(key.Verify("yb23-0007", token));
        Assert.False(key.Verify("YB23-0008", token));
        Assert.False(ConferenceKey.From(Options, "XA26")!.Verify("YB23-0007", token));
        Assert.False(key.Verify("YB23-0007", null));
        Assert.False(key.Verify("YB23-0007", token + "A"));
        Assert.False(key.Verify("YB23-0007", token[..^1] + "!"));
        Assert.False(key.Verify("YB23-0007", token.ToUpperInvariant() == token ? token.ToLowerInvariant() : token.ToUpperInvariant()));

        // A conference's own secret (dialogue attendance rotate) wins over the master secret: every token changes.
        var rotated = new AttendanceOptions { Secret = Secret, Secrets = { ["YB23"] = ConferenceKey.NewSecret() } };
        Assert.False(ConferenceKey.From(rotated, "YB23")!.Verify("YB23-0007", token));
        Assert.NotEqual(key.DoorCode("tinh"), ConferenceKey.From(rotated, "YB23")!.DoorCode("tinh"));
        Assert.Matches("^[0-9]{8}$", key.DoorCode("tinh"));
        Assert.True(key.VerifyDoorCode("tinh", key.DoorCode("tinh")));
        Assert.False(key.VerifyDoorCode("nghia-lo", key.DoorCode("tinh")));

        // No secret, or a short one: no key at all.
        Assert.Null(ConferenceKey.From(new AttendanceOptions(), "YB23"));
        Assert.Null(ConferenceKey.From(new AttendanceOptions { Secret = Convert.ToBase64String(new byte[16]) }, "YB23"));
    }

    [Fact]
    public void DelegatePage_OnlyWhenAnAddressIsSet_AndNeverWithoutASecret()
    {
        var plan = TestPlans.Sample;
        var problems = new ProblemList();
        Assert.Null(PublishTargets.DelegatePage(plan, new AttendanceOptions { Secret = Secret }, problems));
        Assert.Empty(problems.Items);

        var page = PublishTargets.DelegatePage(plan, Options, problems)!;
        Assert.Equal("https://hoinghi.example.gov.vn", page.BaseUrl);
        Assert.Equal($"https://hoinghi.example.gov.vn/d/YB23-0007?k={page.Key.Token("YB23-0007")}", page.LinkFor("YB23-0007"));

        PublishTargets.DelegatePage(plan, new AttendanceOptions { PublicBaseUrl = "https://hoinghi.example.gov.vn" }, problems);
        var missing = Assert.Single(problems.Items);
        Assert.Equal("ATTENDANCE_NO_SECRET", missing.Code);
        Assert.Contains("dialogue attendance rotate", missing.Message, StringComparison.Ordinal);

        problems = new ProblemList();
        PublishTargets.DelegatePage(plan, new AttendanceOptions { Secret = Secret, PublicBaseUrl = "hoinghi.example.gov.vn?x=1" }, problems);
        Assert.Equal("ATTENDANCE_BAD_BASE_URL", Assert.Single(problems.Items).Code);
    }

    [Fact]
    public void Letter_PromisesConfirmationByQrOnlyWhenThePageIsOn()
    {
        var plan = TestPlans.Sample;
        var code = plan.Delegates[5].Code;
        var off = InvitationPreview.Values(plan, code)!;
        Assert.Contains("(báo trực tiếp cho Ban Tổ chức)", off["GhiChu"], StringComparison.Ordinal);
        Assert.DoesNotContain("quét mã QR", off["GhiChu"], StringComparison.Ordinal);
        Assert.StartsWith(plan.Conference.PacketUrl + "?db=", off["DuongDan"], StringComparison.Ordinal);

        var page = PublishTargets.DelegatePage(plan, Options, new ProblemList())!;
        var on = InvitationPreview.Values(plan, code, page: page)!;
        Assert.Contains("quét mã QR dưới đây để xác nhận trên điện thoại, hoặc báo trực tiếp cho Ban Tổ chức", on["GhiChu"], StringComparison.Ordinal);
        Assert.Equal(page.LinkFor(code), on["DuongDan"]);
    }

    [Fact]
    public void Form_CleansTextAndRequiresWhatEachChoiceNeeds()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.Null(AttendanceForm.Read("YB23", "YB23-0001", "", null, null, null, at, out var none));
        Assert.Contains("Xin chọn", none, StringComparison.Ordinal);
        Assert.Null(AttendanceForm.Read("YB23", "YB23-0001", "du-thay", "Trần Văn Bình", " ", null, at, out var noPosition));
        Assert.Contains("chức vụ", noPosition, StringComparison.Ordinal);

        // Decomposed Vietnamese (as some keyboards send it) is stored as NFC; control characters and runs of spaces go.
        var answer = AttendanceForm.Read("YB23", "YB23-0001", "du-thay", "Tra\u0302\u0300n  Va\u0306n\u0000 Bi\u0300nh", "=HYPERLINK(\"x\")\t", "bỏ qua", at, out _)!;
        Assert.Equal("Trần Văn Bình", answer.SubstituteName);
        Assert.Equal("=HYPERLINK(\"x\")", answer.SubstitutePosition);
        Assert.Equal("", answer.Reason);
        Assert.Equal(AttendanceForm.MaxReason, AttendanceForm.Read("YB23", "YB23-0001", "vang-mat", null, null, new string('a', 1000), at, out _)!.Reason.Length);
    }

    [Fact]
    public void Script_AbsentDroppedSubstituteIntroducedInThePlaceOfTheInvited()
    {
        using var dir = new TempDir("attendance-script-");
        var plan = TestPlans.Sample;
        var inHall = ProtocolOrder.Sort(plan.Delegates.Where(d => d.VenueId == plan.MainHall.Id && d.Kind == AddresseeKind.Person)).ToList();
        var absent = inHall[1];
        var replaced = inHall[2];
        var at = DateTimeOffset.UnixEpoch;
        var register = new Dictionary<string, DelegateAttendance>(StringComparer.OrdinalIgnoreCase)
        {
            [absent.Code] = new(absent.Code, Answer(absent.Code, AttendanceStatus.Absent, at) with { Reason = "Đi công tác" }, null),
            [replaced.Code] = new(replaced.Code, Answer(replaced.Code, AttendanceStatus.Substitute, at) with { SubstituteName = "Trần Văn Bình", SubstitutePosition = "Phó Chánh Văn phòng Tỉnh ủy" }, null),
        };

        var attended = AttendanceScript.Apply(plan, register, out var changes);
        Assert.Equal([absent], changes.Absent);
        Assert.Equal(plan.Delegates.Count - 1, attended.Delegates.Count);

        var before = DocxInspector.AllText(ScriptGenerator.Generate(new ScriptRequest(plan, Path.Combine(dir.Path, "before"))).Path!);
        var result = ScriptGenerator.Generate(new ScriptRequest(attended, Path.Combine(dir.Path, "after")));
        var after = DocxInspector.AllText(result.Path!);
        Assert.Empty(DocxInspector.Validate(result.Path!));
        Assert.Contains(absent.FullName, before, StringComparison.Ordinal);
        Assert.DoesNotContain(absent.FullName + ",", after, StringComparison.Ordinal);
        Assert.Contains($"Đồng chí Trần Văn Bình, Phó Chánh Văn phòng Tỉnh ủy, dự thay {replaced.Honorific.ToLowerInvariant()} {replaced.FullName}", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_BridgePointGreetingFollowsItsCheckIns_APointWithoutCheckInsKeepsTheInvitedLeader()
    {
        using var dir = new TempDir("attendance-bridge-");
        var plan = TestPlans.Sample;
        var point = plan.BridgePoints[0];
        var other = plan.BridgePoints[1];
        var invitedHere = ProtocolOrder.Sort(plan.Delegates.Where(d => d.VenueId == point.Id && d.Kind == AddresseeKind.Person && d.FullName.Length > 0)).ToList();
        var otherLeader = ProtocolOrder.Sort(plan.Delegates.Where(d => d.VenueId == other.Id && d.Kind == AddresseeKind.Person && d.FullName.Length > 0)).First();
        Assert.True(invitedHere.Count >= 2, "the sample's first bridge point needs two named delegates");
        var leader = invitedHere[0];
        var deputy = invitedHere[1];
        var fromHall = plan.Delegates.First(d => d.VenueId == plan.MainHall.Id && d.Kind == AddresseeKind.Person && d.FullName.Length > 0 && !d.IsPresidium);
        var at = DateTimeOffset.UnixEpoch;
        AttendanceCheckIn In(ConferenceDelegate d) => new() { ConferenceCode = "YB23", DelegateCode = d.Code, VenueId = point.Id, At = at };

        // The point's leader answered "attending" but did not come; the deputy and a hall delegate checked in there.
        var register = new Dictionary<string, DelegateAttendance>(StringComparer.OrdinalIgnoreCase)
        {
            [leader.Code] = new(leader.Code, Answer(leader.Code, AttendanceStatus.Attending, at), null),
            [deputy.Code] = new(deputy.Code, null, In(deputy)),
            [fromHall.Code] = new(fromHall.Code, null, In(fromHall)),
        };
        var attended = AttendanceScript.Apply(plan, register, out var changes);
        Assert.Equal(new Dictionary<string, int> { [point.Id] = 2 }, changes.PresentAtBridgePoints);

        var before = DocxInspector.AllText(ScriptGenerator.Generate(new ScriptRequest(plan, Path.Combine(dir.Path, "before"))).Path!);
        var result = ScriptGenerator.Generate(new ScriptRequest(attended, Path.Combine(dir.Path, "after")) { PresentAtBridgePoints = changes.PresentAtBridgePoints });
        Assert.Empty(DocxInspector.Validate(result.Path!));
        var after = DocxInspector.AllText(result.Path!);
        string Greeting(string text, Venue v) => text.Split('\n').Single(l => l.Contains($"Tại {VietnameseText.LowerFirst(v.Name)}:", StringComparison.Ordinal));

        Assert.Contains(leader.FullName, Greeting(before, point), StringComparison.Ordinal);
        var greeting = Greeting(after, point);
        Assert.DoesNotContain(leader.FullName, greeting, StringComparison.Ordinal);
        // The highest of the two who came is named, the other counted.
        var present = ProtocolOrder.Sort([deputy, fromHall with { VenueId = point.Id }]).ToList();
        Assert.Contains(present[0].FullName, greeting, StringComparison.Ordinal);
        Assert.DoesNotContain(present[1].FullName, greeting, StringComparison.Ordinal);
        Assert.EndsWith("cùng 1 đồng chí đại biểu;", greeting.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain(fromHall.Code, attended.Delegates.Where(d => d.VenueId == plan.MainHall.Id).Select(d => d.Code));

        // No check-in at the other point yet: greeted from the invitation list, as before.
        Assert.Equal(Greeting(before, other), Greeting(after, other));
        Assert.Contains(otherLeader.FullName, Greeting(after, other), StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_PerVenueAndEveryDelegate_ValidAndFormulaSafe()
    {
        using var dir = new TempDir("attendance-xlsx-");
        var plan = TestPlans.Sample;
        var d = plan.Delegates[0];
        var register = new Dictionary<string, DelegateAttendance>(StringComparer.OrdinalIgnoreCase)
        {
            [d.Code] = new(d.Code, Answer(d.Code, AttendanceStatus.Substitute, DateTimeOffset.UnixEpoch) with { SubstituteName = "=1+1", SubstitutePosition = "@x" },
                new AttendanceCheckIn { ConferenceCode = "YB23", DelegateCode = d.Code, VenueId = plan.MainHall.Id, At = DateTimeOffset.UnixEpoch }),
        };
        var summary = AttendanceSummary.Compute(plan, register);
        Assert.Equal(plan.Delegates.Count, summary.Lines.Count);
        Assert.Equal(plan.Delegates.Count, summary.Venues.Sum(v => v.Invited));
        Assert.Equal(1, summary.Venues.Single(v => v.VenueId == plan.MainHall.Id).CheckedIn);

        var path = dir.File("diem-danh.xlsx");
        AttendanceWorkbook.Write(path, plan, summary);
        Assert.Empty(DocxInspector.ValidateSpreadsheet(path));
        using var workbook = new ClosedXML.Excel.XLWorkbook(path);
        var list = workbook.Worksheet("Danh sách");
        var row = list.RowsUsed().Single(r => r.Cell(2).GetString() == d.Code);
        Assert.Equal("=1+1, @x", row.Cell(6).GetString());
        Assert.False(row.Cell(6).HasFormula);
        Assert.Equal(plan.Delegates.Count + 1, list.RowsUsed().Count());
    }

    private static AttendanceAnswer Answer(string code, AttendanceStatus status, DateTimeOffset at) =>
        new() { ConferenceCode = "YB23", DelegateCode = code, Status = status, At = at };
}

/// <summary>The attendance commands of the CLI, in their own process, on a register written beforehand.</summary>
public sealed class AttendanceCliTests
{
    [Fact]
    public async Task ExportAndScript_FromTheRegister()
    {
        using var dir = new TempDir("attendance-cli-");
        var plan = TestPlans.Sample;
        var inHall = ProtocolOrder.Sort(plan.Delegates.Where(d => d.VenueId == plan.MainHall.Id && d.Kind == AddresseeKind.Person)).ToList();
        var database = dir.File("attendance.db");
        using (var register = new SqliteAttendanceRegister(database))
        {
            var at = new DateTimeOffset(2023, 4, 18, 8, 0, 0, TimeSpan.FromHours(7));
            await register.AnswerAsync(new AttendanceAnswer { ConferenceCode = "YB23", DelegateCode = inHall[1].Code, Status = AttendanceStatus.Absent, Reason = "Đi công tác", At = at });
            await register.AnswerAsync(new AttendanceAnswer { ConferenceCode = "YB23", DelegateCode = inHall[2].Code, Status = AttendanceStatus.Substitute, SubstituteName = "Trần Văn Bình", SubstitutePosition = "Phó Chánh Văn phòng", At = at });
            await register.CheckInAsync(new AttendanceCheckIn { ConferenceCode = "YB23", DelegateCode = inHall[2].Code, VenueId = plan.MainHall.Id, At = at.AddDays(7) });
        }

        var xlsx = dir.File("diem-danh.xlsx");
        var (code, output) = CliRunner.Run("attendance", RepoPaths.SamplePlan, "--register", database, "--out", xlsx);
        Assert.True(code == 0, output);
        Assert.Contains("Đã ghi sổ điểm danh", output, StringComparison.Ordinal);
        Assert.Empty(DocxInspector.ValidateSpreadsheet(xlsx));
        using (var workbook = new ClosedXML.Excel.XLWorkbook(xlsx))
        {
            var main = workbook.Worksheet("Tổng hợp").RowsUsed().Single(r => r.Cell(1).GetString() == plan.MainHall.Name);
            Assert.Equal(["1", "1", "1"], new[] { main.Cell(4).GetString(), main.Cell(5).GetString(), main.Cell(7).GetString() });
        }

        (code, output) = CliRunner.Run("script", RepoPaths.SamplePlan, "--attendance", "--register", database, "--out", dir.File("out"));
        Assert.True(code == 0, output);
        Assert.Contains("bỏ 1 đại biểu báo vắng mặt, giới thiệu 1 người dự thay", output, StringComparison.Ordinal);
        var text = DocxInspector.AllText(Assert.Single(Directory.GetFiles(dir.File("out"), ScriptGenerator.FileName, SearchOption.AllDirectories)));
        Assert.Contains($"Trần Văn Bình, Phó Chánh Văn phòng, dự thay", text, StringComparison.Ordinal);
        Assert.DoesNotContain(inHall[1].FullName + ",", text, StringComparison.Ordinal);

        // The export is the minutes' attendance register (docs/after.md): the stand-in who came and the delegate who sent
        // word of absence are named, everyone else has no attendance information yet and is counted as such.
        (code, output) = CliRunner.Run("minutes", RepoPaths.SamplePlan, "--diem-danh", xlsx, "--thu-ky", "Lê Thị Hồng Nhung, Chuyên viên", "--out", dir.File("sau"));
        Assert.True(code == 0, output);
        Assert.Contains("ATTENDANCE_NOT_RECORDED", output, StringComparison.Ordinal);
        var minutes = DocxInspector.AllText(Path.Combine(dir.File("sau"), MinutesGenerator.FileName));
        Assert.Contains("Trần Văn Bình, Phó Chánh Văn phòng", minutes, StringComparison.Ordinal);
        Assert.Contains("- Vắng mặt (01):", minutes, StringComparison.Ordinal);
        Assert.Contains($"- Chưa có thông tin điểm danh: {plan.Delegates.Count - 2} đại biểu", minutes, StringComparison.Ordinal);

        // No register named: a clear Vietnamese refusal, exit 1.
        (code, output) = CliRunner.Run("attendance", RepoPaths.SamplePlan);
        Assert.NotEqual(0, code);
        Assert.Contains("Chưa biết sổ điểm danh ở đâu", output, StringComparison.Ordinal);
    }
}
