using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dialogue.Office.AddIn.Tests.Support;
using Dialogue.Office.Automation.Attendance;

namespace Dialogue.Office.AddIn.Tests.Attendance;

/// <summary>
/// The real host in its own process, the SQLite register in WAL: confirmations are posted by several clients at once,
/// the process is killed in the middle of the burst, and every confirmation the host acknowledged (303) is in the
/// register afterwards.
/// </summary>
public sealed class RegisterDurabilityTests
{
    [Fact]
    public async Task HostKilledDuringABurst_EveryAcknowledgedAnswerIsInTheRegister()
    {
        var root = Path.Combine(Path.GetTempPath(), "attendance-kill-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        var plan = CopyPlanInTheFuture(data);
        var database = Path.Combine(root, "attendance.db");
        var port = FreePort();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.AddIn, "bin", configuration, "net10.0", "Dialogue.Office.AddIn.dll");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.AddIn,
        };
        foreach (var arg in new[] { "exec", dll, "--urls", $"http://127.0.0.1:{port}" })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["AddIn__DataRoot"] = data;
        psi.Environment["AddIn__OutputRoot"] = Path.Combine(root, "out");
        psi.Environment["Attendance__Secret"] = AttendanceFactory.Secret;
        psi.Environment["Attendance__Database"] = database;
        psi.Environment["Attendance__RequestsPerMinute"] = "1000000";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information"; // "Now listening on:" is the state waited for

        var key = ConferenceKey.From(new AttendanceOptions { Secret = AttendanceFactory.Secret }, "YB23")!;
        var delegates = Automation.Plans.PlanLoader.Load(plan).Plan!.Delegates.Select(d => d.Code).ToList();
        using var host = Process.Start(psi)!;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Now listening on:", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        host.ErrorDataReceived += (_, _) => { };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        var acknowledged = new ConcurrentBag<(string Code, string Name)>();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            // Waits for the host's state (it says it listens), not for a time; fails if the process ended first.
            Assert.True(await Task.WhenAny(listening.Task, host.WaitForExitAsync()) == listening.Task, "the host ended before serving");
            using (var first = await client.GetAsync($"/d/{delegates[0]}?k={key.Token(delegates[0])}"))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            }

            // Eight clients post until the host dies; the kill comes once 150 answers were acknowledged.
            var enough = new TaskCompletionSource();
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
                        using var response = await client.PostAsync($"/d/{code}", new FormUrlEncodedContent(
                        [
                            new("k", key.Token(code)), new("trang-thai", "du-thay"), new("ho-ten", name), new("chuc-vu", "Chuyên viên"),
                        ]));
                        if (response.StatusCode != HttpStatusCode.SeeOther)
                        {
                            throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        }

                        acknowledged.Add((code, name));
                        if (acknowledged.Count >= 150)
                        {
                            enough.TrySetResult();
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the host is gone
                    }
                }
            }).ToList();

            await enough.Task.WaitAsync(TimeSpan.FromMinutes(3));
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            await Task.WhenAll(clients);
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }
        }

        // Reopened after the kill (WAL recovery): every acknowledged answer is there.
        using (var register = new SqliteAttendanceRegister(database))
        {
            var missing = new List<string>();
            foreach (var group in acknowledged.GroupBy(a => a.Code))
            {
                var names = (await register.HistoryAsync("YB23", group.Key)).Select(h => h.SubstituteName).ToHashSet();
                missing.AddRange(group.Where(a => !names.Contains(a.Name)).Select(a => a.Name));
            }

            Assert.True(acknowledged.Count >= 150, $"{acknowledged.Count} acknowledged");
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged answers lost: {string.Join(", ", missing.Take(5))}");
        }

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
