using System.Text;
using GeoAI.Report.Results;
using GeoAI.Report.Statistics;

namespace GeoAI.Report.Compare;

/// <summary>
/// The comparison as Markdown for a terminal, a CI log or a pull request: the test used, a summary with geometric means,
/// then Slower and Faster tables sorted by ratio, cases that could not be tested, and cases present on one side only.
/// </summary>
public static class ComparisonMarkdown
{
    public static string Render(Comparison comparison)
    {
        var options = comparison.Options;
        var text = new StringBuilder();
        text.Append("# Benchmark comparison\n\n");
        text.Append($"Base: `{options.BasePath}` ({Machines(comparison.BaseResults)}); ")
            .Append($"diff: `{options.DiffPath}` ({Machines(comparison.DiffResults)}).\n\n");
        Method(text, comparison);
        Summary(text, comparison);
        VerdictTable(text, comparison, Verdict.Slower);
        VerdictTable(text, comparison, Verdict.Faster);

        var untested = comparison.With(Verdict.NotEnoughSamples).ToList();
        if (untested.Count > 0)
        {
            text.Append("## Not tested\n\n");
            text.Append($"A verdict needs at least {CompareOptions.MinimumSamples} samples on each side; these cases are " +
                        "not guessed.\n\n| Case | Verdict |\n|---|---|\n");
            foreach (var c in untested)
                text.Append($"| {Name(c.Base)} | not enough samples (n={c.Base.Samples.Count} base, {c.Diff.Samples.Count} diff) |\n");
            text.Append('\n');
        }
        OneSide(text, "Only in base", comparison.OnlyInBase);
        OneSide(text, "Only in diff", comparison.OnlyInDiff);
        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>How the verdicts were reached: launch-level where both sides hold several launches, else per iteration.</summary>
    private static void Method(StringBuilder text, Comparison comparison)
    {
        var options = comparison.Options;
        if (comparison.Cases.Any(c => c.LaunchRatio is not null))
            text.Append($"Launch-level test for cases with several launches a side: the {Numbers.Plain(LaunchStatistics.LevelPercent)} % " +
                        "Student-t interval of diff/base over launches (paired by round when both sides come from one `ab` " +
                        $"run, else Welch), on the log scale. Slower or Faster when the interval lies wholly beyond ±{Numbers.Plain(options.ThresholdPercent)} % " +
                        "(or the noise floor, where that is larger), Same when it lies wholly within, Unsure otherwise. " +
                        $"MDE: the smallest slowdown those launches would catch with {Numbers.Plain(LaunchStatistics.Power * 100)} % power.\n\n");
        if (comparison.AnySingleLaunch)
            text.Append($"Mann–Whitney two one-sided tests (Perfolizer), α = {Numbers.Plain(CompareOptions.Alpha)} each, " +
                        $"at a threshold of {Numbers.Plain(options.ThresholdPercent)} % and at a noise floor of " +
                        $"{Numbers.Plain(options.NoisePerBatchNanoseconds / 1e6)} ms per batch (per image: divided by the " +
                        "case's BatchSize; cases without one: no floor). A case is Faster or Slower only when both tests " +
                        $"agree. Cases need at least {CompareOptions.MinimumSamples} samples per side.\n\n" +
                        $"**{SingleLaunchWarning}**\n\n");
        text.Append("Times are per image.\n\n");
    }

    /// <summary>Said wherever a verdict rests on one launch a side.</summary>
    public const string SingleLaunchWarning =
        "One launch a side: these verdicts ignore launch-to-launch noise. They treat one process's iterations as " +
        "independent samples, but on a shared machine most of the variance lies between launches and between minutes, " +
        "so a rerun of the same commit can be called Slower. Use `bench --rounds N` on both sides, or `ab`, for verdicts that hold.";

    private static void Summary(StringBuilder text, Comparison comparison)
    {
        text.Append("## Summary\n\n| Verdict | Cases | Geometric mean of diff/base |\n|---|---:|---:|\n");
        foreach (var verdict in new[] { Verdict.Slower, Verdict.Faster, Verdict.Same, Verdict.Unsure })
        {
            var cases = comparison.With(verdict).ToList();
            text.Append($"| {verdict} | {cases.Count} | {(cases.Count == 0 ? "–" : Numbers.Fixed(GeometricMean(cases), 3))} |\n");
        }
        text.Append($"| Not enough samples | {comparison.With(Verdict.NotEnoughSamples).Count()} | – |\n");
        text.Append($"| Only in base | {comparison.OnlyInBase.Count} | – |\n");
        text.Append($"| Only in diff | {comparison.OnlyInDiff.Count} | – |\n\n");
        var tested = comparison.Cases.Where(c => c.Verdict != Verdict.NotEnoughSamples).ToList();
        if (comparison.With(Verdict.Unsure).Any())
            text.Append("Unsure: the interval straddles the threshold; more launches would decide (see the MDE column of `ab`).\n\n");
        if (tested.Count > 0)
            text.Append($"Geometric mean of diff/base median time over all {tested.Count} tested cases: " +
                        $"{Numbers.Fixed(GeometricMean(tested), 3)} (above 1: the diff is slower).\n\n");
    }

    private static void VerdictTable(StringBuilder text, Comparison comparison, Verdict verdict)
    {
        var faster = verdict == Verdict.Faster;
        var cases = comparison.With(verdict)
            .OrderByDescending(c => faster ? 1 / c.Ratio : c.Ratio)
            .ToList();
        text.Append($"## {verdict}\n\n");
        if (cases.Count == 0)
        {
            text.Append($"No {verdict.ToString().ToLowerInvariant()} cases.\n\n");
            return;
        }
        var shown = cases.Take(comparison.Options.Top ?? int.MaxValue).ToList();
        text.Append($"| {verdict} | {(faster ? "base/diff" : "diff/base")} | {Numbers.Plain(LaunchStatistics.LevelPercent)} % interval | " +
                    "Launches | Base µs/image | Diff µs/image | Noise floor µs/image | Modality |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var c in shown)
            text.Append($"| {Name(c.Base)} | {Numbers.Fixed(faster ? 1 / c.Ratio : c.Ratio, 2)} | {IntervalCell(c, faster)} | " +
                        $"{LaunchesCell(c)} | {Numbers.Microseconds(c.Base.Time.Median)} | {Numbers.Microseconds(c.Diff.Time.Median)} | " +
                        $"{(c.NoiseFloorPerImage > 0 ? Numbers.Microseconds(c.NoiseFloorPerImage) : "–")} | {c.Modality ?? ""} |\n");
        if (shown.Count < cases.Count)
            text.Append($"\n{cases.Count - shown.Count} more {verdict.ToString().ToLowerInvariant()} cases not shown (--top {shown.Count}).\n");
        text.Append('\n');
    }

    private static string IntervalCell(CaseComparison c, bool inverted) => c.LaunchRatio is not { } r
        ? "–"
        : inverted ? $"{Numbers.Fixed(1 / r.Upper, 2)} – {Numbers.Fixed(1 / r.Lower, 2)}" : $"{Numbers.Fixed(r.Lower, 2)} – {Numbers.Fixed(r.Upper, 2)}";

    private static string LaunchesCell(CaseComparison c) =>
        c.LaunchRatio is null ? "1 (iterations)" : $"{c.Launches}{(c.Paired ? " paired" : "")}";

    private static void OneSide(StringBuilder text, string title, IReadOnlyList<BenchmarkResult> cases)
    {
        if (cases.Count == 0)
            return;
        text.Append($"## {title}\n\n");
        foreach (var c in cases)
            text.Append($"- {Name(c)}\n");
        text.Append('\n');
    }

    private static double GeometricMean(IEnumerable<CaseComparison> cases) =>
        Math.Exp(cases.Average(c => Math.Log(c.Ratio)));

    private static string Machines(ResultSet results) =>
        "machine" + (results.Machines.Count == 1 ? " " : "s ") + string.Join(", ", results.Machines.Select(m => $"`{m.Label}`"));

    /// <summary>The full name without the namespace every GeoAI.Bench benchmark shares; pipes escaped for tables.</summary>
    private static string Name(BenchmarkResult result) => result.ShortName.Replace("|", "\\|");
}
