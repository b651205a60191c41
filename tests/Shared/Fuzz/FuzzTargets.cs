using System.IO.Compression;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Templating;

namespace Dialogue.Office.Fuzzing;

/// <summary>
/// Every reader of hostile input, as a fuzz target: bytes in, problems out. A target may report problems or refuse
/// the file (the guarded opener's <see cref="InputFileException"/>, a <see cref="ProblemException"/>); any other
/// exception is a crash (exit 70 in the CLI) and fails the run. Shared by the fixed-seed run in the test suite and the
/// long run (<c>tests/Dialogue.Office.Fuzz</c>, SharpFuzz with afl++ or the managed mutator).
/// </summary>
public static class FuzzTargets
{
    public static readonly string[] Names = ["plan", "delegates", "csv", "template", "docx", "questions"];

    /// <summary>Runs <paramref name="target"/> on <paramref name="input"/> inside <paramref name="scratch"/> (an empty folder the case may use).</summary>
    public static void Run(string target, byte[] input, string scratch, string samplePlan)
    {
        try
        {
            switch (target)
            {
                case "plan":
                    PlanFolder(scratch, samplePlan, input, null);
                    PlanLoader.Load(scratch);
                    break;
                case "delegates":
                    PlanFolder(scratch, samplePlan, null, input);
                    PlanLoader.Load(scratch);
                    break;
                case "csv":
                    PlanFolder(scratch, samplePlan, null, null);
                    File.WriteAllBytes(Path.Combine(scratch, "dai-bieu.csv"), input);
                    File.WriteAllText(Path.Combine(scratch, "plan.yaml"), File.ReadAllText(Path.Combine(scratch, "plan.yaml")).Replace("delegates: dai-bieu.xlsx", "delegates: dai-bieu.csv", StringComparison.Ordinal));
                    PlanLoader.Load(scratch);
                    break;
                case "template":
                    DocxTemplate.Compile(input, "mau.docx", new ProblemList(), TemplateFields.RequiredForInvitation);
                    break;
                case "docx":
                    Nd30Checker.Check(new MemoryStream(input), "van-ban.docx");
                    break;
                case "questions":
                    var path = Path.Combine(scratch, "phieu.xlsx");
                    File.WriteAllBytes(path, input);
                    try
                    {
                        QuestionFileParser.Parse(path, GuardedWorkbookReader.Read(path, new GuardedWorkbookReader.Limits()));
                    }
                    catch (FileReadException)
                    {
                        // A refused returned sheet: one error row for that file in the consolidation.
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown target {target}", nameof(target));
            }
        }
        catch (InputFileException)
        {
            // Refused by the guarded opener: reported with its FILE_* code.
        }
        catch (ProblemException)
        {
            // Reported problems: exit 1.
        }
    }

    /// <summary>The seeds of a target: the sample's files and hostile files the tests make.</summary>
    public static IReadOnlyList<byte[]> Seeds(string target, string repoRoot)
    {
        var sample = Path.Combine(repoRoot, "templates", "samples", "yen-bai-2023");
        return target switch
        {
            "plan" => [File.ReadAllBytes(Path.Combine(sample, "plan.yaml")), File.ReadAllBytes(Path.Combine(repoRoot, "templates", "new", "plan.yaml"))],
            "delegates" => [SmallDelegateList(sample), File.ReadAllBytes(Path.Combine(repoRoot, "templates", "samples", "xa-2026", "dai-bieu.xlsx"))],
            "csv" => ["STT,Mã đại biểu,Họ và tên,Chức vụ,\"Cơ quan, đơn vị\",Điểm cầu\n1,YB23-0001,Nguyễn Văn An,Giám đốc,Sở Nội vụ,tinh\n2,,,,Sở Tài chính,luc-yen\n\"3\",\"YB23-0003\",\"Lê \"\"Cúc\"\"\",,Sở Y tế,\n"u8.ToArray()],
            "template" => [File.ReadAllBytes(Path.Combine(repoRoot, "templates", "giay-moi.docx")), File.ReadAllBytes(Path.Combine(repoRoot, "templates", "kich-ban.docx"))],
            "docx" => [File.ReadAllBytes(Path.Combine(repoRoot, "templates", "giay-moi.docx")), InvitationTemplate.Build()],
            "questions" => [.. Directory.EnumerateFiles(Path.Combine(sample, "phieu-tra-ve")).Where(f => f.EndsWith(".xlsx", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(4).Select(File.ReadAllBytes)],
            _ => throw new ArgumentException($"Unknown target {target}", nameof(target)),
        };
    }

    /// <summary>The sample list cut to its first rows (keeps each fuzz case cheap).</summary>
    private static byte[] SmallDelegateList(string sample)
    {
        var rows = XlsxReader.Read(Path.Combine(sample, "dai-bieu.xlsx"), n => n == DelegateColumns.SheetName, 12).Single().Rows;
        using var buffer = new MemoryStream();
        var path = Path.Combine(Path.GetTempPath(), $"dialogue-fuzz-seed-{Guid.NewGuid():N}.xlsx");
        var keys = rows[0].Cells.Select(DelegateColumns.Match).ToList();
        DelegateWorkbook.Write(path, ["tinh", "nghia-lo", "luc-yen", "van-yen", "mu-cang-chai", "tran-yen", "tram-tau", "van-chan", "yen-binh"],
            rows.Skip(1).Select(r => (IReadOnlyDictionary<string, string>)keys.Select((k, i) => (k, v: r[i] ?? "")).Where(x => x.k is not null).ToDictionary(x => x.k!, x => x.v)));
        try
        {
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void PlanFolder(string scratch, string samplePlan, byte[]? plan, byte[]? delegates)
    {
        File.WriteAllBytes(Path.Combine(scratch, "plan.yaml"), plan ?? File.ReadAllBytes(Path.Combine(samplePlan, "plan.yaml")));
        File.WriteAllBytes(Path.Combine(scratch, "dai-bieu.xlsx"), delegates ?? SmallList.Value);
    }

    private static readonly Lazy<byte[]> SmallList = new(() => SmallDelegateList(SamplePlanFromHere()));

    private static string SamplePlanFromHere()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Dialogue.Office.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? ".", "templates", "samples", "yen-bai-2023");
    }

    /// <summary>True for a zip package (so the mutator can work inside its parts).</summary>
    public static bool IsZip(byte[] bytes) => bytes.Length > 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K';

    internal static ZipArchive OpenZip(byte[] bytes) => new(new MemoryStream(bytes), ZipArchiveMode.Read);
}
