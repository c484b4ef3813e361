using GeoAI.Report.Results;
using GeoAI.Report.Statistics;
using Perfolizer.Horology;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.Multimodality;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;
using Pragmastat.Metrology;

namespace GeoAI.Report.Compare;

/// <summary>
/// Compares two sets of results case by case. Cases are matched by full name (parameters included, machine ignored, so
/// two machines compare like two commits). When both sides hold several launches of a case (runs made with rounds),
/// the verdict is launch-level: the interval of diff/base over launches (paired by round when both sides come from one
/// <c>ab</c> run) must lie wholly beyond the threshold for Slower or Faster, wholly within it for Same, and is Unsure
/// otherwise. With one launch a side, as dotnet/performance's ResultsComparer does: a Mann–Whitney equivalence test
/// (two one-sided tests) on the iterations at the relative threshold and again at the absolute noise floor, Faster or
/// Slower only when both say so; that verdict cannot see launch-to-launch noise, and the output says so.
/// </summary>
public static class ResultComparer
{
    private static readonly SimpleEquivalenceTest Test = new(MannWhitneyTest.Instance);

    public static Comparison Compare(CompareOptions options)
    {
        var baseResults = ResultReader.Read([options.BasePath]);
        var diffResults = ResultReader.Read([options.DiffPath]);
        var baseCases = UniqueByName(baseResults, options.BasePath);
        var diffCases = UniqueByName(diffResults, options.DiffPath);

        var compared = baseCases.Keys.Where(diffCases.ContainsKey)
            .Select(name => Judge(name, baseCases[name], diffCases[name], options))
            .ToList();
        return new Comparison(options, baseResults, diffResults, compared,
            baseCases.Where(c => !diffCases.ContainsKey(c.Key)).Select(c => c.Value).ToList(),
            diffCases.Where(c => !baseCases.ContainsKey(c.Key)).Select(c => c.Value).ToList());
    }

    /// <summary>One side must name each case once; two machines' results of one case in one folder are ambiguous.</summary>
    private static Dictionary<string, BenchmarkResult> UniqueByName(ResultSet results, string path)
    {
        var cases = new Dictionary<string, BenchmarkResult>(StringComparer.Ordinal);
        foreach (var result in results.Results)
        {
            if (cases.TryGetValue(result.FullName, out var first))
                throw new ReportException(
                    $"{path}: {result.FullName} appears twice (machine '{first.Machine}' in {first.SourceFile} and " +
                    $"machine '{result.Machine}' in {result.SourceFile}); give each side the results of one run");
            cases[result.FullName] = result;
        }
        return cases;
    }

    private static CaseComparison Judge(string name, BenchmarkResult baseCase, BenchmarkResult diffCase, CompareOptions options)
    {
        var noise = NoiseFloorPerImage(diffCase, options);
        if (baseCase.Launches.Count >= 2 && diffCase.Launches.Count >= 2)
            return JudgeLaunches(name, baseCase, diffCase, noise, options);
        if (baseCase.Samples.Count < CompareOptions.MinimumSamples || diffCase.Samples.Count < CompareOptions.MinimumSamples)
            return new CaseComparison(name, baseCase, diffCase, Verdict.NotEnoughSamples, noise, null);

        var baseSample = new Sample(baseCase.Samples.ToArray(), TimeUnit.Nanosecond);
        var diffSample = new Sample(diffCase.Samples.ToArray(), TimeUnit.Nanosecond);
        var atThreshold = Test.Perform(diffSample, baseSample,
            new Threshold(new Measurement(options.ThresholdPercent, PercentUnit.Instance)), CompareOptions.Alpha);
        var verdict = ToVerdict(atThreshold);
        if (verdict != Verdict.Same && noise > 0)
        {
            var atNoise = Test.Perform(diffSample, baseSample,
                new Threshold(new Measurement(noise, TimeUnit.Nanosecond)), CompareOptions.Alpha);
            if (ToVerdict(atNoise) != verdict)
                verdict = Verdict.Same;
        }
        return new CaseComparison(name, baseCase, diffCase, verdict, noise, Modality(baseCase) ?? Modality(diffCase));
    }

    /// <summary>
    /// The launch-level verdict. The noise floor widens the threshold where it is the larger of the two: a case whose
    /// step takes 0.1 ms cannot regress by a meaningful 5 µs.
    /// </summary>
    private static CaseComparison JudgeLaunches(string name, BenchmarkResult baseCase, BenchmarkResult diffCase, double noise,
        CompareOptions options)
    {
        var paired = IsPaired(baseCase, diffCase);
        var ratio = paired
            ? LaunchStatistics.PairedRatio(Times(baseCase), Times(diffCase))
            : LaunchStatistics.UnpairedRatio(Times(baseCase), Times(diffCase));
        var threshold = Math.Max(options.ThresholdPercent, 100 * noise / baseCase.Time.Median);
        return new CaseComparison(name, baseCase, diffCase, LaunchVerdict.Judge(ratio, threshold), noise, null, ratio, paired);
    }

    /// <summary>One <c>ab</c> run ran both sides in the same rounds: each round's two launches were neighbours in time.</summary>
    private static bool IsPaired(BenchmarkResult baseCase, BenchmarkResult diffCase) =>
        baseCase.RunId is not null && baseCase.RunId == diffCase.RunId &&
        baseCase.Launches.Select(l => l.Round).SequenceEqual(diffCase.Launches.Select(l => l.Round));

    private static double[] Times(BenchmarkResult result) => result.Launches.Select(l => l.Time).ToArray();

    /// <summary>Perform(diff, base): "Greater" means the diff takes longer.</summary>
    private static Verdict ToVerdict(ComparisonResult result) => result switch
    {
        ComparisonResult.Greater => Verdict.Slower,
        ComparisonResult.Lesser => Verdict.Faster,
        _ => Verdict.Same,
    };

    /// <summary>The floor per batch over the batch's images (the reader refuses a BatchSize below 1); none without a batch.</summary>
    private static double NoiseFloorPerImage(BenchmarkResult result, CompareOptions options) =>
        result.Parameters.BatchSize is { } batch ? options.NoisePerBatchNanoseconds / batch : 0;

    /// <summary>
    /// BenchmarkDotNet's multimodality labels: its MultimodalDistributionAnalyzer's m-value thresholds, and like it no
    /// label below 15 samples (its minimum workload iteration count), where the m-value is mostly noise.
    /// </summary>
    private static string? Modality(BenchmarkResult result)
    {
        if (result.Samples.Count < 15)
            return null;
        var mValue = MValueCalculator.Calculate(result.Samples.ToArray());
        return mValue > 4.2 ? "multimodal" : mValue > 3.2 ? "bimodal" : mValue > 2.8 ? "several?" : null;
    }
}
