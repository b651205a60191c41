using System.Globalization;
using System.Reflection;

namespace Dialogue.Office.Automation.Diagnostics;

/// <summary>
/// Marks a static class that holds the Vietnamese text of some problem codes in a static
/// <c>IReadOnlyDictionary&lt;string, string&gt; Vietnamese</c> field. Each capability keeps its own catalog
/// beside its code; this attribute lets <see cref="ProblemMessages"/> find them all.
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

    private static IReadOnlyDictionary<string, string> Load()
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in typeof(ProblemMessages).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<ProblemCatalogAttribute>() is null)
            {
                continue;
            }

            var field = type.GetField("Vietnamese", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
            if (field?.GetValue(null) is IReadOnlyDictionary<string, string> entries)
            {
                foreach (var (code, text) in entries)
                {
                    all[code] = text;
                }
            }
        }

        return all;
    }
}
