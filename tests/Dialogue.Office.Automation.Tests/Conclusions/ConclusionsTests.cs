using DocumentFormat.OpenXml.Packaging;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Conclusions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Minutes;
using Dialogue.Office.Automation.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dialogue.Office.Automation.Tests.Conclusions;

public sealed class ConclusionsTests
{
    private static ConferencePlan Plan => TestPlans.Sample;

    internal static string SampleConclusions => Path.Combine(RepoPaths.SamplePlan, "sau-hoi-nghi", "ket-luan.xlsx");

    private static ConclusionsRequest Request(string dir, string? workbook = null) =>
        new(Plan, workbook ?? SampleConclusions, dir) { QuestionsPath = MinutesGeneratorTests.SampleQuestions };

    [Fact]
    public void Read_Sample_EightTasksLinkedToChosenQuestionsWithoutProblems()
    {
        var problems = new ProblemList();
        var questions = Automation.Minutes.MinutesQuestionReader.Read(MinutesGeneratorTests.SampleQuestions, Plan, new ProblemList())!.Select(q => q.Id).ToHashSet();

        var sheet = ConclusionsReader.Read(SampleConclusions, Plan, problems, questions)!;

        Assert.Empty(problems.Items);
        Assert.Equal(8, sheet.Tasks.Count);
        Assert.All(sheet.Tasks, t => Assert.NotEmpty(t.QuestionIds));
        Assert.Equal("112/TB-VPUBND", sheet.Notice.Number);
        Assert.Equal(new DateOnly(2023, 4, 28), sheet.Notice.Date);
        Assert.Equal(new DateOnly(2023, 6, 30), sheet.Tasks.Single(t => t.Id == "KL01").Deadline);
    }

    [Fact]
    public void Notice_Sample_GroupedByTopicWithEveryTaskAndBodiesAsRecipients()
    {
        using var dir = new TempDir("after-notice-");
        var result = ConclusionsGenerator.Notice(Request(dir.Path));

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        var text = DocxText.Paragraphs(result.Path!);
        Assert.Contains("THÔNG BÁO", text);
        Assert.Contains("Số: 112/TB-VPUBND", text);
        Assert.Contains("Yên Bái, ngày 28 tháng 4 năm 2023", text);
        Assert.Contains("VĂN PHÒNG", text);
        Assert.Contains(text, t => t.Contains("Văn phòng Ủy ban nhân dân tỉnh Yên Bái thông báo kết luận của đồng chí Chủ tịch UBND tỉnh tại Hội nghị", StringComparison.Ordinal));
        var sheet = ConclusionsReader.Read(SampleConclusions, Plan, new ProblemList())!;
        // Sections follow the plan's topic order; each task is a sentence naming its body and deadline.
        var sections = text.Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d\. Về ")).ToList();
        Assert.Equal(sheet.Tasks.Select(t => t.TopicNumber).Distinct().Count(), sections.Count);
        var topicOrder = sheet.Tasks.Select(t => t.TopicNumber).Distinct().Order().ToList();
        for (var i = 0; i < sections.Count; i++)
        {
            var topic = Plan.Topics.Single(t => t.Number == topicOrder[i]);
            Assert.StartsWith($"{i + 1}. Về {Automation.Vietnamese.VietnameseText.LowerFirst(topic.Title)[..20]}", sections[i], StringComparison.Ordinal);
        }

        foreach (var task in sheet.Tasks)
        {
            Assert.Contains(text, t => t.Contains($"Giao {task.Lead}", StringComparison.Ordinal)
                && t.Contains($"trước ngày {Automation.Vietnamese.VietnameseText.ShortDate(task.Deadline)}", StringComparison.Ordinal));
        }

        var recipients = text.SkipWhile(t => t != "Nơi nhận:").Skip(1).TakeWhile(t => t.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Contains("- Sở Nội vụ;", recipients);
        Assert.Contains("- Ủy ban nhân dân các huyện, thị xã, thành phố;", recipients);
        Assert.Contains("- Công đoàn ngành Giáo dục tỉnh;", recipients);
        Assert.DoesNotContain(recipients, r => r.StartsWith("- Văn phòng", StringComparison.Ordinal));
        Assert.Equal("- Lưu: VT, VX.", recipients[^1]);
        Assert.Contains(text, t => t.EndsWith("thực hiện./.", StringComparison.Ordinal));
    }

    [Fact]
    public void NoticeAndReminders_Nd30CleanValidAndConvertWithLibreOffice()
    {
        using var dir = new TempDir("after-notice-");
        var notice = ConclusionsGenerator.Notice(Request(dir.Path));
        var followup = ConclusionsGenerator.Followup(Request(dir.Path) with { AsOf = new DateOnly(2023, 10, 1) });

        Assert.NotEmpty(followup.Reminders);
        foreach (var path in followup.Reminders.Append(notice.Path!))
        {
            Assert.Empty(DocxText.ValidationErrors(path));
            var report = Nd30Checker.Check(path);
            Assert.True(!report.Errors.Any(), Path.GetFileName(path) + ": " + string.Join("; ", report.Errors.Select(f => f.Code + " " + f.Location)));
        }

        using (var reminder = WordprocessingDocument.Open(followup.Reminders[0], false))
        {
            Assert.True(Nd30Layout.Find(DocxModel.Read(reminder)).IsCongVan);
        }

        var pdf = ExternalTools.ConvertWithLibreOffice(notice.Path!, Path.Combine(dir.Path, "pdf"));
        Assert.True(new FileInfo(pdf).Length > 10_000);
        pdf = ExternalTools.ConvertWithLibreOffice(followup.Reminders[0], Path.Combine(dir.Path, "pdf"));
        Assert.True(new FileInfo(pdf).Length > 5_000);
    }

    public static TheoryData<string, string[], string[]> Dates => new()
    {
        // as-of, overdue task ids, done task ids (from the sample: deadlines and reply dates written in ket-luan.xlsx).
        { "2023-05-10", [], [] },
        { "2023-06-01", ["KL07"], ["KL08"] },
        { "2023-07-15", ["KL04", "KL07"], ["KL01", "KL08"] },
        { "2023-10-01", ["KL02", "KL03", "KL04", "KL05", "KL07"], ["KL01", "KL06", "KL08"] },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Followup_ClockMovesPastDeadlines_OverdueTasksAndRemindersChange(string asOf, string[] overdue, string[] done)
    {
        using var dir = new TempDir("after-followup-");
        var date = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        var clock = new FakeTimeProvider(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

        var result = ConclusionsGenerator.Followup(Request(dir.Path) with { Clock = clock });

        Assert.Equal(date, result.AsOf);
        Assert.Equal(overdue, result.Tasks.Where(t => t.IsOverdue).Select(t => t.Task.Id).Order());
        Assert.Equal(done, result.Tasks.Where(t => t.Status == ConclusionStatus.Done).Select(t => t.Task.Id).Order());
        var bodies = result.Tasks.Where(t => t.IsOverdue).Select(t => t.Task.Lead).Distinct().Count();
        Assert.Equal(bodies, result.Reminders.Count);
        Assert.Equal(bodies, Directory.Exists(Path.Combine(dir.Path, "don-doc")) ? Directory.GetFiles(Path.Combine(dir.Path, "don-doc")).Length : 0);

        // The report lists overdue tasks first.
        var rows = XlsxReader.Read(result.ReportPath!).Single(s => s.Name == "Theo dõi").Rows.Skip(1).ToList();
        Assert.Equal(8, rows.Count);
        Assert.All(rows.Take(overdue.Length), r => Assert.Equal("Quá hạn", r[6]));
        Assert.All(rows.Skip(overdue.Length), r => Assert.NotEqual("Quá hạn", r[6]));
    }

    [Fact]
    public void Followup_TaskMarkedDoneWithItsReply_DropsOutOfTheReminders()
    {
        using var dir = new TempDir("after-followup-");
        var asOf = new DateOnly(2023, 7, 15);
        var before = ConclusionsGenerator.Followup(Request(Path.Combine(dir.Path, "before")) with { AsOf = asOf });
        var reminderToEducation = before.Reminders.Single(r => r.EndsWith("don-doc-so-giao-duc-va-dao-tao.docx", StringComparison.Ordinal));
        Assert.Contains(DocxText.Paragraphs(reminderToEducation), t => t.StartsWith("1. Rà soát, cắt giảm hồ sơ", StringComparison.Ordinal));

        var edited = Path.Combine(dir.Path, "ket-luan.xlsx");
        WriteVariant(edited, "KL07", status: "Hoàn thành", replyNumber: "1402/SGDĐT-VP", replyDate: "10/7/2023");
        var after = ConclusionsGenerator.Followup(Request(Path.Combine(dir.Path, "after"), edited) with { AsOf = asOf });

        Assert.Equal(ConclusionStatus.Done, after.Tasks.Single(t => t.Task.Id == "KL07").Status);
        Assert.DoesNotContain(after.Reminders, r => r.EndsWith("don-doc-so-giao-duc-va-dao-tao.docx", StringComparison.Ordinal));
        Assert.Equal(before.Reminders.Count - 1, after.Reminders.Count);
        var row = XlsxReader.Read(after.ReportPath!).Single(s => s.Name == "Theo dõi").Rows.Single(r => r[1] == "KL07");
        Assert.Equal("Số 1402/SGDĐT-VP ngày 10/7/2023", row[8]);
    }

    [Fact]
    public void Followup_DoneWithoutReplyDocument_WarnsAndStaysOverdue()
    {
        using var dir = new TempDir("after-followup-");
        var edited = Path.Combine(dir.Path, "ket-luan.xlsx");
        WriteVariant(edited, "KL07", status: "Hoàn thành", replyNumber: "", replyDate: "");

        var result = ConclusionsGenerator.Followup(Request(Path.Combine(dir.Path, "out"), edited) with { AsOf = new DateOnly(2023, 7, 15) });

        var warning = Assert.Single(result.Problems);
        Assert.Equal("CONCLUSIONS_DONE_NO_REPLY", warning.Code);
        Assert.Equal("ket-luan.xlsx › Kết luận › dòng 8 › Tình trạng", warning.Location);
        Assert.Equal(ConclusionStatus.Overdue, result.Tasks.Single(t => t.Task.Id == "KL07").Status);
    }

    [Fact]
    public void Track_ReplyDatedAfterTheAsOfDate_NotYetDone()
    {
        var task = new ConclusionTask
        {
            Id = "KL01", Content = "x", Lead = "Sở Nội vụ", Deadline = new DateOnly(2023, 6, 30),
            Declared = ConclusionStatus.Done, ReplyNumber = "215/SNV-CCVC", ReplyDate = new DateOnly(2023, 6, 20),
        };

        Assert.Equal(ConclusionStatus.InProgress, ConclusionTracker.Track(task, new DateOnly(2023, 6, 19)).Status);
        Assert.Equal(ConclusionStatus.Done, ConclusionTracker.Track(task, new DateOnly(2023, 6, 20)).Status);
        Assert.Equal(ConclusionStatus.Done, ConclusionTracker.Track(task, new DateOnly(2024, 1, 1)).Status);
        var late = task with { ReplyDate = new DateOnly(2023, 7, 5) };
        var tracked = ConclusionTracker.Track(late, new DateOnly(2023, 7, 3));
        Assert.Equal(ConclusionStatus.Overdue, tracked.Status);
        Assert.Equal(3, tracked.DaysOverdue);
    }

    [Fact]
    public void Followup_QuestionSheet_ShowsTheConclusionAnsweringEachQuestion()
    {
        using var dir = new TempDir("after-followup-");
        var result = ConclusionsGenerator.Followup(Request(dir.Path) with { AsOf = new DateOnly(2023, 7, 15) });

        var rows = XlsxReader.Read(result.ReportPath!).Single(s => s.Name == "Câu hỏi - kết luận").Rows.Skip(1).ToList();
        Assert.Equal(14, rows.Count);
        Assert.Equal("KL01", rows.Single(r => r[0] == "CH-HZ7C194N")[3]);
        Assert.Equal("Hoàn thành", rows.Single(r => r[0] == "CH-HZ7C194N")[5]);
        Assert.Equal("KL07", rows.Single(r => r[0] == "CH-JTJW91WN")[3]);
        Assert.Equal("Quá hạn", rows.Single(r => r[0] == "CH-JTJW91WN")[5]);
    }

    [Fact]
    public void Read_BadRows_EachReportedInVietnameseWithRowAndColumnAndLeftOut()
    {
        using var dir = new TempDir("after-conclusions-");
        var path = Path.Combine(dir.Path, "ket-luan.xlsx");
        SimpleXlsxWriter.Write(path, new SimpleSheet("Kết luận",
            [("Mã kết luận", 10), ("Nội dung kết luận", 40), ("Cơ quan chủ trì", 20), ("Hạn hoàn thành", 12)],
            [
                ["KL01", "Rà soát biên chế", "Sở Nội vụ", "30/6/2023"],
                ["KL02", "Hướng dẫn thu chi", "", "31/7/2023"],
                ["KL03", "Tập huấn", "Sở Giáo dục và Đào tạo", "cuối quý 3"],
                ["KL01", "Trùng mã", "Sở Tài chính", "31/7/2023"],
                ["KL05", "Trước hội nghị", "Sở Tài chính", "01/4/2023"],
            ]));
        var problems = new ProblemList();

        var sheet = ConclusionsReader.Read(path, Plan, problems)!;

        Assert.Equal(["KL01"], sheet.Tasks.Select(t => t.Id));
        var errors = problems.Errors.ToList();
        Assert.Equal(
            ["CONCLUSIONS_NO_BODY", "CONCLUSIONS_DEADLINE_INVALID", "CONCLUSIONS_DUPLICATE_ID", "CONCLUSIONS_DEADLINE_BEFORE_CONFERENCE"],
            errors.Select(e => e.Code));
        Assert.Equal("ket-luan.xlsx › Kết luận › dòng 3 › Cơ quan chủ trì", errors[0].Location);
        Assert.Equal("ket-luan.xlsx › Kết luận › dòng 4 › Hạn hoàn thành", errors[1].Location);
        Assert.Contains("cuối quý 3", ProblemMessages.Vietnamese(errors[1]), StringComparison.Ordinal);
        Assert.All(problems.Items, p => Assert.NotEmpty(ProblemMessages.Vietnamese(p)));

        using var outDir = new TempDir("after-conclusions-out-");
        var result = ConclusionsGenerator.Notice(new ConclusionsRequest(Plan, path, outDir.Path));
        Assert.Null(result.Path);
        Assert.Empty(Directory.GetFiles(outDir.Path));
    }

    [Theory]
    [InlineData("30/6/2023", 2023, 6, 30)]
    [InlineData("05/01/2024", 2024, 1, 5)]
    [InlineData("2023-07-31", 2023, 7, 31)]
    [InlineData("45107", 2023, 6, 30)]
    public void ParseDate_TextAndExcelSerial(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), ConclusionsReader.ParseDate(text));

    /// <summary>The sample workbook with one task's status and reply changed (as a department would update its row).</summary>
    internal static void WriteVariant(string path, string id, string status, string replyNumber, string replyDate)
    {
        var sheets = XlsxReader.Read(SampleConclusions);
        var tasks = sheets.Single(s => s.Name == "Kết luận");
        var header = tasks.Rows[0].Cells.Select(c => (c ?? "", 12.0)).ToList();
        var rows = tasks.Rows.Skip(1).Select(r =>
        {
            var cells = r.Cells.ToList();
            while (cells.Count < header.Count)
            {
                cells.Add(null);
            }

            if (cells[1] == id)
            {
                cells[9] = status;
                cells[10] = replyNumber;
                cells[11] = replyDate;
            }

            return (IReadOnlyList<string?>)cells;
        }).ToList();
        var notice = sheets.Single(s => s.Name == "Thông báo");
        SimpleXlsxWriter.Write(path,
            new SimpleSheet("Kết luận", header, rows),
            new SimpleSheet("Thông báo", [.. notice.Rows[0].Cells.Select(c => (c ?? "", 20.0))], [.. notice.Rows.Skip(1).Select(r => r.Cells)]));
    }
}
