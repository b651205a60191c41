using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Invitations;

public sealed class InvitationGeneratorTests(SampleInvitationsFixture sample) : IClassFixture<SampleInvitationsFixture>
{
    [Fact]
    public void Generate_SamplePlan_WritesOneFilePerDelegatePlusPrintFileAndList()
    {
        Assert.False(sample.Result.HasErrors, string.Join("\n", sample.Result.Problems));
        // Nothing lost: every delegate has an invitation, except the signer, who is reported.
        var skipped = Assert.Single(sample.Result.Problems, p => p.Code == "INVITATION_SIGNER_SKIPPED");
        Assert.Equal("Trần Huy Tuấn", skipped.Args[0]);
        Assert.Equal(sample.Plan.Delegates.Count - 1, sample.Result.Invitations.Count);
        Assert.InRange(sample.Plan.Delegates.Count, 250, 400);
        var files = Directory.GetFiles(Path.Combine(sample.Folder, InvitationGenerator.Folder), "*.docx");
        Assert.Equal(sample.Result.Invitations.Count, files.Length);
        Assert.True(File.Exists(sample.Result.PrintFile));
        Assert.True(File.Exists(sample.Result.ListFile));
    }

    [Fact]
    public void Invitation_PersonDelegate_IsAddressedByNameAndPosition()
    {
        var person = sample.Result.Invitations.First(i => i.Delegate.Kind == AddresseeKind.Person);
        var controls = DocxInspector.ContentControls(sample.PathOf(person));
        var d = person.Delegate;
        Assert.Equal($"{d.Honorific} {d.FullName}, {d.Position}", controls["KinhGui"]);
        Assert.Contains("Kính gửi: " + controls["KinhGui"], DocxInspector.Paragraphs(sample.PathOf(person)));
        Assert.Equal(d.Code, controls["MaDaiBieu"]);
        Assert.Equal(person.Link, controls["DuongDan"]);
        Assert.StartsWith("Yên Bái, ngày 17 tháng 4 năm 2023", controls["DiaDanhNgayThang"], StringComparison.Ordinal);
        Assert.Equal("125/GM-UBND", controls["SoKyHieu"]);
    }

    [Fact]
    public void Invitation_BodyDelegate_IsAddressedToItsLeadership()
    {
        var body = sample.Result.Invitations.First(i => i.Delegate.Kind == AddresseeKind.Body && i.Delegate.AddresseeOverride.Length == 0);
        var controls = DocxInspector.ContentControls(sample.PathOf(body));
        Assert.Equal($"Lãnh đạo {body.Delegate.Organization}", controls["KinhGui"]);
        Assert.Contains($"trân trọng kính mời lãnh đạo {body.Delegate.Organization} tới dự", DocxInspector.AllText(sample.PathOf(body)), StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_NoFieldLeftEmptyOrShowingItsPlaceholder()
    {
        foreach (var invitation in sample.Result.Invitations.Take(40))
        {
            var path = sample.PathOf(invitation);
            using var doc = WordprocessingDocument.Open(path, false);
            Assert.Empty(doc.MainDocumentPart!.Document.Descendants<ShowingPlaceholder>());
            var text = DocxInspector.AllText(path);
            Assert.DoesNotContain("«", text, StringComparison.Ordinal);
            var controls = DocxInspector.ContentControls(path);
            foreach (var tag in new[] { "KinhGui", "XungHo", "TrichYeu", "ThoiGian", "DiaDiem", "ChuTri", "NguoiKy", "ChucVuKy", "NoiNhan" })
            {
                Assert.False(string.IsNullOrWhiteSpace(controls[tag]), $"{invitation.RelativePath}: {tag} is empty");
            }
        }
    }

    [Fact]
    public void Invitation_BridgePointDelegate_IsInvitedToItsOwnBridgePoint()
    {
        var remote = sample.Result.Invitations.First(i => i.Delegate.VenueId != sample.Plan.MainHall.Id);
        var venue = sample.Plan.FindVenue(remote.Delegate.VenueId)!;
        var controls = DocxInspector.ContentControls(sample.PathOf(remote));
        Assert.StartsWith(venue.Name, controls["DiaDiem"], StringComparison.Ordinal);
        Assert.Contains("kết nối trực tuyến với điểm cầu Trung tâm Hội nghị tỉnh", controls["DiaDiem"], StringComparison.Ordinal);
        Assert.False(controls.TryGetValue("ChoNgoi", out var seat) && seat.Length > 0, "online delegates get no hall seat");
    }

    [Fact]
    public void Invitation_SeatedDelegate_ShowsTheSeat()
    {
        var seated = sample.Result.Invitations.First(i => i.Delegate.Code == sample.Plan.Delegates[0].Code);
        Assert.Contains("Chỗ ngồi: Hàng A – Ghế 05.", DocxInspector.Paragraphs(sample.PathOf(seated)));
        var unseated = sample.Result.Invitations.Skip(1).First(i => i.Delegate.VenueId == sample.Plan.MainHall.Id);
        Assert.DoesNotContain(DocxInspector.Paragraphs(sample.PathOf(unseated)), p => p.StartsWith("Chỗ ngồi", StringComparison.Ordinal));
    }

    [Fact]
    public void Invitation_LayoutIsNd30_A4MarginsTimesNewRoman()
    {
        var path = sample.PathOf(sample.Result.Invitations[0]);
        using var doc = WordprocessingDocument.Open(path, false);
        var section = doc.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal(11906U, size.Width!.Value);
        Assert.Equal(16838U, size.Height!.Value);
        Assert.InRange(margin.Top!.Value, 1134, 1417);
        Assert.InRange(margin.Bottom!.Value, 1134, 1417);
        Assert.InRange(margin.Left!.Value, 1701U, 1984U);
        Assert.InRange(margin.Right!.Value, 850U, 1134U);
        var fonts = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);
        Assert.DoesNotContain(doc.MainDocumentPart.Document.Descendants<RunFonts>(), f => f.Ascii?.Value is { } v && v != "Times New Roman");
        var motto = doc.MainDocumentPart.Document.Descendants<Paragraph>().First(p => p.InnerText == "Độc lập - Tự do - Hạnh phúc");
        var run = motto.Descendants<Run>().Single();
        Assert.NotNull(run.RunProperties!.Bold);
        Assert.NotNull(run.RunProperties.Underline);
        Assert.Equal("26", run.RunProperties.FontSize!.Val!.Value);
    }

    [Fact]
    public void Invitation_AndPrintFile_PassOpenXmlValidation()
    {
        foreach (var invitation in sample.Result.Invitations.Take(5))
        {
            var errors = DocxInspector.Validate(sample.PathOf(invitation));
            Assert.True(errors.Count == 0, DocxInspector.Describe(errors));
        }

        var printErrors = DocxInspector.Validate(sample.Result.PrintFile!);
        Assert.True(printErrors.Count == 0, DocxInspector.Describe(printErrors));
    }

    [Fact]
    public void PrintFile_HasOneSectionAndOneQrImagePerInvitation()
    {
        using var doc = WordprocessingDocument.Open(sample.Result.PrintFile!, false);
        var main = doc.MainDocumentPart!;
        var sections = main.Document.Descendants<SectionProperties>().Count();
        Assert.Equal(sample.Result.Invitations.Count, sections);
        var embeds = main.Document.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Select(b => b.Embed!.Value!).ToList();
        Assert.Equal(sample.Result.Invitations.Count, embeds.Distinct().Count());
        Assert.All(embeds, id => Assert.IsType<ImagePart>(main.GetPartById(id)));
        var addressees = DocxInspector.ContentControls(sample.Result.PrintFile!)["KinhGui"].Split(" | ");
        Assert.Equal(sample.Result.Invitations.Select(i => i.Delegate.Addressee), addressees);
    }

    [Fact]
    public void ListFile_HasEveryDelegateWithTheLinkOfItsQrCode()
    {
        var sheet = XlsxReader.Read(sample.Result.ListFile!).Single();
        Assert.Equal("Giấy mời", sheet.Name);
        var rows = sheet.Rows.Skip(1).ToList();
        Assert.Equal(sample.Plan.Delegates.Count, rows.Count);
        var byCode = rows.ToDictionary(r => r[1]!);
        foreach (var invitation in sample.Result.Invitations)
        {
            Assert.Equal(invitation.Link, byCode[invitation.Delegate.Code][8]);
            Assert.Equal(invitation.RelativePath, byCode[invitation.Delegate.Code][7]);
        }

        Assert.Single(rows, r => r[9] == "Người ký giấy mời: không lập giấy mời");

        var errors = DocxInspector.ValidateSpreadsheet(sample.Result.ListFile!);
        Assert.True(errors.Count == 0, DocxInspector.Describe(errors));
    }

    [SkippableFact]
    public void QrCode_DecodesWithZbarimgToTheLinkInTheList()
    {
        var zbarimg = ExternalTools.Require("zbarimg", "zbar-tools");
        using var tmp = new TempDir();
        var picks = new[]
        {
            sample.Result.Invitations[0],
            sample.Result.Invitations.First(i => i.Delegate.Kind == AddresseeKind.Body),
            sample.Result.Invitations.First(i => i.Delegate.VenueId != sample.Plan.MainHall.Id),
            sample.Result.Invitations[^1],
        };
        var listRows = XlsxReader.Read(sample.Result.ListFile!).Single().Rows.Skip(1).ToDictionary(r => r[1]!, r => r[8]!);
        foreach (var pick in picks)
        {
            var images = DocxInspector.Images(sample.PathOf(pick));
            var png = Assert.Single(images).Value;
            var file = tmp.File(pick.Delegate.Code + ".png");
            File.WriteAllBytes(file, png);
            var (code, stdout, stderr) = ExternalTools.Run(zbarimg, ["--raw", "-q", file]);
            Assert.True(code == 0, stderr);
            Assert.Equal(listRows[pick.Delegate.Code], stdout.TrimEnd('\n', '\r'));
            Assert.Equal(pick.Link, stdout.TrimEnd('\n', '\r'));
        }
    }

    [SkippableFact]
    public void Invitation_LibreOfficeConvertsItToAOnePagePdf()
    {
        ExternalTools.LibreOffice();
        var pdftotext = ExternalTools.Require("pdftotext", "poppler-utils");
        var pdfinfo = ExternalTools.Require("pdfinfo", "poppler-utils");
        using var tmp = new TempDir();
        var invitation = sample.Result.Invitations.First(i => i.Delegate.Kind == AddresseeKind.Person);
        var pdf = ExternalTools.ConvertWithLibreOffice(sample.PathOf(invitation), tmp.Path);
        var (_, info, _) = ExternalTools.Run(pdfinfo, [pdf]);
        Assert.Matches(@"Pages:\s+1\b", info);
        var (_, text, _) = ExternalTools.Run(pdftotext, ["-layout", pdf, "-"]);
        Assert.Contains("GIẤY MỜI", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains(invitation.Delegate.FullName, text, StringComparison.Ordinal);
        Assert.Contains("Trần Huy Tuấn", text, StringComparison.Ordinal);
    }
}

public sealed class InvitationVenueNotesTests(SampleInvitationsFixture sample) : IClassFixture<SampleInvitationsFixture>
{
    [Fact]
    public void BridgePointLetter_NeverSendsItsDelegateToTheMainHall_GivesConnectionTestAndTechnicalContact()
    {
        var bridge = sample.Result.Invitations.Where(i => i.Delegate.VenueId != sample.Plan.MainHall.Id).ToList();
        Assert.NotEmpty(bridge);
        foreach (var invitation in bridge)
        {
            var venue = sample.Plan.FindVenue(invitation.Delegate.VenueId)!;
            var notes = DocxInspector.ContentControls(sample.PathOf(invitation))["GhiChu"];
            Assert.DoesNotContain("Trung tâm Hội nghị tỉnh có mặt", notes, StringComparison.Ordinal);
            Assert.DoesNotContain("đón tiếp", notes, StringComparison.Ordinal);
            Assert.Contains($"Đại biểu dự tại {venue.Name} có mặt trước 15 phút", notes, StringComparison.Ordinal);
            Assert.Contains("Kiểm tra kết nối lúc", notes, StringComparison.Ordinal);
            Assert.Contains(venue.TechnicalContact!.Phone, notes, StringComparison.Ordinal);
            Assert.Contains("Tài liệu Hội nghị được cung cấp qua mã QR", notes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MainHallLetter_KeepsTheMainHallNote_AndNoBridgePointNote()
    {
        // A delegate's letter (chairing roles and Thường trực get no arrival or confirmation chore: DelegateRolesTests).
        var main = sample.Result.Invitations.First(i => i.Delegate.VenueId == sample.Plan.MainHall.Id && i.Delegate.Role == DelegateRole.Delegate
            && i.Delegate.Group != ProtocolGroup.PartyStanding);
        var notes = DocxInspector.ContentControls(sample.PathOf(main))["GhiChu"];
        Assert.Contains("Đại biểu dự tại điểm cầu Trung tâm Hội nghị tỉnh có mặt trước 15 phút", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("kiểm tra kết nối", notes, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Đề nghị đại biểu xác nhận tham dự trước ngày 21/4/2023", notes, StringComparison.Ordinal);
    }
}
