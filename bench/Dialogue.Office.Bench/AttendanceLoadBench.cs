using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Bench;

/// <summary>
/// Load benchmark of the delegate page and the confirmation (issue 15, item 8), driven by bench/attendance.sh: starts
/// the real add-in host (<c>dotnet exec</c> of its built dll) on a free loopback port with a plan copy moved to 2099, a
/// fresh data folder and the conference's secret in the host's environment (<c>Attendance__Secrets__YB23</c>), the
/// per-address limit raised for the run (<c>Attendance__RequestsPerMinute</c>: every client here is 127.0.0.1). Then:
/// <list type="bullet">
/// <item>A — confirmations: each of the delegates opens the page (GET), answers (POST, same-origin headers as the
/// page's own form) and follows the 303 back to the page; open loop, the arrivals spread evenly over
/// <c>--confirm-spread</c> seconds (each delegate starts at its slot whether or not the earlier ones finished);</item>
/// <item>A′ — the same delegates answer again as fast as possible, <c>--burst-concurrency</c> at a time (0: skipped);</item>
/// <item>reference — <c>--views</c> GETs of a static file of the same host, <c>--concurrency</c> at a time;</item>
/// <item>B — <c>--views</c> page views, <c>--concurrency</c> at a time (closed loop).</item>
/// </list>
/// Reports p50/p95/p99 per request kind, errors, requests/s, the host's CPU time and peak RSS (VmHWM), then kills the
/// host and checks every acknowledged (303) answer is in the register. Exit code 1 on any error or lost write.
/// </summary>
internal static class AttendanceLoadBench
{
    private const string Conference = "YB23";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    internal sealed record Options(
        string HostDll,
        string ContentRoot,
        string Work,
        int Delegates,
        double ConfirmSpreadSeconds,
        int BurstConcurrency,
        int Views,
        int Concurrency,
        string StaticPath,
        int MaxSeconds,
        bool Confirmations = true,
        double ViewsPerSecond = 100);

    public static int Run(string[] args)
    {
        if (Parse(args) is not { } options)
        {
            return 2;
        }

        return RunAsync(options).GetAwaiter().GetResult();
    }

    internal static Options? Parse(string[] args)
    {
        string? host = null, contentRoot = null, work = null, staticPath = "/help.html";
        int delegates = 300, burst = 50, views = 1000, concurrency = 100, maxSeconds = 600;
        double spread = 60;
        var confirmations = true;
        double rate = 100;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            try
            {
                switch (args[i])
                {
                    case "--host": host = Next(); break;
                    case "--content-root": contentRoot = Next(); break;
                    case "--work": work = Next(); break;
                    case "--delegates": delegates = Int(); break;
                    case "--confirm-spread": spread = double.Parse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture); break;
                    case "--burst-concurrency": burst = Int(); break;
                    case "--views": views = Int(); break;
                    case "--concurrency": concurrency = Int(); break;
                    case "--static": staticPath = Next(); break;
                    case "--max-seconds": maxSeconds = Int(); break;
                    case "--no-confirmations": confirmations = false; break;
                    case "--views-per-second": rate = double.Parse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                Console.Error.WriteLine($"attendance: {e.Message}");
                return null;
            }
        }

        if (host is null || !File.Exists(host) || delegates < 1 || views < 1 || concurrency < 1 || burst < 0 || spread < 0 || rate < 0 || maxSeconds < 1)
        {
            Console.Error.WriteLine("attendance: --host <Dialogue.Office.AddIn.dll> is required (and counts must be positive); see bench/attendance.sh");
            return null;
        }

        return new Options(Path.GetFullPath(host), Path.GetFullPath(contentRoot ?? Path.GetDirectoryName(host)!),
            Path.GetFullPath(work ?? Path.Combine(Path.GetTempPath(), "dialogue-attendance-bench-" + Guid.NewGuid().ToString("N")[..8])),
            delegates, spread, burst, views, concurrency, staticPath, maxSeconds, confirmations, rate);
    }

    private static async Task<int> RunAsync(Options o)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(o.MaxSeconds));
        var startedAt = DateTimeOffset.UtcNow;
        var loadBefore = ReadFirstLine("/proc/loadavg");

        // A fresh data folder: the sample plan with o.Delegates delegates (cycled from the sample's), moved to 2099.
        if (Directory.Exists(o.Work))
        {
            Directory.Delete(o.Work, true);
        }

        var data = Path.Combine(o.Work, "data");
        var planFolder = Path.Combine(data, "yen-bai-bench");
        using (var quiet = new StringWriter())
        {
            var console = Console.Out;
            Console.SetOut(quiet);
            try
            {
                InvitationBench.PlanFor(o.Delegates.ToString(CultureInfo.InvariantCulture), planFolder);
            }
            finally
            {
                Console.SetOut(console);
            }
        }

        MoveToTheFuture(Path.Combine(planFolder, PlanLoader.PlanFileName));
        var plan = PlanLoader.Load(planFolder).Require();
        if (!string.Equals(plan.Conference.Code, Conference, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the sample's conference code is {plan.Conference.Code}, expected {Conference}");
        }

        var codes = plan.Delegates.Select(d => d.Code).ToList();
        var secret = Environment.GetEnvironmentVariable("DIALOGUE_BENCH_ATTENDANCE_SECRET") is { Length: > 0 } s ? s : ConferenceKey.NewSecret();
        var key = ConferenceKey.From(new AttendanceOptions { Secrets = { [Conference] = secret } }, Conference)
            ?? throw new InvalidOperationException("DIALOGUE_BENCH_ATTENDANCE_SECRET is not base64 of at least 32 bytes");
        var database = Path.Combine(o.Work, "attendance.db");
        var port = FreePort();
        var baseUri = new Uri($"http://127.0.0.1:{port}");

        Console.WriteLine("# Attendance load benchmark (bench/attendance.sh)");
        Console.WriteLine($"date:    {startedAt:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {CpuModel()} × {Environment.ProcessorCount} (logical), {MemTotal()}; load average before {loadBefore}");
        Console.WriteLine($"command: {Environment.CommandLine}");
        Console.WriteLine($"host:    dotnet exec {o.HostDll} on {baseUri} (content root {o.ContentRoot}); {codes.Count} delegates; register {database}");
        Console.WriteLine($"limits:  Attendance__RequestsPerMinute=1000000 for the run (default 120 per address per minute; every client here is 127.0.0.1)");
        Console.WriteLine();

        using var host = StartHost(o, data, database, secret, port, out var hostLog, out var listening);
        var acknowledged = new ConcurrentBag<Answer>();
        var results = new List<(string Scenario, Samples Run)>();
        try
        {
            if (await Task.WhenAny(listening.Task, host.WaitForExitAsync(deadline.Token), Task.Delay(TimeSpan.FromSeconds(60), deadline.Token)) != listening.Task)
            {
                throw new InvalidOperationException("the host did not start listening:\n" + string.Join('\n', hostLog));
            }

            var cpu0 = HostCpuSeconds(host.Id);

            // Warm-up (not counted): JIT of the page, the form and the register's write path; its answers are checked too.
            var warm = new Samples();
            using (var client = Client(baseUri, 8))
            {
                warm.Start();
                await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = deadline.Token }, async (i, ct) =>
                {
                    await GetAsync(client, warm, "static", o.StaticPath, ct);
                    if (!o.Confirmations)
                    {
                        await GetAsync(client, warm, "page", PageUri(key, codes[i % codes.Count]), ct);
                        return;
                    }

                    await DelegateFlowAsync(client, warm, key, codes[i % codes.Count], Choice(i + 5, i, "warm"), acknowledged, ct);
                });
                warm.Stop();
            }

            results.Add(("warm-up (not a result)", warm));
            Report("warm-up (not a result)", warm, host.Id);

            // Without confirmations (--no-confirmations): the register stays empty, to see what the answers cost a page view.
            if (o.Confirmations)
            {
                // A: every delegate confirms once, arrivals spread evenly over the minute (open loop).
                var a = new Samples();
                using (var client = Client(baseUri, 256))
                {
                    await OpenLoopAsync(a, codes.Count, o.ConfirmSpreadSeconds, n => DelegateFlowAsync(client, a, key, codes[n], Choice(n, n, "a"), acknowledged, deadline.Token), deadline.Token);
                }

                var aName = string.Create(CultureInfo.InvariantCulture, $"A: {codes.Count} delegates confirm, open loop over {o.ConfirmSpreadSeconds:0.#} s");
                results.Add((aName, a));
                Report(aName, a, host.Id);

                // A′: the same delegates answer again, as fast as the host lets them.
                if (o.BurstConcurrency > 0)
                {
                    var burst = new Samples();
                    using var client = Client(baseUri, o.BurstConcurrency);
                    burst.Start();
                    await Parallel.ForEachAsync(Enumerable.Range(0, codes.Count), new ParallelOptions { MaxDegreeOfParallelism = o.BurstConcurrency, CancellationToken = deadline.Token },
                        async (i, ct) => await DelegateFlowAsync(client, burst, key, codes[i], Choice(i + 3, i, "b"), acknowledged, ct));
                    burst.Stop();
                    var name = $"A′: {codes.Count} delegates answer again, as fast as possible, {o.BurstConcurrency} at a time";
                    results.Add((name, burst));
                    Report(name, burst, host.Id);
                }
            }

            // Reference, then B: the same shape of load on a static file of the same host, then on the delegate page.
            var reference = new Samples();
            var b = new Samples();
            using (var client = Client(baseUri, o.Concurrency))
            {
                reference.Start();
                await Parallel.ForEachAsync(Enumerable.Range(0, o.Views), new ParallelOptions { MaxDegreeOfParallelism = o.Concurrency, CancellationToken = deadline.Token },
                    async (_, ct) => await GetAsync(client, reference, "static", o.StaticPath, ct));
                reference.Stop();
                b.Start();
                await Parallel.ForEachAsync(Enumerable.Range(0, o.Views), new ParallelOptions { MaxDegreeOfParallelism = o.Concurrency, CancellationToken = deadline.Token },
                    async (i, ct) => await GetAsync(client, b, "page", PageUri(key, codes[i % codes.Count]), ct));
                b.Stop();
            }

            var refName = $"reference: {o.Views} GET {o.StaticPath} (static file), {o.Concurrency} at a time";
            results.Add((refName, reference));
            Report(refName, reference, host.Id);
            var bName = $"B: {o.Views} page views, {o.Concurrency} at a time";
            results.Add((bName, b));
            Report(bName, b, host.Id);

            // B″: the same page views arriving at a steady rate (open loop), what phones scanning at the door look like.
            if (o.ViewsPerSecond > 0)
            {
                var steady = new Samples();
                using var client = Client(baseUri, 256);
                await OpenLoopAsync(steady, o.Views, o.Views / o.ViewsPerSecond, i => GetAsync(client, steady, "page", PageUri(key, codes[i % codes.Count]), deadline.Token), deadline.Token);
                var name = string.Create(CultureInfo.InvariantCulture, $"B″: {o.Views} page views arriving at {o.ViewsPerSecond:0.#}/s (open loop)");
                results.Add((name, steady));
                Report(name, steady, host.Id);
            }

            var page = b.Stats("page");
            var stat = reference.Stats("static");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"page / static file in the same run: p50 {page.P50 / Math.Max(0.001, stat.P50):F1}×, p95 {page.P95 / Math.Max(0.001, stat.P95):F1}×, throughput {b.Count / b.Seconds / Math.Max(0.001, reference.Count / reference.Seconds):F2}×"));
            var cpu = HostCpuSeconds(host.Id) - cpu0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host CPU time over the whole run: {cpu:F1} s; {HostMemory(host.Id)}"));
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            await host.WaitForExitAsync(CancellationToken.None);
        }

        // After the host is gone (killed, as a crash would): every acknowledged answer is in the register.
        var (lost, unacknowledged) = await VerifyAsync(database, acknowledged);
        var errors = results.Sum(r => r.Run.Errors);
        Console.WriteLine();
        Console.WriteLine($"register: {acknowledged.Count} answers acknowledged (303), {lost.Count} lost, {unacknowledged} written without an acknowledgement (a request the client gave up on)");
        foreach (var l in lost.Take(5))
        {
            Console.WriteLine($"  lost: {l}");
        }

        var aStats = results.Where(r => r.Scenario.StartsWith("A:", StringComparison.Ordinal)).Select(r => r.Run).FirstOrDefault();
        var bStats = results.Where(r => r.Scenario.StartsWith("B:", StringComparison.Ordinal)).Select(r => r.Run).FirstOrDefault();
        if (bStats is not null)
        {
            var pageP95 = Math.Max(bStats.Stats("page").P95, aStats?.Stats("page").P95 ?? 0);
            var confirm = aStats is null ? "confirm not run" : string.Create(CultureInfo.InvariantCulture,
                $"confirm p95 {aStats.Stats("confirm").P95:F1} ms (< 100: {(aStats.Stats("confirm").P95 < 100 ? "met" : "NOT met")})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"targets: page p95 {pageP95:F1} ms (< 50: {(pageP95 < 50 ? "met" : "NOT met")}), {confirm}, errors {errors} (0: {(errors == 0 ? "met" : "NOT met")}), lost writes {lost.Count} (0: {(lost.Count == 0 ? "met" : "NOT met")})"));
        }

        Console.WriteLine($"load average after {ReadFirstLine("/proc/loadavg")}; finished {DateTimeOffset.UtcNow:HH:mm:ss} UTC");
        try
        {
            Directory.Delete(o.Work, true);
        }
        catch (IOException)
        {
        }

        return errors == 0 && lost.Count == 0 ? 0 : 1;
    }

    /// <summary>Starts <paramref name="count"/> flows at evenly spaced times over <paramref name="seconds"/>, each at its slot whether or not the earlier ones finished.</summary>
    private static async Task OpenLoopAsync(Samples run, int count, double seconds, Func<int, Task> flow, CancellationToken ct)
    {
        var slot = seconds / count;
        run.Start();
        var flows = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(slot * i);
            var wait = due - run.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            run.Lag(run.Elapsed - due);
            var n = i;
            flows.Add(Task.Run(() => flow(n), ct));
        }

        await Task.WhenAll(flows);
        run.Stop();
    }

    /// <summary>One delegate: opens the page, answers, follows the 303 back to the page, which says it was recorded.</summary>
    private static async Task DelegateFlowAsync(HttpClient client, Samples run, ConferenceKey key, string code, Answer answer, ConcurrentBag<Answer> acknowledged, CancellationToken ct)
    {
        if (!await GetAsync(client, run, "page", PageUri(key, code), ct))
        {
            return;
        }

        var form = new List<KeyValuePair<string, string>> { new("k", key.Token(code)), new("trang-thai", answer.Choice) };
        switch (answer.Choice)
        {
            case "du-thay":
                form.Add(new("ho-ten", answer.Name));
                form.Add(new("chuc-vu", "Phó Trưởng phòng"));
                break;
            case "vang-mat":
                form.Add(new("ly-do", answer.Reason));
                break;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/d/{Uri.EscapeDataString(code)}") { Content = new FormUrlEncodedContent(form) };

        // What the page's own form sends (Referrer-Policy same-origin keeps the Origin; the host refuses other sites).
        request.Headers.TryAddWithoutValidation("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        var location = await SendAsync(client, run, "confirm", request, HttpStatusCode.SeeOther, null, ct);
        if (location is null)
        {
            return;
        }

        acknowledged.Add(answer with { Code = code });
        await GetAsync(client, run, "page after confirm", location, ct, "Đã ghi nhận");
    }

    private static async Task<bool> GetAsync(HttpClient client, Samples run, string kind, string uri, CancellationToken ct, string? mustContain = null) =>
        await SendAsync(client, run, kind, new HttpRequestMessage(HttpMethod.Get, uri), HttpStatusCode.OK, mustContain, ct) is not null;

    /// <summary>Sends, reads the whole body, times it; the Location (or "") when the status is the expected one, else null and an error.</summary>
    private static async Task<string?> SendAsync(HttpClient client, Samples run, string kind, HttpRequestMessage request, HttpStatusCode expected, string? mustContain, CancellationToken ct)
    {
        using var _ = request;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (response.StatusCode != expected || (mustContain is not null && !System.Text.Encoding.UTF8.GetString(bytes).Contains(mustContain, StringComparison.Ordinal)))
            {
                var body = System.Text.Encoding.UTF8.GetString(bytes);
                run.Error(kind, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                return null;
            }

            run.Record(kind, elapsed, bytes.Length);
            return response.Headers.Location?.OriginalString ?? "";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            run.Error(kind, $"{request.Method} {request.RequestUri}: {e.GetType().Name} {e.Message}");
            return null;
        }
    }

    private static string PageUri(ConferenceKey key, string code) => $"/d/{Uri.EscapeDataString(code)}?k={key.Token(code)}";

    /// <summary>The answer of delegate <paramref name="n"/>: 7 in 10 attend, 2 send a substitute, 1 is absent; names and reasons unique per answer.</summary>
    private static Answer Choice(int mix, int n, string round) => (mix % 10) switch
    {
        7 or 8 => new Answer("", "du-thay", $"Người dự thay {round}-{n}", ""),
        9 => new Answer("", "vang-mat", "", $"Trùng lịch công tác ({round}-{n})"),
        _ => new Answer("", "tham-du", "", ""),
    };

    private static async Task<(List<string> Lost, int Unacknowledged)> VerifyAsync(string database, IEnumerable<Answer> acknowledged)
    {
        var lost = new List<string>();
        var unacknowledged = 0;
        using var register = new SqliteAttendanceRegister(database);
        foreach (var group in acknowledged.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase))
        {
            var written = (await register.HistoryAsync(Conference, group.Key))
                .Select(h => h.Status switch
                {
                    AttendanceStatus.Substitute => $"du-thay|{h.SubstituteName}",
                    AttendanceStatus.Absent => $"vang-mat|{h.Reason}",
                    _ => "tham-du|",
                })
                .ToList();
            foreach (var a in group)
            {
                var expected = a.Choice switch { "du-thay" => $"du-thay|{a.Name}", "vang-mat" => $"vang-mat|{a.Reason}", _ => "tham-du|" };
                if (!written.Remove(expected))
                {
                    lost.Add($"{a.Code} {expected}");
                }
            }

            unacknowledged += written.Count;
        }

        return (lost, unacknowledged);
    }

    private static void Report(string scenario, Samples run, int hostPid)
    {
        Console.WriteLine($"## {scenario}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Count} requests in {run.Seconds:F2} s = {run.Count / Math.Max(0.001, run.Seconds):F0} requests/s; errors {run.Errors}{(run.MaxLag is { } lag ? $"; latest start after its slot {lag.TotalMilliseconds:F0} ms" : "")}"));
        Console.WriteLine("| request | n | p50 | p95 | p99 | mean | max | body |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var kind in run.Kinds)
        {
            var s = run.Stats(kind);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {s.Count} | {s.P50:F1} ms | {s.P95:F1} ms | {s.P99:F1} ms | {s.Mean:F1} ms | {s.Max:F1} ms | {run.Bytes(kind) / Math.Max(1, s.Count) / 1024.0:F1} KB |"));
        }

        foreach (var e in run.FirstErrors)
        {
            Console.WriteLine($"  error: {e}");
        }

        Console.WriteLine($"host: {HostMemory(hostPid)}");
        Console.WriteLine();
    }

    private static Process StartHost(Options o, string data, string database, string secret, int port, out ConcurrentQueue<string> log, out TaskCompletionSource listening)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = o.ContentRoot,
        };
        foreach (var arg in new[] { "exec", o.HostDll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", o.ContentRoot })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["AddIn__DataRoot"] = data;
        psi.Environment["AddIn__OutputRoot"] = Path.Combine(o.Work, "out");
        psi.Environment[$"Attendance__Secrets__{Conference}"] = secret;
        psi.Environment["Attendance__Database"] = database;
        psi.Environment["Attendance__RequestsPerMinute"] = "1000000";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var lines = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        void Line(string? text)
        {
            if (text is null)
            {
                return;
            }

            lines.Enqueue(text);
            while (lines.Count > 40 && lines.TryDequeue(out var _))
            {
            }

            if (text.Contains("Now listening on:", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log = lines;
        listening = ready;
        return process;
    }

    private static HttpClient Client(Uri baseUri, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
    })
    {
        BaseAddress = baseUri,
        Timeout = Timeout.InfiniteTimeSpan, // each request has its own 10 s limit
    };

    private static void MoveToTheFuture(string planYaml)
    {
        var yaml = File.ReadAllText(planYaml);
        var moved = yaml.Replace("  date: 2023-04-25", "  date: 2099-04-25", StringComparison.Ordinal)
            .Replace("  confirm_by: 2023-04-21", "  confirm_by: 2099-04-21", StringComparison.Ordinal);
        if (moved == yaml)
        {
            throw new InvalidOperationException("the sample plan's date lines changed; update MoveToTheFuture");
        }

        File.WriteAllText(planYaml, moved);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReadFirstLine(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() ?? "?" : "?";

    private static string CpuModel() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";

    private static string MemTotal() => ProcField("/proc/meminfo", "MemTotal:") is { } kb ? $"{kb / 1024 / 1024.0:F0} GB RAM" : "? RAM";

    private static string HostMemory(int pid) =>
        $"peak RSS (VmHWM) {ProcField($"/proc/{pid}/status", "VmHWM:") / 1024 ?? 0} MB, RSS now (VmRSS) {ProcField($"/proc/{pid}/status", "VmRSS:") / 1024 ?? 0} MB";

    private static long? ProcField(string path, string field)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>User plus system CPU time of the process (clock ticks of 1/100 s in /proc/&lt;pid&gt;/stat).</summary>
    private static double HostCpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    internal sealed record Answer(string Code, string Choice, string Name, string Reason);

    /// <summary>The samples of one scenario: latency per request kind (Stopwatch timestamps), errors, wall time.</summary>
    private sealed class Samples
    {
        private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _ms = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _errors = new();
        private readonly Stopwatch _wall = new();
        private long _maxLagTicks = -1;
        private int _errorCount;

        public int Errors => _errorCount;

        public int Count => _ms.Values.Sum(b => b.Count) + _errorCount;

        public double Seconds => _wall.Elapsed.TotalSeconds;

        public TimeSpan Elapsed => _wall.Elapsed;

        public TimeSpan? MaxLag => _maxLagTicks < 0 ? null : TimeSpan.FromTicks(_maxLagTicks);

        public IEnumerable<string> Kinds => new[] { "static", "page", "confirm", "page after confirm" }.Where(_ms.ContainsKey);

        public IEnumerable<string> FirstErrors => _errors.Take(5);

        public void Start() => _wall.Start();

        public void Stop() => _wall.Stop();

        public void Lag(TimeSpan lag)
        {
            long seen;
            do
            {
                seen = Interlocked.Read(ref _maxLagTicks);
            }
            while (lag.Ticks > seen && Interlocked.CompareExchange(ref _maxLagTicks, lag.Ticks, seen) != seen);
        }

        public void Record(string kind, TimeSpan elapsed, int bytes)
        {
            _ms.GetOrAdd(kind, _ => []).Add(elapsed.TotalMilliseconds);
            _bytes.AddOrUpdate(kind, bytes, (_, b) => b + bytes);
        }

        public void Error(string kind, string what)
        {
            Interlocked.Increment(ref _errorCount);
            _errors.Enqueue($"{kind}: {what}");
        }

        public LatencyStats Stats(string kind) => LatencyStats.Of(_ms.TryGetValue(kind, out var bag) ? bag.ToArray() : []);

        public long Bytes(string kind) => _bytes.GetValueOrDefault(kind);
    }
}
