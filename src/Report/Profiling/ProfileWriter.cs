using System.Globalization;

namespace GeoAI.Report.Profiling;

/// <summary>
/// Writes a profile folder (<c>trace.json</c>, <c>profile.json</c>, <c>profile.md</c> and the phase chart as PNG and
/// SVG), published whole or not at all by <see cref="OutputFolder"/>: a failure leaves the target as it was. The target
/// must be new, empty or a previous profile's folder, never a file or someone's other files.
/// </summary>
public static class ProfileWriter
{
    public const string TraceFile = "trace.json";
    public const string JsonFile = "profile.json";
    public const string MarkdownFile = "profile.md";

    /// <summary>The chart's file name without extension; the chart is written as .png and .svg.</summary>
    public const string ChartId = "phases";

    /// <summary>
    /// Throws <see cref="OutputException"/> unless the target can take a profile; <c>profile</c> checks before it runs.
    /// </summary>
    public static void CheckTarget(string target) => Folder(target).Check();

    /// <summary>Writes the folder and returns its files, relative to it, in ordinal order.</summary>
    public static IReadOnlyList<string> Write(ProfileRecord run, string target) =>
        Folder(target).Publish(staging =>
        {
            using (var trace = File.Create(Path.Combine(staging, TraceFile)))
                ChromeTrace.Write(run, trace);
            using (var json = File.Create(Path.Combine(staging, JsonFile)))
                ProfileJson.Write(run, json);
            var chart = DrawChart(run, staging);
            File.WriteAllText(Path.Combine(staging, MarkdownFile), ProfileMarkdown.Render(run, Path.GetFileName(chart.PngPath)),
                Documents.DocumentFiles.Utf8);
        });

    private static Charts.Chart DrawChart(ProfileRecord run, string folder)
    {
        var settings = run.Settings;
        var phases = run.Summary.Phases.Select(p => new PhaseTime(p.Name, p.MeanMs, p.SharePercent, p.Group)).ToList();
        var title = $"Where a training step goes: {settings.ModelName} ({settings.Mode}), {settings.Device}, {settings.Loader} loader";
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"Mean time per step of each phase over {run.Steps.Count} recorded steps (batch {settings.BatchSize}), " +
            $"with its share of the mean step ({run.Summary.Step.MeanMs:F1} ms). ") + run.TimingNote;
        return PhaseTimeChart.Create(title, caption, phases, folder, ChartId);
    }

    private static OutputFolder Folder(string target) => new(target, "profile",
        OutputFolder.FilesAndCharts(null, TraceFile, JsonFile, MarkdownFile, ChartId + ".png", ChartId + ".svg"));
}
