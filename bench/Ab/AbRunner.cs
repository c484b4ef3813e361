using System.Diagnostics;
using GeoAI.Bench.Rounds;
using GeoAI.Report.Compare;

namespace GeoAI.Bench.Ab;

/// <summary>What one A/B run measures and within what limits.</summary>
/// <param name="Duet">Launch both sides of a pair at once, each on its own half of the cores (see <see cref="DuetPrograms"/>).</param>
internal sealed record AbPlan(BenchProgram Base, BenchProgram Diff, IReadOnlyList<string> Cases, double ThresholdPercent,
    TimeSpan Budget, bool Quick, bool Duet);

/// <summary>Why the rounds stopped.</summary>
internal enum AbStop
{
    /// <summary>Every case had a verdict (none Unsure) after at least <see cref="AbRunner.MinimumRoundsToSettle"/> rounds.</summary>
    Settled,

    /// <summary>Another round would not have fitted in the budget.</summary>
    Budget,

    /// <summary>A quick (smoke) run: exactly <see cref="AbRunner.QuickRounds"/> rounds.</summary>
    Quick,
}

/// <summary>
/// The rounds of an A/B: in each round every case is launched once on each side, with the cases in a new random order
/// every round. By default base and diff run one right after the other (in a random order, so neither side always
/// goes first): drift slower than a pair of launches falls on both sides alike and cancels in the per-round ratio
/// (asv's interleaved rounds). With <see cref="AbPlan.Duet"/> they run at the same time on separate cores, which also
/// cancels faster drift that the two halves share (Bulej et al., "Duet benchmarking", ICPE 2020). It stops when every
/// verdict is settled or the budget would be passed.
/// </summary>
internal sealed class AbRunner(AbPlan plan, LaunchSettings settings, string baseResults, string diffResults, Stopwatch clock)
{
    /// <summary>Rounds before "every case settled" may stop the run: fewer give a spread estimate too rough to trust.</summary>
    public const int MinimumRoundsToSettle = 5;

    /// <summary>The fewest rounds that give an interval at all; run even when the budget is already spent.</summary>
    public const int MinimumRounds = 2;

    public const int QuickRounds = 2;

    public List<LaunchOutcome> Failures { get; } = [];

    public (int Rounds, AbStop Stop) Run(Func<int, Comparison?> judge)
    {
        var launcher = new CaseLauncher(settings);
        var longestRound = TimeSpan.Zero;
        for (var round = 1; ; round++)
        {
            var started = clock.Elapsed;
            foreach (var index in RoundsRunner.Shuffled(plan.Cases.Count))
                LaunchPair(launcher, plan.Cases[index], index, round);
            var took = clock.Elapsed - started;
            longestRound = took > longestRound ? took : longestRound;
            var comparison = judge(round);
            if (plan.Quick && round >= QuickRounds)
                return (round, AbStop.Quick);
            if (round >= MinimumRoundsToSettle && comparison is not null && comparison.Cases.Count == plan.Cases.Count &&
                comparison.Cases.All(c => c.Verdict is Verdict.Same or Verdict.Slower or Verdict.Faster))
                return (round, AbStop.Settled);
            if (round >= MinimumRounds && clock.Elapsed + longestRound > plan.Budget)
                return (round, AbStop.Budget);
        }
    }

    private void LaunchPair(CaseLauncher launcher, string caseName, int index, int round)
    {
        var sides = new[] { (plan.Base, baseResults), (plan.Diff, diffResults) };
        if (plan.Duet)
        {
            // Each side alternates between the two halves of the cores, so that neither always gets the busier one.
            var (first, second) = DuetPrograms.Pin(plan.Base, plan.Diff, swap: round % 2 == 0);
            var launches = new[] { (first, baseResults), (second, diffResults) }
                .Select(side => Task.Run(() => Launch(launcher, side.Item1, side.Item2, caseName, index, round))).ToArray();
            Task.WaitAll(launches);
            return;
        }
        if (Random.Shared.Next(2) == 1)
            Array.Reverse(sides);
        foreach (var (program, results) in sides)
            Launch(launcher, program, results, caseName, index, round);
    }

    private void Launch(CaseLauncher launcher, BenchProgram program, string results, string caseName, int index, int round)
    {
        var file = Path.Combine(results, $"round-{round:D2}", RoundsRunner.ResultFileName(caseName, index));
        var log = Path.Combine(settings.ScratchDirectory, program.Label, $"round-{round:D2}", RoundsRunner.LaunchName(caseName, index) + ".log");
        var outcome = launcher.Launch(program, caseName, round, file, log);
        if (!outcome.Succeeded)
            lock (Failures)
                Failures.Add(outcome);
    }
}
