using GeoAI.Report.Results;

namespace GeoAI.Report.Compare;

public enum Verdict
{
    Same,
    Faster,
    Slower,

    /// <summary>Fewer than <see cref="CompareOptions.MinimumSamples"/> on a side: not tested, not guessed.</summary>
    NotEnoughSamples,
}

/// <summary>One case found in both runs and what the test said about it.</summary>
/// <param name="NoiseFloorPerImage">The noise floor applied, nanoseconds per image; 0 when none applied.</param>
/// <param name="Modality">"bimodal", "multimodal" or "several?" when a side's samples have several modes; else null.</param>
public sealed record CaseComparison(string FullName, BenchmarkResult Base, BenchmarkResult Diff, Verdict Verdict,
    double NoiseFloorPerImage, string? Modality)
{
    /// <summary>Diff median over base median time: above 1 the diff is slower.</summary>
    public double Ratio => Diff.Time.Median / Base.Time.Median;
}

/// <summary>Everything <see cref="ResultComparer.Compare"/> found.</summary>
public sealed record Comparison(CompareOptions Options, ResultSet BaseResults, ResultSet DiffResults,
    IReadOnlyList<CaseComparison> Cases, IReadOnlyList<BenchmarkResult> OnlyInBase, IReadOnlyList<BenchmarkResult> OnlyInDiff)
{
    public bool AnySlower => Cases.Any(c => c.Verdict == Verdict.Slower);

    /// <summary>1 when any case is slower (for CI gates), else 0. Bad input never gets here: it is exit code 2.</summary>
    public int ExitCode => AnySlower ? 1 : 0;

    public IEnumerable<CaseComparison> With(Verdict verdict) => Cases.Where(c => c.Verdict == verdict);
}
