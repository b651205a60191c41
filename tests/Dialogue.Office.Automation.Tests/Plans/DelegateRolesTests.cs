using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Invitations;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Plans;

/// <summary>
/// Roles (issue 11): the seed's "Thường trực Tỉnh ủy và đồng chí Chủ tịch UBND tỉnh đồng chủ trì", "tham gia đồng chủ
/// trì: Phó Chủ tịch UBND tỉnh …; Giám đốc các Sở …" from the plan's roles: section, or the list's "Vai trò" column.
/// </summary>
public sealed class DelegateRolesTests(SampleInvitationsFixture sample) : IClassFixture<SampleInvitationsFixture>
{
    [Fact]
    public void Sample_RolesFromThePlan_MatchTheSeed_AndMakeThePresidium()
    {
        var plan = sample.Plan;
        string Of(string name) => DelegateRoles.Label(plan.Delegates.Single(d => d.FullName == name).Role);
        var coChairs = plan.Delegates.Where(d => d.Role == DelegateRole.CoChair).Select(d => d.Position).ToList();
        Assert.Equal(3, coChairs.Count);
        Assert.Contains("Bí thư Tỉnh ủy", coChairs);
        Assert.Contains(coChairs, p => p.Contains("Chủ tịch Ủy ban nhân dân tỉnh", StringComparison.Ordinal));
        var joining = plan.Delegates.Where(d => d.Role == DelegateRole.JoinsCoChair).Select(d => d.Position).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, joining.Count);
        Assert.Contains(joining, p => p.StartsWith("Phó Chủ tịch Ủy ban nhân dân tỉnh", StringComparison.Ordinal));
        Assert.Contains("Giám đốc Sở Giáo dục và Đào tạo", joining);
        Assert.Equal("Đại biểu", Of("Vương Hải Huyền"));

        // The chairing roles are exactly the presidium the clerk marked "Chủ trì = x".
        Assert.All(plan.Delegates, d => Assert.Equal(d.IsPresidium, DelegateRoles.IsChairing(d.Role)));
        Assert.DoesNotContain(PlanLoader.Load(RepoPaths.SamplePlan).Problems, p => p.Code.Contains("ROLE", StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_CoChairLetters_InviteToCoChair_WithoutArrivalOrConfirmationChores()
    {
        foreach (var invitation in sample.Result.Invitations.Where(i => DelegateRoles.IsChairing(i.Delegate.Role)))
        {
            var text = DocxInspector.AllText(sample.PathOf(invitation));
            var verb = invitation.Delegate.Role == DelegateRole.CoChair ? "đồng chủ trì" : "tham gia đồng chủ trì";
            Assert.Contains($"trân trọng kính mời đồng chí {verb} Hội nghị đối thoại", text, StringComparison.Ordinal);
            Assert.DoesNotContain("tới dự Hội nghị đối thoại", text, StringComparison.Ordinal);
            Assert.DoesNotContain("có mặt trước 15 phút", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Đề nghị đại biểu xác nhận tham dự", text, StringComparison.Ordinal);
        }

        var ordinary = sample.Result.Invitations.First(i => i.Delegate.Role == DelegateRole.Delegate && i.Delegate.Group == ProtocolGroup.NationalAssembly);
        var plain = DocxInspector.AllText(sample.PathOf(ordinary));
        Assert.Contains("trân trọng kính mời đồng chí tới dự Hội nghị đối thoại", plain, StringComparison.Ordinal);
        Assert.Contains("có mặt trước 15 phút", plain, StringComparison.Ordinal);
        Assert.Contains("Đề nghị đại biểu xác nhận tham dự", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_WinsOverThePlan_UnknownOrContradictingRoleWarnsAtTheRow()
    {
        using var b = new PlanFolderBuilder();
        var director = PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc Sở Tài chính", "Sở Tài chính");
        director["role"] = "Khách mời";
        var clerk = PlanFolderBuilder.ValidRow("Lê Thị Cúc", "Chuyên viên Phòng Tổ chức cán bộ", "Sở Giáo dục và Đào tạo");
        clerk["role"] = "Chủ trì";
        var odd = PlanFolderBuilder.ValidRow("Hà Văn Dũng", "Phó Giám đốc Sở Nội vụ", "Sở Nội vụ");
        odd["role"] = "Cố vấn";
        b.Delegates(director, clerk, odd);
        var loaded = b.Load();
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Problems));
        var delegates = loaded.Plan!.Delegates;
        Assert.Equal(DelegateRole.Guest, delegates[0].Role); // the plan says "tham gia đồng chủ trì"; the column wins
        Assert.False(delegates[0].IsPresidium);
        Assert.Equal(DelegateRole.Chair, delegates[1].Role);
        Assert.True(delegates[1].IsPresidium);
        Assert.Equal(DelegateRole.Delegate, delegates[2].Role);

        var contradiction = Assert.Single(loaded.Problems, p => p.Code == "DELEGATE_ROLE_CONTRADICTS_TITLE");
        Assert.Equal(ProblemSeverity.Warning, contradiction.Severity);
        Assert.EndsWith("dòng 3 › Vai trò", contradiction.Location, StringComparison.Ordinal);
        Assert.Contains("Vai trò \"Chủ trì\" không hợp với Lê Thị Cúc (Chuyên viên Phòng Tổ chức cán bộ)", contradiction.Message, StringComparison.Ordinal);
        var unknown = Assert.Single(loaded.Problems, p => p.Code == "DELEGATE_UNKNOWN_ROLE");
        Assert.EndsWith("dòng 4 › Vai trò", unknown.Location, StringComparison.Ordinal);
        Assert.Contains("Đồng chủ trì", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanRole_UnknownName_IsAPlanErrorAtItsLine()
    {
        using var b = new PlanFolderBuilder();
        var line = b.Replace("  - role: \"tham gia đồng chủ trì\"", "  - role: \"phó chủ trì\"");
        var error = Assert.Single(b.Load().Problems, p => p.Code == "PLAN_BAD_VALUE");
        Assert.Equal($"plan.yaml:{line}", error.Location);
        Assert.Contains("roles[2].role", error.Message, StringComparison.Ordinal);
    }
}
