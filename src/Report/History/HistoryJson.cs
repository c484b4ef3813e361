using System.Text.Json;

namespace GeoAI.Report.History;

/// <summary>
/// history.json: the method and its settings, the runs, every series' points and the change points, for dashboards and
/// CI scripts. Times are nanoseconds per image; a change point's ratio is median time after ÷ before (above 1 slower).
/// </summary>
internal static class HistoryJson
{
    public const string FileName = "history.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file, not HTML: ' stays '
    };

    public static string Render(HistoryAnalysis history, IReadOnlyDictionary<CaseSeries, string> chartIds) =>
        JsonSerializer.Serialize(new
        {
            method = new
            {
                name = ChangePointMethod.Name,
                value = "logarithm of each run's mean time per image",
                permutations = ChangePointMethod.Permutations,
                significance = ChangePointMethod.Significance,
                minimumSegment = ChangePointMethod.MinimumSegment,
                thresholdPercent = history.Method.ThresholdPercent,
                noiseMultiple = ChangePointMethod.NoiseMultiple,
                seed = history.Method.Seed,
            },
            changePoints = history.ChangePoints.Select(c => new
            {
                machine = c.Machine,
                @case = c.Case,
                commit = c.Commit,
                commitDirty = c.CommitDirty,
                previousCommit = c.PreviousCommit,
                startedUtc = Time(c.Started),
                ratio = c.Ratio,
                direction = c.IsSlower ? "slower" : "faster",
                beforeNs = c.BeforeNanoseconds,
                afterNs = c.AfterNanoseconds,
                noise = c.Noise,
                pValue = c.PValue,
                runsBefore = c.RunsBefore,
                runsAfter = c.RunsAfter,
            }),
            runs = history.Runs.Select(r => new
            {
                machine = r.Machine,
                commit = r.Commit,
                commitDirty = r.CommitDirty,
                startedUtc = Time(r.Started),
                startedFromTitle = r.StartedFromTitle,
                runId = r.RunId,
                input = r.Input,
                cases = r.Results.Count,
                files = r.Files,
            }),
            series = history.Series.Select(s => new
            {
                machine = s.Machine,
                @case = s.Case,
                chart = $"charts/{chartIds[s]}.png",
                points = s.Points.Select(p => new
                {
                    commit = p.Run.Commit,
                    commitDirty = p.Run.CommitDirty,
                    startedUtc = Time(p.Run.Started),
                    meanNs = p.Result.Time.Mean,
                    lowerNs = p.Result.Time.Lower,
                    upperNs = p.Result.Time.Upper,
                    samples = p.Result.Samples.Count,
                }),
            }),
        }, Options) + "\n";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
