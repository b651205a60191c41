using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
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

/// <summary>The office template with the delegate's code and name in the header: the combined print file keeps each letter's own.</summary>
public sealed class OfficeTemplateHeaderPrintFileTests
{
    /// <summary>The sample office template with "Giấy mời «Mã_đại_biểu» – «Họ_và_tên»" in the header and PAGE in the footer.</summary>
    private static byte[] WithDelegateHeader()
    {
        using var ms = new MemoryStream();
        ms.Write(OfficeSampleTemplate.Build());
        ms.Position = 0;
        using (var doc = WordprocessingDocument.Open(ms, true))
        {
            const string Ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
            var main = doc.MainDocumentPart!;
            var header = main.AddNewPart<HeaderPart>("rIdOfficeHeader");
            header.Header = new Header($"<w:hdr {Ns}>" + WordFieldXml.P(WordFieldXml.R("Giấy mời "), WordFieldXml.Merge("Mã_đại_biểu"),
                WordFieldXml.Merge("Họ_và_tên", switches: "\\b \" – \"")) + "</w:hdr>");
            var footer = main.AddNewPart<FooterPart>("rIdOfficeFooter");
            footer.Footer = new Footer($"<w:ftr {Ns}>" + WordFieldXml.P(WordFieldXml.R("Trang "), WordFieldXml.Field("1", "", " PAGE ")) + "</w:ftr>");
            var section = main.Document.Body!.Elements<SectionProperties>().Last();
            section.RemoveAllChildren<HeaderReference>();
            section.RemoveAllChildren<FooterReference>();
            section.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdOfficeFooter" });
            section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdOfficeHeader" });
            main.Document.Save();
        }

        return ms.ToArray();
    }

    private static string HeaderText(ConferenceDelegate d) => $"Giấy mời {d.Code}{(d.FullName.Length > 0 ? " – " + d.FullName : "")}";

    [Fact]
    public void PrintFile_EachSectionHasItsDelegatesOwnHeader()
    {
        using var tmp = new TempDir("dialogue-mmh-");
        var template = tmp.File("mau-co-dau-trang.docx");
        File.WriteAllBytes(template, WithDelegateHeader());
        var sample = TestPlans.Sample;
        // People and bodies (a body has no name: the header keeps only the code).
        var delegates = sample.Delegates.Where(d => d.Kind == AddresseeKind.Person).Take(4)
            .Concat(sample.Delegates.Where(d => d.Kind == AddresseeKind.Body).Take(2)).ToList();
        var result = InvitationGenerator.Generate(new InvitationRequest(TestPlans.With(sample, delegates: delegates), tmp.Path) { TemplatePath = template });
        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.DoesNotContain(result.Problems, p => p.Code.StartsWith("TEMPLATE_HEADER", StringComparison.Ordinal));
        var letters = result.Invitations;
        Assert.True(letters.Count >= 5);

        using (var doc = WordprocessingDocument.Open(result.PrintFile!, false))
        {
            var main = doc.MainDocumentPart!;
            var sections = main.Document.Body!.Descendants<SectionProperties>().ToList();
            Assert.Equal(letters.Count, sections.Count);
            var footers = new HashSet<string>();
            for (var i = 0; i < sections.Count; i++)
            {
                var headerId = sections[i].Elements<HeaderReference>().Single().Id!.Value!;
                Assert.Equal(HeaderText(letters[i].Delegate), ((HeaderPart)main.GetPartById(headerId)).Header.InnerText);
                footers.Add(sections[i].Elements<FooterReference>().Single().Id!.Value!);
            }

            // The footer has no per-delegate field: one part shared by every section, PAGE kept for Word.
            var footer = (FooterPart)main.GetPartById(Assert.Single(footers));
            Assert.Contains(footer.Footer.Descendants<FieldCode>(), c => c.Text.Trim() == "PAGE");
            Assert.Equal(letters.Count, main.HeaderParts.Count());
        }

        Assert.Empty(DocxInspector.Validate(result.PrintFile!));
        // Each letter's own file has its own header too.
        using var last = WordprocessingDocument.Open(Path.Combine(tmp.Path, letters[^1].RelativePath), false);
        Assert.Equal(HeaderText(letters[^1].Delegate), last.MainDocumentPart!.HeaderParts.Single().Header.InnerText);
    }

    [SkippableFact]
    public void PrintFile_LibreOfficePrintsOnePagePerLetterWithItsHeader()
    {
        ExternalTools.LibreOffice();
        var pdftotext = ExternalTools.Require("pdftotext", "poppler-utils");
        var pdfinfo = ExternalTools.Require("pdfinfo", "poppler-utils");
        using var tmp = new TempDir("dialogue-mmh-");
        var template = tmp.File("mau-co-dau-trang.docx");
        File.WriteAllBytes(template, WithDelegateHeader());
        var sample = TestPlans.Sample;
        var delegates = sample.Delegates.Where(d => d.Kind == AddresseeKind.Person).Take(2)
            .Concat(sample.Delegates.Where(d => d.Kind == AddresseeKind.Body).Take(1)).ToList();
        var result = InvitationGenerator.Generate(new InvitationRequest(TestPlans.With(sample, delegates: delegates), tmp.Path) { TemplatePath = template });
        Assert.False(result.HasErrors, string.Join("\n", result.Problems));

        var pdf = ExternalTools.ConvertWithLibreOffice(result.PrintFile!, tmp.Path);
        var (_, info, _) = ExternalTools.Run(pdfinfo, [pdf]);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(info, $@"Pages:\s+{result.Invitations.Count}\b"), info);
        for (var page = 1; page <= result.Invitations.Count; page++)
        {
            var d = result.Invitations[page - 1].Delegate;
            var (_, text, _) = ExternalTools.Run(pdftotext, ["-f", $"{page}", "-l", $"{page}", pdf, "-"]);
            Assert.Contains(HeaderText(d), text, StringComparison.Ordinal);
            Assert.Contains("Mã đại biểu: " + d.Code, text, StringComparison.Ordinal);
        }
    }
}
