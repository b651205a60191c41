namespace Dialogue.Office.Automation.Diagnostics;

/// <summary>
/// Progress reported on the calling thread, in order. <see cref="Progress{T}"/> posts each report to the
/// synchronization context or the thread pool, so reports arrive late, out of order, or after the job has ended;
/// every progress bar and job status of the project uses this adapter instead.
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
