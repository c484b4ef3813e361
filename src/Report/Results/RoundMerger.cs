using System.Globalization;

namespace GeoAI.Report.Results;

/// <summary>
/// The rounds of one <c>bench --rounds</c> run as the reader sees them: each launch's run and round, as the rounds
/// runner stamps them, and the merge of one case's launches into a launch-level result.
/// </summary>
internal static class RoundMerger
{
    /// <summary>What the rounds runner stamps into a launch's GeoAI block (see bench/Rounds): absent in plain runs.</summary>
    public sealed record LaunchFacts(string? RunId, int? Round, string? RerunBecause);

    public static LaunchFacts FactsOf(BdnHostEnvironment? host) => new(
        GeoAiBlock.Field(host, "RunId"),
        int.TryParse(GeoAiBlock.Field(host, "Round"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var round) ? round : null,
        GeoAiBlock.Field(host, "RerunBecause"));

    /// <summary>
    /// One result per machine and case. The rounds of one run (same RunId, distinct rounds) are launches of one case and
    /// merge into a launch-level estimate; anything else that names a case twice for one machine is ambiguous.
    /// </summary>
    public static List<BenchmarkResult> Merge(List<BenchmarkResult> launches)
    {
        var results = new List<BenchmarkResult>();
        foreach (var group in launches.GroupBy(r => (r.Machine, r.FullName)))
        {
            var cases = group.ToList();
            if (cases.Count == 1)
            {
                results.Add(cases[0]);
                continue;
            }
            var runIds = cases.Select(c => c.RunId).Distinct().ToList();
            var rounds = cases.Select(c => c.Launches[0].Round).ToList();
            if (runIds is not [{ } runId] || rounds.Any(r => r is null) || rounds.Distinct().Count() != rounds.Count)
            {
                var files = cases.Select(r => r.SourceFile).Distinct().ToList();
                throw new ReportException(
                    $"{group.Key.FullName} appears {cases.Count} times for machine '{group.Key.Machine}' " +
                    $"(in {string.Join(" and ", files)}); give each run of a machine once (the rounds of one run, " +
                    "which share a RunId, merge)");
            }
            var ordered = cases.OrderBy(c => c.Launches[0].Round).ToList();
            var merged = ordered.SelectMany(c => c.Launches).ToList();
            results.Add(ordered[0] with
            {
                Samples = merged.SelectMany(l => l.Samples).ToArray(),
                Time = TimeEstimate.FromLaunches(merged),
                Launches = merged,
                RunId = runId,
                PeakGpuMemoryMb = ordered.Max(c => c.PeakGpuMemoryMb),
            });
        }
        return results;
    }
}
