using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Tests.Invitations;

/// <summary>
/// The print file is printed duplex: a blank page between two letters puts every following letter on the back of the
/// previous one. Counted with LibreOffice, page by page.
/// </summary>
public sealed class PrintFilePagesTests
{
    /// <summary>
    /// Letters whose addressee grows by about one line each, from a short one-page letter to letters that need a second
    /// page: one of them ends within a line of its page's bottom, where the old section-break paragraph (a full body
    /// line after the signature table) spilled onto a page of its own.
    /// </summary>
    [SkippableFact]
    public void PrintFile_LettersGrowingAcrossThePageEnd_NoBlankPageBetweenLetters()
    {
        ExternalTools.LibreOffice();
        var pdftotext = ExternalTools.Require("pdftotext", "poppler-utils");
        var sample = TestPlans.Sample;
        var person = sample.Delegates.First(d => d.Kind == AddresseeKind.Person && d.VenueId == sample.MainHall.Id
            && VietnameseText.Fold(d.FullName) != VietnameseText.Fold(sample.Signer.Name));
        const string extra = ", kiêm Phó Trưởng Ban Chỉ đạo thực hiện các chương trình mục tiêu quốc gia của tỉnh";
        var letters = Enumerable.Range(0, 34).Select(k => person with
        {
            Row = person.Row + k,
            Code = $"{person.Code}-{k:00}",
            Number = k + 1,
            Position = person.Position + string.Concat(Enumerable.Repeat(extra, k)),
        }).ToList();
        using var tmp = new TempDir("protocol-print-");
        var result = InvitationGenerator.Generate(new InvitationRequest(TestPlans.With(sample, delegates: letters), tmp.Path));
        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(letters.Count, result.Invitations.Count);

        var pdf = ExternalTools.ConvertWithLibreOffice(result.PrintFile!, tmp.File("pdf"));
        var (_, text, _) = ExternalTools.Run(pdftotext, [pdf, "-"]);
        var pages = text.Split('\f');
        if (pages[^1].Trim().Length == 0)
        {
            pages = pages[..^1];
        }

        // The steps cross the page end: the longest letters take a second page (so one letter ended just above it).
        Assert.True(pages.Length > letters.Count, $"{pages.Length} pages for {letters.Count} letters: no letter reached the page end");
        var blank = pages.Select((p, i) => (Text: p, Page: i + 1)).Where(p => p.Text.Trim().Length == 0).Select(p => p.Page).ToList();
        Assert.True(blank.Count == 0, "blank pages: " + string.Join(", ", blank));
        // Every letter starts on a page of its own, in order.
        var starts = pages.Select((p, i) => (p, i)).Where(x => x.p.Contains("GIẤY MỜI", StringComparison.Ordinal)).ToList();
        Assert.Equal(letters.Count, starts.Count);
    }

    /// <summary>The sample's print file: exactly one page per letter, as LibreOffice lays it out.</summary>
    [SkippableFact]
    public void PrintFile_Sample_OnePagePerLetter()
    {
        ExternalTools.LibreOffice();
        var pdfinfo = ExternalTools.Require("pdfinfo", "poppler-utils");
        using var tmp = new TempDir("protocol-print-");
        var result = InvitationGenerator.Generate(new InvitationRequest(TestPlans.Sample, tmp.Path));
        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        var pdf = ExternalTools.ConvertWithLibreOffice(result.PrintFile!, tmp.File("pdf"));
        var (_, info, _) = ExternalTools.Run(pdfinfo, [pdf]);
        Assert.Matches($@"Pages:\s+{result.Invitations.Count}\b", info);
    }
}
