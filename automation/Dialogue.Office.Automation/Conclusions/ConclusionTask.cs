namespace Dialogue.Office.Automation.Conclusions;

/// <summary>Where a conclusion task stands (chưa thực hiện, đang thực hiện, hoàn thành, quá hạn).</summary>
public enum ConclusionStatus
{
    NotStarted,
    InProgress,
    Done,
    Overdue,
}

/// <summary>
/// One task of the chair's conclusions, as the conclusions workbook holds it: the topic it belongs to, what is to be
/// done, the questions it answers (ids from the consolidated question workbook), the body assigned to lead it and
/// those to work with, the deadline, the expected result, and the evidence that it is done (the number and date of
/// the reply document).
/// </summary>
public sealed record ConclusionTask
{
    public required string Id { get; init; }

    /// <summary>The workbook row (for locations).</summary>
    public int Row { get; init; }

    public int TopicNumber { get; init; }

    public required string Content { get; init; }

    public IReadOnlyList<string> QuestionIds { get; init; } = [];

    public required string Lead { get; init; }

    public string Partners { get; init; } = "";

    public required DateOnly Deadline { get; init; }

    public string ExpectedResult { get; init; } = "";

    /// <summary>The status the department or the clerk wrote (quá hạn is never taken from the cell: it is computed).</summary>
    public ConclusionStatus Declared { get; init; } = ConclusionStatus.NotStarted;

    public string ReplyNumber { get; init; } = "";

    public DateOnly? ReplyDate { get; init; }
}

/// <summary>The notice's own data (sheet "Thông báo" of the conclusions workbook), each with a default.</summary>
public sealed record NoticeSettings
{
    public string Number { get; init; } = "";

    public DateOnly? Date { get; init; }

    /// <summary>Ký hiệu of the công văn đôn đốc: "VPUBND-VX" → "Số:      /VPUBND-VX".</summary>
    public string ReminderCode { get; init; } = "";

    public string Authority { get; init; } = "KT. CHÁNH VĂN PHÒNG";

    public string Position { get; init; } = "PHÓ CHÁNH VĂN PHÒNG";

    public string SignerName { get; init; } = "";

    /// <summary>Who monitors the conclusions for the staff (Công đoàn ngành …); receives the reminders for information.</summary>
    public string Monitor { get; init; } = "";
}

/// <summary>The conclusions workbook as read: tasks (rows with errors are left out and reported) and the notice data.</summary>
public sealed record ConclusionSheet(IReadOnlyList<ConclusionTask> Tasks, NoticeSettings Notice, string FileName);
