using System.Text;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Plans;

/// <summary>
/// A plan folder in a temp directory, started from the sample plan.yaml and a small valid delegate list, so a test
/// can break exactly one thing and know the line it broke.
/// </summary>
internal sealed class PlanFolderBuilder : IDisposable
{
    private readonly TempDir _dir = new("dialogue-plan-");
    private string _yaml;

    public PlanFolderBuilder()
    {
        _yaml = System.IO.File.ReadAllText(Path.Combine(RepoPaths.SamplePlan, PlanLoader.PlanFileName));
        Delegates(ValidRow("Nguyễn Văn An", "Giám đốc Sở Nội vụ", "Sở Nội vụ"), ValidRow("", "", "Sở Tài chính"));
    }

    public string Folder => _dir.Path;

    public static IReadOnlyList<string> VenueIds => SampleData.YenBai2023Delegates.VenueIds;

    /// <summary>Replaces the one occurrence of <paramref name="text"/> in plan.yaml; returns its 1-based line.</summary>
    public int Replace(string text, string replacement)
    {
        var at = _yaml.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not in the sample plan.yaml");
        Assert.True(_yaml.IndexOf(text, at + 1, StringComparison.Ordinal) < 0, $"'{text}' occurs more than once in plan.yaml");
        _yaml = string.Concat(_yaml.AsSpan(0, at), replacement, _yaml.AsSpan(at + text.Length));
        return LineAt(at);
    }

    /// <summary>Inserts <paramref name="line"/> after the line holding <paramref name="anchor"/>; returns the new line's number.</summary>
    public int InsertAfter(string anchor, string line)
    {
        var at = _yaml.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{anchor}' is not in the sample plan.yaml");
        var end = _yaml.IndexOf('\n', at);
        _yaml = _yaml.Insert(end + 1, line + "\n");
        return LineAt(end + 1);
    }

    /// <summary>The 1-based line of <paramref name="text"/> in the current plan.yaml.</summary>
    public int LineOf(string text)
    {
        var at = _yaml.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not in plan.yaml");
        return LineAt(at);
    }

    public static Dictionary<string, string> ValidRow(string name, string position, string org, string venue = "tinh") => new()
    {
        ["name"] = name,
        ["position"] = position,
        ["org"] = org,
        ["venue"] = venue,
    };

    /// <summary>Writes dai-bieu.xlsx with these rows (row 1 = header, so the first row given is sheet row 2).</summary>
    public void Delegates(params IReadOnlyDictionary<string, string>[] rows) =>
        DelegateWorkbook.Write(File("dai-bieu.xlsx"), VenueIds, rows);

    public string File(string name) => _dir.File(name);

    public void WriteFile(string name, string text) => System.IO.File.WriteAllText(File(name), text, new UTF8Encoding(false));

    public PlanLoadResult Load()
    {
        WriteFile(PlanLoader.PlanFileName, _yaml);
        return PlanLoader.Load(Folder);
    }

    public void Dispose() => _dir.Dispose();

    private int LineAt(int index) => _yaml.AsSpan(0, index).Count('\n') + 1;
}
