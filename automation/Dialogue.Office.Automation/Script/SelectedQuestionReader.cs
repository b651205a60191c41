using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Questions;

namespace Dialogue.Office.Automation.Script;

/// <summary>
/// The script's view of the consolidated workbook's selection (<c>dialogue script --questions</c>), read by the one
/// <see cref="DialogueQuestionReader"/> that the minutes use too: the chosen questions ("Chọn"), with the text and
/// asker cleaned for reading aloud when the workbook has them.
/// </summary>
public static class SelectedQuestionReader
{
    public static IReadOnlyList<SelectedQuestion>? Read(string path, ConferencePlan plan, ProblemList problems) =>
        DialogueQuestionReader.Read(path, plan, problems, "SCRIPT")?.Questions
            .Select(q => new SelectedQuestion(q.TopicNumber, q.Text, q.Asker, q.Unit, q.Department))
            .ToList();
}
