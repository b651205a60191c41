using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Dialogue.Office.Automation.Tests.Compliance;

/// <summary>One rule per element broken by editing the clean invitation after it is written.</summary>
public sealed class Nd30ElementRulesTests
{
    private static Paragraph P(MainDocumentPart main, string startsWith) =>
        main.Document.Descendants<Paragraph>().First(p => p.InnerText.StartsWith(startsWith, StringComparison.Ordinal));

    private static void Size(Paragraph p, int halfPoints)
    {
        foreach (var rPr in p.Descendants<RunProperties>())
        {
            rPr.FontSize = new FontSize { Val = halfPoints.ToString() };
        }
    }

    private static void Unbold(Paragraph p)
    {
        foreach (var bold in p.Descendants<Bold>().ToList())
        {
            bold.Remove();
        }
    }

    private static void SetText(Paragraph p, string text)
    {
        var texts = p.Descendants<WText>().ToList();
        texts[0].Text = text;
        foreach (var t in texts.Skip(1))
        {
            t.Remove();
        }
    }

    /// <summary>Removes a paragraph and the empty rule paragraph after it.</summary>
    private static void RemoveWithRule(Paragraph p)
    {
        if (p.NextSibling<Paragraph>() is { } next && next.InnerText.Length == 0)
        {
            next.Remove();
        }

        p.Remove();
    }

    public static TheoryData<string, Action<MainDocumentPart>> Edits() => new()
    {
        { "ND30_NATIONAL_TITLE_MISSING", m => P(m, "CỘNG HÒA").Remove() },
        { "ND30_MOTTO_MISSING", m => RemoveWithRule(P(m, "Độc lập")) },
        { "ND30_MOTTO_BOLD", m => Unbold(P(m, "Độc lập")) },
        { "ND30_MOTTO_SIZE", m => Size(P(m, "Độc lập"), 24) },
        { "ND30_PARENT_CASE", m => SetText(P(m, "UBND TỈNH"), "Ủy ban nhân dân tỉnh Yên Bái") },
        { "ND30_PARENT_SIZE", m => Size(P(m, "UBND TỈNH"), 28) },
        { "ND30_ISSUER_CASE", m => SetText(P(m, "SỞ NỘI VỤ"), "Sở Nội vụ") },
        { "ND30_ISSUER_BOLD", m => Unbold(P(m, "SỞ NỘI VỤ")) },
        { "ND30_ISSUER_MISSING", m => { P(m, "UBND TỈNH").Remove(); RemoveWithRule(P(m, "SỞ NỘI VỤ")); } },
        { "ND30_NUMBER_MISSING", m => P(m, "Số:").Remove() },
        { "ND30_NUMBER_SIZE", m => Size(P(m, "Số:"), 28) },
        { "ND30_DATE_MISSING", m => P(m, "Yên Bái,").Remove() },
        { "ND30_DATE_SIZE", m => Size(P(m, "Yên Bái,"), 24) },
        { "ND30_DATE_FORMAT", m => SetText(P(m, "Yên Bái,"), "Yên Bái, Ngày 05 tháng 4 năm 2023") },
        { "ND30_TITLE_CASE", m => SetText(P(m, "GIẤY MỜI"), "Giấy mời") },
        { "ND30_TITLE_BOLD", m => Unbold(P(m, "GIẤY MỜI")) },
        { "ND30_TITLE_SIZE", m => Size(P(m, "GIẤY MỜI"), 32) },
        { "ND30_TITLE_ALIGN", m => P(m, "GIẤY MỜI").ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Left } },
        { "ND30_SUMMARY_BOLD", m => Unbold(P(m, "Tham dự")) },
        { "ND30_SUMMARY_SIZE", m => Size(P(m, "Tham dự"), 24) },
        { "ND30_SUMMARY_RULE", m => P(m, "Tham dự").NextSibling<Paragraph>()!.Remove() },
        { "ND30_SIGN_SIZE", m => Size(P(m, "PHÓ GIÁM ĐỐC"), 24) },
        { "ND30_SIGN_NAME_BOLD", m => Unbold(P(m, "Nguyễn Văn An")) },
        { "ND30_SIGN_NAME_CASE", m => SetText(P(m, "Nguyễn Văn An"), "NGUYỄN VĂN AN") },
        { "ND30_LEGACY_TEXT", m => SetText(P(m, "Nội dung thứ 1"), "Co\u00E4ng ho\u00F8a xa\u00F5 ho\u00E4i chu\u00FB ngh\u00F3a Vie\u00E4t Nam, \u00F1\u00F6\u00F4\u00EFc giao nhie\u00E4m vu\u00EF.") },
        { "ND30_LEGACY_FONT", m => P(m, "Nội dung thứ 1").Descendants<RunProperties>().First().RunFonts = new RunFonts { Ascii = "VNI-Times", HighAnsi = "VNI-Times" } },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Check_ElementBrokenInOneWay_IsFlaggedWithThatCodeOnly(string code, Action<MainDocumentPart> edit)
    {
        using var dir = new TempDir();
        var path = new Nd30Sample().Save(dir.File("van-ban.docx"));
        using (var document = WordprocessingDocument.Open(path, true))
        {
            edit(document.MainDocumentPart!);
            document.MainDocumentPart!.Document.Save();
        }

        var report = Nd30Checker.Check(path);

        var finding = Assert.Single(report.Findings);
        Assert.True(finding.Code == code, report.ToString());
        Assert.Equal(Nd30Rules.Get(code).Severity, finding.Severity);
        Assert.Contains(Nd30Rules.FullCitation(finding.Rule), finding.Message);
    }

    [Fact]
    public void Check_PageNumberAt12pt_IsWarned()
    {
        using var dir = new TempDir();
        var path = new Nd30Sample { PageNumberAlign = JustificationValues.Center }.Save(dir.File("so-trang.docx"));
        using (var document = WordprocessingDocument.Open(path, true))
        {
            foreach (var size in document.MainDocumentPart!.HeaderParts.Single().Header!.Descendants<FontSize>())
            {
                size.Val = "24";
            }
        }

        var finding = Assert.Single(Nd30Checker.Check(path).Findings);
        Assert.Equal("ND30_PAGE_NUMBER_SIZE", finding.Code);
        Assert.Equal(ProblemSeverity.Warning, finding.Severity);
    }

    /// <summary>The "done when": wrong margins, font, date and signer line, each with its article; fix repairs the mechanical ones.</summary>
    [Fact]
    public void CheckAndFix_MarginsFontDateAndSignerLine_ListsEach_AndRepairsTheMechanicalOnes()
    {
        using var dir = new TempDir();
        var input = new Nd30Sample
        {
            MarginLeft = 1134,
            Font = "Arial",
            DateLine = "Yên Bái, ngày 15 tháng 2 năm 2023",
            Signature = ["KT. GIÁM ĐỐC", "Phó Giám đốc"],
        }.Save(dir.File("giay-moi.docx"));

        var report = Nd30Checker.Check(input);

        Assert.Equal(
            new[] { "ND30_DATE_LEADING_ZERO", "ND30_FONT", "ND30_MARGIN_LEFT", "ND30_SIGN_POSITION_CASE" },
            report.Findings.Select(f => f.Code).Order().ToArray());
        Assert.Contains("Mục I, khoản 3", report.Findings.Single(f => f.Code == "ND30_MARGIN_LEFT").Message);
        Assert.Contains("Mục I, khoản 4", report.Findings.Single(f => f.Code == "ND30_FONT").Message);
        Assert.Contains("Mục II, khoản 4, điểm b", report.Findings.Single(f => f.Code == "ND30_DATE_LEADING_ZERO").Message);
        Assert.Contains("Mục II, khoản 7, điểm đ", report.Findings.Single(f => f.Code == "ND30_SIGN_POSITION_CASE").Message);

        var result = Nd30Fixer.Fix(input, dir.File("giay-moi.nd30.docx"));

        Assert.Equal("ND30_SIGN_POSITION_CASE", Assert.Single(result.Remaining.Findings).Code);
    }
}
