using System.Globalization;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Minutes;

/// <summary>
/// Reads the questions of the dialogue from the consolidated question workbook ("Tổng hợp" sheet, or the first visible
/// one) by header names: Mã câu hỏi, Nhóm vấn đề, Nội dung câu hỏi, Họ và tên, Đơn vị công tác, Cơ quan chủ trì trả lời,
/// and an optional "Chọn" column (x/có) that keeps only the questions chosen for the dialogue.
/// </summary>
public static partial class MinutesQuestionReader
{
    public static IReadOnlyList<MinutesQuestion>? Read(string path, ConferencePlan plan, ProblemList problems)
    {
        var file = Path.GetFileName(path);
        IReadOnlyList<SheetValues> sheets;
        try
        {
            sheets = XlsxReader.Read(path);
        }
        catch (Inputs.InputFileException ex)
        {
            problems.Add(ex.ToProblem());
            return null;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException || Inputs.GuardedPackage.IsPackageFault(ex))
        {
            problems.Error("MINUTES_QUESTIONS_UNREADABLE", file, "The question workbook cannot be read.", file);
            return null;
        }

        var sheet = sheets.FirstOrDefault(s => VietnameseText.Fold(s.Name) == "tong hop") ?? sheets.FirstOrDefault(s => !s.IsHidden);
        if (sheet is null)
        {
            problems.Error("MINUTES_QUESTIONS_UNREADABLE", file, "The question workbook has no sheet.", file);
            return null;
        }

        foreach (var header in sheet.Rows.Take(10))
        {
            var columns = header.Cells.Select(c => VietnameseText.Fold(c)).ToList();
            var topic = Find(columns, "nhom van de", "nhom", "chu de", "linh vuc");
            var text = Find(columns.Select(c => c.Contains("tra loi", StringComparison.Ordinal) ? "" : c).ToList(), "noi dung cau hoi", "cau hoi", "noi dung", "y kien", "kien nghi");
            if (topic < 0 || text < 0)
            {
                continue;
            }

            var id = Find(columns, "ma cau hoi", "ma");
            var asker = Find(columns, "nguoi hoi", "ho va ten", "ho ten", "nguoi gui");
            var unit = Find(columns, "don vi cong tac", "noi cong tac", "truong", "co quan cong tac", "don vi gui", "don vi");
            var answer = Find(columns, "co quan chu tri tra loi", "co quan tra loi", "don vi tra loi", "co quan chu tri");
            var chosen = Find(columns, "chon", "duoc chon", "dua vao kich ban");
            var result = new List<MinutesQuestion>();
            foreach (var row in sheet.Rows.Where(r => r.Number > header.Number && !r.IsEmpty))
            {
                if (chosen >= 0 && VietnameseText.Fold(row[chosen]) is not ("x" or "co" or "1" or "chon" or "dung" or "yes"))
                {
                    continue;
                }

                var content = VietnameseText.Clean(row[text]);
                if (content.Length == 0)
                {
                    continue;
                }

                var number = TopicNumber(row[topic], plan);
                if (number == 0 || plan.Topics.All(t => t.Number != number))
                {
                    problems.Warning("MINUTES_QUESTION_NO_TOPIC", Locations.Row(file, sheet.Name, row.Number, header.Cells[topic]),
                        "The question's topic group is not in the plan; it is listed under other questions.", row[topic] ?? "");
                    number = 0;
                }

                var questionId = id >= 0 ? VietnameseText.Clean(row[id]) : "";
                result.Add(new MinutesQuestion(
                    questionId.Length > 0 ? questionId : string.Create(CultureInfo.InvariantCulture, $"dòng {row.Number}"),
                    number,
                    content,
                    asker >= 0 ? VietnameseText.Clean(row[asker]) : "",
                    unit >= 0 ? VietnameseText.Clean(row[unit]) : "",
                    answer >= 0 ? VietnameseText.Clean(row[answer]) : ""));
            }

            if (chosen < 0)
            {
                problems.Warning("MINUTES_QUESTIONS_ALL", Locations.Join(file, sheet.Name), "No 'Chọn' column: every question is listed in the minutes.", result.Count.ToString(CultureInfo.InvariantCulture));
            }

            return result;
        }

        problems.Error("MINUTES_QUESTIONS_COLUMNS", Locations.Join(file, sheet.Name), "No header row with a topic and a question column.", "Nhóm vấn đề / Nội dung câu hỏi");
        return null;
    }

    /// <summary>"1", "Nhóm 1", "1. Đội ngũ" → 1; otherwise the topic whose short name or title matches; 0 when none.</summary>
    internal static int TopicNumber(string? cell, ConferencePlan plan)
    {
        var match = Digits().Match(cell ?? "");
        if (match.Success && int.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var key = VietnameseText.Fold(cell);
        return plan.Topics.FirstOrDefault(t => VietnameseText.Fold(t.ShortName) == key || VietnameseText.Fold(t.Title) == key)?.Number ?? 0;
    }

    private static int Find(List<string> columns, params string[] names)
    {
        foreach (var name in names)
        {
            var i = columns.FindIndex(c => c == name || c.StartsWith(name + " ", StringComparison.Ordinal));
            if (i >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"\d{1,4}")]
    private static partial Regex Digits();
}
