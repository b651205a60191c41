using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Plans;

/// <summary>The two committed samples load cleanly and say what the seed plan (and the 2026 two-tier shape) says.</summary>
public sealed class SamplePlanTests
{
    private static readonly Lazy<PlanLoadResult> YenBai = new(() => PlanLoader.Load(RepoPaths.SamplePlan));
    private static readonly Lazy<PlanLoadResult> Commune = new(() => PlanLoader.Load(Path.Combine(RepoPaths.Templates, "samples", "xa-2026")));

    [Fact]
    public void Load_YenBai2023Sample_HasNoProblemsAndTheSeedPlansShape()
    {
        var result = YenBai.Value;
        Assert.Empty(result.Problems);
        var plan = result.Require();

        Assert.InRange(plan.Delegates.Count, 280, 320); // "Dự kiến 300 đại biểu" (III.3.1)
        Assert.Equal(8, plan.BridgePoints.Count);       // "08 điểm cầu tại các huyện, thị xã" (II.2)
        Assert.Equal(9, plan.Topics.Count);             // II.1
        Assert.Equal(5, plan.Programme.Count);          // II.3
        Assert.Equal(2, plan.Deadlines.Count);          // IV: 10/4 and 15/4
        Assert.Equal([new DateOnly(2023, 4, 10), new DateOnly(2023, 4, 15)], plan.Deadlines.Select(d => d.Date));
    }

    [Fact]
    public void Load_YenBai2023Sample_EveryBridgePointHasItsLocalLeadersAndTheHallIsWithinTheSeedsCaps()
    {
        var plan = YenBai.Value.Require();
        var byVenue = plan.Delegates.GroupBy(d => d.VenueId).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var point in plan.BridgePoints)
        {
            Assert.True(byVenue.TryGetValue(point.Id, out var local) && local.Count >= 3, $"{point.Id} has too few delegates");
            Assert.Contains(local, d => d.Position.StartsWith("Chủ tịch Ủy ban nhân dân", StringComparison.Ordinal));
            Assert.Contains(local, d => d.Organization.StartsWith("Phòng Giáo dục và Đào tạo", StringComparison.Ordinal));
        }

        var hall = byVenue[plan.MainHall.Id];
        var layout = plan.MainHall.Layout!;
        Assert.True(hall.Count <= layout.Rows * layout.SeatsPerRow + layout.PresidiumSeats, "more delegates than seats at the main hall");
        Assert.InRange(hall.Count(d => d.Group == ProtocolGroup.Sector), 100, 250); // education delegates, "không quá 250"
        Assert.InRange(hall.Count(d => d.IsPresidium), 2, layout.PresidiumSeats);
    }

    [Fact]
    public void Load_YenBai2023Sample_CoChairsAndInvitedBodiesFollowSectionIII3()
    {
        var plan = YenBai.Value.Require();
        var chairs = plan.Delegates.Where(d => d.IsPresidium).Select(d => d.Position).ToList();
        string[] expectedChairs =
        [
            "Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch Ủy ban nhân dân tỉnh", "Phó Chủ tịch Ủy ban nhân dân tỉnh",
            "Giám đốc Sở Giáo dục và Đào tạo", "Giám đốc Sở Nội vụ", "Giám đốc Sở Kế hoạch và Đầu tư", "Giám đốc Sở Tài chính",
        ];
        foreach (var chair in expectedChairs)
        {
            Assert.Contains(chairs, p => p.Contains(chair, StringComparison.Ordinal));
        }

        string[] invited =
        [
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
            "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Liên đoàn Lao động tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn",
            "Đoàn đại biểu Quốc hội", "Ban Văn hóa - Xã hội", "Sở Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông",
            "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh", "Ban Dân tộc", "Bảo hiểm xã hội tỉnh",
            "Trường Cao đẳng Yên Bái", "Trường Cao đẳng nghề Yên Bái", "Thành ủy Yên Bái", "Thành đoàn Yên Bái",
            "Phòng Giáo dục và Đào tạo thành phố Yên Bái", "Công đoàn ngành Giáo dục", "Báo Yên Bái", "Đài Phát thanh và Truyền hình",
            "Trung tâm Điều hành thông minh",
        ];
        var texts = plan.Delegates.Select(d => d.Addressee).ToList();
        foreach (var body in invited)
        {
            Assert.Contains(texts, t => t.Contains(body, StringComparison.Ordinal));
        }

        // Both addressee forms of the issue: a person and a body.
        Assert.Contains(plan.Delegates, d => d.Kind == AddresseeKind.Person && d.Addressee.StartsWith("Đồng chí ", StringComparison.Ordinal) && d.Addressee.Contains(", Giám đốc Sở Nội vụ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t == "Lãnh đạo Sở Y tế");
        Assert.Contains(texts, t => t == "Thường trực Thành ủy Yên Bái");
    }

    [Fact]
    public void Load_YenBai2023Sample_DelegatesAreAddressableInProtocolOrderWithCleanText()
    {
        var plan = YenBai.Value.Require();
        foreach (var d in plan.Delegates)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Addressee), $"row {d.Row} has no addressee");
            Assert.True(d.Addressee.IsNormalized(System.Text.NormalizationForm.FormC), $"row {d.Row} is not NFC");
        }

        // Groups and ranks come from the titles: the sample leaves the clerk's columns empty.
        Assert.All(plan.Delegates, d => Assert.Null(d.ClerkRank));
        Assert.Equal(plan.Delegates.Count, plan.Delegates.Select(d => d.Code).Distinct().Count());
        Assert.True(plan.Delegates.Count(d => d.Email.Length > 0) >= 50, "too few e-mail addresses to try sending");
        Assert.True(plan.Delegates.Count(d => d.Kind == AddresseeKind.Body) >= 40, "too few bodies");
    }

    [Fact]
    public void Load_Commune2026Sample_ValidatesCleanWithoutADistrictTier()
    {
        var result = Commune.Value;
        Assert.Empty(result.Problems);
        var plan = result.Require();

        Assert.InRange(plan.Delegates.Count, 15, 30);
        Assert.True(plan.BridgePoints.Count >= 2);
        foreach (var venue in plan.Venues)
        {
            Assert.DoesNotContain("huyện", $"{venue.Name} {venue.Host} {venue.Address}", StringComparison.OrdinalIgnoreCase);
            Assert.Contains(plan.Delegates, d => d.VenueId == venue.Id);
        }

        Assert.DoesNotContain(plan.Delegates, d => d.Addressee.Contains("huyện", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("XÃ", plan.Issuer.Name, StringComparison.Ordinal);
        Assert.Contains(plan.Delegates, d => d.IsPresidium && d.FullName == plan.Signer.Name);

        // Time per topic (docs/plan.md): 120 minutes = 30 + 25 + giải lao 10 + 25 + 20 + an open turn of 10, each
        // topic with its bridge point's turn, the dialogue ending on the programme's own time.
        var schedule = Dialogue.Office.Automation.Programme.ConferenceSchedule.Compute(plan);
        var parts = schedule.DialogueParts;
        Assert.Equal([30, 25, 10, 25, 20, 10], parts.Select(p => (int)(p.End - p.Start).TotalMinutes));
        Assert.Equal([false, false, true, false, false, false], parts.Select(p => p.IsBreak));
        Assert.True(parts[^1].Open);
        Assert.All(parts.Where(p => p.Topic is not null), p => Assert.Single(p.BridgeTurn));
        Assert.Equal(schedule.Dialogue!.End, parts[^1].End);
    }
}
