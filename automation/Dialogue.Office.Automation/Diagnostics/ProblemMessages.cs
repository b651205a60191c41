using System.Globalization;

namespace Dialogue.Office.Automation.Diagnostics;

/// <summary>
/// Marks a static class that holds the Vietnamese text of some problem codes in a static
/// <c>IReadOnlyDictionary&lt;string, string&gt; Vietnamese</c> field. Each capability keeps its own catalog
/// beside its code; <see cref="ProblemMessages"/> lists them all, and a test checks that every type with this attribute is listed.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ProblemCatalogAttribute : Attribute;

/// <summary>Maps stable problem codes to messages for users. Templates use {0}, {1}… for <see cref="Problem.Args"/>.</summary>
public static class ProblemMessages
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Catalog = new(Load);

    /// <summary>Every code with a Vietnamese message (for tests and documentation).</summary>
    public static IReadOnlyDictionary<string, string> All => Catalog.Value;

    public static string Vietnamese(Problem problem)
    {
        if (!Catalog.Value.TryGetValue(problem.Code, out var template))
        {
            return $"Lỗi {problem.Code}.";
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, template, problem.Args.Cast<object>().ToArray());
        }
        catch (FormatException)
        {
            return template;
        }
    }

    /// <summary>
    /// Every catalog, listed by hand: scanning the assembly's types for <see cref="ProblemCatalogAttribute"/> cost start-up
    /// time on every run and is not trim/AOT-safe (issue 17). A test checks this list against the attribute, so a new
    /// catalog cannot be forgotten.
    /// </summary>
    internal static IEnumerable<IReadOnlyDictionary<string, string>> Catalogs =>
    [
        Attendance.AttendanceMessages.Vietnamese,
        Audiences.AudienceMessages.Vietnamese,
        Budget.BudgetMessages.Vietnamese,
        Compliance.Nd30Messages.Vietnamese,
        Conclusions.ConclusionsMessages.Vietnamese,
        Inputs.InputMessages.Vietnamese,
        Letters.BridgePointLetters.Messages.Vietnamese,
        Minutes.MinutesMessages.Vietnamese,
        Outputs.OutputMessages.Vietnamese,
        Plans.PlanMessages.Vietnamese,
        Programme.ProgrammeMessages.Vietnamese,
        Questions.QuestionMessages.Vietnamese,
        Script.ScriptMessages.Vietnamese,
        Seating.NameCards.Messages.Vietnamese,
        Seating.SeatingMessages.Vietnamese,
        Sharing.SharingMessages.Vietnamese,
        Templating.TemplateMessages.Vietnamese,
    ];

    private static IReadOnlyDictionary<string, string> Load()
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entries in Catalogs)
        {
            foreach (var (code, text) in entries)
            {
                all[code] = text;
            }
        }

        return all;
    }
}
