using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Tests.Plans;

/// <summary>Protocol rank comes from the titles people hold, not from the list's order or the clerk's columns.</summary>
public sealed class ProtocolTitlesTests
{
    private static readonly string[] Sector = ["giao duc va dao tao", "cong doan nganh giao duc", "truong tieu hoc", "truong trung hoc"];

    /// <summary>Real titles of a provincial dialogue, in the order a secretariat introduces them (domain.md §2.2).</summary>
    private static readonly (string Position, string Org)[] Expected =
    [
        ("Ủy viên Trung ương Đảng, Thứ trưởng Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo"),
        ("Vụ trưởng Vụ Giáo dục Tiểu học, Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo"),
        ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh", "Tỉnh ủy Yên Bái"),
        ("Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh", "Tỉnh ủy Yên Bái"),
        ("Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Yên Bái"),
        ("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"),
        ("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
        ("Phó Chủ tịch Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh Yên Bái"),
        ("Trưởng Ban Văn hóa - Xã hội, Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh Yên Bái"),
        ("Phó Trưởng Ban Pháp chế, Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh Yên Bái"),
        ("Tỉnh ủy viên, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Yên Bái"),
        ("Phó Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Yên Bái"),
        ("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Yên Bái"),
        ("Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Yên Bái"),
        ("Phó Trưởng đoàn chuyên trách Đoàn đại biểu Quốc hội tỉnh Yên Bái", "Đoàn đại biểu Quốc hội tỉnh Yên Bái"),
        ("Chánh Văn phòng Tỉnh ủy", "Văn phòng Tỉnh ủy Yên Bái"),
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"),
        ("Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy"),
        ("Giám đốc Sở Nội vụ", "Sở Nội vụ"),
        ("Giám đốc Sở Tài chính", "Sở Tài chính"),
        ("Giám đốc Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
        ("Giám đốc Sở Y tế", "Sở Y tế"),
        ("Trưởng Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh"),
        ("Giám đốc Công an tỉnh", "Công an tỉnh Yên Bái"),
        ("Hiệu trưởng Trường Cao đẳng Yên Bái", "Trường Cao đẳng Yên Bái"),
        ("Chủ tịch Liên đoàn Lao động tỉnh", "Liên đoàn Lao động tỉnh"),
        ("Bí thư Tỉnh đoàn", "Tỉnh đoàn Yên Bái"),
        ("Phó Chánh Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("Phó Trưởng Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
        ("Phó Giám đốc Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
        ("Phó Giám đốc Công an tỉnh", "Công an tỉnh Yên Bái"),
        ("Trưởng phòng Văn hóa - Xã hội, Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("Trưởng phòng Quản lý ngân sách, Sở Tài chính", "Sở Tài chính"),
        ("Phó Trưởng phòng Công chức, viên chức, Sở Nội vụ", "Sở Nội vụ"),
        ("Bí thư Thành ủy Yên Bái", "Thành ủy Yên Bái"),
        ("Chủ tịch Ủy ban nhân dân thành phố Yên Bái", "Ủy ban nhân dân thành phố Yên Bái"),
        ("Phó Chủ tịch Ủy ban nhân dân huyện Lục Yên", "Ủy ban nhân dân huyện Lục Yên"),
        ("Trưởng phòng Nội vụ thành phố Yên Bái", "Phòng Nội vụ thành phố Yên Bái"),
        ("Phó Giám đốc Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
        ("Chủ tịch Công đoàn ngành Giáo dục tỉnh", "Công đoàn ngành Giáo dục tỉnh Yên Bái"),
        ("Chánh Văn phòng Sở, Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
        ("Hiệu trưởng Trường Trung học phổ thông Chuyên Nguyễn Tất Thành", "Trường Trung học phổ thông Chuyên Nguyễn Tất Thành"),
        ("Phó Trưởng phòng Giáo dục Tiểu học, Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
        ("Chủ tịch Công đoàn Trường Tiểu học Đồng Tâm", "Trường Tiểu học Đồng Tâm"),
        ("Giáo viên Trường Tiểu học Yên Ninh", "Trường Tiểu học Yên Ninh"),
        ("Tổng Biên tập Báo Yên Bái", "Báo Yên Bái"),
        ("Phóng viên Đài Phát thanh và Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh Yên Bái"),
    ];

    private static ConferenceDelegate Make((string Position, string Org) t, int row)
    {
        var s = ProtocolTitles.Classify(t.Position, t.Org, "", AddresseeKind.Person, 1, Sector);
        Assert.True(s.Recognised, $"not recognised: {t.Position}");
        return new ConferenceDelegate
        {
            Row = row, Code = $"T-{row:000}", FullName = $"Người {row:000}", Honorific = "Đồng chí", Position = t.Position, Organization = t.Org,
            Kind = AddresseeKind.Person, Group = s.Group, Rank = s.Rank, Level = s.Level, BodyOrder = s.BodyOrder, VenueId = "tinh",
        };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2023)]
    public void Sort_FortyEightRealTitlesShuffled_GivesTheOrderOfTheTitles(int seed)
    {
        Assert.True(Expected.Length >= 40);
        var rows = Expected.Select((t, i) => (t, i)).OrderBy(_ => 0).ToArray();
        new Random(seed).Shuffle(rows);
        var delegates = rows.Select((x, row) => Make(x.t, row + 2)).ToList();

        var sorted = ProtocolOrder.Sort(delegates).Select(d => d.Position).ToList();

        Assert.Equal(Expected.Select(t => t.Position), sorted);
    }

    [Theory]
    [InlineData("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy", ProtocolGroup.StandingBoard)]
    [InlineData("Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh", ProtocolGroup.PartyStanding)]
    [InlineData("Chủ tịch Ủy ban nhân dân thành phố Yên Bái", ProtocolGroup.LowerTier)]
    [InlineData("Phó Giám đốc Sở Giáo dục và Đào tạo", ProtocolGroup.Sector)]
    [InlineData("Giám đốc Sở Giáo dục và Đào tạo", ProtocolGroup.Departments)]
    [InlineData("Trưởng phòng Quản lý ngân sách, Sở Tài chính", ProtocolGroup.Departments)]
    [InlineData("Phóng viên Báo Yên Bái", ProtocolGroup.Press)]
    public void Classify_Title_GivesItsGroup(string position, ProtocolGroup group) =>
        Assert.Equal(group, ProtocolTitles.Classify(position, "", "", AddresseeKind.Person, 1, Sector).Group);

    [Theory]
    [InlineData("Bảo hiểm xã hội tỉnh", ProtocolGroup.Departments)]
    [InlineData("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", ProtocolGroup.FatherlandFront)]
    [InlineData("Ban Tổ chức Tỉnh ủy", ProtocolGroup.PartyBoards)]
    [InlineData("Ban Dân tộc tỉnh", ProtocolGroup.Departments)]
    [InlineData("Thành ủy Yên Bái", ProtocolGroup.LowerTier)]
    [InlineData("Báo Yên Bái", ProtocolGroup.Press)]
    public void Classify_Body_GivesItsGroup(string body, ProtocolGroup group) =>
        Assert.Equal(group, ProtocolTitles.Classify("", body, "", AddresseeKind.Body, 1, Sector).Group);

    [Fact]
    public void Classify_CommuneConference_CommuneLeadersAreTheLeadershipAndVillagesTheLowerTier()
    {
        Assert.Equal(ProtocolGroup.PeoplesCouncil, ProtocolTitles.Classify("Chủ tịch Hội đồng nhân dân xã", "Hội đồng nhân dân xã Quy Mông", "", AddresseeKind.Person, 3, []).Group);
        Assert.Equal(ProtocolGroup.LowerTier, ProtocolTitles.Classify("Trưởng thôn Khe Ngàn", "Thôn Khe Ngàn", "", AddresseeKind.Person, 3, []).Group);
        Assert.Equal(ProtocolGroup.Central, ProtocolTitles.Classify("Phó Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Lào Cai", "", AddresseeKind.Person, 3, []).Group);
        Assert.Equal(3, ProtocolTitles.ConferenceLevel("Ủy ban nhân dân xã Quy Mông"));
        Assert.Equal(1, ProtocolTitles.ConferenceLevel("Ủy ban nhân dân tỉnh Yên Bái"));
    }

    [Fact]
    public void Classify_UnknownTitle_IsNotRecognised() =>
        Assert.False(ProtocolTitles.Classify("Cố vấn cao cấp", "Công ty ABC", "", AddresseeKind.Person, 1, []).Recognised);
}
