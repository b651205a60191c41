using System.Diagnostics;
using System.Globalization;

namespace Dialogue.Office.Automation.Diagnostics;

/// <summary>
/// Opt-in phase timings for finding where a run's time goes (<c>dialogue --timings …</c> or <c>DIALOGUE_TIMINGS=1</c>):
/// each phase writes one line "timing: &lt;phase&gt; &lt;ms&gt; ms" to the sink the shell gives (standard error), never
/// to the results. Off by default, and then a phase costs one field read. Phases that run on many threads (a QR code per
/// letter) are summed and written once by <see cref="Flush"/>: their total is thread time, not wall time.
/// </summary>
public static class PhaseTimings
{
    private static TextWriter? _sink;
    private static readonly Dictionary<string, Sum> Sums = new(StringComparer.Ordinal);

    /// <summary>Whether timings are being written.</summary>
    public static bool Enabled => _sink is not null;

    /// <summary>Starts writing timings to <paramref name="sink"/> (null stops).</summary>
    public static void Enable(TextWriter? sink) => _sink = sink;

    /// <summary>Times the phase until the returned value is disposed (<c>using var _ = PhaseTimings.Start("plan.yaml");</c>).</summary>
    public static Phase Start(string name) => new(name, _sink is null ? 0 : Stopwatch.GetTimestamp());

    /// <summary>A timestamp for <see cref="Add"/>, or 0 when timings are off.</summary>
    public static long Timestamp() => _sink is null ? 0 : Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="started"/> (from <see cref="Timestamp"/>) to the sum of a repeated phase.</summary>
    public static void Add(string name, long started)
    {
        if (_sink is null || started == 0)
        {
            return;
        }

        var elapsed = Stopwatch.GetTimestamp() - started;
        lock (Sums)
        {
            if (!Sums.TryGetValue(name, out var sum))
            {
                Sums[name] = sum = new Sum();
            }

            sum.Ticks += elapsed;
            sum.Count++;
        }
    }

    /// <summary>Writes one line for the time since <paramref name="started"/> (from <see cref="Timestamp"/>; 0 writes nothing).</summary>
    public static void Since(string name, long started)
    {
        if (_sink is not null && started != 0)
        {
            Write(name, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Writes one line for a measured duration.</summary>
    public static void Write(string name, TimeSpan elapsed) =>
        _sink?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timing: {name} {elapsed.TotalMilliseconds:F1} ms"));

    /// <summary>Writes the sums of the repeated phases (total, count, mean), clears them, then the JIT line, and ends with the libraries loaded.</summary>
    public static void Flush()
    {
        if (_sink is null)
        {
            return;
        }

        lock (Sums)
        {
            var names = new List<string>(Sums.Keys);
            names.Sort(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var sum = Sums[name];
                var ms = Stopwatch.GetElapsedTime(0, sum.Ticks).TotalMilliseconds;
                _sink.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timing: {name} {ms:F1} ms summed over {sum.Count} ({ms / sum.Count:F2} ms each, all threads)"));
            }

            Sums.Clear();
        }

        _sink.WriteLine(JitCompiled());
        _sink.WriteLine(LoadedLibraries());
    }

    /// <summary>
    /// "timing: JIT: 812 methods compiled, 640 ms": methods the JIT compiled in this process so far (all threads; the
    /// time is thread time, so it grows when the machine is busy, the count does not). With ReadyToRun what is left is
    /// mostly generic instantiations over value types that R2R cannot precompile (issue 17).
    /// </summary>
    internal static string JitCompiled() => string.Create(CultureInfo.InvariantCulture,
        $"timing: JIT: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");

    private sealed class Sum
    {
        public long Ticks;
        public int Count;
    }

    /// <summary>
    /// "timing: libraries loaded: ClosedXML, DocumentFormat.OpenXml, …": the run's assemblies that are not the runtime's
    /// own, so a run can show which heavy dependency it paid for (the invitation path must not load the Open XML SDK
    /// when its template comes from the cache, issue 17).
    /// </summary>
    internal static string LoadedLibraries()
    {
        var names = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetName().Name ?? "")
            .Where(n => n.Length > 0 && !n.StartsWith("System", StringComparison.Ordinal) && n is not "mscorlib" and not "netstandard")
            .Order(StringComparer.Ordinal);
        return $"timing: libraries loaded: {string.Join(", ", names)}";
    }

    /// <summary>A running phase; disposing it writes its line.</summary>
    public readonly struct Phase : IDisposable
    {
        private readonly string _name;
        private readonly long _started;

        internal Phase(string name, long started)
        {
            _name = name;
            _started = started;
        }

        public void Dispose()
        {
            if (_started != 0)
            {
                Write(_name, Stopwatch.GetElapsedTime(_started));
            }
        }
    }
}
