using GeoAI.Report.Statistics;

namespace GeoAI.Report.History;

/// <summary>
/// Change points of one series: E-Divisive means on the logarithm of each run's mean time per image (a time ratio is a
/// difference of logarithms, so a slowdown and the speedup that undoes it weigh the same), splitting only between
/// different sources, then the two filters of <see cref="ChangePointMethod"/>. A candidate that fails them is dropped
/// and the others are judged again against the wider sides this leaves.
/// </summary>
internal static class ChangePointDetector
{
    public static IReadOnlyList<ChangePoint> Find(CaseSeries series, ChangePointMethod method)
    {
        var points = series.Points;
        var times = points.Select(p => p.Result.Time.Mean).ToArray();
        var values = times.Select(t => Math.Log(t)).ToArray();
        var random = new Random(SeriesSeed(method.Seed, series.Machine, series.Case));
        var splits = EDivisive.Find(values, i => !points[i].Run.SameSourcesAs(points[i - 1].Run),
            ChangePointMethod.MinimumSegment, ChangePointMethod.Permutations, ChangePointMethod.Significance, random).ToList();
        var noise = Noise(values);
        var minimumShift = Math.Max(Math.Log(1 + method.ThresholdPercent / 100), ChangePointMethod.NoiseMultiple * noise);
        while (true)
        {
            var judged = splits.Select((split, k) => Judge(times, splits, k)).ToList();
            var failing = judged.Where(j => Math.Abs(Math.Log(j.After / j.Before)) < minimumShift)
                .MinBy(j => Math.Abs(Math.Log(j.After / j.Before)));
            if (failing is null)
                return judged.Select(j => ToChangePoint(series, j, noise)).ToList();
            splits.Remove(failing.Split);
        }
    }

    /// <summary>The split's sides reach to the neighbouring splits; Before and After are their median times.</summary>
    private sealed record Judgement(EDivisive.Split Split, int Start, int End, double Before, double After);

    private static Judgement Judge(double[] times, List<EDivisive.Split> splits, int k)
    {
        var split = splits[k];
        var start = k == 0 ? 0 : splits[k - 1].Index;
        var end = k == splits.Count - 1 ? times.Length : splits[k + 1].Index;
        return new Judgement(split, start, end,
            SampleStatistics.Median(times[start..split.Index]), SampleStatistics.Median(times[split.Index..end]));
    }

    /// <summary>
    /// The run-to-run noise of the series as a standard deviation of the logarithms: 1.4826 × the median absolute
    /// difference between neighbouring runs, ÷ √2 (a difference holds the noise of two runs). A step is one large
    /// difference among many, which the median ignores; and unlike the spread within the sides E-Divisive chose, it
    /// cannot be made small by where the splits fell.
    /// </summary>
    private static double Noise(double[] values) =>
        values.Length < 2 ? 0 : 1.4826 * SampleStatistics.Median(values.Skip(1).Select((v, i) => Math.Abs(v - values[i]))) / Math.Sqrt(2);

    private static ChangePoint ToChangePoint(CaseSeries series, Judgement j, double noise)
    {
        var run = series.Points[j.Split.Index].Run;
        var previous = series.Points[j.Split.Index - 1].Run;
        return new ChangePoint(series.Machine, series.Case, run.Commit ?? "unknown", run.CommitDirty, previous.Commit ?? "unknown",
            run.Started, j.Split.Index, j.After / j.Before, j.Before, j.After, Math.Exp(noise) - 1,
            j.Split.PValue, j.Split.Index - j.Start, j.End - j.Split.Index);
    }

    /// <summary>FNV-1a over machine and case, mixed with the seed: every series has its own stream, whatever the order.</summary>
    private static int SeriesSeed(int seed, string machine, string @case)
    {
        var hash = 2166136261u;
        foreach (var c in $"{machine}\n{@case}")
            hash = (hash ^ c) * 16777619u;
        return (int)(hash ^ (uint)seed) & int.MaxValue;
    }
}
