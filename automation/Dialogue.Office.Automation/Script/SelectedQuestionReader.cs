using System.Globalization;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Script;

/// <summary>
/// PROVISIONAL reader of a consolidated question workbook for <c>dialogue script --questions</c>, until the questions
/// capability's own reader is merged (the integrator replaces this call with it). Reads the "Tổng hợp" sheet (or the
/// first visible sheet) by header names: nhóm vấn đề, nội dung/câu hỏi, người hỏi, đơn vị, cơ quan trả lời, and an
/// optional "Chọn" column (x/có) that limits the script to the chosen questions.
/// </summary>
public static partial class SelectedQuestionReader
{
    public static IReadOnlyList<SelectedQuestion>? Read(string path, ConferencePlan plan, ProblemList problems)
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
        catch (Exception ex) when (ex is UnauthorizedAccessException || Inputs.GuardedPackage.IsPackageFault(ex))
        {
            problems.Error("SCRIPT_QUESTIONS_UNREADABLE", file, "The question workbook cannot be read.", file);
            return null;
        }

        var sheet = sheets.FirstOrDefault(s => VietnameseText.Fold(s.Name) == "tong hop") ?? sheets.FirstOrDefault(s => !s.IsHidden);
        if (sheet is null)
        {
            problems.Error("SCRIPT_QUESTIONS_UNREADABLE", file, "The question workbook has no sheet.", file);
            return null;
        }

        foreach (var header in sheet.Rows.Take(10))
        {
            var columns = header.Cells.Select(c => VietnameseText.Fold(c)).ToList();
            var topic = Find(columns, "nhom van de", "nhom", "chu de", "linh vuc");
            // The answer column ("Nội dung trả lời") must not be taken for the question.
            // The consolidated workbook's selection: the cleaned text, the joined askers, the one answering body.
            var text = Find(columns.Select(c => c.Contains("tra loi", StringComparison.Ordinal) ? "" : c).ToList(), "cau hoi dua ra doi thoai", "noi dung cau hoi", "cau hoi", "noi dung", "y kien", "kien nghi");
            if (topic < 0 || text < 0)
            {
                continue;
            }

            var asker = Find(columns, "nguoi hoi doi thoai", "nguoi hoi", "ho va ten", "ho ten", "nguoi gui");
            var unit = Find(columns, "don vi cong tac", "noi cong tac", "don vi", "truong", "co quan cong tac");
            var answer = Find(columns, "co quan chu tri tra loi", "co quan tra loi", "don vi tra loi", "co quan chu tri");
            var spoken = asker >= 0 && columns[asker] == "nguoi hoi doi thoai"; // already "đồng chí A (Trường X)"
            var chosen = Find(columns, "chon", "duoc chon", "dua vao kich ban");
            var result = new List<SelectedQuestion>();
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

                result.Add(new SelectedQuestion(
                    TopicNumber(row[topic], plan),
                    content,
                    asker >= 0 ? VietnameseText.Clean(row[asker]) : "",
                    unit >= 0 && !spoken ? VietnameseText.Clean(row[unit]) : "",
                    answer >= 0 ? VietnameseText.Clean(row[answer]) : ""));
            }

            return result;
        }

        problems.Error("SCRIPT_QUESTIONS_COLUMNS", Locations.Join(file, sheet.Name), "No header row with a topic and a question column.", "Nhóm vấn đề / Nội dung câu hỏi");
        return null;
    }

    /// <summary>"1", "Nhóm 1", "1. Đội ngũ" → 1; otherwise the topic whose short name or title matches; 0 when none.</summary>
    internal static int TopicNumber(string? cell, ConferencePlan plan)
    {
        var match = Digits().Match(cell ?? "");
        if (match.Success)
        {
            return int.Parse(match.Value, CultureInfo.InvariantCulture);
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

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
