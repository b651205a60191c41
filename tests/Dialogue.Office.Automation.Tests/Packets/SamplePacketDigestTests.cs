using System.Security.Cryptography;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dialogue.Office.Automation.Tests.Packets;

/// <summary>
/// No correctness traded for speed (issue 17): the sample's deterministic outputs — the 297 letters, the print file, the
/// consolidated questions and the MC's script — keep the exact bytes listed in <c>sample-packet.sha256</c>, and a second
/// build over the first (timings on: the instrumented path) writes the same bytes. Files made through the Open XML SDK's
/// package API (programme, seating, forms, reports) carry random relationship ids and are not listed.
/// A deliberate change of the documents: run once with DIALOGUE_APPROVE_DIGESTS=1, look at the letters, commit the list.
/// </summary>
public sealed class SamplePacketDigestTests
{
    private const string ApproveVariable = "DIALOGUE_APPROVE_DIGESTS";

    private static readonly string DigestPath = Path.Combine(RepoPaths.Root, "tests", "Dialogue.Office.Automation.Tests", "Packets", "sample-packet.sha256");

    [Fact]
    public void SampleBuild_DeterministicOutputsKeepTheirBytes_AndARebuildWithTimingsWritesTheSameBytes()
    {
        using var tmp = new TempDir();
        var first = Digests(Build(tmp.Path));
        Assert.True(first.Count >= 300, $"only {first.Count} deterministic files");

        // The same build again into the same folder, with the phase timings on (they must only read the clock).
        var sink = TextWriter.Synchronized(new StringWriter());
        PhaseTimings.Enable(sink);
        Dictionary<string, string> second;
        try
        {
            second = Digests(Build(tmp.Path));
        }
        finally
        {
            PhaseTimings.Enable(null);
        }

        Assert.Equal(first, second);

        var actual = string.Join('\n', first.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Value}  {f.Key}")) + "\n";
        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(DigestPath, actual);
        }

        Assert.True(File.Exists(DigestPath), $"No digest list at {DigestPath}: run once with {ApproveVariable}=1.");
        var expected = File.ReadAllText(DigestPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        var changed = expected.Split('\n').Except(actual.Split('\n')).Take(5).ToList();
        Assert.True(expected == actual,
            $"The sample's documents changed bytes. If that is intended, run once with {ApproveVariable}=1 and commit {DigestPath}. First lines that differ:\n"
            + string.Join('\n', changed));
    }

    private static string Build(string outDir)
    {
        var plan = PlanLoader.Load(RepoPaths.SamplePlan).Require();
        var result = ConferencePacket.Build(new PacketRequest(plan, outDir)
        {
            Time = new FakeTimeProvider(new DateTimeOffset(2023, 4, 20, 9, 0, 0, TimeSpan.FromHours(7))),
        });
        Assert.False(result.HasErrors, string.Join('\n', result.Problems.Select(p => p.Code)));
        return outDir;
    }

    /// <summary>The files whose bytes do not depend on the run: letters, print file, consolidation, script.</summary>
    private static Dictionary<string, string> Digests(string outDir)
    {
        // Wherever the plan's audiences put them (issue 19): the letters' folder and the three single files.
        string One(string name) => Assert.Single(Directory.GetFiles(outDir, name, SearchOption.AllDirectories));
        var letters = Assert.Single(Directory.GetDirectories(outDir, "giay-moi", SearchOption.AllDirectories));
        var files = Directory.GetFiles(letters, "*.docx")
            .Concat(new[] { "giay-moi-in-gop.docx", "tong-hop-cau-hoi.xlsx", "kich-ban-chi-tiet.docx" }.Select(One));
        return files.ToDictionary(
            f => Path.GetRelativePath(outDir, f).Replace('\\', '/'),
            f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);
    }
}
