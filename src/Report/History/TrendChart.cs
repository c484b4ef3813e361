using GeoAI.Report.Analysis;
using GeoAI.Report.Charts;
using GeoAI.Report.Statistics;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.History;

/// <summary>
/// One case on one machine over its runs: images/s per run with whiskers from the run's confidence interval, a level
/// line at the median of each stretch between change points, and a vertical line where each change point falls.
/// </summary>
internal static class TrendChart
{
    private const int Height = 420;

    /// <summary>Beyond this many runs only every n-th commit is named on the axis, so the labels stay readable.</summary>
    private const int MaxLabels = 24;

    private static readonly Color ChangeColor = Color.FromHex("#D55E00");

    public static Chart Create(CaseSeries series, string folder, string id)
    {
        var first = series.Points[0].Result;
        var title = $"{first.Workload.Label} · {CaseLabel.Of(first)} on {series.Machine}";
        var plot = ChartStyle.Create(title, "", "images/s (higher is faster)");
        var n = series.Points.Count;
        var xs = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var ys = series.Points.Select(p => p.Result.ImagesPerSecond).ToArray();
        var color = ChartStyle.Series(0);

        var line = plot.Add.Scatter(xs, ys, color);
        line.LineWidth = 1.5f;
        line.MarkerSize = 9;
        line.LegendText = "one run (mean)";
        var up = series.Points.Select((p, i) => 1e9 / p.Result.Time.Lower - ys[i]).ToList();
        var down = series.Points.Select((p, i) => ys[i] - 1e9 / p.Result.Time.Upper).ToList();
        plot.Add.Plottable(new ErrorBar(xs, ys, null, null, up, down) { LineColor = color, LineWidth = 1.5f, CapSize = 4 });

        var bounds = series.ChangePoints.Select(c => c.Index).Prepend(0).Append(n).ToList();
        for (var s = 0; s + 1 < bounds.Count; s++)
        {
            var level = 1e9 / SampleStatistics.Median(series.Points.Skip(bounds[s]).Take(bounds[s + 1] - bounds[s]).Select(p => p.Result.Time.Mean));
            var segment = plot.Add.Line(bounds[s] - 0.3, level, bounds[s + 1] - 0.7, level);
            segment.LineColor = Color.FromHex("#009E73");
            segment.LineWidth = 3;
            segment.LegendText = s == 0 ? "median between change points" : "";
        }
        foreach (var change in series.ChangePoints)
        {
            var marker = plot.Add.VerticalLine(change.Index - 0.5, 2, ChangeColor);
            marker.LegendText = change == series.ChangePoints[0] ? "change point" : "";
        }

        var ticks = new NumericManual();
        var every = (n + MaxLabels - 1) / MaxLabels;
        for (var i = 0; i < n; i++)
            if (i % every == 0 || series.ChangePoints.Any(c => c.Index == i))
                ticks.AddMajor(i, series.Points[i].Run.CommitLabel);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.TickLabelStyle.FontSize = ChartStyle.ValueLabelSize;
        plot.Axes.Bottom.MinimumSize = 90;
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = Numbers.Tick };
        var top = series.Points.Max(p => 1e9 / p.Result.Time.Lower);
        plot.Axes.SetLimits(-0.6, n - 0.4, 0, top * 1.15);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;

        var changes = series.ChangePoints.Count == 0 ? "no change point"
            : $"{series.ChangePoints.Count} change point{(series.ChangePoints.Count == 1 ? "" : "s")} (orange)";
        var caption = $"{series.ShortName} on {series.Machine}: images per second of each run ({n}), commits oldest first; " +
                      $"whiskers: {ChartStyle.Whiskers(series.Points.Select(p => p.Result.Time))}; {changes}.";
        return ChartStyle.Save(plot, folder, id, title, caption, Height);
    }
}
