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
        var values = points.Select(p => Math.Log(p.Result.Time.Mean)).ToArray();
        var random = new Random(SeriesSeed(method.Seed, series.Machine, series.Case));
        var splits = EDivisive.Find(values, i => !points[i].Run.SameSourcesAs(points[i - 1].Run),
            ChangePointMethod.MinimumSegment, ChangePointMethod.Permutations, ChangePointMethod.Significance, random).ToList();
        var minimumShift = Math.Log(1 + method.ThresholdPercent / 100);
        while (true)
        {
            var judged = splits.Select((split, k) => Judge(values, splits, k)).ToList();
            var failing = judged.Where(j => Math.Abs(j.Shift) < minimumShift || Math.Abs(j.Shift) < ChangePointMethod.NoiseMultiple * j.Noise)
                .MinBy(j => Math.Abs(j.Shift));
            if (failing is null)
                return judged.Select(j => ToChangePoint(series, j)).ToList();
            splits.Remove(failing.Split);
        }
    }

    private sealed record Judgement(EDivisive.Split Split, int Start, int End, double Shift, double Before, double After, double Noise);

    /// <summary>The split's sides reach to the neighbouring splits: the change between their medians, and their spread.</summary>
    private static Judgement Judge(double[] values, List<EDivisive.Split> splits, int k)
    {
        var split = splits[k];
        var start = k == 0 ? 0 : splits[k - 1].Index;
        var end = k == splits.Count - 1 ? values.Length : splits[k + 1].Index;
        var before = values[start..split.Index];
        var after = values[split.Index..end];
        var (medianBefore, medianAfter) = (Median(before), Median(after));
        var noise = Math.Sqrt((before.Length * Square(RobustSpread(before)) + after.Length * Square(RobustSpread(after))) /
                              (before.Length + after.Length));
        return new Judgement(split, start, end, medianAfter - medianBefore, medianBefore, medianAfter, noise);
    }

    private static ChangePoint ToChangePoint(CaseSeries series, Judgement j)
    {
        var run = series.Points[j.Split.Index].Run;
        var previous = series.Points[j.Split.Index - 1].Run;
        return new ChangePoint(series.Machine, series.Case, run.Commit ?? "unknown", run.CommitDirty, previous.Commit ?? "unknown",
            run.Started, j.Split.Index, Math.Exp(j.Shift), Math.Exp(j.Before), Math.Exp(j.After), Math.Exp(j.Noise) - 1,
            j.Split.PValue, j.Split.Index - j.Start, j.End - j.Split.Index);
    }

    /// <summary>1.4826 × the median absolute deviation: the standard deviation for normal noise, unmoved by one outlier.</summary>
    private static double RobustSpread(double[] values)
    {
        var median = Median(values);
        return 1.4826 * Median(values.Select(v => Math.Abs(v - median)).ToArray());
    }

    internal static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double Square(double value) => value * value;

    /// <summary>FNV-1a over machine and case, mixed with the seed: every series has its own stream, whatever the order.</summary>
    private static int SeriesSeed(int seed, string machine, string @case)
    {
        var hash = 2166136261u;
        foreach (var c in $"{machine}\n{@case}")
            hash = (hash ^ c) * 16777619u;
        return (int)(hash ^ (uint)seed) & int.MaxValue;
    }
}
