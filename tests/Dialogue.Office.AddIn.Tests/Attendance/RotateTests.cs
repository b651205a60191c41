using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.AddIn.Tests.Packets;
using Dialogue.Office.AddIn.Tests.Support;

namespace Dialogue.Office.AddIn.Tests.Attendance;

/// <summary>
/// <c>dialogue attendance rotate</c> for real, on a user-secrets store of its own (HOME and APPDATA of the child
/// processes point to a temporary folder, so this machine's store is never touched): the command writes the
/// conference's secret there, the host in its own process reads it, and after a second rotation and a restart every
/// token and door code has changed — the letter's old link is the same 404 as a guessed one.
/// </summary>
public sealed partial class RotateTests
{
    [Fact]
    public async Task Rotate_WritesTheStoreTheHostReads_OldLinksAndDoorCodesStopWorking()
    {
        var root = Path.Combine(Path.GetTempPath(), "attendance-rotate-" + Guid.NewGuid().ToString("N"));
        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        var plan = RegisterDurabilityTests.CopyPlanInTheFuture(Path.Combine(root, "data"));
        var code = Automation.Plans.PlanLoader.Load(plan).Plan!.Delegates[0].Code;
        var environment = new Dictionary<string, string>
        {
            [OperatingSystem.IsWindows() ? "APPDATA" : "HOME"] = home, // where the user-secrets store is looked for
            ["DIALOGUE_Attendance__PublicBaseUrl"] = "https://hoinghi.example.gov.vn",
        };
        try
        {
            var (exit, output) = PacketFlowTests.RunCli(["attendance", "rotate", plan], environment);
            Assert.True(exit == 0, output);
            Assert.Contains("Đã tạo khóa bí mật của hội nghị YB23", output, StringComparison.Ordinal);
            var store = OperatingSystem.IsWindows()
                ? Path.Combine(home, "Microsoft", "UserSecrets", "dialogue-office-attendance", "secrets.json")
                : Path.Combine(home, ".microsoft", "usersecrets", "dialogue-office-attendance", "secrets.json");
            Assert.True(File.Exists(store), output);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store));
            }

            var first = Key(store);
            Assert.Equal(first.DoorCode("tinh"), DoorCodes(output)["Trung tâm Hội nghị tỉnh"]);

            await using (var host = await HostProcess.StartAsync(root, environment))
            {
                Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"/d/{code}?k={first.Token(code)}")).StatusCode);
                Assert.Equal(HttpStatusCode.NoContent, (await Unlock(host.Client, first.DoorCode("tinh"))).StatusCode);

                // Every door page the checklist prints is one the host serves.
                Assert.Equal(9, DoorPages(output).Count);
                foreach (var page in DoorPages(output).Values)
                {
                    Assert.True((await host.Client.GetAsync(page)).StatusCode == HttpStatusCode.OK, page);
                }
            }

            (exit, output) = PacketFlowTests.RunCli(["attendance", "rotate", plan], environment);
            Assert.True(exit == 0, output);
            Assert.Contains("Đã đổi khóa bí mật của hội nghị YB23", output, StringComparison.Ordinal);
            var second = Key(store);
            Assert.NotEqual(first.Token(code), second.Token(code));
            Assert.NotEqual(first.DoorCode("tinh"), second.DoorCode("tinh"));
            Assert.Equal(second.DoorCode("tinh"), DoorCodes(output)["Trung tâm Hội nghị tỉnh"]);

            await using (var host = await HostProcess.StartAsync(root, environment))
            {
                var old = await host.Client.GetAsync($"/d/{code}?k={first.Token(code)}");
                var guessed = await host.Client.GetAsync($"/d/{code}?k={new string('A', 22)}");
                Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
                Assert.Equal(await guessed.Content.ReadAsStringAsync(), await old.Content.ReadAsStringAsync());
                Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"/d/{code}?k={second.Token(code)}")).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await Unlock(host.Client, first.DoorCode("tinh"))).StatusCode);
                Assert.Equal(HttpStatusCode.NoContent, (await Unlock(host.Client, second.DoorCode("tinh"))).StatusCode);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(root, true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The key the store now holds for YB23 (nothing else configured: no master secret).</summary>
    private static ConferenceKey Key(string store)
    {
        var secret = JsonNode.Parse(File.ReadAllText(store))!["Attendance:Secrets:YB23"]!.GetValue<string>();
        var options = new AttendanceOptions();
        options.Secrets["YB23"] = secret;
        return ConferenceKey.From(options, "YB23")!;
    }

    /// <summary>The checklist's door codes by venue name, as the command printed them.</summary>
    private static Dictionary<string, string> DoorCodes(string output) =>
        ChecklistRow().Matches(output).ToDictionary(m => m.Groups[1].Value.Trim(), m => m.Groups[3].Value);

    /// <summary>The checklist's door page addresses (path only) by venue name.</summary>
    private static Dictionary<string, string> DoorPages(string output) =>
        ChecklistRow().Matches(output).ToDictionary(m => m.Groups[1].Value.Trim(), m => m.Groups[2].Value);

    private static async Task<HttpResponseMessage> Unlock(HttpClient client, string doorCode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cua/YB23/tinh/mo");
        request.Headers.Add(Dialogue.Office.AddIn.Apis.AttendanceApi.DoorCodeHeader, doorCode);
        return await client.SendAsync(request);
    }

    [GeneratedRegex(@"│\s*([^│]+?)\s*│\s*https://hoinghi\.example\.gov\.vn(/cua/YB23/\S+)\s*│\s*(\d{8})\s*│")]
    private static partial Regex ChecklistRow();
}
