using System.Reflection;
using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Tests.Diagnostics;

/// <summary>
/// <see cref="ProblemMessages"/> lists its catalogs by hand (no type scan at start-up, issue 17): the list must hold
/// every type marked <see cref="ProblemCatalogAttribute"/>, and give the messages the scan gave.
/// </summary>
public class ProblemCatalogListTests
{
    [Fact]
    public void Catalogs_ListedByHand_AreEveryMarkedCatalogAndGiveTheSameMessages()
    {
        var marked = typeof(ProblemMessages).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<ProblemCatalogAttribute>() is not null)
            .Select(t => (Name: t.FullName!, Entries: (IReadOnlyDictionary<string, string>)t.GetField("Vietnamese", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(null)!))
            .ToList();
        var listed = ProblemMessages.Catalogs.ToList();

        foreach (var (name, entries) in marked)
        {
            Assert.True(listed.Exists(l => ReferenceEquals(l, entries)), $"{name} is marked [ProblemCatalog] but not listed in ProblemMessages.Catalogs");
        }

        Assert.Equal(marked.Count, listed.Count);
        var scanned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, entries) in marked)
        {
            foreach (var (code, text) in entries)
            {
                scanned[code] = text;
            }
        }

        Assert.Equal(scanned.OrderBy(e => e.Key, StringComparer.Ordinal), ProblemMessages.All.OrderBy(e => e.Key, StringComparer.Ordinal));
    }
}
