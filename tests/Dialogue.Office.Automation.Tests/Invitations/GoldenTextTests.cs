using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Invitations;

/// <summary>
/// Golden files (STYLE.md §8): the text a reader sees in a generated document, paragraph by paragraph, kept readable
/// beside the test as expected-*.txt. Set DIALOGUE_WRITE_GOLDEN=1 to rewrite them after an intended change, then review
/// the diff like any other change.
/// </summary>
public sealed class GoldenTextTests(SampleInvitationsFixture sample) : IClassFixture<SampleInvitationsFixture>
{
    private static readonly string GoldenFolder = Path.Combine(RepoPaths.Root, "tests", "Dialogue.Office.Automation.Tests", "Invitations", "golden");

    [Fact]
    public void FirstInvitationOfTheSample_ReadsAsTheGoldenText() =>
        AssertGolden("expected-giay-moi-001.txt", DocxInspector.Paragraphs(sample.PathOf(sample.Result.Invitations[0])));

    [Fact]
    public void BodyInvitationOfTheSample_ReadsAsTheGoldenText() =>
        AssertGolden("expected-giay-moi-co-quan.txt",
            DocxInspector.Paragraphs(sample.PathOf(sample.Result.Invitations.First(i => i.Delegate.Kind == Dialogue.Office.Automation.Plans.AddresseeKind.Body))));

    [Fact]
    public void ProgrammeOfTheSample_ReadsAsTheGoldenText()
    {
        using var tmp = new TempDir();
        var result = ProgrammeGenerator.Generate(new ProgrammeRequest(sample.Plan, tmp.Path));
        AssertGolden("expected-chuong-trinh.txt", DocxInspector.Paragraphs(result.Path!));
    }

    private static void AssertGolden(string name, IReadOnlyList<string> paragraphs)
    {
        var actual = string.Join("\n", paragraphs.Select(p => p.Replace("\n", "⏎", StringComparison.Ordinal))) + "\n";
        var path = Path.Combine(GoldenFolder, name);
        if (Environment.GetEnvironmentVariable("DIALOGUE_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing (DIALOGUE_WRITE_GOLDEN=1 writes it)");
        var expected = File.ReadAllText(path).Split('\n');
        var lines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, lines.Length); i++)
        {
            Assert.True(i < expected.Length && i < lines.Length && expected[i] == lines[i],
                $"{name} differs at line {i + 1}:\n  expected: {(i < expected.Length ? expected[i] : "(end)")}\n  actual:   {(i < lines.Length ? lines[i] : "(end)")}");
        }
    }
}
