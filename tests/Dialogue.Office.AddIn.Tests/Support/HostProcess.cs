using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dialogue.Office.AddIn.Tests.Support;

/// <summary>The real host in its own process on a free loopback port, until disposed; waits for its "Now listening on" line.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>Ends the process at once, as a crash or a power cut would (no graceful shutdown).</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// Starts the built host (<c>dotnet exec</c> of its dll) with plans from <c>root/data</c>, output in <c>root/out</c>
    /// and <paramref name="environment"/> added to its environment.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string root, IReadOnlyDictionary<string, string> environment)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.AddIn,
        };
        foreach (var arg in new[] { "exec", Path.Combine(RepoPaths.AddIn, "bin", configuration, "net10.0", "Dialogue.Office.AddIn.dll"), "--urls", $"http://127.0.0.1:{port}" })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["AddIn__DataRoot"] = Path.Combine(root, "data");
        psi.Environment["AddIn__OutputRoot"] = Path.Combine(root, "out");
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi)!;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Now listening on:", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        if (await Task.WhenAny(listening.Task, process.WaitForExitAsync()) != listening.Task)
        {
            await host.DisposeAsync();
            Assert.Fail("the host ended before serving");
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
