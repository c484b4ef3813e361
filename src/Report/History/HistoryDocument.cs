using GeoAI.Report.Charts;
using GeoAI.Report.Documents;

namespace GeoAI.Report.History;

/// <summary>
/// Lays out history.md and history.html: what was read, the change points, the runs, a trend chart per machine and
/// case, and how change points are found.
/// </summary>
internal static class HistoryDocument
{
    public static ReportDocument Build(HistoryAnalysis history, string title, IReadOnlyDictionary<CaseSeries, Chart> charts)
    {
        var document = new ReportDocument(title);
        Introduction(document, history);
        ChangePoints(document, history);
        Runs(document, history);
        foreach (var machine in history.Series.GroupBy(s => s.Machine))
        {
            document.Heading(2, $"Trends on `{machine.Key}`");
            foreach (var series in machine)
                document.Figure(charts[series]);
        }
        Method(document, history.Method);
        return document;
    }

    private static void Introduction(ReportDocument document, HistoryAnalysis history)
    {
        var machines = history.Runs.Select(r => r.Machine).Distinct().ToList();
        var commits = history.Runs.Select(r => r.CommitLabel).Distinct().Count();
        var first = history.Runs.Min(r => r.Started);
        var last = history.Runs.Max(r => r.Started);
        var changes = history.ChangePoints.Count();
        document.Paragraph($"{Count(history.Runs.Count, "run")} of {Count(machines.Count, "machine")} " +
                           $"({string.Join(", ", machines.Select(m => $"`{m}`"))}) over {Count(commits, "commit")}, " +
                           $"started {first:yyyy-MM-dd} to {last:yyyy-MM-dd}: {Count(history.Series.Count, "series")} " +
                           $"(a machine and a case each), **{Count(changes, "change point")}**. Times are per image; " +
                           "images/s = 10⁹ / mean nanoseconds per image.");
        var dirty = history.Runs.Where(r => r.CommitDirty == true).ToList();
        if (dirty.Count > 0)
            document.Note($"{Count(dirty.Count, "run")} measured sources that differed from their commit (marked +dirty): " +
                          string.Join(", ", dirty.Select(r => $"`{r.Machine}` {r.CommitLabel}")) + ".");
        var untimed = history.Runs.Where(r => r.StartedFromTitle).ToList();
        if (untimed.Count > 0)
            document.Note("Runs without a recorded start time (older files), ordered by BenchmarkDotNet's title stamp, the " +
                          "machine's local time: " + string.Join(", ", untimed.Select(r => $"`{r.Input}`")) + ".");
    }

    private static void ChangePoints(ReportDocument document, HistoryAnalysis history)
    {
        document.Heading(2, "Change points");
        var changes = history.ChangePoints.ToList();
        if (changes.Count == 0)
        {
            document.Paragraph($"No change point: no series has a step of at least {Numbers.Plain(history.Method.ThresholdPercent)} % " +
                               "that E-Divisive finds significant and that stands out of its own run-to-run noise.");
            return;
        }
        var table = new Table(Column.Text("Machine"), Column.Text("Case"), Column.Text("Commit"), Column.Text("Previous commit"),
            Column.Text("Started (UTC)"), Column.Number("Time ratio"), Column.Number("µs/image before → after"),
            Column.Number("Noise"), Column.Number("p"), Column.Number("Runs before / after"));
        foreach (var series in history.Series)
        foreach (var c in series.ChangePoints)
            table.Add($"`{c.Machine}`", series.ShortName,
                $"**{Short(c.Commit)}**{(c.CommitDirty == true ? "+dirty" : "")}", Short(c.PreviousCommit),
                $"{c.Started:yyyy-MM-dd HH:mm}", $"{Numbers.Fixed(c.Ratio, 2)} ({(c.IsSlower ? "slower" : "faster")})",
                $"{Numbers.Microseconds(c.BeforeNanoseconds)} → {Numbers.Microseconds(c.AfterNanoseconds)}",
                $"{Numbers.Fixed(100 * c.Noise, 1)} %", Numbers.Fixed(c.PValue, 3), $"{c.RunsBefore} / {c.RunsAfter}");
        document.Table(table);
    }

    private static void Runs(ReportDocument document, HistoryAnalysis history)
    {
        document.Heading(2, "Runs");
        var table = new Table(Column.Text("Machine"), Column.Text("Commit"), Column.Text("Started (UTC)"), Column.Number("Cases"),
            Column.Text("Input"));
        foreach (var run in history.Runs.OrderBy(r => r.Machine, StringComparer.Ordinal).ThenBy(r => r.Started))
            table.Add($"`{run.Machine}`", run.CommitLabel, $"{run.Started:yyyy-MM-dd HH:mm}", Numbers.Integer(run.Results.Count),
                $"`{run.Input}`");
        document.Table(table);
    }

    private static void Method(ReportDocument document, ChangePointMethod method)
    {
        document.Heading(2, "How change points are found");
        document.Bullets([
            "Each run is one point: the logarithm of its mean time per image (ratios become differences, so a slowdown " +
            "and the speedup that undoes it weigh alike). Runs are in commit order: commits by their first run's start, " +
            "reruns of a commit together.",
            $"**{ChangePointMethod.Name}** (Matteson and James 2014, α = 1), as MongoDB's performance CI uses it: the split " +
            "that best separates the two sides by energy distance, kept when at most " +
            $"{Numbers.Plain(ChangePointMethod.Significance * 100)} % of {ChangePointMethod.Permutations} seeded permutations " +
            $"(seed {method.Seed}) of the segment separate as well; then each side is searched again. Splits fall only " +
            $"between different commits, with at least {ChangePointMethod.MinimumSegment} runs on each side.",
            $"A split is reported only when the median time moves by at least {Numbers.Plain(method.ThresholdPercent)} % " +
            $"and by at least {Numbers.Plain(ChangePointMethod.NoiseMultiple)} standard deviations of the series' run-to-run " +
            "noise (1.4826 × the median absolute difference between neighbouring runs, ÷ √2; the Noise column): a " +
            "permutation test alone lets about 1 % of flat series through, and a history holds many series.",
            "Ratio = median time after ÷ median time before, over the runs up to the neighbouring change points: above 1 " +
            "is slower. The commit named is the first run after the change: the commit that brought it, or the first " +
            "measured after it.",
        ]);
    }

    private static string Short(string commit) => commit[..Math.Min(10, commit.Length)];

    private static string Count(int count, string noun) =>
        $"{count} {noun}{(count == 1 || noun.EndsWith('s') ? "" : "s")}";
}
