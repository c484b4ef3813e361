using GeoAI.Report;

namespace GeoAI.Tests.Report;

/// <summary>
/// What a fleet's final job publishes, opened in headless Chromium: the history of all runs, and the merged report of
/// every machine's latest run. Every chart must decode and the page must log no error.
/// </summary>
public sealed class FleetPagesInBrowserTests(WrittenFixtureHistory history) : IClassFixture<WrittenFixtureHistory>, IDisposable
{
    private readonly ScratchFolder scratch = new();

    [Fact]
    public async Task TheHistoryPageShowsEveryTrend()
    {
        await HtmlInBrowserTests.AssertEveryChartLoads(Path.Combine(history.Written.Directory, "history.html"),
            history.Written.History.Series.Count);
    }

    [Fact]
    public async Task TheMergedReportOfEachMachinesLatestRunRenders()
    {
        var latest = HistoryFixture.Machines.Select(m => HistoryFixture.RunFolders(m)[^1]).ToList();
        var report = ReportWriter.Write(new ReportOptions { Inputs = latest, OutputDirectory = scratch.Combine("report") });

        Assert.Equal(HistoryFixture.Machines.Order(StringComparer.Ordinal),
            File.ReadAllLines(Path.Combine(report.Directory, ReportWriter.MarkdownFile))
                .Single(l => l.StartsWith("|  | ", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries)[2..^1]
                .Order(StringComparer.Ordinal));
        Assert.Contains("| Commit | efd3e7a485 | efd3e7a485 | efd3e7a485 |",
            File.ReadAllText(Path.Combine(report.Directory, ReportWriter.MarkdownFile)));
        await HtmlInBrowserTests.AssertEveryChartLoads(Path.Combine(report.Directory, ReportWriter.HtmlFile), report.Charts);
    }

    public void Dispose() => scratch.Dispose();
}
