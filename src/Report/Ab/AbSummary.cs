using GeoAI.Report.Compare;
using GeoAI.Report.Results;
using GeoAI.Report.Statistics;

namespace GeoAI.Report.Ab;

/// <summary>One side of an A/B as the user named it and as it was resolved.</summary>
public sealed record AbSide(string Spec, string Description);

/// <summary>One case's verdict with everything needed to trust it or not.</summary>
/// <param name="Ratio">diff/base: the geometric mean of the per-round ratios; above 1 the diff is slower.</param>
/// <param name="MinimumDetectableEffect">The smallest slowdown (fraction) these rounds would catch with 80 % power.</param>
/// <param name="Spread">The standard deviation of the per-round log ratios: this machine's round-to-round noise.</param>
public sealed record AbCase(string Name, Verdict Verdict, double Ratio, double CiLow, double CiHigh, double MinimumDetectableEffect,
    int Rounds, bool Paired, double Spread, double BaseTimePerImage, double DiffTimePerImage, int Reruns, double? MaxStealPercent);

/// <summary>Everything an <c>ab</c> run found, as written to ab.json, ab.md and ab.html.</summary>
/// <param name="Pairing">How each round's two launches were paired: one after the other, or at once (duet).</param>
public sealed record AbSummary(AbSide Base, AbSide Diff, bool SameBuild, string Pairing, double ThresholdPercent, int Rounds, string StopReason,
    TimeSpan Wall, TimeSpan Budget, TimeSpan BuildTime, string Machine, IReadOnlyList<AbCase> Cases,
    IReadOnlyList<string> FailedLaunches, IReadOnlyList<string> OnlyInOneSide)
{
    public bool AnySlower => Cases.Any(c => c.Verdict == Verdict.Slower);

    /// <summary>1 when any case is slower or any launch failed, else 0 (bad input exits 2 before anything runs).</summary>
    public int ExitCode => AnySlower || FailedLaunches.Count > 0 ? 1 : 0;

    public int Count(Verdict verdict) => Cases.Count(c => c.Verdict == verdict);

    /// <summary>The launch-level comparison of the two sides' results, case by case.</summary>
    public static IReadOnlyList<AbCase> CasesOf(Comparison comparison) => comparison.Cases
        .Where(c => c.LaunchRatio is not null)
        .Select(c =>
        {
            var ratio = c.LaunchRatio!.Value;
            var launches = c.Base.Launches.Concat(c.Diff.Launches).ToList();
            return new AbCase(c.FullName, c.Verdict, ratio.Value, ratio.Lower, ratio.Upper,
                ratio.MinimumDetectableEffect(comparison.Options.ThresholdPercent), c.Launches, c.Paired,
                ratio.LogStandardError * Math.Sqrt(c.Launches), c.Base.Time.Mean, c.Diff.Time.Mean,
                launches.Count(l => l.RerunBecause is not null), launches.Max(l => l.CpuStealPercent));
        })
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>The machine both sides ran on, as their result files describe it.</summary>
    public static string MachineOf(Comparison comparison) =>
        comparison.BaseResults.Machines.FirstOrDefault() is { } machine
            ? $"{machine.Label}: {machine.Cpu ?? "CPU unknown"}, {machine.LogicalCores ?? "?"} logical cores, " +
              $"{machine.TorchThreads ?? "?"} torch threads, libtorch {machine.LibTorch ?? "?"}"
            : "unknown";
}
