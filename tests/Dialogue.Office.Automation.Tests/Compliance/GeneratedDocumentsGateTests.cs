using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Compliance;

/// <summary>
/// The project's quality gate (issue 7): every Word document the main job generates for the sample conference —
/// invitations, the print file, and every later document — passes the ND30 checker with no error.
/// </summary>
public sealed class GeneratedDocumentsGateTests
{
    [Fact]
    public void EveryGeneratedDocument_PassesTheNd30Checker()
    {
        using var tmp = new TempDir("dialogue-gate-");
        var plan = PlanLoader.Load(RepoPaths.SamplePlan).Require();
        var result = ConferencePacket.Build(new PacketRequest(plan, tmp.Path));
        Assert.False(result.HasErrors, string.Join("\n", result.Problems));

        var documents = Directory.GetFiles(tmp.Path, "*.docx", SearchOption.AllDirectories);
        Assert.True(documents.Length > plan.Delegates.Count / 2, "the packet holds the invitations");
        // Every document type once, plus a spread of invitations (all of them would take minutes).
        var picks = documents.Where(d => !d.Contains($"{Path.DirectorySeparatorChar}giay-moi{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(documents.Where(d => d.Contains($"{Path.DirectorySeparatorChar}giay-moi{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Order().Where((_, i) => i % 25 == 0))
            // The name cards are not an administrative document (A4 landscape, 10 mm margins to fold and cut): NameCardsTests.
            .Where(p => Path.GetFileName(p) != Automation.Seating.NameCards.FileName)
            .ToList();
        Assert.Contains(picks, p => Path.GetFileName(p) == "bao-cao-tong-hop-cau-hoi.docx");
        Assert.Contains(picks, p => p.Contains($"{Path.DirectorySeparatorChar}{Automation.Letters.BridgePointLetters.Folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Contains(picks, p => Path.GetFileName(p) == "tai-lieu-tra-loi.docx");
        var failures = picks
            .Select(path => (path, report: Nd30Checker.Check(path)))
            .Where(x => x.report.Errors.Any())
            .Select(x => $"{Path.GetFileName(x.path)}: {string.Join("; ", x.report.Errors.Select(f => f.Code + " " + f.Location))}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Templates_PassTheNd30Checker()
    {
        foreach (var template in Directory.GetFiles(RepoPaths.Templates, "*.docx"))
        {
            var report = Nd30Checker.Check(template);
            Assert.True(!report.Errors.Any(), $"{Path.GetFileName(template)}: {string.Join("; ", report.Errors.Select(f => f.Code))}");
        }
    }
}
