using System.Text;
using GeoAI.Report.Charts;
using GeoAI.Report.Documents;

namespace GeoAI.Report.History;

/// <summary>
/// Writes a history folder: <c>history.md</c>, a self-contained <c>history.html</c>, <c>history.json</c> and a trend
/// chart per machine and case in <c>charts/</c> (PNG and SVG). Like a report, it is staged beside the target and moved
/// into place when complete: bad input (a <see cref="ReportException"/>) leaves the target as it was.
/// </summary>
public static class HistoryWriter
{
    public const string MarkdownFile = "history.md";
    public const string HtmlFile = "history.html";
    public const string ChartFolder = "charts";

    public static WrittenHistory Write(HistoryOptions options)
    {
        var target = Path.GetFullPath(options.OutputDirectory);
        OutputFolder.CheckReplaceable(target, IsHistoryEntry, "history");
        var history = HistoryAnalysis.Of(HistoryReader.Read(options.Inputs), new ChangePointMethod(options.ThresholdPercent, options.Seed));

        var files = OutputFolder.Write(target, IsHistoryEntry, "history", staging =>
        {
            var chartFolder = Directory.CreateDirectory(Path.Combine(staging, ChartFolder)).FullName;
            var used = new HashSet<string>(StringComparer.Ordinal);
            var charts = history.Series.ToDictionary(s => s, s => TrendChart.Create(s, chartFolder, UniqueId(s, used)));
            var document = HistoryDocument.Build(history, options.Title, charts);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            File.WriteAllText(Path.Combine(staging, MarkdownFile), MarkdownRenderer.Render(document), utf8);
            File.WriteAllText(Path.Combine(staging, HtmlFile), HtmlRenderer.Render(document), utf8);
            File.WriteAllText(Path.Combine(staging, HistoryJson.FileName),
                HistoryJson.Render(history, charts.ToDictionary(c => c.Key, c => c.Value.Id)), utf8);
        });
        return new WrittenHistory(target, files, history);
    }

    private static string UniqueId(CaseSeries series, HashSet<string> used)
    {
        var wanted = $"trend-{ChartIds.Slug(series.Machine)}-{ChartIds.Slug(series.ShortName)}";
        var id = wanted;
        for (var n = 2; !used.Add(id); n++)
            id = $"{wanted}-{n}";
        return id;
    }

    private static readonly Func<string, bool> IsHistoryEntry = OutputFolder.FilesAndCharts(ChartFolder, MarkdownFile, HtmlFile, HistoryJson.FileName);
}

/// <summary>What <see cref="HistoryWriter.Write"/> wrote: the folder, its files (relative) and the analysis behind them.</summary>
public sealed record WrittenHistory(string Directory, IReadOnlyList<string> Files, HistoryAnalysis History);
