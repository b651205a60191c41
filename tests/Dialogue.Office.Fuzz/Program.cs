using System.Diagnostics;
using Dialogue.Office.Fuzzing;

// dotnet run -c Release --project tests/Dialogue.Office.Fuzz -- managed <target|all> <seconds> [seed]
// afl-fuzz … -- dotnet Dialogue.Office.Fuzz.dll afl <target>          (see afl.sh beside this file)
// dotnet Dialogue.Office.Fuzz.dll seeds <target> <folder>              (writes the seeds for afl-fuzz -i)
var root = FindRoot();
var sample = Path.Combine(root, "templates", "samples", "yen-bai-2023");
switch (args)
{
    case ["seeds", var target, var folder]:
        Directory.CreateDirectory(folder);
        var seeds = FuzzTargets.Seeds(target, root);
        for (var i = 0; i < seeds.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"seed-{i}"), seeds[i]);
        }

        return 0;
    case ["afl", var target]:
        var scratch = Directory.CreateTempSubdirectory("dialogue-afl-").FullName;
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            FuzzTargets.Run(target, buffer.ToArray(), scratch, sample);
        });
        return 0;
    case ["managed", var which, var seconds, ..]:
        return Managed(which == "all" ? FuzzTargets.Names : [which], TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
            args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : Environment.TickCount);
    default:
        Console.Error.WriteLine("usage: managed <target|all> <seconds> [seed] | afl <target> | seeds <target> <folder>; targets: " + string.Join(", ", FuzzTargets.Names));
        return 2;
}

int Managed(string[] targets, TimeSpan duration, int seed)
{
    var failures = 0;
    long cases = 0;
    long peakAllocated = 0;
    var slowest = TimeSpan.Zero;
    var findings = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dialogue-fuzz-findings")).FullName;
    var scratchRoot = Directory.CreateTempSubdirectory("dialogue-fuzz-").FullName;
    var clock = Stopwatch.StartNew();
    var perTarget = duration / targets.Length;
    foreach (var target in targets)
    {
        var mutator = new Mutator(seed);
        var corpus = new List<byte[]>(FuzzTargets.Seeds(target, root));
        var start = clock.Elapsed;
        var i = 0;
        while (clock.Elapsed - start < perTarget)
        {
            var input = mutator.Mutate(corpus[Random.Shared.Next(corpus.Count)]);
            if (corpus.Count < 256 && i % 4 == 0)
            {
                corpus.Add(input);
            }

            var scratch = Directory.CreateDirectory(Path.Combine(scratchRoot, $"{target}-{i}")).FullName;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = clock.Elapsed;
            try
            {
                FuzzTargets.Run(target, input, scratch, sample);
            }
            catch (Exception ex)
            {
                failures++;
                var kept = Path.Combine(findings, $"{target}-{seed}-{i}.bin");
                File.WriteAllBytes(kept, input);
                Console.WriteLine($"CRASH {target} case {i}: {ex.GetType().Name}: {ex.Message} -> {kept}");
            }

            peakAllocated = Math.Max(peakAllocated, GC.GetAllocatedBytesForCurrentThread() - before);
            slowest = clock.Elapsed - started > slowest ? clock.Elapsed - started : slowest;
            Directory.Delete(scratch, true);
            i++;
            cases++;
        }

        Console.WriteLine($"{target}: {i} cases");
    }

    Directory.Delete(scratchRoot, true);
    var rss = Process.GetCurrentProcess().PeakWorkingSet64 >> 20;
    Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, seed {seed}: {cases} cases in {clock.Elapsed.TotalSeconds:0} s, {failures} crashes, " +
        $"largest allocation of one case {peakAllocated >> 20} MB, slowest case {slowest.TotalSeconds:0.00} s, peak RSS {rss} MB");
    return failures == 0 ? 0 : 1;
}

static string FindRoot()
{
    var dir = AppContext.BaseDirectory;
    while (dir is not null && !File.Exists(Path.Combine(dir, "Dialogue.Office.sln")))
    {
        dir = Path.GetDirectoryName(dir);
    }

    return dir ?? Directory.GetCurrentDirectory();
}
