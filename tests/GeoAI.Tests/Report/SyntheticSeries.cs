using GeoAI.Report.History;
using GeoAI.Report.Results;

namespace GeoAI.Tests.Report;

/// <summary>Series of runs made from given means, for the change-point tests: one case, one machine, one run per value.</summary>
internal static class SyntheticSeries
{
    public const string Case = "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)";

    /// <param name="meansNs">Each run's mean time per image.</param>
    /// <param name="runsPerCommit">Reruns of each commit (consecutive values share a commit).</param>
    public static CaseSeries Of(IReadOnlyList<double> meansNs, int runsPerCommit = 1)
    {
        var points = meansNs.Select((mean, i) =>
        {
            var commit = $"{i / runsPerCommit:x40}";
            var run = new HistoryRun("box", commit, false, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i), false,
                null, $"run-{i}", [], []);
            var samples = new[] { mean * 0.99, mean, mean * 1.01 };
            var result = new BenchmarkResult
            {
                FullName = Case, Type = "CnnTraining", Method = "Train",
                Parameters = CaseParameters.Parse("Device=Cpu&BatchSize=40&Loader=Host&Workers=0"),
                Samples = samples, Time = TimeEstimate.FromSamples(samples), Launches = [new Launch(null, samples, $"run-{i}.json")],
                Machine = "box", SourceFile = $"run-{i}.json",
            };
            return new CaseSeries.Point(run, result);
        }).ToList();
        return new CaseSeries("box", Case, "CnnTraining.Train(...)", points);
    }

    /// <summary>Means around <paramref name="level"/> with multiplicative noise from <paramref name="noise"/>(random).</summary>
    public static double[] Noisy(int count, double level, Random random, Func<Random, double> noise) =>
        Enumerable.Range(0, count).Select(_ => level * noise(random)).ToArray();

    /// <summary>exp(N(0, σ)): lognormal noise of relative spread σ.</summary>
    public static Func<Random, double> LogNormal(double sigma) => random =>
        Math.Exp(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
