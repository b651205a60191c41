using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Dialogue.Office.Automation.Tests.Questions;

/// <summary>Helpers shared by the question tests: merge, reconcile, read outputs back with the SDK reader.</summary>
internal static class QuestionTestKit
{
    public static readonly string[] Standard = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Cấp học", "Nhóm vấn đề", "Nội dung câu hỏi, ý kiến, kiến nghị", "Cơ quan trả lời", "Ghi chú"];

    private static readonly Lazy<ConferencePlan> SamplePlanValue = new(() =>
        PlanLoader.Load(RepoPaths.SamplePlan).Plan ?? throw new InvalidOperationException("sample plan"));

    public static ConferencePlan SamplePlan => SamplePlanValue.Value;

    public static string SampleReturns => Path.Combine(RepoPaths.SamplePlan, "phieu-tra-ve");

    public static MergeResult Merge(TempDir dir, IReadOnlyList<string> inputs, ConferencePlan? plan = null, string name = "tong-hop.xlsx", TimeProvider? time = null)
    {
        var result = QuestionConsolidator.Merge(new MergeRequest
        {
            Inputs = inputs,
            OutputPath = dir.File(name),
            Plan = plan,
            Time = time ?? new FixedTime(new DateTimeOffset(2023, 4, 14, 8, 0, 0, TimeSpan.FromHours(7))),
        });
        AssertReconciles(result);
        return result;
    }

    /// <summary>The "nothing lost" guarantee, checked on the result and on the written sheets.</summary>
    public static void AssertReconciles(MergeResult result)
    {
        Assert.True(result.Reconciles, $"rows read {result.RowsRead} != taken {result.RowsTaken} + rejected {result.RowsRejected}");
        Assert.Equal(result.RowsRead, result.RowsTaken + result.RowsRejected);
        var master = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        Assert.Equal(result.RowsTaken, master.Count);
        var issues = Rows(result.OutputPath, "Lỗi và bỏ qua");
        var rowIssues = issues.Count(r => r[1] is "Dòng bị loại" or "Bỏ qua" && (r[2] ?? "").Contains("dòng", StringComparison.Ordinal));
        Assert.Equal(result.RowsRejected, rowIssues);
    }

    /// <summary>Data rows (under the header on row 4) of a sheet of our output, read with the SDK-based reader.</summary>
    public static List<IReadOnlyList<string?>> Rows(string path, string sheet)
    {
        var data = XlsxReader.Read(path, name => name == sheet).Single();
        return data.Rows.Where(r => r.Number > ConsolidatedWorkbookWriter.HeaderRow).Select(r => r.Cells).ToList();
    }

    public static int Column(string header) => Array.IndexOf(ConsolidatedWorkbookWriter.MasterHeaders, header);

    public static void AssertValid(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    public static ReturnedSheet Simple(params object?[][] rows) => new()
    {
        LetterheadLeft = ["UBND HUYỆN VĂN YÊN", "TRƯỜNG TIỂU HỌC MẬU A"],
        DateLine = "Văn Yên, ngày 08 tháng 4 năm 2023",
        HeaderRow = 6,
        Headers = Standard,
        Rows = [.. rows],
    };

    internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
    }
}
