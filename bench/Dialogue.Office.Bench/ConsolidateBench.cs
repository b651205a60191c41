using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Spreadsheets;

namespace Dialogue.Office.Bench;

/// <summary>
/// <c>consolidate</c>: the same job as the peers in /work/shared/bench (read K returned sheets, consolidate, flag
/// repeats, write one workbook), timed as a whole process by hyperfine; prints one JSON line with the phase split
/// and, with --check, compares rows and exact repeats with the generator's manifest.json.
/// </summary>
internal static class ConsolidateBench
{
    public static int Run(string[] args)
    {
        var inputs = new List<string>();
        string? output = null;
        string? plan = null;
        string? check = null;
        var threshold = 0.8;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out": output = args[++i]; break;
                case "--plan": plan = args[++i]; break;
                case "--check": check = args[++i]; break;
                case "--threshold": threshold = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: inputs.Add(args[i]); break;
            }
        }

        if (output is null || inputs.Count == 0)
        {
            Console.Error.WriteLine("consolidate <folder-or-files…> --out <file.xlsx> [--plan <plan-folder>] [--threshold 0.8] [--check manifest.json]");
            return 2;
        }

        // The same phase split as `dialogue questions merge --timings` (docs/questions.md), on standard error.
        if (Environment.GetEnvironmentVariable("DIALOGUE_TIMINGS") is "1" or "true")
        {
            PhaseTimings.Enable(Console.Error);
        }

        var clock = Stopwatch.StartNew();
        var result = QuestionConsolidator.Merge(new MergeRequest
        {
            Inputs = inputs,
            OutputPath = output,
            Plan = plan is null ? null : PlanLoader.Load(plan).Plan,
            NearDuplicateThreshold = threshold,
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        var ok = result.Reconciles;
        var statsChecked = 0;
        if (check is not null)
        {
            // Same checks as the peers' verifier: every row, the injected repeats, the unit × group statistics.
            using var manifest = JsonDocument.Parse(File.ReadAllText(check));
            var total = manifest.RootElement.GetProperty("totalRows").GetInt32();
            var flagged = manifest.RootElement.GetProperty("expectedFlagged").GetInt32();
            ok &= result.RowsTaken == total && result.ExactRepeats == flagged;
            var stats = XlsxReader.Read(output, n => n == "Thống kê").Single().Rows;
            var header = stats.First(r => r[0] == "Đơn vị");
            foreach (var unit in manifest.RootElement.GetProperty("statsByUnitAndGroup").EnumerateObject())
            {
                var row = stats.FirstOrDefault(r => r[0] == unit.Name);
                foreach (var group in unit.Value.EnumerateObject())
                {
                    var column = header.Cells.ToList().FindIndex(c => c is not null && c.StartsWith(group.Name + ".", StringComparison.Ordinal));
                    ok &= row is not null && column > 0 && row[column] == group.Value.GetInt32().ToString(CultureInfo.InvariantCulture);
                    statsChecked++;
                }
            }
        }

        // Utf8JsonWriter, not JsonSerializer: reflection-based serialisation of one line cost ~70 JIT-compiled
        // methods and Reflection.Emit in the timed process.
        using (var json = new Utf8JsonWriter(Console.OpenStandardOutput()))
        {
            json.WriteStartObject();
            json.WriteNumber("files", result.FilesRead);
            json.WriteNumber("rowsRead", result.RowsRead);
            json.WriteNumber("taken", result.RowsTaken);
            json.WriteNumber("rejected", result.RowsRejected);
            json.WriteNumber("exactRepeats", result.ExactRepeats);
            json.WriteNumber("nearRepeats", result.NearRepeats);
            json.WriteNumber("groups", result.DuplicateGroups);
            json.WriteNumber("seconds", Math.Round(elapsed, 3));
            json.WriteNumber("statsChecked", statsChecked);
            json.WriteString("check", ok ? "OK" : "MISMATCH");
            json.WriteEndObject();
        }

        Console.WriteLine();
        return ok ? 0 : 1;
    }
}
