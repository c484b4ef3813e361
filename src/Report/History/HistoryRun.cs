using GeoAI.Report.Results;

namespace GeoAI.Report.History;

/// <summary>
/// One run of the suite on one machine: the result files of one input (folder or file) and one machine, split further by
/// GeoAI.RunId where the files carry it (the launches of one <c>bench --rounds</c> run share it).
/// </summary>
/// <param name="Commit">The full hash; null when the files do not say (written before provenance was recorded).</param>
/// <param name="CommitDirty">True when the run's sources differed from the commit; null when the files do not say.</param>
/// <param name="Started">When the run started (the earliest of its files).</param>
/// <param name="StartedFromTitle">True when that time is BenchmarkDotNet's title stamp of an older file.</param>
/// <param name="Input">The folder or file given on the command line.</param>
public sealed record HistoryRun(
    string Machine, string? Commit, bool? CommitDirty, DateTimeOffset Started, bool StartedFromTitle, string? RunId,
    string Input, IReadOnlyList<string> Files, IReadOnlyList<BenchmarkResult> Results)
{
    /// <summary>The commit as people read it: 10 characters, "+dirty" when the sources differed; "unknown" when unrecorded.</summary>
    public string CommitLabel => FileProvenance.LabelOf(Commit, CommitDirty);

    /// <summary>
    /// Whether two runs measured the same sources: the same known commit, neither with changed sources. Only between runs
    /// that did not may a change point fall; each run of unknown or changed sources counts as sources of its own.
    /// </summary>
    public bool SameSourcesAs(HistoryRun other) =>
        Commit is not null && Commit == other.Commit && CommitDirty != true && other.CommitDirty != true;
}
