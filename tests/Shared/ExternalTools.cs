using System.Diagnostics;

namespace Dialogue.Office.Tests.Support;

/// <summary>
/// Finds outside programs the tests drive for real (LibreOffice, zbarimg, pdftoppm, node, chromium).
/// On a developer machine without one, the test is skipped with a message naming the package to install;
/// in CI (CI=true) a missing program fails the test, never skips it.
/// </summary>
public static class ExternalTools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Path of <paramref name="program"/>, or skip/fail naming <paramref name="debianPackage"/>.</summary>
    public static string Require(string program, string debianPackage)
    {
        var path = Find(program);
        if (path is not null)
        {
            return path;
        }

        var message = $"'{program}' is not installed: apt-get install {debianPackage}";
        if (InCi)
        {
            throw new InvalidOperationException(message + " (CI must install it: see .ci/run)");
        }

        SkipBecause(message);
        return "";
    }

    public static string? Find(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Checks that <c>npm ci</c> ran in <paramref name="projectDir"/> (the package is in node_modules); skips on a
    /// developer machine without it, fails in CI.
    /// </summary>
    public static void RequireNodePackage(string projectDir, string package)
    {
        if (Directory.Exists(Path.Combine(projectDir, "node_modules", package)))
        {
            return;
        }

        var message = $"npm package '{package}' is not installed: run 'npm ci' in {projectDir}";
        if (InCi)
        {
            throw new InvalidOperationException(message + " (CI must install it: see .ci/run)");
        }

        SkipBecause(message);
    }

    /// <summary>
    /// Skips the test, and records <paramref name="reason"/> in skipped-tests.txt beside the test binary: after the
    /// run, tests/Directory.Build.targets prints one line per reason at the end of `dotnet test` (default verbosity).
    /// </summary>
    public static void SkipBecause(string reason)
    {
        try
        {
            lock (SkipLock)
            {
                File.AppendAllText(SkipLog, reason + "\n");
            }
        }
        catch (IOException)
        {
            // The summary line is a courtesy; the skip itself still carries the reason.
        }

        Skip.If(true, reason);
    }

    private static readonly string SkipLog = Path.Combine(AppContext.BaseDirectory, "skipped-tests.txt");

    private static readonly object SkipLock = new();

    public static string LibreOffice() => Find("soffice") ?? Require("libreoffice", "libreoffice-writer libreoffice-calc");

    /// <summary>Runs a program, returns (exit code, stdout, stderr); kills it after <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string program, IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in time");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// One LibreOffice conversion at a time per test process. Parallel test classes each started soffice (a fresh
    /// profile every time); beside a second `dotnet test` (.ci/stress, load average about 60 on two cores) they raced one
    /// another for the CPU and a conversion passed the 3-minute guard. Waiting for the slot is not counted in the guard.
    /// </summary>
    private static readonly SemaphoreSlim LibreOfficeSlot = new(1, 1);

    /// <summary>
    /// Converts a document with LibreOffice headless into <paramref name="outDir"/> (pdf, or another filter) and returns
    /// the output path. Each call uses its own profile directory so parallel tests don't fight over one.
    /// </summary>
    public static string ConvertWithLibreOffice(string input, string outDir, string format = "pdf")
    {
        var soffice = LibreOffice();
        Directory.CreateDirectory(outDir);
        var profile = Path.Combine(Path.GetTempPath(), "lo-profile-" + Guid.NewGuid().ToString("N"));
        LibreOfficeSlot.Wait();
        try
        {
            var (code, stdout, stderr) = Run(soffice,
                ["-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, input],
                timeout: TimeSpan.FromMinutes(3));
            var output = Path.Combine(outDir, Path.GetFileNameWithoutExtension(input) + "." + format.Split(':')[0]);
            if (code != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException($"LibreOffice failed ({code}): {stdout} {stderr}");
            }

            return output;
        }
        finally
        {
            LibreOfficeSlot.Release();
            try
            {
                Directory.Delete(profile, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
