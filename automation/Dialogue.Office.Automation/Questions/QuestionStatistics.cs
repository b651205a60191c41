using System.Globalization;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;

namespace Dialogue.Office.Automation.Questions;

/// <summary>
/// The delegates' view of the questions: how many came in on each topic, and from how many units — counts only, no
/// asker, no school, no question text (the consolidation with names stays with the leaders).
/// </summary>
internal static class QuestionStatistics
{
    public const string FileName = "thong-ke-cau-hoi.xlsx";

    /// <summary>Writes <see cref="FileName"/> into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(ConferencePlan plan, MergeResult merged, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var topic in plan.Topics)
        {
            rows.Add([N(topic.Number), topic.Title, N(merged.TopicCounts.GetValueOrDefault(topic.Number))]);
        }

        var unclassified = merged.TopicCounts.Where(t => !plan.Topics.Any(p => p.Number == t.Key)).Sum(t => t.Value);
        if (unclassified > 0)
        {
            rows.Add(["", "Chưa phân nhóm", N(unclassified)]);
        }

        rows.Add(["", "Tổng cộng", N(merged.TopicCounts.Values.Sum())]);
        var sent = merged.Tracking.Count(t => t.State is SubmissionState.OnTime or SubmissionState.Late or SubmissionState.DateUnknown);
        var summary = new List<IReadOnlyList<string?>>
        {
            new[] { "Số câu hỏi, ý kiến, kiến nghị đã tổng hợp", N(merged.TopicCounts.Values.Sum()) },
            new[] { "Số đơn vị đã gửi", N(sent) },
            new[] { "Số đơn vị được đề nghị gửi", N(plan.Units.Count) },
        };
        SimpleXlsxWriter.Write(path,
            new SimpleSheet("Theo nhóm vấn đề", [("Nhóm", 8), ("Nhóm vấn đề", 70), ("Số câu hỏi", 14)], rows),
            new SimpleSheet("Tổng quát", [("Nội dung", 50), ("Số lượng", 14)], summary));
        return path;
    }
}
