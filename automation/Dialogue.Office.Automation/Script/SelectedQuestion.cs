namespace Dialogue.Office.Automation.Script;

/// <summary>
/// A question chosen for the dialogue (from the consolidated question workbook): the topic group it belongs to, its
/// text, who asked it and from which unit, and the department that answers. The script lists them under their topic.
/// </summary>
/// <param name="TopicNumber">The plan's topic number (Nhóm vấn đề 1, 2…).</param>
/// <param name="Text">The question as it will be read out.</param>
/// <param name="Asker">Who asked ("Cô giáo Nguyễn Thị A", "Đồng chí …"); may be empty.</param>
/// <param name="Unit">The asker's school or unit; may be empty.</param>
/// <param name="Department">The department routed to answer; empty = the topic's lead department.</param>
public sealed record SelectedQuestion(int TopicNumber, string Text, string Asker = "", string Unit = "", string Department = "");
