namespace GeoAI.Report.History;

/// <summary>
/// A change in one case's time on one machine, between two runs. Times are nanoseconds per image; the sides are the
/// runs since the previous change point (or the start) and until the next one (or the end).
/// </summary>
/// <param name="Commit">The first run after the change: the commit that brought it (or the first measured after it).</param>
/// <param name="PreviousCommit">The last run before the change.</param>
/// <param name="Ratio">Median time after ÷ median time before: above 1 slower, below 1 faster (as <c>compare</c>'s ratio).</param>
/// <param name="Noise">The run-to-run noise of the whole series, as a relative time (0.03 = 3 %).</param>
/// <param name="PValue">E-Divisive's permutation p-value for this split.</param>
public sealed record ChangePoint(
    string Machine, string Case, string Commit, bool? CommitDirty, string PreviousCommit, DateTimeOffset Started,
    int Index, double Ratio, double BeforeNanoseconds, double AfterNanoseconds, double Noise, double PValue,
    int RunsBefore, int RunsAfter)
{
    public bool IsSlower => Ratio > 1;
}
