using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Tests.Compliance;

public sealed class Nd30CheckerTests
{
    private static Nd30Report CheckSample(Nd30Sample sample)
    {
        using var dir = new TempDir();
        return Nd30Checker.Check(sample.Save(dir.File("van-ban.docx")));
    }

    [Fact]
    public void Check_CleanInvitation_HasNoFindingAtAll()
    {
        using var dir = new TempDir();
        var path = new Nd30Sample().Save(dir.File("giay-moi.docx"));

        var report = Nd30Checker.Check(path);

        Assert.True(report.Findings.Count == 0, report.ToString());
        Assert.True(report.Passed);
        using var document = WordprocessingDocument.Open(path, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData(RuleKind.Underline, RuleKind.Underline)]
    [InlineData(RuleKind.BottomBorder, RuleKind.BottomBorder)]
    [InlineData(RuleKind.BorderParagraph, RuleKind.Shape)]
    [InlineData(RuleKind.Shape, RuleKind.BorderParagraph)]
    public void Check_RulesDrawnAnyOfTheFourWays_AreAccepted(RuleKind issuerRule, RuleKind mottoRule)
    {
        var report = CheckSample(new Nd30Sample { IssuerRule = issuerRule, MottoRule = mottoRule });

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    [Fact]
    public void Check_HeaderWithoutTable_IsRecognisedByContentAndPasses()
    {
        var report = CheckSample(new Nd30Sample { HeaderTable = false, MottoRule = RuleKind.Underline, IssuerRule = RuleKind.BottomBorder });

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    [Fact]
    public void Check_HeaderWithoutTable_StillFlagsBadElements()
    {
        var report = CheckSample(new Nd30Sample { HeaderTable = false, Motto = "Độc lập-Tự do-Hạnh phúc", DateLine = "Yên Bái, ngày 5 tháng 4 năm 2023" });

        Assert.True(report.Has("ND30_MOTTO_HYPHEN"), report.ToString());
        Assert.True(report.Has("ND30_DATE_LEADING_ZERO"), report.ToString());
    }

    [Fact]
    public void Check_ProgrammeTableInBody_TableCellsAreNotBodyParagraphs()
    {
        // Cells at 12 pt with no first-line indent: a table, not body text.
        var report = CheckSample(new Nd30Sample { Title = "CHƯƠNG TRÌNH", Number = "Số: 12/CTr-SNV", ProgrammeTable = true });

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    public static TheoryData<string, Func<Nd30Sample, Nd30Sample>> BadVariants() => new()
    {
        { "ND30_MARGIN_LEFT", s => s with { MarginLeft = 1134 } },
        { "ND30_MARGIN_RIGHT", s => s with { MarginRight = 1417 } },
        { "ND30_MARGIN_TOP", s => s with { MarginTop = 1701 } },
        { "ND30_MARGIN_BOTTOM", s => s with { MarginBottom = 567 } },
        { "ND30_PAGE_SIZE", s => s with { PageWidth = 12240, PageHeight = 15840 } },
        { "ND30_PAGE_ORIENTATION", s => s with { PageWidth = 16838, PageHeight = 11906, Landscape = true } },
        { "ND30_FONT", s => s with { Font = "Arial" } },
        { "ND30_LEGACY_FONT", s => s with { LegacyParagraph = (".VnTime", "Ng\u00AD\u00EAi lao \u00AE\u00E9ng ph\u00B6i \u00AE\u00AD\u00EEc tr\u00B6 l\u00AD\u00ACng \u00AE\u00F3ng h\u00B9n.") } },
        { "ND30_LEGACY_TEXT", s => s with { LegacyParagraph = ("Times New Roman", "Ng\u00AD\u00EAi lao \u00AE\u00E9ng ph\u00B6i \u00AE\u00AD\u00EEc tr\u00B6 l\u00AD\u00ACng \u00AE\u00F3ng h\u00B9n.") } },
        { "ND30_NATIONAL_TITLE_BOLD", s => s with { NationalTitleBold = false } },
        { "ND30_NATIONAL_TITLE_SIZE", s => s with { NationalTitleSize = 28 } },
        { "ND30_NATIONAL_TITLE_CASE", s => s with { NationalTitle = "Cộng hòa xã hội chủ nghĩa Việt Nam" } },
        { "ND30_MOTTO_RULE", s => s with { MottoRule = RuleKind.None } },
        { "ND30_MOTTO_HYPHEN", s => s with { Motto = "Độc lập-Tự do-Hạnh phúc" } },
        { "ND30_MOTTO_CASE", s => s with { Motto = "ĐỘC LẬP - TỰ DO - HẠNH PHÚC" } },
        { "ND30_ISSUER_RULE", s => s with { IssuerRule = RuleKind.None } },
        { "ND30_ISSUER_SIZE", s => s with { IssuerSize = 28 } },
        { "ND30_PARENT_BOLD", s => s with { ParentBold = true, Issuer = "SỞ NỘI VỤ" } },
        { "ND30_NUMBER_LEADING_ZERO", s => s with { Number = "Số: 5/GM-SNV" } },
        { "ND30_NUMBER_TYPE", s => s with { Number = "Số: 125/GMX-SNV" } },
        { "ND30_NUMBER_FORMAT", s => s with { Number = "Số 125 / GM - SNV" } },
        { "ND30_DATE_LEADING_ZERO", s => s with { DateLine = "Yên Bái, ngày 15 tháng 2 năm 2023" } },
        { "ND30_DATE_INVALID", s => s with { DateLine = "Yên Bái, ngày 31 tháng 02 năm 2023" } },
        { "ND30_DATE_ITALIC", s => s with { DateItalic = false } },
        { "ND30_SIGN_POSITION_CASE", s => s with { Signature = ["KT. GIÁM ĐỐC", "Phó Giám đốc"] } },
        { "ND30_SIGN_POSITION_BOLD", s => s with { SignatureBold = false } },
        { "ND30_SIGN_AUTHORITY", s => s with { Signature = ["K/T GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] } },
        { "ND30_SIGN_ACADEMIC_TITLE", s => s with { SignerName = "TS. Nguyễn Văn An" } },
        { "ND30_RECIPIENTS_LABEL", s => s with { RecipientsLabelSize = 28 } },
        { "ND30_RECIPIENTS_LIST_SIZE", s => s with { RecipientsSize = 26 } },
        { "ND30_RECIPIENTS_ARCHIVE", s => s with { RecipientItems = ["- Như trên;", "- Lưu hồ sơ."] } },
        { "ND30_BODY_SIZE", s => s with { BodySize = 24 } },
        { "ND30_BODY_INDENT", s => s with { BodyFirstLine = 0 } },
        { "ND30_BODY_SPACING", s => s with { BodyAfter = 0 } },
        { "ND30_BODY_LINE_SPACING", s => s with { BodyLine = 480 } },
    };

    [Theory]
    [MemberData(nameof(BadVariants))]
    public void Check_DocumentBreakingOneRule_IsFlaggedWithThatCodeOnly(string code, Func<Nd30Sample, Nd30Sample> breakIt)
    {
        var report = CheckSample(breakIt(new Nd30Sample()));

        var finding = Assert.Single(report.Findings, f => f.Code == code);
        Assert.True(report.Findings.All(f => f.Code == code), report.ToString());
        Assert.Equal(Nd30Rules.Get(code).Severity, finding.Severity);
        // The message cites the decree and says what was found and what the rule wants.
        Assert.Contains("NĐ 30/2020/NĐ-CP, Phụ lục I", finding.Message);
        Assert.Contains(finding.Found, finding.Message);
        Assert.Contains(finding.Expected, finding.Message);
        Assert.StartsWith("van-ban.docx › ", finding.Location);
    }

    [Fact]
    public void Check_FindingLocation_NamesTheCellAndQuotesTheText()
    {
        var report = CheckSample(new Nd30Sample { Motto = "Độc lập-Tự do-Hạnh phúc" });

        var finding = Assert.Single(report.Findings);
        Assert.Equal("van-ban.docx › bảng 1 › hàng 1, cột 2 › «Độc lập-Tự do-Hạnh phúc»", finding.Location);
        Assert.Equal(Nd30Rules.Cell1, finding.Element);
        Assert.Equal(
            "Gạch nối trong Tiêu ngữ (có cách chữ hai bên): hiện là «Độc lập-Tự do-Hạnh phúc»; quy định: «Độc lập - Tự do - Hạnh phúc» (gạch nối có cách chữ hai bên) (NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II, khoản 1, điểm b).",
            finding.Message);
    }

    [Fact]
    public void Check_BodyRuleOnEveryParagraph_IsReportedOnceWithACount()
    {
        var report = CheckSample(new Nd30Sample { BodySize = 24, BodyParagraphs = 6 });

        var finding = Assert.Single(report.Findings);
        Assert.Equal("ND30_BODY_SIZE", finding.Code);
        Assert.EndsWith("(và 5 chỗ khác)", finding.Location);
        Assert.Equal("12 pt", finding.Found);
    }

    [Fact]
    public void Check_DateWithMonthTwoWithoutZero_IsAnError_AndMonthSixWithZeroToo()
    {
        Assert.Equal("«ngày 15 tháng 02 năm 2023»", Assert.Single(CheckSample(new Nd30Sample { DateLine = "Hà Nội, ngày 15 tháng 2 năm 2023" }).Findings).Expected);
        Assert.Equal("«ngày 15 tháng 6 năm 2023»", Assert.Single(CheckSample(new Nd30Sample { DateLine = "Hà Nội, ngày 15 tháng 06 năm 2023" }).Findings).Expected);
        Assert.Empty(CheckSample(new Nd30Sample { DateLine = "Thành phố Hồ Chí Minh, ngày 29 tháng 02 năm 2024" }).Findings);
        Assert.Empty(CheckSample(new Nd30Sample { DateLine = "Yên Bái, ngày … tháng … năm 2023" }).Findings);
    }

    [Fact]
    public void Check_NumberTypeOfAnotherDocumentType_IsOnlyAWarning()
    {
        var report = CheckSample(new Nd30Sample { Number = "Số: 125/KH-SNV" });

        var finding = Assert.Single(report.Findings);
        Assert.Equal("ND30_NUMBER_TYPE_MISMATCH", finding.Code);
        Assert.Equal(ProblemSeverity.Warning, finding.Severity);
        Assert.True(report.Passed);
    }

    [Theory]
    [InlineData("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")]
    [InlineData("Q. GIÁM ĐỐC", "")]
    [InlineData("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG")]
    [InlineData("TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ")]
    [InlineData("GIÁM ĐỐC", "")]
    public void Check_EveryAuthorityForm_IsAccepted(string authority, string position)
    {
        string[] lines = position.Length == 0 ? [authority] : [authority, position];
        var report = CheckSample(new Nd30Sample { Signature = lines });

        Assert.True(report.Findings.Count == 0, report.ToString());
    }

    [Fact]
    public void Check_PageNumberCentredWithFirstPageSuppressed_IsAccepted()
    {
        Assert.Empty(CheckSample(new Nd30Sample { PageNumberAlign = JustificationValues.Center }).Findings);
    }

    [Fact]
    public void Check_PageNumberRules_AreEachFlagged()
    {
        Assert.Equal("ND30_PAGE_NUMBER_ALIGN", Assert.Single(CheckSample(new Nd30Sample { PageNumberAlign = JustificationValues.Right }).Findings).Code);
        Assert.Equal("ND30_PAGE_NUMBER_FIRST_PAGE", Assert.Single(CheckSample(new Nd30Sample { PageNumberAlign = JustificationValues.Center, TitlePage = false }).Findings).Code);
        Assert.Equal("ND30_PAGE_NUMBER_POSITION", Assert.Single(CheckSample(new Nd30Sample { PageNumberAlign = JustificationValues.Center, PageNumberInFooter = true }).Findings).Code);
    }

    [Fact]
    public void Check_LongDocumentWithoutPageNumbers_IsWarned_ShortOneIsNot()
    {
        var longReport = CheckSample(new Nd30Sample { BodyParagraphs = 60 });
        var finding = Assert.Single(longReport.Findings);
        Assert.Equal("ND30_PAGE_NUMBER_MISSING", finding.Code);
        Assert.False(finding.IsError);
        Assert.Empty(CheckSample(new Nd30Sample { BodyParagraphs = 10 }).Findings);
    }

    [Fact]
    public void Check_ThemeFontsThroughDocDefaults_AreResolved()
    {
        using var dir = new TempDir();
        var path = new Nd30Sample().Save(dir.File("theme.docx"));
        using (var document = WordprocessingDocument.Open(path, true))
        {
            var main = document.MainDocumentPart!;
            var theme = main.AddNewPart<ThemePart>();
            using (var writer = new StreamWriter(theme.GetStream(FileMode.Create)))
            {
                writer.Write("""
                    <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="T"><a:themeElements>
                    <a:clrScheme name="C"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4><a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme>
                    <a:fontScheme name="F"><a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>
                    <a:fmtScheme name="S"><a:fillStyleLst><a:noFill/><a:noFill/><a:noFill/></a:fillStyleLst><a:lnStyleLst><a:ln/><a:ln/><a:ln/></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:noFill/><a:noFill/><a:noFill/></a:bgFillStyleLst></a:fmtScheme>
                    </a:themeElements></a:theme>
                    """);
            }

            var fonts = main.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
            fonts.AsciiTheme = ThemeFontValues.MinorHighAnsi;
            fonts.HighAnsiTheme = ThemeFontValues.MinorHighAnsi;
            main.StyleDefinitionsPart.Styles.Save();
        }

        var report = Nd30Checker.Check(path);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("ND30_FONT", finding.Code);
        Assert.Equal("Calibri", finding.Found);
    }

    [Fact]
    public void Check_StyleDefinedFormatting_IsResolvedThroughBasedOn()
    {
        // The body size comes from a paragraph style based on another style, not from the runs.
        using var dir = new TempDir();
        var path = new Nd30Sample().Save(dir.File("styles.docx"));
        using (var document = WordprocessingDocument.Open(path, true))
        {
            var main = document.MainDocumentPart!;
            var styles = main.StyleDefinitionsPart!.Styles!;
            styles.Append(
                new Style(new StyleName { Val = "Base" }, new StyleRunProperties(new FontSize { Val = "24" })) { Type = StyleValues.Paragraph, StyleId = "Base" },
                new Style(new StyleName { Val = "BodyText" }, new BasedOn { Val = "Base" }) { Type = StyleValues.Paragraph, StyleId = "BodyText" });
            styles.Save();
            foreach (var p in main.Document.Body!.Elements<Paragraph>().Where(p => p.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Both))
            {
                p.ParagraphProperties!.PrependChild(new ParagraphStyleId { Val = "BodyText" });
                foreach (var size in p.Descendants<FontSize>().ToList())
                {
                    size.Remove();
                }
            }

            main.Document.Save();
        }

        var finding = Assert.Single(Nd30Checker.Check(path).Findings);
        Assert.Equal("ND30_BODY_SIZE", finding.Code);
        Assert.Equal("12 pt", finding.Found);
    }

    [Fact]
    public void Check_NotADocx_ReportsUnreadable()
    {
        using var dir = new TempDir();
        var path = dir.File("rac.docx");
        File.WriteAllText(path, "not a zip");

        var finding = Assert.Single(Nd30Checker.Check(path).Findings);
        Assert.Equal("ND30_UNREADABLE", finding.Code);
        Assert.True(finding.IsError);
    }

    [Fact]
    public void Catalog_EveryRuleHasAVietnameseMessageWithACitation()
    {
        foreach (var rule in Nd30Rules.Rules)
        {
            Assert.True(ProblemMessages.All.ContainsKey(rule.Code), rule.Code);
            if (rule.Code != "ND30_UNREADABLE")
            {
                Assert.Contains("Phụ lục I, Phần I, Mục", ProblemMessages.All[rule.Code]);
            }
        }
    }
}
