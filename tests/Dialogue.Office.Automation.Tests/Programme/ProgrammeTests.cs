using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Tests.Programme;

public sealed class ProgrammeTests
{
    private static ConferencePlan Plan => TestPlans.Sample;

    [Fact]
    public void Compute_SamplePlan_EachItemStartsWhenThePreviousEnds()
    {
        var schedule = ConferenceSchedule.Compute(Plan);

        Assert.Equal(Plan.Programme.Count, schedule.Slots.Count);
        Assert.Equal(Plan.Conference.Start, schedule.Slots[0].Start);
        for (var i = 0; i < schedule.Slots.Count; i++)
        {
            var slot = schedule.Slots[i];
            Assert.Equal(TimeSpan.FromMinutes(Plan.Programme[i].Minutes), slot.End - slot.Start);
            if (i > 0)
            {
                Assert.Equal(schedule.Slots[i - 1].End, slot.Start);
            }
        }

        Assert.Equal(Plan.Conference.Start.AddMinutes(Plan.Programme.Sum(p => p.Minutes)), schedule.End);
    }

    /// <summary>Issue 12: topics without minutes share the dialogue by weight, in whole minutes that add up exactly.</summary>
    [Fact]
    public void Compute_TopicWeights_ShareTheDialogueAfterTheBreak()
    {
        var programme = Plan.Programme.Select(p => p.IsDialogue ? p with { Minutes = 100, BreakAfter = 90, BreakMinutes = 10 } : p).ToList();
        var topics = Plan.Topics.Take(3).Select((t, i) => t with { Minutes = null, Weight = i == 0 ? 2 : 1 }).ToList();
        var schedule = ConferenceSchedule.Compute(TestPlans.With(Plan, programme: programme, topics: topics));

        // 100 − 10 giải lao = 90 minutes: 2:1:1 → 45, 22.5, 22.5 → 45, 23, 22; the break after the first topic (45 of 90).
        var parts = schedule.DialogueParts;
        Assert.Equal([45, 10, 23, 22], parts.Select(p => (int)(p.End - p.Start).TotalMinutes));
        Assert.Equal([false, true, false, false], parts.Select(p => p.IsBreak));
        Assert.Equal(schedule.Dialogue!.Start, parts[0].Start);
        Assert.Equal(schedule.Dialogue.End, parts[^1].End);
        Assert.All(parts.Zip(parts.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start));
    }

    /// <summary>Every topic with fixed minutes and time left: the rest is an open turn for the hall and every bridge point.</summary>
    [Fact]
    public void Compute_FixedMinutesLeavingTime_EndsWithAnOpenTurn_AndShortDialogueHasNoBreak()
    {
        var programme = Plan.Programme.Select(p => p.IsDialogue ? p with { Minutes = 60 } : p).ToList();
        var topics = Plan.Topics.Take(2).Select(t => t with { Minutes = 20 }).ToList();
        var schedule = ConferenceSchedule.Compute(TestPlans.With(Plan, programme: programme, topics: topics));

        var parts = schedule.DialogueParts;
        Assert.Equal([20, 20, 20], parts.Select(p => (int)(p.End - p.Start).TotalMinutes));
        Assert.DoesNotContain(parts, p => p.IsBreak); // 60 ≤ 90: no giải lao
        Assert.True(parts[^1].Open);
        Assert.Equal(Plan.BridgePoints.Count, parts[^1].BridgeTurn.Count);
        Assert.Equal(schedule.Dialogue!.End, parts[^1].End);
    }

    [Fact]
    public void Compute_OneDurationLonger_MovesEveryLaterTimeAndNoEarlierOne()
    {
        const int changed = 1;
        const int extra = 7;
        var programme = Plan.Programme.Select((p, i) => i == changed ? p with { Minutes = p.Minutes + extra } : p).ToList();
        var before = ConferenceSchedule.Compute(Plan);
        var after = ConferenceSchedule.Compute(TestPlans.With(Plan, programme: programme));

        for (var i = 0; i < programme.Count; i++)
        {
            Assert.Equal(before.Slots[i].Start.AddMinutes(i > changed ? extra : 0), after.Slots[i].Start);
            Assert.Equal(before.Slots[i].End.AddMinutes(i >= changed ? extra : 0), after.Slots[i].End);
        }

        Assert.Equal(before.End.AddMinutes(extra), after.End);
    }

    [Fact]
    public void Generate_OneDurationLonger_DocumentPrintsTheShiftedTimes()
    {
        using var dir = new TempDir();
        var programme = Plan.Programme.Select((p, i) => i == 0 ? p with { Minutes = p.Minutes + 10 } : p).ToList();
        var plan = TestPlans.With(Plan, programme: programme);

        var result = ProgrammeGenerator.Generate(new ProgrammeRequest(plan, dir.Path));

        var rows = DocxText.GridRows(result.Path!);
        var times = rows.Skip(1).Where(r => !r[1].StartsWith("Nhóm vấn đề", StringComparison.Ordinal) && r[1] != "Giải lao").Select(r => r[0]).ToList();
        // Expected times by plain arithmetic on the plan, not by the code under test.
        var at = plan.Conference.Start;
        var expected = new List<string>();
        foreach (var item in programme)
        {
            var end = at.AddMinutes(item.Minutes);
            expected.Add($"{at:HH}h{at:mm} – {end:HH}h{end:mm}");
            at = end;
        }

        expected.Add($"{at:HH}h{at:mm}");
        Assert.Equal(expected, times);
    }

    [Fact]
    public void Generate_SamplePlan_Nd30HeaderTableAndClosing()
    {
        using var dir = new TempDir();
        var result = ProgrammeGenerator.Generate(new ProgrammeRequest(Plan, dir.Path));

        Assert.False(result.HasErrors);
        Assert.Empty(DocxText.ValidationErrors(result.Path!));
        var text = DocxText.Paragraphs(result.Path!);
        Assert.Contains($"Số: {Plan.ProgrammeDocument!.Number}", text);
        Assert.Contains(VietnameseText.DateLine(Plan.Issuer.Place, Plan.ProgrammeDocument.Date), text);
        Assert.Contains("CHƯƠNG TRÌNH", text);
        Assert.Contains(Plan.ProgrammeDocument.Subject, text);
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains(Plan.Signer.Name, text);
        Assert.Contains(text, t => t.EndsWith("./.", StringComparison.Ordinal));

        var rows = DocxText.GridRows(result.Path!);
        Assert.Equal(["Thời gian", "Nội dung", "Thực hiện"], rows[0]);
        Assert.Equal(1 + Plan.Programme.Count + Plan.Topics.Count + 1 + 1, rows.Count); // + the giải lao
        Assert.StartsWith("Bế mạc", rows[^1][1], StringComparison.Ordinal);

        using var doc = WordprocessingDocument.Open(result.Path!, false);
        var section = doc.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal(Nd30.MarginLeft.Written, (int)margin.Left!.Value);
        Assert.Equal(Nd30.MarginTop.Written, margin.Top!.Value);
        Assert.NotNull(section.GetFirstChild<TitlePage>());
    }

    [Fact]
    public void Generate_SamplePlan_TopicsFollowTheDialogueItemInOrderWithAnswerers()
    {
        using var dir = new TempDir();
        var result = ProgrammeGenerator.Generate(new ProgrammeRequest(Plan, dir.Path));

        var rows = DocxText.GridRows(result.Path!);
        var dialogueIndex = Plan.Programme.ToList().FindIndex(p => p.IsDialogue);
        var dialogueRow = rows.FindIndex(r => r[1].Contains(Plan.Programme[dialogueIndex].Title, StringComparison.Ordinal));
        Assert.True(dialogueRow > 0);
        var topics = Plan.Topics.OrderBy(t => t.Number).ToList();
        var topicRows = rows.Skip(dialogueRow + 1).Take(topics.Count + 1).Where(r => r[1].StartsWith("Nhóm vấn đề", StringComparison.Ordinal)).ToList();
        Assert.Equal(topics.Count, topicRows.Count);
        for (var i = 0; i < topics.Count; i++)
        {
            var row = topicRows[i];
            Assert.StartsWith($"Nhóm vấn đề {topics[i].Number}: ", row[1], StringComparison.Ordinal);
            Assert.All(topics[i].Departments, d => Assert.Contains(d, row[2], StringComparison.Ordinal));
        }

        // Issue 12: each topic its time (the plan's minutes from 08h10), a giải lao of 10 minutes near the middle of the
        // 150 minutes, and the bridge points' turn in plan order (topic 1: the first point, topic 9: the first again).
        Assert.Equal("08h10 – 08h30", topicRows[0][0]);
        Assert.Equal("09h00 – 09h15", topicRows[3][0]);
        var pause = rows[dialogueRow + 5];
        Assert.Equal(["09h15 – 09h25", "Giải lao"], pause[..2]);
        Assert.Equal("09h25 – 09h45", topicRows[4][0]);
        Assert.Equal("10h25 – 10h40", topicRows[8][0]);
        Assert.Contains($"lượt điểm cầu trực tuyến: {ProgrammeDocument.BridgeName(Plan.BridgePoints[0].Name)}", topicRows[0][1], StringComparison.Ordinal);
        Assert.Contains($"lượt điểm cầu trực tuyến: {ProgrammeDocument.BridgeName(Plan.BridgePoints[7].Name)}", topicRows[7][1], StringComparison.Ordinal);
        Assert.Equal("10h40 – 11h00", rows[dialogueRow + 1 + topics.Count + 1][0]);
        topics.Add(topics[0]); // one row more: the giải lao
        Assert.Contains(Plan.Programme[dialogueIndex + 1].Title, rows[dialogueRow + 1 + topics.Count][1], StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_PlanWithoutProgrammeDocument_LeavesNumberBlankAndWarns()
    {
        using var dir = new TempDir();
        var plan = TestPlans.With(Plan, dropProgrammeDocument: true);

        var result = ProgrammeGenerator.Generate(new ProgrammeRequest(plan, dir.Path));

        var warning = Assert.Single(result.Problems);
        Assert.Equal("PROGRAMME_NO_SETTINGS", warning.Code);
        Assert.False(warning.IsError);
        Assert.DoesNotContain("{", warning.Message, StringComparison.Ordinal);
        var text = DocxText.Paragraphs(result.Path!);
        Assert.Contains(text, t => t.StartsWith("Số: ", StringComparison.Ordinal) && t.EndsWith("/CTr-UBND", StringComparison.Ordinal));
        Assert.Contains(plan.Conference.Title, text);
    }

    [Fact]
    public void Generate_NoProgrammeItems_ErrorAndNoFile()
    {
        using var dir = new TempDir();
        var result = ProgrammeGenerator.Generate(new ProgrammeRequest(TestPlans.With(Plan, programme: []), dir.Path));

        Assert.Null(result.Path);
        Assert.Equal("PROGRAMME_EMPTY", Assert.Single(result.Problems).Code);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Messages_EveryProgrammeCodeHasVietnameseText()
    {
        foreach (var code in new[] { "PROGRAMME_EMPTY", "PROGRAMME_NO_SETTINGS", "PROGRAMME_PAST_MIDNIGHT" })
        {
            Assert.True(ProblemMessages.All.ContainsKey(code), code);
        }
    }

    [SkippableFact]
    public void Generate_SamplePlan_LibreOfficeConvertsToPdf()
    {
        using var dir = new TempDir();
        var result = ProgrammeGenerator.Generate(new ProgrammeRequest(Plan, dir.Path));

        var pdf = ExternalTools.ConvertWithLibreOffice(result.Path!, Path.Combine(dir.Path, "pdf"));

        Assert.True(new FileInfo(pdf).Length > 10_000);
    }
}
