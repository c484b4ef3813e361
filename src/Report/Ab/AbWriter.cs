using System.Text.Json;
using GeoAI.Report.Documents;

namespace GeoAI.Report.Ab;

/// <summary>Writes an A/B's ab.json, ab.md, ab.html and charts/forest.{png,svg} into a folder.</summary>
public static class AbWriter
{
    public const string JsonFile = "ab.json";
    public const string MarkdownFile = "ab.md";
    public const string HtmlFile = "ab.html";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <returns>The markdown, for the console.</returns>
    public static string Write(AbSummary summary, string folder)
    {
        var charts = Path.Combine(folder, ReportWriter.ChartFolder);
        Directory.CreateDirectory(charts);
        var forest = ForestPlotChart.Create(summary, charts);
        var document = AbDocument.Create(summary, forest);
        var markdown = DocumentFiles.WriteMarkdownAndHtml(document, folder, MarkdownFile, HtmlFile);
        File.WriteAllText(Path.Combine(folder, JsonFile), JsonSerializer.Serialize(ToJson(summary), Json), DocumentFiles.Utf8);
        return markdown;
    }

    /// <summary>The ab.json shape: stable names, plain numbers (∞ as null), times in nanoseconds per image.</summary>
    private static object ToJson(AbSummary s) => new
    {
        @base = s.Base,
        diff = s.Diff,
        s.SameBuild,
        s.Pairing,
        thresholdPercent = s.ThresholdPercent,
        levelPercent = Statistics.LaunchStatistics.LevelPercent,
        s.Rounds,
        s.StopReason,
        wallSeconds = Math.Round(s.Wall.TotalSeconds, 1),
        budgetSeconds = s.Budget.TotalSeconds,
        buildSeconds = Math.Round(s.BuildTime.TotalSeconds, 1),
        s.Machine,
        exitCode = s.ExitCode,
        cases = s.Cases.Select(c => new
        {
            name = c.Name,
            verdict = c.Verdict.ToString(),
            ratio = c.Ratio,
            ciLow = c.CiLow,
            ciHigh = Finite(c.CiHigh),
            mde = Finite(c.MinimumDetectableEffect),
            rounds = c.Rounds,
            paired = c.Paired,
            spread = Finite(c.Spread),
            baseNanosecondsPerImage = c.BaseTimePerImage,
            diffNanosecondsPerImage = c.DiffTimePerImage,
            reruns = c.Reruns,
            maxStealPercent = c.MaxStealPercent,
        }),
        failedLaunches = s.FailedLaunches,
        onlyInOneSide = s.OnlyInOneSide,
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
