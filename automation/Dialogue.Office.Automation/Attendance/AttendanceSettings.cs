namespace Dialogue.Office.Automation.Attendance;

/// <summary>
/// The plan's <c>attendance:</c> section: where the delegate page is served (the add-in host's public address) and how
/// long it stays open. Every value may also come from the configuration (<see cref="AttendanceOptions"/>); the plan wins.
/// </summary>
public sealed record AttendanceSettings
{
    /// <summary>The host's public address (e.g. <c>https://hoinghi.yenbai.gov.vn</c>); empty: not set by the plan.</summary>
    public string PublicBaseUrl { get; init; } = "";

    /// <summary>Days after the conference the page still opens (read-only); null: not set by the plan.</summary>
    public int? ExpiresAfterDays { get; init; }
}

/// <summary>
/// The configuration's <c>Attendance</c> section (appsettings.json, user-secrets, environment
/// <c>DIALOGUE_Attendance__*</c>). The secrets live here and only here: never in the plan folder or the packet.
/// </summary>
public sealed class AttendanceOptions
{
    public const string Section = "Attendance";

    /// <summary>The host's public address; the delegate page and its QR links are on when this (or the plan's) is set.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// The master secret (base64, at least 32 bytes): each conference's key is derived from it and the conference code,
    /// so one conference's token never opens another's page.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>A conference's own secret (by conference code), written by <c>dialogue attendance rotate</c>; wins over <see cref="Secret"/>.</summary>
    public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Days after the conference date the page still opens; after that every link answers 404.</summary>
    public int ExpiresAfterDays { get; set; } = 30;

    /// <summary>The SQLite register file; empty: <c>attendance.db</c> in the host's data folder.</summary>
    public string Database { get; set; } = "";
}
