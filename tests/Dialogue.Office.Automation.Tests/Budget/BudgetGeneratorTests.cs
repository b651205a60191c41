using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Dialogue.Office.Automation.Budget;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Budget;

public sealed class BudgetGeneratorTests
{
    private static ConferencePlan Plan => TestPlans.Sample;

    private static string SampleSettings => Path.Combine(RepoPaths.SamplePlan, BudgetSettingsReader.FileName);

    [Fact]
    public void Generate_Sample_QuantitiesFromThePlanAndTotalsByArithmetic()
    {
        using var dir = new TempDir("after-budget-");
        var result = BudgetGenerator.Generate(new BudgetRequest(Plan, SampleSettings, dir.Path));

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        // The one unconfirmed figure (giải khát) is flagged, not hidden.
        Assert.Equal("BUDGET_RATE_UNCONFIRMED", Assert.Single(result.Problems).Code);
        var atMain = Plan.Delegates.Count(d => d.VenueId == Plan.MainHall.Id);
        var halfDays = (int)Math.Ceiling(Plan.Programme.Sum(p => p.Minutes) / 240.0);
        Assert.Equal(Plan.Delegates.Count, result.Lines.Single(l => l.RateKey == "in_giay_moi").Quantity);
        Assert.Equal(atMain * halfDays, result.Lines.Single(l => l.RateKey == "giai_khat").Quantity);
        Assert.Equal((1 + Plan.BridgePoints.Count) * halfDays, result.Lines.Single(l => l.RateKey == "thiet_bi").Quantity);
        Assert.Equal(3, result.Lines.Single(l => l.RateKey == "van_nghe").Quantity); // "Văn nghệ chào mừng (3 tiết mục)"
        Assert.Equal(12 * 150_000, result.Lines.Single(l => l.RateKey == "tien_an").Amount);
        Assert.Equal(result.Lines.Sum(l => l.Quantity * l.UnitPrice), result.Total);

        using var doc = SpreadsheetDocument.Open(result.WorkbookPath!, false);
        var part = doc.WorkbookPart!.WorksheetParts.First(p => doc.WorkbookPart.GetIdOfPart(p) == doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value);
        var formulas = part.Worksheet.Descendants<CellFormula>().Select(f => f.Text).ToList();
        Assert.Equal(result.Lines.Count + 1, formulas.Count);
        Assert.Contains($"D{BudgetWorkbook.FirstItemRow}*E{BudgetWorkbook.FirstItemRow}", formulas);
        Assert.Contains($"SUM(F{BudgetWorkbook.FirstItemRow}:F{BudgetWorkbook.FirstItemRow + result.Lines.Count - 1})", formulas);
        Assert.Contains(doc.WorkbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>(), s => s.InnerText == $"Bằng chữ: {AmountInWords.Dong(result.Total)}.");
    }

    [Fact]
    public void Generate_Sample_SubmissionNd30CleanValidAndBothConvertWithLibreOffice()
    {
        using var dir = new TempDir("after-budget-");
        var result = BudgetGenerator.Generate(new BudgetRequest(Plan, SampleSettings, dir.Path));

        var text = DocxText.Paragraphs(result.SubmissionPath!);
        Assert.Contains("TỜ TRÌNH", text);
        Assert.Contains("Kính gửi: Sở Tài chính tỉnh Yên Bái.", text);
        Assert.Contains($"Tổng kinh phí đề nghị: {BudgetEstimate.Money(result.Total)} đồng.", text);
        Assert.Contains($"(Bằng chữ: {AmountInWords.Dong(result.Total)}.)", text);
        Assert.Contains(text, t => t.StartsWith("Căn cứ Thông tư số 40/2017/TT-BTC", StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.StartsWith("Căn cứ báo giá", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(DocxText.ValidationErrors(result.SubmissionPath!));
        var report = Nd30Checker.Check(result.SubmissionPath!);
        Assert.True(!report.Errors.Any(), string.Join("; ", report.Errors.Select(f => f.Code + " " + f.Location)));
        Assert.True(new FileInfo(ExternalTools.ConvertWithLibreOffice(result.SubmissionPath!, Path.Combine(dir.Path, "pdf"))).Length > 10_000);
        Assert.True(new FileInfo(ExternalTools.ConvertWithLibreOffice(result.WorkbookPath!, Path.Combine(dir.Path, "pdf"))).Length > 5_000);
    }

    [Fact]
    public void Generate_MealRateAboveTheNationalCeiling_RefusedWithTheArticleAndNoFiles()
    {
        using var dir = new TempDir("after-budget-");
        var settings = Path.Combine(dir.Path, "du-toan.yaml");
        File.WriteAllText(settings, File.ReadAllText(SampleSettings).Replace("tien_an:     { amount: 150000", "tien_an:     { amount: 180000", StringComparison.Ordinal));

        var result = BudgetGenerator.Generate(new BudgetRequest(Plan, settings, Path.Combine(dir.Path, "out")));

        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("BUDGET_RATE_ABOVE_CEILING", error.Code);
        Assert.StartsWith("du-toan.yaml:", error.Location, StringComparison.Ordinal);
        var message = ProblemMessages.Vietnamese(error);
        Assert.Contains("180.000", message, StringComparison.Ordinal);
        Assert.Contains("150.000", message, StringComparison.Ordinal);
        Assert.Contains("Điều 12 khoản 4 điểm b", message, StringComparison.Ordinal);
        Assert.Null(result.WorkbookPath);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void Read_BrokenYaml_VietnameseSyntaxErrorWithLine()
    {
        using var dir = new TempDir("after-budget-");
        var settings = Path.Combine(dir.Path, "du-toan.yaml");
        File.WriteAllText(settings, "rates:\n  tien_an: { amount: 150000\n");
        var problems = new ProblemList();

        Assert.Null(BudgetSettingsReader.Read(settings, problems));

        var error = Assert.Single(problems.Items);
        Assert.Equal("BUDGET_YAML_SYNTAX", error.Code);
        Assert.Matches(@"^du-toan\.yaml:\d+$", error.Location);
        Assert.NotEmpty(ProblemMessages.Vietnamese(error));
    }
}
