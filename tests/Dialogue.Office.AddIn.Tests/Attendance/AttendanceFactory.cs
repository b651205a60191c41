using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.AddIn.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dialogue.Office.AddIn.Tests.Attendance;

/// <summary>
/// The host with the delegate page on: a test secret, the register in the factory's own folder, and a fake clock set
/// before the sample's confirmation deadline (21/4/2023).
/// </summary>
public class AttendanceFactory : AddInFactory
{
    /// <summary>A secret for tests only (32 bytes, base64).</summary>
    public const string Secret = "dGVzdC1vbmx5LWF0dGVuZGFuY2Utc2VjcmV0LTMyLWJ5dGVzIQ==";

    public const string PublicBaseUrl = "https://hoinghi.example.gov.vn";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2023, 4, 18, 8, 0, 0, TimeSpan.FromHours(7)));

    public string Database => Path.Combine(OutputRoot, "register", "attendance.db");

    protected virtual int RequestsPerMinute => 10_000;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Attendance:Secret", Secret),
        new("Attendance:PublicBaseUrl", PublicBaseUrl),
        new("Attendance:Database", Database),
        new("Attendance:RequestsPerMinute", RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>The key the host signs YB23's links with (from its own configuration).</summary>
    public ConferenceKey Key(string conference = "YB23") =>
        ConferenceKey.From(Services.GetRequiredService<IOptions<AttendanceOptions>>().Value, conference)!;

    public IAttendanceRegister Register => Services.GetRequiredService<IAttendanceRegister>();
}
