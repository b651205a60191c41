namespace Dialogue.Office.Automation.Minutes;

/// <summary>
/// A question raised at the dialogue as the minutes and the conclusions know it: its id from the consolidated
/// workbook ("Mã câu hỏi"), topic group, text, who asked it, and the body that answers.
/// </summary>
internal sealed record MinutesQuestion(string Id, int TopicNumber, string Text, string Asker = "", string Unit = "", string Department = "");
