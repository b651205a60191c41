using Dialogue.Office.Automation.Conclusions;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Conclusions;
using Dialogue.Office.Automation.Tests.Minutes;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>
/// The conclusion tasks as a SharePoint list, through the real Microsoft.Graph SDK against the fake Graph server over
/// HTTP: the list is created with its columns, the workbook's tasks become items, a department's edit in the list is
/// what the follow-up reads, and the report is the same as from the workbook alone.
/// </summary>
public sealed class ConclusionsListTests
{
    private static readonly DateOnly AsOf = new(2023, 7, 15);

    private static ConclusionsRequest Request(string output, string? workbook = null) =>
        new(TestPlans.Sample, workbook ?? ConclusionsTests.SampleConclusions, output) { QuestionsPath = MinutesGeneratorTests.SampleQuestions, AsOf = AsOf };

    private static ConclusionsListTarget Target(FakeGraphServer server) => new()
    {
        SiteUrl = server.SiteUrl,
        Connection = new GraphConnectionOptions { BaseUrl = server.GraphBaseUrl, Credential = new FakeTokenCredential(server) },
    };

    [Fact]
    public async Task FirstRun_CreatesTheListWithColumnsAndItems_AndTheReportEqualsTheWorkbooks()
    {
        await using var server = await FakeGraphServer.StartAsync();
        server.ListPageSize = 3; // the items are read back over three pages
        using var dir = new TempDir("after-list-");

        var fromList = await ConclusionsGenerator.FollowupAsync(Request(Path.Combine(dir.Path, "list")), Target(server));
        var fromWorkbook = ConclusionsGenerator.Followup(Request(Path.Combine(dir.Path, "workbook")));

        Assert.False(fromList.HasErrors, string.Join("\n", fromList.Problems));
        var columns = server.ListColumns(ConclusionsListTarget.DefaultListName)!;
        Assert.Equal(
            ["Title", "NhomVanDe", "NoiDungKetLuan", "CauHoiLienQuan", "CoQuanChuTri", "CoQuanPhoiHop", "HanHoanThanh", "KetQuaCanDat", "TinhTrang", "SoVanBanTraLoi", "NgayVanBanTraLoi"],
            columns.Select(c => c["name"]!.GetValue<string>()));
        Assert.Equal("Tình trạng", columns.Single(c => c["name"]!.GetValue<string>() == "TinhTrang")["displayName"]!.GetValue<string>());
        Assert.Equal(["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"],
            columns.Single(c => c["name"]!.GetValue<string>() == "TinhTrang")["choice"]!["choices"]!.AsArray().Select(c => c!.GetValue<string>()));

        var items = server.ListItems(ConclusionsListTarget.DefaultListName);
        Assert.Equal(8, items.Count);
        Assert.Equal("Sở Giáo dục và Đào tạo", items["KL07"]["CoQuanChuTri"]!.GetValue<string>());
        Assert.Equal("2023-06-30T00:00:00Z", items["KL01"]["HanHoanThanh"]!.GetValue<string>());
        Assert.Equal("Hoàn thành", items["KL01"]["TinhTrang"]!.GetValue<string>());

        // The same report either way: statuses, order, reminders and the tracking sheet.
        Assert.Equal(fromWorkbook.Tasks.Select(t => (t.Task.Id, t.Status)), fromList.Tasks.Select(t => (t.Task.Id, t.Status)));
        Assert.Equal(["KL04", "KL07"], fromList.Tasks.Where(t => t.IsOverdue).Select(t => t.Task.Id).Order());
        Assert.Equal(fromWorkbook.Reminders.Select(Path.GetFileName), fromList.Reminders.Select(Path.GetFileName));
        Assert.Equal(
            XlsxReader.Read(fromWorkbook.ReportPath!).Single(s => s.Name == "Theo dõi").Rows.Select(r => string.Join("|", r.Cells)),
            XlsxReader.Read(fromList.ReportPath!).Single(s => s.Name == "Theo dõi").Rows.Select(r => string.Join("|", r.Cells)));
    }

    [Fact]
    public async Task DepartmentMarksItsTaskDoneInTheList_ItDropsOutOfTheReminders_AndReRunsKeepTheirEdit()
    {
        await using var server = await FakeGraphServer.StartAsync();
        using var dir = new TempDir("after-list-");
        var first = await ConclusionsGenerator.FollowupAsync(Request(Path.Combine(dir.Path, "1")), Target(server));
        Assert.Contains(first.Reminders, r => r.EndsWith("don-doc-so-giao-duc-va-dao-tao.docx", StringComparison.Ordinal));
        var creates = server.Log.Count(l => l.StartsWith("POST", StringComparison.Ordinal) && l.EndsWith("/lists", StringComparison.Ordinal));

        // Sở GD&ĐT answers in the list, not in the Văn phòng's workbook.
        server.EditListItem(ConclusionsListTarget.DefaultListName, "KL07",
            ("TinhTrang", "Hoàn thành"), ("SoVanBanTraLoi", "1402/SGDĐT-VP"), ("NgayVanBanTraLoi", "2023-07-10T00:00:00Z"));
        var second = await ConclusionsGenerator.FollowupAsync(Request(Path.Combine(dir.Path, "2")), Target(server));

        Assert.False(second.HasErrors, string.Join("\n", second.Problems));
        Assert.Equal(1, creates);
        Assert.Equal(1, server.Log.Count(l => l.StartsWith("POST", StringComparison.Ordinal) && l.EndsWith("/lists", StringComparison.Ordinal)));
        Assert.Equal(8, server.ListItems(ConclusionsListTarget.DefaultListName).Count);
        Assert.Equal(0, server.ListPatches(ConclusionsListTarget.DefaultListName)); // nothing the Văn phòng owns changed
        Assert.Equal(ConclusionStatus.Done, second.Tasks.Single(t => t.Task.Id == "KL07").Status);
        Assert.DoesNotContain(second.Reminders, r => r.EndsWith("don-doc-so-giao-duc-va-dao-tao.docx", StringComparison.Ordinal));
        Assert.Equal(first.Reminders.Count - 1, second.Reminders.Count);
        var row = XlsxReader.Read(second.ReportPath!).Single(s => s.Name == "Theo dõi").Rows.Single(r => r[1] == "KL07");
        Assert.Equal("Số 1402/SGDĐT-VP ngày 10/7/2023", row[8]);
        Assert.Equal("Hoàn thành", server.ListItems(ConclusionsListTarget.DefaultListName)["KL07"]["TinhTrang"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatusEditedInTheWorkbookAfterTheListExists_NeverOverwritesTheDepartmentsColumns()
    {
        await using var server = await FakeGraphServer.StartAsync();
        using var dir = new TempDir("after-list-");
        await ConclusionsGenerator.FollowupAsync(Request(Path.Combine(dir.Path, "1")), Target(server));
        server.EditListItem(ConclusionsListTarget.DefaultListName, "KL04", ("TinhTrang", "Đang thực hiện"));
        var kl07 = server.ListItems(ConclusionsListTarget.DefaultListName)["KL07"]["TinhTrang"]!.GetValue<string>();
        Assert.NotEqual("Hoàn thành", kl07);

        // The Văn phòng's workbook: KL07 now also marked done with its reply (but the list is the department's record).
        var edited = Path.Combine(dir.Path, "ket-luan.xlsx");
        ConclusionsTests.WriteVariant(edited, "KL07", status: "Hoàn thành", replyNumber: "1402/SGDĐT-VP", replyDate: "10/7/2023");
        var second = await ConclusionsGenerator.FollowupAsync(Request(Path.Combine(dir.Path, "2"), edited), Target(server));

        Assert.False(second.HasErrors, string.Join("\n", second.Problems));
        Assert.Equal(0, server.ListPatches(ConclusionsListTarget.DefaultListName));
        Assert.Equal("Đang thực hiện", server.ListItems(ConclusionsListTarget.DefaultListName)["KL04"]["TinhTrang"]!.GetValue<string>());
        Assert.Equal(kl07, server.ListItems(ConclusionsListTarget.DefaultListName)["KL07"]["TinhTrang"]!.GetValue<string>());
        Assert.Equal(ConclusionStatus.Overdue, second.Tasks.Single(t => t.Task.Id == "KL07").Status);
    }

    [Fact]
    public async Task UnknownSite_IsAVietnameseProblemAndNothingIsWritten()
    {
        await using var server = await FakeGraphServer.StartAsync();
        using var dir = new TempDir("after-list-");
        var target = Target(server) with { SiteUrl = "https://contoso.sharepoint.com/sites/KhongCo" };

        var result = await ConclusionsGenerator.FollowupAsync(Request(Path.Combine(dir.Path, "out")), target);

        Assert.Contains(result.Problems, p => p.Code == "SHARING_SITE_NOT_FOUND");
        Assert.Null(result.ReportPath);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }
}
