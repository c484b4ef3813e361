namespace GeoAI.Report.History;

/// <summary>The runs read, every machine's cases as series over them, and the change points found in each series.</summary>
public sealed record HistoryAnalysis(IReadOnlyList<HistoryRun> Runs, IReadOnlyList<CaseSeries> Series, ChangePointMethod Method)
{
    public IEnumerable<ChangePoint> ChangePoints => Series.SelectMany(s => s.ChangePoints);

    public static HistoryAnalysis Of(IReadOnlyList<HistoryRun> runs, ChangePointMethod method)
    {
        var series = CaseSeries.Of(runs).Select(s => s with { ChangePoints = ChangePointDetector.Find(s, method) }).ToList();
        return new HistoryAnalysis(runs, series, method);
    }
}
