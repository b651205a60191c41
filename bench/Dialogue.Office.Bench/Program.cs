using Dialogue.Office.Bench;

// Benchmarks and their data generators; the figures and the commands that reproduce them are in the README ("Figures").
// Run the built dll directly for timing: dotnet bench/Dialogue.Office.Bench/bin/Release/net10.0/Dialogue.Office.Bench.dll <benchmark> …
return args switch
{
    ["consolidate", .. var rest] => ConsolidateBench.Run(rest),
    ["sample-returns", .. var rest] => SampleReturns.Run(rest),
    ["plan-for", var source, var folder] => InvitationBench.PlanFor(source, folder),
    ["phases", var plan, var outDir] => InvitationBench.Phases(plan, outDir),
    ["attendance", .. var rest] => AttendanceLoadBench.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Dialogue.Office.Bench consolidate <folder-or-files…> --out <file.xlsx> [--plan <plan-folder>] [--threshold 0.8] [--check <manifest.json>]
               Dialogue.Office.Bench sample-returns [<plan-folder>]          (regenerates <plan>/phieu-tra-ve/)
               Dialogue.Office.Bench plan-for <delegates.xlsx|N> <plan-folder> (data for bench/invitations.sh)
               Dialogue.Office.Bench phases <plan-folder> <out-folder>         (in-process phase split of the invitation job)
               Dialogue.Office.Bench attendance --host <Dialogue.Office.AddIn.dll> [--content-root dir] [--delegates 300]
                   [--confirm-spread 60] [--burst-concurrency 50] [--views 1000] [--concurrency 100] [--static /help.html]
                   [--views-per-second 100] [--no-confirmations] [--max-seconds 600]   (load on the delegate page; see bench/attendance.sh)
        """);
    return 2;
}
