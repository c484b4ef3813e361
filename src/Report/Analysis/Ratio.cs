using GeoAI.Report.Results;
using GeoAI.Report.Statistics;

namespace GeoAI.Report.Analysis;

/// <summary>
/// How many times faster one case is than another (time of the slower-or-baseline case over the time of the other),
/// with an interval. Two cases measured in the same rounds of one run are paired by round: the per-round ratios cancel
/// the drift both saw, and the interval is the launch-level t-interval (<see cref="LaunchStatistics"/>). Otherwise the
/// interval divides the ends of the two confidence intervals: lowest = numerator's lower bound over the denominator's
/// upper bound, highest = the other way round; conservative, and needing no assumption about the distributions.
/// </summary>
/// <param name="Launches">Rounds the paired interval rests on; 0 when the interval came from dividing the two cases' intervals.</param>
public readonly record struct Ratio(double Value, double Lower, double Upper, int Launches = 0)
{
    public static Ratio Speedup(BenchmarkResult baseline, BenchmarkResult faster)
    {
        var rounds = CommonRounds(baseline, faster);
        if (rounds.Count < 2)
            return FromIntervals(baseline.Time, faster.Time);
        // faster/baseline per round, then inverted: a speedup is baseline/faster.
        var times = rounds.Select(r => (Baseline: Time(baseline, r), Faster: Time(faster, r))).ToList();
        var ratio = LaunchStatistics.PairedRatio(times.Select(t => t.Baseline).ToList(), times.Select(t => t.Faster).ToList());
        return new Ratio(1 / ratio.Value, 1 / ratio.Upper, 1 / ratio.Lower, rounds.Count);
    }

    /// <summary>The confidence level of a ratio resting on <paramref name="rounds"/> paired rounds (under 2: divided intervals).</summary>
    public static double LevelPercent(int rounds) => rounds >= 2 ? LaunchStatistics.LevelPercent : TimeEstimate.DefaultLevelPercent;

    /// <summary>What such an interval spans, for chart captions.</summary>
    public static string IntervalName(int rounds) => rounds >= 2
        ? $"{Numbers.Plain(LevelPercent(rounds))} % interval over {rounds} rounds, paired by round"
        : $"ratio of the {Numbers.Plain(LevelPercent(rounds))} % confidence intervals of single launches, which ignore launch-to-launch noise";

    /// <summary>Whether the interval holds 1×: the two cannot be told apart.</summary>
    public bool IsDistinguishable => !(Lower <= 1 && 1 <= Upper);

    private static Ratio FromIntervals(TimeEstimate baseline, TimeEstimate faster) => new(
        baseline.Mean / faster.Mean,
        baseline.Lower / faster.Upper,
        faster.Lower > 0 ? baseline.Upper / faster.Lower : double.PositiveInfinity);

    /// <summary>The rounds both cases ran in, when both belong to one run of several rounds.</summary>
    private static List<int> CommonRounds(BenchmarkResult a, BenchmarkResult b)
    {
        if (a.RunId is null || a.RunId != b.RunId)
            return [];
        var rounds = b.Launches.Select(l => l.Round).OfType<int>().ToHashSet();
        return a.Launches.Select(l => l.Round).OfType<int>().Where(rounds.Contains).Order().ToList();
    }

    private static double Time(BenchmarkResult result, int round) => result.Launches.First(l => l.Round == round).Time;
}
