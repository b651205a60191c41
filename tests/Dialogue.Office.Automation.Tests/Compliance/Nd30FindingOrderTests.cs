using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Compliance;

public sealed class Nd30FindingOrderTests
{
    [Fact]
    public void Check_FindingsComeInReadingOrder_PageSetupFirst()
    {
        using var dir = new TempDir();
        var path = new Nd30Sample
        {
            MarginLeft = 1134,
            Font = "Arial",
            NationalTitle = "Cộng hòa xã hội chủ nghĩa Việt Nam",
            DateLine = "Yên Bái, ngày 5 tháng 4 năm 2023",
            SignerName = "TS. Nguyễn Văn An",
            BodyFirstLine = 0,
        }.Save(dir.File("thu.docx"));

        var report = Nd30Checker.Check(path);

        Assert.True(report.Findings.Count >= 5, report.ToString());
        Assert.Equal("ND30_MARGIN_LEFT", report.Findings[0].Code);
        Assert.Equal(0, report.Findings[0].Paragraph);
        var paragraphs = report.Findings.Select(f => f.Paragraph).ToList();
        Assert.Equal(paragraphs.Order(), paragraphs);
        Assert.True(report.Findings.Single(f => f.Code == "ND30_SIGN_ACADEMIC_TITLE").Paragraph > report.Findings.Single(f => f.Code == "ND30_NATIONAL_TITLE_CASE").Paragraph);
    }
}
