namespace GeoAI.Bench.Commands;

/// <summary>
/// Reports on the reporting thread, in order: what a progress bar needs (Progress&lt;T&gt; would post to the thread pool
/// and could report after the work has ended).
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock gate = new();

    public void Report(T value)
    {
        lock (gate)
            report(value);
    }
}
