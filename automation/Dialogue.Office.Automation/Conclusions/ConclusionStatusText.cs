namespace Dialogue.Office.Automation.Conclusions;

/// <summary>The Vietnamese words for a status, as they are written in the workbook and the reports.</summary>
internal static class ConclusionStatusText
{
    public static string Vietnamese(ConclusionStatus status) => status switch
    {
        ConclusionStatus.NotStarted => "Chưa thực hiện",
        ConclusionStatus.InProgress => "Đang thực hiện",
        ConclusionStatus.Done => "Hoàn thành",
        ConclusionStatus.Overdue => "Quá hạn",
        _ => "",
    };
}
