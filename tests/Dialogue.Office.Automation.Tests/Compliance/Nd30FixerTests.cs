using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Tests.Compliance;

public sealed class Nd30FixerTests
{
    private const string Tcvn3Sentence = "Ng\u00AD\u00EAi lao \u00AE\u00E9ng ph\u00B6i \u00AE\u00AD\u00EEc tr\u00B6 l\u00AD\u00ACng \u00AE\u00F3ng h\u00B9n.";

    /// <summary>Everything the fixer is meant to repair, broken at once.</summary>
    private static readonly Nd30Sample Broken = new()
    {
        PageWidth = 12240,
        PageHeight = 15840,
        MarginLeft = 1134,
        MarginRight = 1417,
        MarginTop = 850,
        Font = "Arial",
        LegacyParagraph = (".VnTime", Tcvn3Sentence),
        DateLine = "Yên Bái, ngày 5 tháng 2 năm 2023",
        NationalTitleSize = 28,
        IssuerSize = 22,
        BodySize = 24,
        BodyFirstLine = 0,
        BodyAfter = 0,
        RecipientsSize = 26,
        RecipientsLabelSize = 28,
        BodyParagraphs = 60,
    };

    [Fact]
    public void Fix_MechanicalProblems_RepairedFileChecksClean()
    {
        using var dir = new TempDir();
        var input = Broken.Save(dir.File("giay-moi.docx"));
        var before = Nd30Checker.Check(input);
        Assert.True(before.Errors.Count >= 12, before.ToString());

        var result = Nd30Fixer.Fix(input, dir.File("giay-moi.nd30.docx"));

        Assert.True(result.Remaining.Findings.Count == 0, result.Remaining.ToString());
        Assert.Equal(result.Remaining.Findings.Count, Nd30Checker.Check(result.OutputPath).Findings.Count);
        var codes = result.Changes.Select(c => c.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { "ND30_FIX_PAGE", "ND30_FIX_MARGIN", "ND30_FIX_FONT", "ND30_FIX_LEGACY_TEXT", "ND30_FIX_SIZE", "ND30_FIX_DATE", "ND30_FIX_BODY_FORMAT", "ND30_FIX_PAGE_NUMBER" }, codes);
        Assert.All(result.Changes, c => Assert.DoesNotContain("Lỗi ND30", c.Message));

        using var document = WordprocessingDocument.Open(result.OutputPath, false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Người lao động phải được trả lương đúng hạn.", text);
        Assert.Contains("Yên Bái, ngày 05 tháng 02 năm 2023", text);
        Assert.DoesNotContain(document.MainDocumentPart.Document.Descendants<RunFonts>(), f => f.Ascii?.Value is ".VnTime" or "Arial");
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void ExtremeMarginsAndPageSize_AreFindingsNotACrash_AndTheFixerBringsThemIntoRange()
    {
        // Hostile values: Math.Abs(int.MinValue) throws, and a page side near the int range overflowed the A4 test.
        using var dir = new TempDir();
        var input = new Nd30Sample { MarginTop = int.MinValue, MarginBottom = int.MinValue, PageWidth = 2147495554u }.Save(dir.File("le-am.docx"));

        var report = Nd30Checker.Check(input);

        Assert.Contains(report.Findings, f => f.Code == "ND30_MARGIN_TOP");
        Assert.Contains(report.Findings, f => f.Code == "ND30_MARGIN_BOTTOM");
        Assert.Contains(report.Findings, f => f.Code == "ND30_PAGE_SIZE");
        var result = Nd30Fixer.Fix(input, dir.File("le-am.nd30.docx"));
        var after = Nd30Checker.Check(result.OutputPath);
        Assert.DoesNotContain(after.Findings, f => f.Code is "ND30_MARGIN_TOP" or "ND30_MARGIN_BOTTOM");
    }

    [Fact]
    public void Fix_NeverTouchesTheInput()
    {
        using var dir = new TempDir();
        var input = Broken.Save(dir.File("goc.docx"));
        var bytes = File.ReadAllBytes(input);

        Nd30Fixer.Fix(input, dir.File("sua.docx"));

        Assert.Equal(bytes, File.ReadAllBytes(input));
    }

    [Fact]
    public void Fix_OutputIsTheInput_IsRefused()
    {
        using var dir = new TempDir();
        var input = Broken.Save(dir.File("goc.docx"));
        var bytes = File.ReadAllBytes(input);

        var ex = Assert.Throws<ProblemException>(() => Nd30Fixer.Fix(input, Path.Combine(dir.Path, ".", "goc.docx")));

        Assert.Equal("ND30_FIX_SAME_FILE", Assert.Single(ex.Problems).Code);
        Assert.Contains("trùng với tệp gốc", ex.Problems[0].Message);
        Assert.Equal(bytes, File.ReadAllBytes(input));
    }

    [Fact]
    public void Fix_CapitalTcvn3Font_DecodesToUpperCaseUnicode()
    {
        using var dir = new TempDir();
        var input = new Nd30Sample { LegacyParagraph = (".VnTimeH", "C\u00E9NG HO\u00B5 X\u00B7 H\u00E9I CH\u00F1 NGH\u00DCA VI\u00D6T NAM") }.Save(dir.File("h.docx"));

        var result = Nd30Fixer.Fix(input, dir.File("h.nd30.docx"));

        using var document = WordprocessingDocument.Open(result.OutputPath, false);
        Assert.Contains(document.MainDocumentPart!.Document.Body!.Elements<Paragraph>(), p => p.InnerText == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        Assert.False(result.Remaining.Has("ND30_LEGACY_FONT"));
        Assert.False(result.Remaining.Has("ND30_LEGACY_TEXT"));
    }

    [Fact]
    public void Fix_JudgementCalls_AreLeftForAPerson()
    {
        using var dir = new TempDir();
        var input = new Nd30Sample
        {
            SignerName = "TS. Nguyễn Văn An",
            SignatureBold = false,
            Motto = "Độc lập-Tự do-Hạnh phúc",
            DateLine = "Yên Bái, ngày 31 tháng 02 năm 2023",
            PageNumberAlign = JustificationValues.Center,
        }.Save(dir.File("y.docx"));

        var result = Nd30Fixer.Fix(input, dir.File("y.nd30.docx"));

        Assert.Empty(result.Changes);
        Assert.Equal(
            new[] { "ND30_DATE_INVALID", "ND30_MOTTO_HYPHEN", "ND30_SIGN_ACADEMIC_TITLE", "ND30_SIGN_POSITION_BOLD" },
            result.Remaining.Findings.Select(f => f.Code).Order().ToArray());
    }

    [Fact]
    public void Fix_CleanDocumentWithPageNumbers_ChangesNothing()
    {
        using var dir = new TempDir();
        var input = new Nd30Sample { PageNumberAlign = JustificationValues.Center }.Save(dir.File("sach.docx"));

        var result = Nd30Fixer.Fix(input, dir.File("sach.nd30.docx"));

        Assert.True(result.Changes.Count == 0, string.Join("; ", result.Changes));
        Assert.Empty(result.Remaining.Findings);
    }

    [Fact]
    public void Fix_PageNumberNotCentredAndShownOnPageOne_IsCentredAndHidden()
    {
        using var dir = new TempDir();
        var input = new Nd30Sample { PageNumberAlign = JustificationValues.Left, TitlePage = false }.Save(dir.File("so-trang.docx"));
        Assert.True(Nd30Checker.Check(input).Has("ND30_PAGE_NUMBER_ALIGN"));

        var result = Nd30Fixer.Fix(input, dir.File("so-trang.nd30.docx"));

        Assert.Empty(result.Remaining.Findings);
        Assert.Equal(["canh giữa số trang", "không hiện số trang ở trang thứ nhất"], result.Changes.Where(c => c.Code == "ND30_FIX_PAGE_NUMBER").Select(c => c.Args[0]).Order().ToArray());
    }

    [Fact]
    public void Fix_Landscape_WithoutBodyTables_BecomesPortraitA4()
    {
        using var dir = new TempDir();
        var input = new Nd30Sample { PageWidth = 16838, PageHeight = 11906, Landscape = true, PageNumberAlign = JustificationValues.Center }.Save(dir.File("ngang.docx"));

        var result = Nd30Fixer.Fix(input, dir.File("ngang.nd30.docx"));

        Assert.Empty(result.Remaining.Findings);
        using var document = WordprocessingDocument.Open(result.OutputPath, false);
        var size = document.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.Null(size.Orient);
    }

    [SkippableFact]
    public void Fix_RepairedFile_LibreOfficeConvertsIt()
    {
        using var dir = new TempDir();
        var input = Broken.Save(dir.File("giay-moi.docx"));
        var result = Nd30Fixer.Fix(input, dir.File("giay-moi.nd30.docx"));

        var pdf = ExternalTools.ConvertWithLibreOffice(result.OutputPath, dir.File("pdf"));

        Assert.True(new FileInfo(pdf).Length > 1000);
        var (code, stdout, _) = ExternalTools.Run(ExternalTools.Require("pdftotext", "poppler-utils"), [pdf, "-"]);
        Assert.Equal(0, code);
        Assert.Contains("Người lao động phải được trả lương đúng hạn.", stdout);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", stdout);
    }
}
