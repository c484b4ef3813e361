using GeoAI.Report.Compare;
using GeoAI.Report.Documents;
using GeoAI.Report.Statistics;

namespace GeoAI.Report.Ab;

/// <summary>ab.md and ab.html: what was compared, the verdicts with their intervals, the forest plot, and the method.</summary>
internal static class AbDocument
{
    public static ReportDocument Create(AbSummary summary, Charts.Chart forest)
    {
        var document = new ReportDocument("A/B comparison");
        document.Paragraph($"Base: {summary.Base.Description}. Diff: {summary.Diff.Description}. Machine: {summary.Machine}.");
        if (summary.SameBuild)
            document.Note("**A/A run**: base and diff are the same build, so every ratio is this machine's noise. Every " +
                          "verdict should be Same or Unsure; the spread column is the round-to-round noise per case, and the " +
                          "MDE column the smallest regression an A/B of this length would catch here.");
        document.Paragraph($"{summary.Rounds} rounds ({summary.StopReason}) in {Minutes(summary.Wall)} of a " +
                           $"{Minutes(summary.Budget)} budget, builds {Minutes(summary.BuildTime)}. Slower {summary.Count(Verdict.Slower)}, " +
                           $"Faster {summary.Count(Verdict.Faster)}, Same {summary.Count(Verdict.Same)}, Unsure {summary.Count(Verdict.Unsure)}.");
        foreach (var failed in summary.FailedLaunches)
            document.Note($"Failed launch: {failed}");
        if (summary.OnlyInOneSide.Count > 0)
            document.Note($"Not compared (only one side has them): {string.Join(", ", summary.OnlyInOneSide.Select(ForestPlotChart.ShortName))}.");
        document.Heading(2, "Verdicts");
        document.Table(Table(summary));
        document.Figure(forest);
        document.Heading(2, "How to read it");
        document.Bullets(Method(summary));
        return document;
    }

    private static Table Table(AbSummary summary)
    {
        var level = Numbers.Plain(LaunchStatistics.LevelPercent);
        var table = new Table(Column.Text("Case"), Column.Text("Verdict"), Column.Number("diff/base"), Column.Number($"{level} % interval"),
            Column.Number("MDE"), Column.Number("Spread"), Column.Number("Rounds"), Column.Number("Base µs/image"),
            Column.Number("Diff µs/image"), Column.Number("Reruns"));
        foreach (var c in summary.Cases)
            table.Add(ForestPlotChart.ShortName(c.Name), c.Verdict.ToString(), Numbers.Fixed(c.Ratio, 3),
                $"{Numbers.Fixed(c.CiLow, 3)} – {Numbers.Fixed(c.CiHigh, 3)}", Percent(c.MinimumDetectableEffect), Percent(c.Spread),
                Numbers.Integer(c.Rounds) + (c.Paired ? "" : " (unpaired)"), Numbers.Microseconds(c.BaseTimePerImage),
                Numbers.Microseconds(c.DiffTimePerImage), Numbers.Integer(c.Reruns));
        return table;
    }

    private static IEnumerable<string> Method(AbSummary summary) =>
    [
        $"Each round launches every case once on each side ({summary.Pairing}), with the cases in a new random order " +
        "every round; each launch is a fresh process. A launch's time is the median of its iterations.",
        $"A case's ratio is the geometric mean of its per-round diff/base ratios; the interval is the {Numbers.Plain(LaunchStatistics.LevelPercent)} % " +
        "Student-t interval of the mean log ratio over rounds. Pairing cancels drift both sides shared.",
        $"Slower or Faster when the whole interval lies beyond ±{Numbers.Plain(summary.ThresholdPercent)} %, Same when it lies wholly within, " +
        "Unsure otherwise (more rounds would decide).",
        $"MDE: the smallest slowdown these rounds would call Slower with {Numbers.Plain(LaunchStatistics.Power * 100)} % power, " +
        "given the spread seen. Spread: the standard deviation of the per-round log ratio (≈ relative noise of one round).",
        $"A launch during which the hypervisor stole more than {Numbers.Plain(10)} % of the CPU is run again (Reruns).",
        "Method and sources: docs/reporting.md.",
    ];

    private static string Percent(double fraction) =>
        double.IsFinite(fraction) ? $"{Numbers.Fixed(100 * fraction, 1)} %" : "∞";

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
        : $"{span.Seconds} s";
}
