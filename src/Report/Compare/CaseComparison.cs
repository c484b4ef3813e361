using GeoAI.Report.Results;
using GeoAI.Report.Statistics;

namespace GeoAI.Report.Compare;

public enum Verdict
{
    Same,
    Faster,
    Slower,

    /// <summary>Fewer than <see cref="CompareOptions.MinimumSamples"/> on a side: not tested, not guessed.</summary>
    NotEnoughSamples,

    /// <summary>Launch-level only: the ratio's interval straddles the threshold, so more launches are needed to decide.</summary>
    Unsure,
}

/// <summary>One case found in both runs and what the test said about it.</summary>
/// <param name="NoiseFloorPerImage">The noise floor applied, nanoseconds per image; 0 when none applied.</param>
/// <param name="Modality">"bimodal", "multimodal" or "several?" when a side's samples have several modes; else null.</param>
/// <param name="LaunchRatio">
/// diff/base with its interval when both sides hold several launches (the launch-level test); null when the verdict
/// came from one launch's iterations, which ignores launch-to-launch noise.
/// </param>
/// <param name="Paired">Whether <paramref name="LaunchRatio"/> came from paired rounds (same run, same rounds).</param>
public sealed record CaseComparison(string FullName, BenchmarkResult Base, BenchmarkResult Diff, Verdict Verdict,
    double NoiseFloorPerImage, string? Modality, Interval? LaunchRatio = null, bool Paired = false)
{
    /// <summary>Diff over base time: the launch-level estimate where there is one, else the ratio of medians.</summary>
    public double Ratio => LaunchRatio?.Value ?? Diff.Time.Median / Base.Time.Median;

    /// <summary>The launches behind the verdict: the fewer of the two sides (rounds when paired).</summary>
    public int Launches => Math.Min(Base.Launches.Count, Diff.Launches.Count);
}

/// <summary>Everything <see cref="ResultComparer.Compare"/> found.</summary>
public sealed record Comparison(CompareOptions Options, ResultSet BaseResults, ResultSet DiffResults,
    IReadOnlyList<CaseComparison> Cases, IReadOnlyList<BenchmarkResult> OnlyInBase, IReadOnlyList<BenchmarkResult> OnlyInDiff)
{
    public bool AnySlower => Cases.Any(c => c.Verdict == Verdict.Slower);

    /// <summary>Whether any verdict came from one launch per side, so that launch-to-launch noise went unmeasured.</summary>
    public bool AnySingleLaunch => Cases.Any(c => c.LaunchRatio is null);

    /// <summary>1 when any case is slower (for CI gates), else 0. Bad input never gets here: it is exit code 2.</summary>
    public int ExitCode => AnySlower ? 1 : 0;

    public IEnumerable<CaseComparison> With(Verdict verdict) => Cases.Where(c => c.Verdict == verdict);
}
