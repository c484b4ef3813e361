using GeoAI.Report.Documents;

namespace GeoAI.Report.Training;

/// <summary>
/// Writes a training run's folder: <c>train.json</c>, <c>train.md</c> and <c>charts/{loss,accuracy,confusion-matrix}</c>
/// as PNG and SVG, published whole or not at all by <see cref="OutputFolder"/>: a failure leaves the target as it was,
/// nothing or the previous run.
/// </summary>
public static class TrainRunWriter
{
    public const string MarkdownFile = "train.md";
    public const string ChartFolder = "charts";

    /// <summary>
    /// Throws <see cref="OutputException"/> unless the target can take a run: new, empty, or a previous run's folder.
    /// <c>train</c> checks before it trains, so an hour of training never ends in a refused folder.
    /// </summary>
    public static void CheckTarget(string target) => Folder(target).Check();

    /// <summary>Writes the folder and returns its files, relative to it, in ordinal order.</summary>
    public static IReadOnlyList<string> Write(TrainRun run, string target) =>
        Folder(target).Publish(staging =>
        {
            var charts = Path.Combine(staging, ChartFolder);
            Directory.CreateDirectory(charts);
            TrainRunJson.Write(run, Path.Combine(staging, TrainRunJson.FileName));
            var document = TrainRunDocument.Build(run, charts);
            File.WriteAllText(Path.Combine(staging, MarkdownFile), MarkdownRenderer.Render(document),
                DocumentFiles.Utf8);
        });

    /// <summary>A run's folder holds train.json, train.md and the charts folder's PNG and SVG files, nothing else.</summary>
    private static OutputFolder Folder(string target) =>
        new(target, "training run", OutputFolder.FilesAndCharts(ChartFolder, TrainRunJson.FileName, MarkdownFile));
}
