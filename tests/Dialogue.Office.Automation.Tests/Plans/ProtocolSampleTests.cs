using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Script;
using Dialogue.Office.Automation.Seating;
using Dialogue.Office.Automation.Tests.SampleData;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Plans;

/// <summary>
/// Issue 11's "Done when": the sample's script introduces by title, and the same list with its group and rank columns
/// emptied (or filled as a clerk who agrees with the titles would) and its rows shuffled gives the same introductions,
/// the same presidium and the same first row.
/// </summary>
public sealed partial class ProtocolSampleTests
{
    private static List<string> Introduced(ConferencePlan plan) =>
        new ScriptComposer(plan, null, 50).Introductions().Select(l => l.Text).ToList();

    private static SeatingPlan Seat(ConferencePlan plan)
    {
        var problems = new ProblemList();
        var seating = SeatingGenerator.Assign(plan, problems);
        Assert.False(problems.HasErrors, string.Join("; ", problems.Items));
        return seating!;
    }

    private static List<(string Seat, string Code)> PresidiumAndFirstRow(SeatingPlan seating) =>
        seating.Assignments.Where(a => a.Seat.Area == SeatArea.Presidium || a.Seat.RowIndex == 0)
            .Select(a => (a.Seat.Label, a.Delegate.Code)).OrderBy(x => x.Label, StringComparer.Ordinal).ToList();

    [Fact]
    public void Introductions_SamplePlan_LeadersInTheOrderOfTheirTitles()
    {
        var named = Introduced(TestPlans.Sample).Where(t => t.StartsWith("- Đồng chí ", StringComparison.Ordinal)).ToList();
        string[] expected =
        [
            ", Bí thư Tỉnh ủy", ", Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh", ", Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh",
            ", Ủy viên Ban Thường vụ Tỉnh ủy", ", Phó Chủ tịch Hội đồng nhân dân tỉnh", ", Phó Chủ tịch Hội đồng nhân dân tỉnh",
            ", Trưởng Ban Văn hóa - Xã hội, Hội đồng nhân dân tỉnh", ", Phó Chủ tịch Ủy ban nhân dân tỉnh",
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Contains(expected[i], named[i], StringComparison.Ordinal);
        }

        // Heads of sở are named, their trưởng phòng are not; no body is read twice.
        Assert.Contains(named, t => t.Contains("Giám đốc Sở Tài chính", StringComparison.Ordinal));
        Assert.DoesNotContain(named, t => t.Contains("Trưởng phòng", StringComparison.Ordinal));
        var collective = Introduced(TestPlans.Sample).Where(t => t.StartsWith("- Đại diện lãnh đạo: ", StringComparison.Ordinal))
            .SelectMany(t => t["- Đại diện lãnh đạo: ".Length..].TrimEnd(';', '.').Split(", ")).ToList();
        Assert.Equal(collective.Count, collective.Distinct().Count());
        Assert.DoesNotContain("Sở Tài chính", collective);
        Assert.True(named.Count < 40, $"{named.Count} people named one by one");
    }

    [Fact]
    public void Introductions_SamplePlan_CountSentenceIsTrue()
    {
        var plan = TestPlans.Sample;
        var lines = Introduced(plan);
        var count = lines.Select(l => CountSentence().Match(l)).Single(m => m.Success);
        // The count is of the sector's schools and staff, who are neither named nor read as a body.
        var units = plan.Delegates.Count(d => d.VenueId == plan.MainHall.Id && d.Group == ProtocolGroup.Sector
            && (d.Organization.StartsWith("Trường ", StringComparison.Ordinal) || d.Organization.StartsWith("Trung tâm ", StringComparison.Ordinal) || d.Level == TitleLevel.Staff)
            && !lines.Any(l => l.StartsWith("- Đồng chí " + d.FullName + ",", StringComparison.Ordinal)));
        Assert.Equal(units, int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2023, false)]
    [InlineData(90, true)]
    public void ShuffledListWithEmptiedOrAgreeingColumns_SameIntroductionsPresidiumAndFirstRow(int seed, bool clerkFilledGroups)
    {
        var sample = TestPlans.Sample;
        var rows = YenBai2023Delegates.Build().Select(r => new Dictionary<string, string>(r)).ToArray();
        var byCode = sample.Delegates.ToDictionary(d => d.Code);
        foreach (var row in rows)
        {
            row.Remove("rank");
            row.Remove("stt");
            row.Remove("group");
            if (clerkFilledGroups)
            {
                row["group"] = DelegateColumns.GroupLabel(byCode[row["code"]].Group);
            }
        }

        new Random(seed).Shuffle(rows);
        using var folder = new PlanFolderBuilder();
        folder.Delegates(rows);
        var result = folder.Load();
        Assert.DoesNotContain(result.Problems, p => p.Severity == ProblemSeverity.Error);
        var shuffled = result.Require();

        Assert.Equal(Introduced(sample), Introduced(shuffled));
        Assert.Equal(PresidiumAndFirstRow(Seat(sample)), PresidiumAndFirstRow(Seat(shuffled)));
    }

    [Fact]
    public void Seating_SamplePlan_ChairInTheMiddleLeadersInTheFirstRowNoTrưởngPhòng()
    {
        var seating = Seat(TestPlans.Sample);
        var chair = seating.Assignments.Single(a => a.Seat == Dialogue.Office.Automation.Seating.Seat.Presidium(1)).Delegate;
        Assert.Equal("Bí thư Tỉnh ủy", chair.Position);
        var layout = TestPlans.Sample.MainHall.Layout!;
        var firstRow = seating.Assignments.Where(a => a.Seat.Area == SeatArea.Hall && a.Seat.RowIndex == 0).ToList();
        Assert.Equal(layout.SeatsPerRow, firstRow.Count);
        Assert.DoesNotContain(firstRow, a => a.Delegate.Position.Contains("Trưởng phòng", StringComparison.Ordinal));
        var centre = firstRow.Single(a => a.Seat.Number == (layout.SeatsPerRow + 1) / 2).Delegate;
        Assert.True(ProtocolTitles.IsLeadership(centre.Group), $"{centre.Position} in the centre of row A");

        // Both side blocks are used in the rows behind (not one block left empty).
        var blocks = SeatAssigner.Blocks(layout);
        var used = seating.Assignments.Where(a => a.Seat.Area == SeatArea.Hall && a.Seat.RowIndex >= 3).Select(a => a.Seat.Number).ToList();
        Assert.Contains(used, n => n <= blocks[0]);
        Assert.Contains(used, n => n > layout.SeatsPerRow - blocks[^1]);
    }

    [Fact]
    public void Load_SloppyNames_NoDoubledHonorificOrLeadershipInAnyAddressee()
    {
        using var folder = new PlanFolderBuilder();
        folder.Delegates(
            With(PlanFolderBuilder.ValidRow("Đồng chí Lê Văn Bình", "Giám đốc Sở Nội vụ", "Sở Nội vụ"), "honorific", "Đồng chí"),
            With(PlanFolderBuilder.ValidRow("Ông Hà Văn Cường", "Phó Giám đốc Sở Y tế", "Sở Y tế"), "honorific", "Đồng chí"),
            With(PlanFolderBuilder.ValidRow("Bà Nguyễn Thị Lan", "Giáo viên Trường Tiểu học Đồng Tâm", "Trường Tiểu học Đồng Tâm"), "honorific", "Bà"),
            With(PlanFolderBuilder.ValidRow("Trần Văn Hải", "Giáo viên Trường Tiểu học Yên Ninh", "Trường Tiểu học Yên Ninh"), "honorific", "Thầy"),
            PlanFolderBuilder.ValidRow("", "", "Lãnh đạo Sở Tài chính"),
            PlanFolderBuilder.ValidRow("", "", "lãnh đạo Ban Tổ chức Tỉnh ủy"));
        var result = folder.Load();
        var plan = result.Require();

        Assert.Equal(6, plan.Delegates.Count);
        foreach (var d in plan.Delegates)
        {
            Assert.DoesNotMatch(Doubled(), d.Addressee);
            Assert.DoesNotMatch(Doubled(), ScriptComposer.Introduce(d));
        }

        Assert.Contains(plan.Delegates, d => d.Addressee == "Lãnh đạo Sở Tài chính");
        Assert.Contains(plan.Delegates, d => d.Addressee == "Ông Trần Văn Hải, Giáo viên Trường Tiểu học Yên Ninh");
        Assert.Equal(3, result.Problems.Count(p => p.Code == "DELEGATE_HONORIFIC_IN_NAME"));
        Assert.Equal(1, result.Problems.Count(p => p.Code == "DELEGATE_HONORIFIC_MAPPED"));
        Assert.Equal(2, result.Problems.Count(p => p.Code == "DELEGATE_LEADERSHIP_IN_BODY"));
    }

    private static Dictionary<string, string> With(Dictionary<string, string> row, string key, string value)
    {
        row[key] = value;
        return row;
    }

    [GeneratedRegex(@"(?i)\b(đồng chí|ông|bà|lãnh đạo)\s+(đồng chí|ông|bà|lãnh đạo)\b")]
    private static partial Regex Doubled();

    [GeneratedRegex(@"^Cùng (\d+) đồng chí")]
    private static partial Regex CountSentence();
}
