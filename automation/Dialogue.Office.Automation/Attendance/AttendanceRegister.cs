namespace Dialogue.Office.Automation.Attendance;

/// <summary>What a delegate answered on the page (or the secretariat recorded for them).</summary>
public enum AttendanceStatus
{
    /// <summary>No answer yet.</summary>
    None = 0,

    /// <summary>"Tham dự".</summary>
    Attending = 1,

    /// <summary>"Cử người dự thay": the substitute takes the same seat and is introduced by name.</summary>
    Substitute = 2,

    /// <summary>"Vắng mặt", with a reason.</summary>
    Absent = 3,
}

/// <summary>One answer, kept forever: the register is a history, the latest answer is the delegate's current one.</summary>
public sealed record AttendanceAnswer
{
    public required string ConferenceCode { get; init; }
    public required string DelegateCode { get; init; }
    public required AttendanceStatus Status { get; init; }

    /// <summary>The substitute's full name (<see cref="AttendanceStatus.Substitute"/> only).</summary>
    public string SubstituteName { get; init; } = "";

    /// <summary>The substitute's position, as the MC reads it ("Phó Giám đốc Sở Tài chính").</summary>
    public string SubstitutePosition { get; init; } = "";

    /// <summary>Why the delegate is absent (<see cref="AttendanceStatus.Absent"/> only).</summary>
    public string Reason { get; init; } = "";

    public required DateTimeOffset At { get; init; }

    /// <summary>Who recorded it: "dai-bieu" (the delegate page), "thu-ky" (the secretariat).</summary>
    public string Source { get; init; } = "dai-bieu";
}

/// <summary>A delegate (or their substitute) checked in at a venue's door.</summary>
public sealed record AttendanceCheckIn
{
    public required string ConferenceCode { get; init; }
    public required string DelegateCode { get; init; }
    public required string VenueId { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>How: "qr" (scanned) or "tim" (found by name).</summary>
    public string Method { get; init; } = "qr";
}

/// <summary>The outcome of a check-in: the first one is kept; a second scan returns the first.</summary>
public sealed record CheckInOutcome(AttendanceCheckIn CheckIn, bool AlreadyCheckedIn);

/// <summary>One delegate's state in the register: the latest answer and the check-in.</summary>
public sealed record DelegateAttendance(string DelegateCode, AttendanceAnswer? Answer, AttendanceCheckIn? CheckIn)
{
    public AttendanceStatus Status => Answer?.Status ?? AttendanceStatus.None;
}

/// <summary>
/// One delegate's whole record in the register, read in one call (the delegate page, a door's check-in): the answers
/// oldest first, the latest of them being the current answer, and the check-in (the first one) if any.
/// </summary>
public sealed record DelegateRecord(string DelegateCode, IReadOnlyList<AttendanceAnswer> History, AttendanceCheckIn? CheckIn)
{
    /// <summary>The latest answer (what <see cref="IAttendanceRegister.SnapshotAsync"/> says for the delegate).</summary>
    public AttendanceAnswer? Answer => History.Count > 0 ? History[^1] : null;

    public AttendanceStatus Status => Answer?.Status ?? AttendanceStatus.None;
}

/// <summary>
/// The attendance register: answers with their history and the door check-ins of one or more conferences. A write is
/// acknowledged (the task completes) only after it is committed durably. Two implementations: SQLite in the host's data
/// folder (<see cref="SqliteAttendanceRegister"/>), and a SharePoint list.
/// </summary>
public interface IAttendanceRegister
{
    /// <summary>Appends an answer; completes after it is committed.</summary>
    Task AnswerAsync(AttendanceAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>A delegate's answers, oldest first.</summary>
    Task<IReadOnlyList<AttendanceAnswer>> HistoryAsync(string conferenceCode, string delegateCode, CancellationToken cancellationToken = default);

    /// <summary>Records a check-in unless the delegate already has one (then that one is returned).</summary>
    Task<CheckInOutcome> CheckInAsync(AttendanceCheckIn checkIn, CancellationToken cancellationToken = default);

    /// <summary>
    /// One delegate's history, latest answer and check-in, reading only that delegate's rows (a page view must not
    /// cost the whole conference); the same answer and check-in as <see cref="SnapshotAsync"/> gives for the delegate.
    /// </summary>
    Task<DelegateRecord> DelegateAsync(string conferenceCode, string delegateCode, CancellationToken cancellationToken = default);

    /// <summary>Every delegate of the conference who has an answer or a check-in, by delegate code.</summary>
    Task<IReadOnlyDictionary<string, DelegateAttendance>> SnapshotAsync(string conferenceCode, CancellationToken cancellationToken = default);
}
