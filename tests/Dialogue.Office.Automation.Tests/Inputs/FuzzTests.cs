using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Fuzzing;

namespace Dialogue.Office.Automation.Tests.Inputs;

/// <summary>
/// The fixed-seed fuzz run: every reader of hostile input on 500 mutated versions of the sample files and the hostile
/// files the tests make (3 000 cases in all). No case may throw what the CLI would report as exit 70, allocate more
/// than the memory budget, or fail to finish (a hang). The long run is tests/Dialogue.Office.Fuzz (README).
/// </summary>
public sealed class FuzzTests
{
    private const int Cases = 500;
    private const long AllocationBudget = 300L << 20;

    public static TheoryData<string> Targets() => [.. FuzzTargets.Names];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Reader_MutatedInputs_NeverCrashHangOrExceedTheBudget(string target)
    {
        var seeds = FuzzTargets.Seeds(target, RepoPaths.Root);
        var mutator = new Mutator(seed: 13 + Array.IndexOf(FuzzTargets.Names, target));
        var corpus = new List<byte[]>(seeds);
        using var dir = new TempDir("dialogue-fuzz-");
        var failures = new List<string>();
        for (var i = 0; i < Cases && failures.Count < 5; i++)
        {
            var input = mutator.Mutate(corpus[(i * 7) % corpus.Count]);
            if (i % 5 == 0 && corpus.Count < 64)
            {
                corpus.Add(input); // later cases mutate mutants: deeper damage
            }

            var scratch = Directory.CreateDirectory(Path.Combine(dir.Path, $"case-{i}")).FullName;
            long allocated = 0;
            Exception? crash = null;
            var run = Task.Factory.StartNew(() =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    FuzzTargets.Run(target, input, scratch, RepoPaths.SamplePlan);
                }
                catch (Exception ex)
                {
                    crash = ex;
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }, TaskCreationOptions.LongRunning);

            // A hang detector, not a timing assertion: a case finishes in well under a second on a quiet machine.
            if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2))) != run)
            {
                failures.Add($"case {i}: did not finish ({Save(dir.Path, target, i, input)})");
                break;
            }

            if (crash is not null)
            {
                failures.Add($"case {i}: {crash.GetType().Name}: {crash.Message} ({Save(dir.Path, target, i, input)})\n{crash.StackTrace}");
            }
            else if (allocated > AllocationBudget)
            {
                failures.Add($"case {i}: allocated {allocated >> 20} MB ({Save(dir.Path, target, i, input)})");
            }

            // Nothing is written outside the case's own folder's inputs: the readers write nothing at all.
            var written = Directory.EnumerateFiles(scratch, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.True(written.All(n => n is "plan.yaml" or "dai-bieu.xlsx" or "dai-bieu.csv" or "phieu.xlsx"), $"case {i} wrote {string.Join(", ", written)}");
            Directory.Delete(scratch, true);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Save(string folder, string target, int index, byte[] input)
    {
        var kept = Path.Combine(Path.GetTempPath(), $"dialogue-fuzz-failure-{target}-{index}.bin");
        File.WriteAllBytes(kept, input);
        return kept;
    }
}
