using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Plans;

/// <summary>What <see cref="PlanScaffold.Create"/> did: the files written, files left as they were, and problems.</summary>
public sealed record ScaffoldResult(IReadOnlyList<string> Written, IReadOnlyList<string> Kept, IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}

/// <summary>
/// Starts the plan folder of a new conference: a commented <c>plan.yaml</c> (every key explained in Vietnamese, the
/// values a secretariat must supply left empty so that <c>dialogue validate</c> lists them with their lines) and a
/// blank delegate workbook with its headers and drop-downs. Never overwrites an existing plan.
/// </summary>
public static class PlanScaffold
{
    private const string ResourceName = "Dialogue.Office.Automation.Plans.Scaffold.plan.yaml";

    /// <summary>The scaffold plan text (templates/new/plan.yaml, embedded so the tool works from any folder).</summary>
    public static string PlanText { get; } = ReadResource();

    public static ScaffoldResult Create(string folder)
    {
        var problems = new ProblemList();
        var planPath = Path.Combine(folder, PlanLoader.PlanFileName);
        if (File.Exists(planPath))
        {
            problems.Error("PLAN_SCAFFOLD_EXISTS", planPath, $"'{planPath}' exists; the scaffold never overwrites a plan.", planPath);
            return new ScaffoldResult([], [], problems.Items);
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(planPath, PlanText, new System.Text.UTF8Encoding(false));
        var written = new List<string> { planPath };
        var kept = new List<string>();

        // The venue drop-down takes its ids from the plan just written, so the two always agree.
        var plan = PlanLoader.Load(folder).Plan;
        var delegatePath = Path.Combine(folder, plan?.DelegateFile is { Length: > 0 } file ? file : "dai-bieu.xlsx");
        if (File.Exists(delegatePath))
        {
            kept.Add(delegatePath);
        }
        else
        {
            DelegateWorkbook.Write(delegatePath, plan?.Venues.Select(v => v.Id).ToList() ?? []);
            written.Add(delegatePath);
        }

        return new ScaffoldResult(written, kept, problems.Items);
    }

    private static string ReadResource()
    {
        using var stream = typeof(PlanScaffold).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
