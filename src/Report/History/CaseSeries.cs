using GeoAI.Report.Results;

namespace GeoAI.Report.History;

/// <summary>One case on one machine over its runs, in commit order in time, with the change points found in it.</summary>
public sealed record CaseSeries(string Machine, string Case, string ShortName, IReadOnlyList<CaseSeries.Point> Points)
{
    public IReadOnlyList<ChangePoint> ChangePoints { get; init; } = [];

    /// <summary>One run's result for the case: its time per image (mean, interval, samples) as the reader gives it.</summary>
    public sealed record Point(HistoryRun Run, BenchmarkResult Result);

    /// <summary>
    /// Every machine's cases as series over <paramref name="runs"/>. Runs are ordered by commit, the commits by their
    /// first run's start, the runs of one commit by their own start: reruns of a commit stay together.
    /// </summary>
    public static IReadOnlyList<CaseSeries> Of(IReadOnlyList<HistoryRun> runs)
    {
        var firstStart = runs.Where(r => r.Commit is not null).GroupBy(r => r.Commit!)
            .ToDictionary(g => g.Key, g => g.Min(r => r.Started));
        var ordered = runs
            .OrderBy(r => r.Commit is null ? r.Started : firstStart[r.Commit])
            .ThenBy(r => r.Started)
            .ThenBy(r => r.Input, StringComparer.Ordinal)
            .ToList();
        return ordered
            .SelectMany(run => run.Results.Select(result => new Point(run, result)))
            .GroupBy(p => (p.Run.Machine, p.Result.FullName))
            .Select(g => new CaseSeries(g.Key.Machine, g.Key.FullName, g.First().Result.ShortName, g.ToList()))
            .OrderBy(s => s.Machine, StringComparer.Ordinal)
            .ThenBy(s => Analysis.CaseLabel.SortKey(s.Points[0].Result))
            .ToList();
    }
}
