using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Invitations;

/// <summary>
/// Several issuers in one conference (issue 11): Kế hoạch 90/KH-UBND gives the sector's delegates at the provincial
/// point to Sở GD&amp;ĐT to invite and confirm; their letters carry the Sở's header, number, signer and Nơi nhận, while the
/// co-chairs and provincial guests keep the UBND tỉnh letter.
/// </summary>
public sealed class InvitationIssuersTests(SampleInvitationsFixture sample) : IClassFixture<SampleInvitationsFixture>
{
    private static readonly string[] SoHeader = ["UBND TỈNH YÊN BÁI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 215/GM-SGDĐT", "GIÁM ĐỐC", "Trần Xuân Hải",
        "- UBND tỉnh (để báo cáo);", "- Lưu: VT, VP."];

    [Fact]
    public void Sample_SectorDelegatesAtTheMainHall_GetTheSoLetter_OthersTheUbndLetter()
    {
        var plan = sample.Plan;
        var so = Assert.Single(plan.Issuers);
        Assert.Equal("so-gddt", so.Id);
        var bySo = sample.Result.Invitations.Where(i => i.Delegate.Group == ProtocolGroup.Sector && i.Delegate.VenueId == plan.MainHall.Id).ToList();
        var byUbnd = sample.Result.Invitations.Except(bySo).ToList();
        Assert.True(bySo.Count > 150, $"{bySo.Count} sector letters");
        Assert.Contains(byUbnd, i => i.Delegate.IsPresidium);
        Assert.Contains(byUbnd, i => i.Delegate.Group == ProtocolGroup.Sector && i.Delegate.VenueId != plan.MainHall.Id);

        foreach (var invitation in bySo.Take(5).Concat(bySo.TakeLast(3)))
        {
            var text = DocxInspector.AllText(sample.PathOf(invitation));
            foreach (var expected in SoHeader)
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            Assert.Contains("Sở Giáo dục và Đào tạo trân trọng kính mời", text, StringComparison.Ordinal);
            Assert.DoesNotContain("125/GM-UBND", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Trần Huy Tuấn", text, StringComparison.Ordinal);
            Assert.Empty(DocxInspector.Validate(sample.PathOf(invitation)));
        }

        foreach (var invitation in byUbnd.Where(i => i.Delegate.IsPresidium).Concat(byUbnd.Where(i => !i.Delegate.IsPresidium).Take(3)))
        {
            var text = DocxInspector.AllText(sample.PathOf(invitation));
            Assert.Contains("Số: 125/GM-UBND", text, StringComparison.Ordinal);
            Assert.Contains("TM. ỦY BAN NHÂN DÂN", text, StringComparison.Ordinal);
            Assert.Contains("Ủy ban nhân dân tỉnh Yên Bái trân trọng kính mời", text, StringComparison.Ordinal);
            Assert.DoesNotContain("215/GM-SGDĐT", text, StringComparison.Ordinal);
            Assert.DoesNotContain("215/GM-SGDĐT", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sample_TheSosSignerIsACoChair_InvitedByUbndTinh_AndTheListNamesTheIssuer()
    {
        // The Giám đốc Sở GD&ĐT signs the Sở's letters but, co-chairing, is invited by the province: he gets its letter.
        var director = Assert.Single(sample.Result.Invitations, i => i.Delegate.FullName == "Trần Xuân Hải");
        Assert.True(director.Delegate.IsPresidium);
        Assert.Contains("Số: 125/GM-UBND", DocxInspector.AllText(sample.PathOf(director)), StringComparison.Ordinal);
        Assert.Equal(["Trần Huy Tuấn"], sample.Result.Problems.Where(p => p.Code == "INVITATION_SIGNER_SKIPPED").Select(p => p.Args[0]));

        var rows = XlsxReader.Read(sample.Result.ListFile!).Single().Rows;
        Assert.Equal("Cơ quan mời", rows[0][10]);
        Assert.Contains(rows, r => r[10] == "Sở Giáo dục và Đào tạo (215/GM-SGDĐT)");
        Assert.Contains(rows, r => r[10] == "Ủy ban nhân dân tỉnh Yên Bái (125/GM-UBND)");
    }

    [SkippableFact]
    public void Sample_SoLetter_LibreOfficeRendersOnePage()
    {
        ExternalTools.LibreOffice();
        var pdfinfo = ExternalTools.Require("pdfinfo", "poppler-utils");
        var letter = sample.Result.Invitations.First(i => sample.Plan.InviterFor(i.Delegate).Id == "so-gddt");
        using var tmp = new TempDir("protocol2-so-");
        var pdf = ExternalTools.ConvertWithLibreOffice(sample.PathOf(letter), tmp.Path);
        var (_, info, _) = ExternalTools.Run(pdfinfo, [pdf]);
        Assert.Contains("Pages:           1", info, StringComparison.Ordinal);
    }

    [Fact]
    public void ListColumn_NamesTheIssuer_AndWinsOverThePlanRules()
    {
        using var plan = new PlanFolderBuilder();
        var row = PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Phó Giám đốc Sở Nội vụ", "Sở Nội vụ");
        row["issuer"] = "so-gddt";
        var unknown = PlanFolderBuilder.ValidRow("Lê Văn Bình", "Trưởng phòng Nội vụ huyện Văn Yên", "Phòng Nội vụ huyện Văn Yên");
        unknown["issuer"] = "so-noi-vu";
        plan.Delegates(row, unknown);
        var loaded = plan.Load();
        var error = Assert.Single(loaded.Problems, p => p.Code == "DELEGATE_UNKNOWN_ISSUER");
        Assert.Contains("dòng 3", error.Location, StringComparison.Ordinal);
        Assert.Contains("Cơ quan mời \"so-noi-vu\" không có trong kế hoạch", error.Message, StringComparison.Ordinal);
        Assert.Contains("so-gddt", error.Message, StringComparison.Ordinal);

        plan.Delegates(row);
        var ok = plan.Load();
        Assert.False(ok.HasErrors, string.Join("\n", ok.Problems));
        Assert.Equal("so-gddt", ok.Plan!.InviterFor(ok.Plan.Delegates[0]).Id);
    }

    [Theory]
    [InlineData("authority: \"KT. GIÁM ĐỐC\"\n      position: \"GIÁM ĐỐC\"", "ký thay (KT.) là cấp phó")]
    [InlineData("authority: \"TM. SỞ GIÁO DỤC VÀ ĐÀO TẠO\"\n      position: \"PHÓ GIÁM ĐỐC\"", "thêm dòng \"KT. GIÁM ĐỐC\"")]
    [InlineData("authority: \"\"\n      position: \"PHÓ GIÁM ĐỐC\"", "thêm dòng \"KT. GIÁM ĐỐC\"")]
    [InlineData("authority: \"TL. GIÁM ĐỐC\"\n      position: \"GIÁM ĐỐC\"", "thừa lệnh")]
    [InlineData("authority: \"KT. Giám đốc\"\n      position: \"Phó Giám đốc\"", "chữ in hoa")]
    public void SignerForm_AgainstNd30_IsAVietnameseWarningAtTheLine(string block, string expected)
    {
        using var plan = new PlanFolderBuilder();
        var line = plan.Replace("authority: \"\"\n      position: \"GIÁM ĐỐC\"", block);
        var loaded = plan.Load();
        var warning = Assert.Single(loaded.Problems, p => p.Code == "PLAN_SIGNER_FORM");
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal($"plan.yaml:{line + 1}", warning.Location);
        Assert.Contains(expected, warning.Message, StringComparison.Ordinal);
        Assert.Contains("Nghị định 30/2020", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("authority: \"KT. GIÁM ĐỐC\"\n      position: \"PHÓ GIÁM ĐỐC\"")]
    [InlineData("authority: [\"TL. GIÁM ĐỐC\", \"KT. CHÁNH VĂN PHÒNG\"]\n      position: \"PHÓ CHÁNH VĂN PHÒNG\"")]
    public void SignerForm_RightForms_NoWarning(string block)
    {
        using var plan = new PlanFolderBuilder();
        plan.Replace("authority: \"\"\n      position: \"GIÁM ĐỐC\"", block);
        var loaded = plan.Load();
        Assert.DoesNotContain(loaded.Problems, p => p.Code is "PLAN_SIGNER_FORM" or "PLAN_SIGNER_AUTHORITY");
    }

    [Fact]
    public void SampleSigners_PassTheForm()
    {
        Assert.DoesNotContain(sample.Result.Problems.Concat(PlanLoader.Load(RepoPaths.SamplePlan).Problems), p => p.Code is "PLAN_SIGNER_FORM" or "PLAN_SIGNER_AUTHORITY");
    }

    [Theory]
    [InlineData("invitation_number: \"215/GM-SGDĐT\"", "invitation_number: \"215-SGDĐT\"", "PLAN_BAD_DOC_NUMBER")]
    [InlineData("groups: [\"Ngành\"]", "groups: [\"Khối giáo viên\"]", "PLAN_BAD_VALUE")]
    [InlineData("venues: [tinh]", "venues: [tinh-yb]", "PLAN_UNKNOWN_VENUE")]
    [InlineData("- id: so-gddt\n    parent:", "- id: main\n    parent:", "PLAN_DUPLICATE_ID")]
    public void BrokenIssuer_IsAnErrorAtItsLine(string text, string replacement, string code)
    {
        using var plan = new PlanFolderBuilder();
        var line = plan.Replace(text, replacement);
        var loaded = plan.Load();
        var error = Assert.Single(loaded.Problems, p => p.Code == code);
        Assert.True(error.IsError);
        Assert.Equal($"plan.yaml:{line}", error.Location);
        Assert.DoesNotContain("{", error.Message, StringComparison.Ordinal);
    }
}
