using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Budget;

/// <summary>What to estimate: the plan, its budget file (norms, guests, Tờ trình data), and where to write.</summary>
public sealed record BudgetRequest(ConferencePlan Plan, string SettingsPath, string OutputFolder);

/// <summary>The estimate's files (none when errors stopped it), its lines and the problems found.</summary>
public sealed record BudgetResult(string? WorkbookPath, string? SubmissionPath, IReadOnlyList<BudgetLine> Lines, IReadOnlyList<Problem> Problems)
{
    public long Total => Lines.Sum(l => l.Amount);

    public bool HasErrors => Problems.Any(p => p.IsError);
}

/// <summary>Writes the Dự toán kinh phí (.xlsx) and its Tờ trình to Sở Tài chính (.docx).</summary>
public static class BudgetGenerator
{
    public const string WorkbookFileName = "du-toan-kinh-phi.xlsx";
    public const string SubmissionFileName = "to-trinh-du-toan.docx";

    public static BudgetResult Generate(BudgetRequest request)
    {
        var problems = new ProblemList();
        var settings = BudgetSettingsReader.Read(request.SettingsPath, problems);
        if (settings is null || problems.HasErrors)
        {
            return new BudgetResult(null, null, [], problems.Items);
        }

        var lines = BudgetEstimate.Compute(request.Plan, settings, problems);
        if (problems.HasErrors)
        {
            return new BudgetResult(null, null, lines, problems.Items);
        }

        Directory.CreateDirectory(request.OutputFolder);
        var workbook = Path.Combine(request.OutputFolder, WorkbookFileName);
        BudgetWorkbook.Write(workbook, request.Plan, settings, lines);
        var submission = Path.Combine(request.OutputFolder, SubmissionFileName);
        Outputs.AtomicFile.WriteAllBytes(submission, BudgetDocument.Build(request.Plan, settings, lines));
        return new BudgetResult(workbook, submission, lines, problems.Items);
    }
}
