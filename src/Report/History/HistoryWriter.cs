using GeoAI.Report.Charts;
using GeoAI.Report.Documents;

namespace GeoAI.Report.History;

/// <summary>
/// Writes a history folder: <c>history.md</c>, a self-contained <c>history.html</c>, <c>history.json</c> and a trend
/// chart per machine and case in <c>charts/</c> (PNG and SVG), published whole or not at all by <see cref="OutputFolder"/>:
/// bad input (a <see cref="ReportException"/>) or an unusable <c>--out</c> (an <see cref="OutputException"/>) leaves the
/// target as it was.
/// </summary>
public static class HistoryWriter
{
    public const string MarkdownFile = "history.md";
    public const string HtmlFile = "history.html";
    public const string ChartFolder = "charts";

    public static WrittenHistory Write(HistoryOptions options)
    {
        var folder = new OutputFolder(options.OutputDirectory, "history", OutputFolder.FilesAndCharts(ChartFolder, MarkdownFile, HtmlFile, HistoryJson.FileName));
        folder.Check();
        var history = HistoryAnalysis.Of(HistoryReader.Read(options.Inputs), new ChangePointMethod(options.ThresholdPercent, options.Seed));

        var files = folder.Publish(staging =>
        {
            var chartFolder = Directory.CreateDirectory(Path.Combine(staging, ChartFolder)).FullName;
            var used = new HashSet<string>(StringComparer.Ordinal);
            var charts = history.Series.ToDictionary(s => s, s => TrendChart.Create(s, chartFolder, UniqueId(s, used)));
            var document = HistoryDocument.Build(history, options.Title, charts);
            DocumentFiles.WriteMarkdownAndHtml(document, staging, MarkdownFile, HtmlFile);
            File.WriteAllText(Path.Combine(staging, HistoryJson.FileName),
                HistoryJson.Render(history, charts.ToDictionary(c => c.Key, c => c.Value.Id)), DocumentFiles.Utf8);
        });
        return new WrittenHistory(folder.FullPath, files, history);
    }

    private static string UniqueId(CaseSeries series, HashSet<string> used) =>
        ChartIds.Unique($"trend-{ChartIds.Slug(series.Machine)}-{ChartIds.Slug(series.ShortName)}", used);
}

/// <summary>What <see cref="HistoryWriter.Write"/> wrote: the folder, its files (relative) and the analysis behind them.</summary>
public sealed record WrittenHistory(string Directory, IReadOnlyList<string> Files, HistoryAnalysis History);
