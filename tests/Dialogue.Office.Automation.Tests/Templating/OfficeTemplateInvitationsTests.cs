using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Templating;

/// <summary>The sample conference's letters made from the office's own mail-merge template (once for the class).</summary>
public sealed class OfficeTemplateInvitationsFixture : IDisposable
{
    private readonly TempDir _dir = new("dialogue-mm-");

    public OfficeTemplateInvitationsFixture()
    {
        Plan = TestPlans.Sample;
        Result = InvitationGenerator.Generate(new InvitationRequest(Plan, _dir.Path)
        {
            TemplatePath = Path.Combine(RepoPaths.SamplePlan, OfficeSampleTemplate.FileName),
        });
        Folder = _dir.Path;
    }

    public ConferencePlan Plan { get; }
    public InvitationResult Result { get; }
    public string Folder { get; }

    public string PathOf(GeneratedInvitation invitation) => Path.Combine(Folder, invitation.RelativePath);

    public void Dispose() => _dir.Dispose();
}

public sealed class OfficeTemplateInvitationsTests(OfficeTemplateInvitationsFixture sample) : IClassFixture<OfficeTemplateInvitationsFixture>
{
    [Fact]
    public void EveryDelegate_GetsOneLetterAddressedFromTheListsOwnColumns()
    {
        Assert.False(sample.Result.HasErrors, string.Join("\n", sample.Result.Problems));
        Assert.Contains(sample.Result.Problems, p => p.Code == "TEMPLATE_QR_PLACED");
        var expected = sample.Plan.Delegates.Count(d => !sample.Result.Problems.Any(p => p.Code == "INVITATION_SIGNER_SKIPPED" && p.Args[0] == d.FullName));
        Assert.Equal(expected, sample.Result.Invitations.Count);
        Assert.Contains(sample.Result.Invitations, i => i.Delegate.Kind == AddresseeKind.Body);
        foreach (var invitation in sample.Result.Invitations)
        {
            var d = invitation.Delegate;
            var text = DocxInspector.Paragraphs(sample.PathOf(invitation));
            Assert.Contains("Kính gửi: " + d.Addressee, text);
            Assert.Contains($"Mã đại biểu: {d.Code} (dùng để xác nhận tham dự và đón tiếp tại Hội nghị).", text);
            if (d.AddresseeOverride.Length == 0)
            {
                // The office's IF writes "lãnh đạo <cơ quan>" for a body; a row's own "Kính gửi" line is only used above.
                Assert.Contains($"Rất mong {InvitationGenerator.FormOfAddress(d)} dành thời gian tới dự Hội nghị./.", text);
            }
            Assert.Contains("Yên Bái, ngày 17 tháng 4 năm 2023", text);
            Assert.DoesNotContain(text, t => t.Contains('«') || t.Contains('\uE004'));
        }
    }

    [Fact]
    public void Letters_AreValidWithTheirOwnQrCodeAndPassTheNd30Check()
    {
        var picks = new[] { sample.Result.Invitations[0], sample.Result.Invitations.First(i => i.Delegate.Kind == AddresseeKind.Body), sample.Result.Invitations[^1] };
        foreach (var pick in picks)
        {
            var path = sample.PathOf(pick);
            Assert.Empty(DocxInspector.Validate(path));
            Assert.Single(DocxInspector.Images(path));
            var report = Nd30Checker.Check(path);
            Assert.True(!report.Errors.Any(), string.Join("\n", report.Errors.Select(e => $"{e.Code} {e.Location}")));
        }

        Assert.Empty(DocxInspector.Validate(sample.Result.PrintFile!));
    }

    [SkippableFact]
    public void QrCode_DecodesWithZbarimgToTheDelegatesLink()
    {
        var zbarimg = ExternalTools.Require("zbarimg", "zbar-tools");
        using var tmp = new TempDir();
        foreach (var pick in new[] { sample.Result.Invitations[1], sample.Result.Invitations[^1] })
        {
            var file = tmp.File(pick.Delegate.Code + ".png");
            File.WriteAllBytes(file, Assert.Single(DocxInspector.Images(sample.PathOf(pick))).Value);
            var (code, stdout, stderr) = ExternalTools.Run(zbarimg, ["--raw", "-q", file]);
            Assert.True(code == 0, stderr);
            Assert.Equal(pick.Link, stdout.TrimEnd('\n', '\r'));
            Assert.EndsWith("db=" + pick.Delegate.Code, pick.Link, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Letter_LibreOfficeConvertsItToAOnePagePdf()
    {
        ExternalTools.LibreOffice();
        var pdftotext = ExternalTools.Require("pdftotext", "poppler-utils");
        var pdfinfo = ExternalTools.Require("pdfinfo", "poppler-utils");
        using var tmp = new TempDir();
        var invitation = sample.Result.Invitations.First(i => i.Delegate.Kind == AddresseeKind.Person);
        var pdf = ExternalTools.ConvertWithLibreOffice(sample.PathOf(invitation), tmp.Path);
        var (_, info, _) = ExternalTools.Run(pdfinfo, [pdf]);
        Assert.Matches(@"Pages:\s+1\b", info);
        var (_, text, _) = ExternalTools.Run(pdftotext, [pdf, "-"]);
        Assert.Contains(invitation.Delegate.FullName, text, StringComparison.Ordinal);
        Assert.Contains("Tài liệu Hội nghị: quét mã QR để mở.", text, StringComparison.Ordinal);
    }
}
