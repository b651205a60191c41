using Dialogue.Office.Bench;

// Benchmarks are added per capability; see docs/readme/*.md "Figures" for the commands and results.
// Run the built dll directly for timing: dotnet bench/Dialogue.Office.Bench/bin/Release/net10.0/Dialogue.Office.Bench.dll <benchmark> …
return args.Length > 0 && args[0] == "consolidate" ? ConsolidateBench.Run(args[1..])
    : args.Length > 0 && args[0] == "sample-returns" ? SampleReturns.Run(args[1..])
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: Dialogue.Office.Bench consolidate <folder-or-files…> --out <file.xlsx> [--plan <plan-folder>] [--threshold 0.8] [--check <manifest.json>]\n       Dialogue.Office.Bench sample-returns [<plan-folder>]   (regenerates <plan>/phieu-tra-ve/)");
    return 2;
}
