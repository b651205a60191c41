using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.SampleData;

/// <summary>
/// The committed sample delegate lists are exactly what their generators produce. To regenerate them after changing
/// a generator: <c>DIALOGUE_WRITE_SAMPLES=1 dotnet test tests/Dialogue.Office.Automation.Tests --filter SampleFilesTests</c>.
/// </summary>
public sealed class SampleFilesTests
{
    [Fact]
    public void YenBai2023DelegateList_MatchesItsGenerator() =>
        AssertMatchesGenerator(Path.Combine(RepoPaths.SamplePlan, "dai-bieu.xlsx"), YenBai2023Delegates.VenueIds, YenBai2023Delegates.Build());

    [Fact]
    public void Commune2026DelegateList_MatchesItsGenerator() =>
        AssertMatchesGenerator(Path.Combine(RepoPaths.Templates, "samples", "xa-2026", "dai-bieu.xlsx"), Commune2026Delegates.VenueIds, Commune2026Delegates.Build());

    private static void AssertMatchesGenerator(string path, IReadOnlyList<string> venueIds, IReadOnlyList<IReadOnlyDictionary<string, string>> expected)
    {
        if (Environment.GetEnvironmentVariable("DIALOGUE_WRITE_SAMPLES") == "1")
        {
            DelegateWorkbook.Write(path, venueIds, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with DIALOGUE_WRITE_SAMPLES=1 to write it.");
        var sheet = XlsxReader.Read(path).Single(s => s.Name == DelegateColumns.SheetName);
        var header = sheet.Rows[0];
        var keys = Enumerable.Range(0, header.Cells.Count).Select(i => DelegateColumns.Match(header[i])).ToList();
        var actual = sheet.Rows.Skip(1).Where(r => !r.IsEmpty).Select(r =>
            keys.Select((k, i) => (k, v: r[i])).Where(x => x.k is not null && !string.IsNullOrEmpty(x.v))
                .ToDictionary(x => x.k!, x => x.v!)).ToList();

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected[i].Where(kv => kv.Value.Length > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal);
            Assert.Equal(want, actual[i].OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
    }
}
