using System.Globalization;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Questions;

namespace Dialogue.Office.Automation.Minutes;

/// <summary>
/// The minutes' view of the consolidated workbook's selection, read by the one <see cref="DialogueQuestionReader"/>:
/// a question whose topic is not in the plan is listed under other questions (MINUTES_QUESTION_NO_TOPIC), and a
/// workbook without a "Chọn" column lists every question (MINUTES_QUESTIONS_ALL).
/// </summary>
internal static class MinutesQuestionReader
{
    public static IReadOnlyList<MinutesQuestion>? Read(string path, ConferencePlan plan, ProblemList problems)
    {
        var read = DialogueQuestionReader.Read(path, plan, problems, "MINUTES");
        if (read is null)
        {
            return null;
        }

        var result = new List<MinutesQuestion>();
        foreach (var q in read.Questions)
        {
            if (!q.TopicKnown)
            {
                problems.Warning("MINUTES_QUESTION_NO_TOPIC", q.Location, "The question's topic group is not in the plan; it is listed under other questions.",
                    q.TopicCell);
            }

            result.Add(new MinutesQuestion(q.Id, q.TopicKnown ? q.TopicNumber : 0, q.Text, q.Asker, q.Unit, q.Department));
        }

        if (!read.HasChoiceColumn)
        {
            problems.Warning("MINUTES_QUESTIONS_ALL", read.Location, "No 'Chọn' column: every question is listed in the minutes.", result.Count.ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }
}
