using System.Collections.Concurrent;
using System.Net;
using Dialogue.Office.AddIn.Tests.Support;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Tests.Sharing;
using Xunit.Abstractions;

namespace Dialogue.Office.AddIn.Tests.Attendance;

/// <summary>
/// The real host in its own process (<see cref="HostProcess"/>): confirmations are posted by several clients at once,
/// the process is killed in the middle of the burst, and every confirmation the host acknowledged (303) is in the
/// register afterwards — the SQLite register in WAL, and the SharePoint list on the Graph-compatible test server (which
/// runs in the test process, so it outlives the host).
/// </summary>
public sealed class RegisterDurabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HostKilledDuringABurst_EveryAcknowledgedAnswerIsInTheRegister()
    {
        var root = Path.Combine(Path.GetTempPath(), "attendance-kill-" + Guid.NewGuid().ToString("N"));
        var database = Path.Combine(root, "attendance.db");
        try
        {
            var acknowledged = await BurstThenKillAsync(root, new Dictionary<string, string> { ["Attendance__Database"] = database }, 150);

            // Reopened after the kill (WAL recovery): every acknowledged answer is there.
            using var register = new SqliteAttendanceRegister(database);
            var kept = new HashSet<(string Code, string Name)>();
            foreach (var code in acknowledged.Select(a => a.Code).Distinct())
            {
                kept.UnionWith((await register.HistoryAsync("YB23", code)).Select(h => (code, h.SubstituteName)));
            }

            output.WriteLine($"SQLite: {acknowledged.Count} acknowledged, {kept.Count} answers in the register after the kill");
            AssertNoneLost(acknowledged, kept);
        }
        finally
        {
            Delete(root);
        }
    }

    [Fact]
    public async Task HostKilledDuringABurst_SharePointList_EveryAcknowledgedAnswerIsAnItem()
    {
        var root = Path.Combine(Path.GetTempPath(), "attendance-kill-sp-" + Guid.NewGuid().ToString("N"));
        await using var server = await FakeGraphServer.StartAsync();
        try
        {
            // Publishing configured for unattended use, as the host's SharePoint register needs (a pipeline's token).
            var acknowledged = await BurstThenKillAsync(root, new Dictionary<string, string>
            {
                ["Sharing__SiteUrl"] = server.SiteUrl,
                ["Sharing__Graph__BaseUrl"] = server.GraphBaseUrl,
                ["Sharing__Graph__Auth"] = "AccessToken",
                ["Sharing__Graph__AccessTokenVariable"] = "DIALOGUE_TEST_REGISTER_TOKEN",
                ["DIALOGUE_TEST_REGISTER_TOKEN"] = server.CurrentToken,
            }, 60);

            var kept = server.ListRows(AttendanceListTarget.DefaultListName)
                .Where(r => r["MaHoiNghi"]?.GetValue<string>() == "YB23" && r["NguoiDuThay"] is not null)
                .Select(r => (r["MaDaiBieu"]!.GetValue<string>(), r["NguoiDuThay"]!.GetValue<string>()))
                .ToHashSet();
            output.WriteLine($"SharePoint: {acknowledged.Count} acknowledged, {kept.Count} answer items in the list after the kill");
            AssertNoneLost(acknowledged, kept);
        }
        finally
        {
            Delete(root);
        }
    }

    /// <summary>
    /// The host on a copy of the sample plan; eight clients post substitutes (each with its own name) until the host dies,
    /// killed once <paramref name="enough"/> answers were acknowledged. Returns the acknowledged (code, name) pairs.
    /// </summary>
    private static async Task<IReadOnlyCollection<(string Code, string Name)>> BurstThenKillAsync(string root, Dictionary<string, string> environment, int enough)
    {
        var plan = CopyPlanInTheFuture(Path.Combine(root, "data"));
        environment["Attendance__Secret"] = AttendanceFactory.Secret;
        environment["Attendance__RequestsPerMinute"] = "1000000";
        var key = ConferenceKey.From(new AttendanceOptions { Secret = AttendanceFactory.Secret }, "YB23")!;
        var delegates = Automation.Plans.PlanLoader.Load(plan).Plan!.Delegates.Select(d => d.Code).ToList();
        var acknowledged = new ConcurrentBag<(string Code, string Name)>();
        await using var host = await HostProcess.StartAsync(root, environment);
        using (var first = await host.Client.GetAsync($"/d/{delegates[0]}?k={key.Token(delegates[0])}"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = 0;
        var clients = Enumerable.Range(0, 8).Select(async worker =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref sent);
                var code = delegates[n % delegates.Count];
                var name = $"Người dự thay số {n}";
                try
                {
                    using var response = await host.Client.PostAsync($"/d/{code}", new FormUrlEncodedContent(
                    [
                        new("k", key.Token(code)), new("trang-thai", "du-thay"), new("ho-ten", name), new("chuc-vu", "Chuyên viên"),
                    ]));
                    if (response.StatusCode != HttpStatusCode.SeeOther)
                    {
                        throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }

                    acknowledged.Add((code, name));
                    if (acknowledged.Count >= enough)
                    {
                        reached.TrySetResult();
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the host is gone
                }
            }
        }).ToList();

        // A client that fails for another reason ends the wait too, with its exception.
        await Task.WhenAny(reached.Task, Task.WhenAll(clients)).Unwrap().WaitAsync(TimeSpan.FromMinutes(3));
        await host.KillAsync();
        await Task.WhenAll(clients);
        Assert.True(acknowledged.Count >= enough, $"{acknowledged.Count} acknowledged");
        return acknowledged;
    }

    private static void AssertNoneLost(IReadOnlyCollection<(string Code, string Name)> acknowledged, HashSet<(string Code, string Name)> kept)
    {
        var missing = acknowledged.Where(a => !kept.Contains(a)).Select(a => a.Name).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged answers lost: {string.Join(", ", missing.Take(5))}");
    }

    private static void Delete(string root)
    {
        try
        {
            Directory.Delete(root, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The sample plan moved to 2099, so its page is open on the real clock of the host process.</summary>
    internal static string CopyPlanInTheFuture(string data)
    {
        var source = Path.Combine(RepoPaths.Samples, "yen-bai-2023");
        var target = Path.Combine(data, "yen-bai-2023");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.TopDirectoryOnly))
        {
            Directory.CreateDirectory(target);
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var yaml = File.ReadAllText(Path.Combine(target, "plan.yaml"));
        var moved = yaml.Replace("  date: 2023-04-25", "  date: 2099-04-25", StringComparison.Ordinal).Replace("  confirm_by: 2023-04-21", "  confirm_by: 2099-04-21", StringComparison.Ordinal);
        Assert.NotEqual(yaml, moved);
        File.WriteAllText(Path.Combine(target, "plan.yaml"), moved);
        return target;
    }
}
