using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Templating;

/// <summary>
/// Where a template named in the plan comes from: nothing named = the built-in template; a name = a file inside the
/// plan folder (its real path, links followed, checked by <see cref="ContainedPath"/>). The built-in templates and the
/// plan folder are the only two sources, so a plan folder copied anywhere keeps working.
/// </summary>
internal static class TemplateFiles
{
    public enum Source
    {
        BuiltIn,
        PlanFile,
        Refused,
    }

    public readonly record struct Resolved(Source Kind, string? Path);

    /// <summary>
    /// A built-in template's bytes as committed under templates/ (embedded): the same bytes every run, so letters made
    /// from it are byte-identical and a re-publish uploads nothing new. Building it afresh would give new part ids.
    /// </summary>
    public static byte[] BuiltIn(string fileName)
    {
        using var stream = typeof(TemplateFiles).Assembly.GetManifestResourceStream("Dialogue.Office.Automation.Templates." + fileName)
            ?? throw new InvalidOperationException($"Built-in template {fileName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Resolves <paramref name="value"/> (the plan's <paramref name="key"/>); a refusal is added to <paramref name="problems"/> at the key's plan.yaml line.</summary>
    public static Resolved FromPlan(ConferencePlan plan, string key, string value, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new Resolved(Source.BuiltIn, null);
        }

        try
        {
            return new Resolved(Source.PlanFile, ContainedPath.Resolve(plan.Folder, value));
        }
        catch (InputFileException ex)
        {
            problems.Add(ex.ToProblem(plan.LocationOf(key)));
            return new Resolved(Source.Refused, null);
        }
    }
}
