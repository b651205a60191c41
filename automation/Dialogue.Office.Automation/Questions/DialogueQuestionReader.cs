using System.Globalization;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>A question of the consolidated workbook's selection for the dialogue, as the script and the minutes read it.</summary>
/// <param name="Id">"Mã câu hỏi" (CH-…), or "dòng n" when the workbook has no id column.</param>
/// <param name="TopicNumber">The topic number written in the row (0 when none could be read).</param>
/// <param name="TopicKnown">False when the plan has no topic of that number.</param>
/// <param name="Text">The question ("Câu hỏi đưa ra đối thoại" when present, else "Nội dung câu hỏi").</param>
/// <param name="Asker">Who asked; may be empty.</param>
/// <param name="Unit">The asker's unit; may be empty.</param>
/// <param name="Department">"Cơ quan chủ trì trả lời"; empty = the topic's lead department.</param>
/// <param name="Spoken">True when the asker comes from "Người hỏi (đối thoại)" (already "đồng chí A (Trường X)"; Unit is then empty).</param>
/// <param name="Location">The row's place (file › sheet › dòng n › topic column), for problems.</param>
/// <param name="TopicCell">The topic cell as written.</param>
internal sealed record DialogueQuestion(string Id, int TopicNumber, bool TopicKnown, string Text, string Asker, string Unit, string Department, bool Spoken, string Location, string TopicCell = "");

/// <summary>What was read: the questions, and whether the workbook has a "Chọn" column (without one, every question).</summary>
internal sealed record DialogueSelectionRead(IReadOnlyList<DialogueQuestion> Questions, bool HasChoiceColumn, string Location);

/// <summary>
/// The one reader of the consolidated question workbook's selection ("Tổng hợp" sheet, or the first visible one), used
/// by the script and the minutes. Columns by header name (accents and case ignored): Mã câu hỏi, Nhóm vấn đề, the text
/// ("Câu hỏi đưa ra đối thoại" — the cleaned text the questions capability writes — before "Nội dung câu hỏi"), the
/// asker ("Người hỏi (đối thoại)" before "Họ và tên"), Đơn vị công tác, Cơ quan chủ trì trả lời, and "Chọn"
/// (<see cref="DialogueSelection.IsMark"/>: x, có, 1 …) that keeps the questions chosen for the dialogue.
/// </summary>
internal static partial class DialogueQuestionReader
{
    /// <param name="path">The consolidated workbook.</param>
    /// <param name="plan">The plan, for topic names.</param>
    /// <param name="problems">Where problems go.</param>
    /// <param name="family">The caller's code family: "{family}_QUESTIONS_UNREADABLE", "{family}_QUESTIONS_COLUMNS".</param>
    public static DialogueSelectionRead? Read(string path, ConferencePlan plan, ProblemList problems, string family)
    {
        var file = Path.GetFileName(path);
        if (XlsxReader.TryRead(path, problems, $"{family}_QUESTIONS_UNREADABLE", "The question workbook cannot be read.") is not { } sheets)
        {
            return null;
        }

        var sheet = sheets.FirstOrDefault(s => VietnameseText.Fold(s.Name) == "tong hop") ?? sheets.FirstOrDefault(s => !s.IsHidden);
        if (sheet is null)
        {
            problems.Error($"{family}_QUESTIONS_UNREADABLE", file, "The question workbook has no sheet.", file);
            return null;
        }

        foreach (var header in sheet.Rows.Take(10))
        {
            var columns = header.Cells.Select(c => VietnameseText.Fold(c)).ToList();
            var topic = Find(columns, "nhom van de", "nhom", "chu de", "linh vuc");
            // The answer column ("Nội dung trả lời") must not be taken for the question.
            var text = Find(columns.Select(c => c.Contains("tra loi", StringComparison.Ordinal) ? "" : c).ToList(),
                "cau hoi dua ra doi thoai", "noi dung cau hoi", "cau hoi", "noi dung", "y kien", "kien nghi");
            if (topic < 0 || text < 0)
            {
                continue;
            }

            var id = Find(columns, "ma cau hoi", "ma");
            var asker = Find(columns, "nguoi hoi doi thoai", "nguoi hoi", "ho va ten", "ho ten", "nguoi gui");
            var unit = Find(columns, "don vi cong tac", "noi cong tac", "don vi", "truong", "co quan cong tac", "don vi gui");
            var answer = Find(columns, "co quan chu tri tra loi", "co quan tra loi", "don vi tra loi", "co quan chu tri");
            var spoken = asker >= 0 && columns[asker] == "nguoi hoi doi thoai";
            var chosen = Find(columns, "chon", "duoc chon", "dua vao kich ban");
            var result = new List<DialogueQuestion>();
            foreach (var row in sheet.Rows.Where(r => r.Number > header.Number && !r.IsEmpty))
            {
                if (chosen >= 0 && !DialogueSelection.IsMark(row[chosen]))
                {
                    continue;
                }

                var content = VietnameseText.Clean(row[text]);
                if (content.Length == 0)
                {
                    continue;
                }

                var number = TopicNumber(row[topic], plan);
                var questionId = id >= 0 ? VietnameseText.Clean(row[id]) : "";
                result.Add(new DialogueQuestion(
                    questionId.Length > 0 ? questionId : string.Create(CultureInfo.InvariantCulture, $"dòng {row.Number}"),
                    number,
                    number != 0 && plan.Topics.Any(t => t.Number == number),
                    content,
                    asker >= 0 ? VietnameseText.Clean(row[asker]) : "",
                    unit >= 0 && !spoken ? VietnameseText.Clean(row[unit]) : "",
                    answer >= 0 ? VietnameseText.Clean(row[answer]) : "",
                    spoken,
                    Locations.Row(file, sheet.Name, row.Number, header.Cells[topic]),
                    row[topic] ?? ""));
            }

            return new DialogueSelectionRead(result, chosen >= 0, Locations.Join(file, sheet.Name));
        }

        problems.Error($"{family}_QUESTIONS_COLUMNS", Locations.Join(file, sheet.Name), "No header row with a topic and a question column.", "Nhóm vấn đề / Nội dung câu hỏi");
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
