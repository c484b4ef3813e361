using GeoAI.Report.Charts;
using GeoAI.Report.Compare;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.Ab;

/// <summary>
/// The A/B at a glance: a row per case, its diff/base ratio with the interval as whiskers, the band of changes that do
/// not matter (±threshold) shaded, and 1 (no change) as a line. A case is Slower only when its whole whisker lies right
/// of the band.
/// </summary>
internal static class ForestPlotChart
{
    public static Chart Create(AbSummary summary, string folder)
    {
        const string Title = "diff / base time per case";
        var plot = ChartStyle.Create(Title, "diff / base (right of 1: the diff is slower)", "");
        var cases = summary.Cases;
        var limit = 1 + summary.ThresholdPercent / 100;
        var band = plot.Add.HorizontalSpan(1 / limit, limit);
        band.FillStyle.Color = Color.FromHex("#009E73").WithAlpha(0.15);
        band.LineStyle.Width = 0;
        ChartStyle.ReferenceLine(plot, 1, vertical: true);

        var ticks = new NumericManual();
        foreach (var (c, row) in cases.Select((c, row) => (c, row)))
        {
            var y = -row;
            ticks.AddMajor(y, ShortName(c.Name));
            var color = VerdictColor(c.Verdict);
            var point = plot.Add.ScatterPoints(new[] { c.Ratio }, new[] { (double)y }, color);
            point.MarkerSize = 10;
            var high = double.IsFinite(c.CiHigh) ? c.CiHigh : c.Ratio;
            var low = c.CiLow > 0 ? c.CiLow : c.Ratio;
            plot.Add.Plottable(new ErrorBar(new[] { c.Ratio }, new[] { (double)y }, new[] { high - c.Ratio }, new[] { c.Ratio - low }, null, null)
                { LineColor = color, LineWidth = 2, CapSize = 5 });
        }
        foreach (var verdict in new[] { Verdict.Slower, Verdict.Faster, Verdict.Same, Verdict.Unsure })
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = verdict.ToString(), FillColor = VerdictColor(verdict) });
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Axes.SetLimitsY(-cases.Count + 0.4, 0.6);
        var ends = cases.SelectMany(c => new[] { c.CiLow, c.CiHigh }).Where(v => v > 0 && double.IsFinite(v))
            .Append(1 / limit).Append(limit).ToList();
        var margin = (ends.Max() - ends.Min()) * 0.08;
        plot.Axes.SetLimitsX(ends.Min() - margin, ends.Max() + margin);
        var caption = $"Each case's diff/base ratio over {summary.Rounds} paired rounds with its " +
                      $"{Numbers.Plain(Statistics.LaunchStatistics.LevelPercent)} % interval; the shaded band is " +
                      $"±{Numbers.Plain(summary.ThresholdPercent)} %, the changes that do not matter.";
        return ChartStyle.Save(plot, folder, "forest", Title, caption, height: Math.Max(320, 90 + 34 * cases.Count));
    }

    /// <summary>Within a report about one suite the namespace and method say nothing.</summary>
    public static string ShortName(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        var method = open < 0 ? name : name[..open];
        var parts = method.Split('.');
        var type = parts.Length >= 2 ? parts[^2] : method;
        return open < 0 ? type : type + name[open..].Replace("Device: ", "").Replace("BatchSize: ", "b").Replace("Loader: ", "").Replace("Workers: ", "W");
    }

    private static Color VerdictColor(Verdict verdict) => verdict switch
    {
        Verdict.Slower => Color.FromHex("#D55E00"),
        Verdict.Faster => Color.FromHex("#0072B2"),
        Verdict.Same => Color.FromHex("#009E73"),
        _ => Color.FromHex("#6E6E6E"),
    };
}
