using System.Globalization;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;

namespace Dialogue.Office.Bench;

/// <summary>
/// Data for the invitation benchmark (bench/invitations.sh times the real `dialogue` process with hyperfine and GNU time):
/// <c>plan-for &lt;delegates.xlsx|N&gt; &lt;plan-folder&gt;</c> copies the sample plan with the given delegate list (or N
/// delegates cycled from the sample's); <c>phases &lt;plan&gt; &lt;out&gt;</c> prints an in-process phase split.
/// </summary>
internal static class InvitationBench
{
    // In-process phase split of the invitation job (one run, indicative; the README figures come from whole-process runs).
    public static int Phases(string planFolder, string outDir)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var plan = PlanLoader.Load(planFolder).Require();
        var load = sw.Elapsed;
        var problems = new Dialogue.Office.Automation.Diagnostics.ProblemList();
        Dialogue.Office.Automation.Invitations.InvitationGenerator.LoadTemplate(plan, null, problems);
        var compile = sw.Elapsed - load;
        sw.Restart();
        for (var i = 0; i < 200; i++)
        {
            Dialogue.Office.Automation.QrCodes.QrCodeRenderer.Png($"https://hoinghi.yenbai.gov.vn/doi-thoai?db=B-{i:00000}");
        }

        var qr = sw.Elapsed / 200;
        sw.Restart();
        var result = Dialogue.Office.Automation.Invitations.InvitationGenerator.Generate(new(plan, outDir));
        var generate = sw.Elapsed;
        Console.WriteLine($"load plan+delegates {load.TotalMilliseconds:F0} ms; compile template {compile.TotalMilliseconds:F0} ms; " +
            $"QR {qr.TotalMilliseconds:F2} ms each; generate {result.Invitations.Count} in {generate.TotalMilliseconds:F0} ms " +
            $"({generate.TotalMilliseconds / Math.Max(1, result.Invitations.Count):F2} ms each)");
        return 0;
    }

    public static int PlanFor(string source, string folder)
    {
        var root = FindRoot();
        var sample = Path.Combine(root, "templates", "samples", "yen-bai-2023");
        Directory.CreateDirectory(folder);
        var yaml = File.ReadAllText(Path.Combine(sample, "plan.yaml"))
            .Replace("template: \"../../giay-moi.docx\"", $"template: \"{Path.Combine(root, "templates", "giay-moi.docx")}\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), yaml);
        var target = Path.Combine(folder, "dai-bieu.xlsx");
        if (int.TryParse(source, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            var rows = XlsxReader.Read(Path.Combine(sample, "dai-bieu.xlsx")).First(s => s.Name == DelegateColumns.SheetName).Rows;
            var header = rows[0];
            var data = rows.Skip(1).ToList();
            var codeColumn = header.Cells.ToList().FindIndex(c => DelegateColumns.Match(c) == "code");
            var sttColumn = header.Cells.ToList().FindIndex(c => DelegateColumns.Match(c) == "stt");
            var generated = Enumerable.Range(0, n).Select(i =>
            {
                var cells = data[i % data.Count].Cells.ToArray();
                var copy = new string?[header.Cells.Count];
                Array.Copy(cells, copy, Math.Min(cells.Length, copy.Length));
                if (codeColumn >= 0)
                {
                    copy[codeColumn] = string.Create(CultureInfo.InvariantCulture, $"B-{i + 1:00000}");
                }

                if (sttColumn >= 0)
                {
                    copy[sttColumn] = (i + 1).ToString(CultureInfo.InvariantCulture);
                }

                // Repeated people get a distinct name so the plan's duplicate check accepts them.
                var nameColumn = header.Cells.ToList().FindIndex(c => DelegateColumns.Match(c) == "name");
                if (i >= data.Count && nameColumn >= 0 && !string.IsNullOrEmpty(copy[nameColumn]))
                {
                    copy[nameColumn] += " " + (i / data.Count).ToString(CultureInfo.InvariantCulture);
                }
                else if (i >= data.Count)
                {
                    var orgColumn = header.Cells.ToList().FindIndex(c => DelegateColumns.Match(c) == "org");
                    copy[orgColumn] += " (" + (i / data.Count).ToString(CultureInfo.InvariantCulture) + ")";
                    var addresseeColumn = header.Cells.ToList().FindIndex(c => DelegateColumns.Match(c) == "addressee");
                    if (addresseeColumn >= 0 && !string.IsNullOrEmpty(copy[addresseeColumn]))
                    {
                        copy[addresseeColumn] += " (" + (i / data.Count).ToString(CultureInfo.InvariantCulture) + ")";
                    }
                }

                return (IReadOnlyList<string?>)copy;
            });
            SimpleXlsxWriter.Write(target, new SimpleSheet(DelegateColumns.SheetName, header.Cells.Select(c => (c ?? "", 20.0)).ToList(), generated));
        }
        else
        {
            // The peers' lists are random draws and hold a few identical people (2 in 5000); the plan check rightly
            // refuses duplicates, so the copy numbers the repeats ("Nguyễn Văn A (2)") and says how many.
            var sheet = XlsxReader.Read(source)[0];
            var header = sheet.Rows[0];
            var cols = header.Cells.Select(c => DelegateColumns.Match(c)).ToList();
            int Col(string key) => cols.IndexOf(key);
            var seen = new Dictionary<string, int>();
            var renamed = 0;
            var rows = sheet.Rows.Skip(1).Select(r =>
            {
                var copy = Enumerable.Range(0, header.Cells.Count).Select(i => r[i]).ToArray();
                var key = string.Join('|', new[] { "name", "position", "org" }.Select(k => Col(k) >= 0 ? copy[Col(k)] : ""));
                seen[key] = seen.GetValueOrDefault(key) + 1;
                if (seen[key] > 1 && Col("name") >= 0)
                {
                    copy[Col("name")] += $" ({seen[key]})";
                    renamed++;
                }

                return (IReadOnlyList<string?>)copy;
            }).ToList();
            SimpleXlsxWriter.Write(target, new SimpleSheet(DelegateColumns.SheetName, header.Cells.Select(c => (c ?? "", 20.0)).ToList(), rows));
            Console.WriteLine($"{rows.Count} delegates, {renamed} repeated people numbered");
        }

        Console.WriteLine($"plan: {folder}");
        return 0;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dialogue.Office.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
