using GeoAI.Report.Analysis;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.Charts;

/// <summary>
/// Chart 3: images/s against batch size for one workload on one machine, a line per device and loader, whiskers from the
/// confidence interval of the mean time. Batch sizes sit evenly spaced (they are a handful of chosen values); the y axis
/// turns logarithmic when CPU and GPU throughputs are orders of magnitude apart.
/// </summary>
internal static class BatchScalingChart
{
    private static readonly MarkerShape[] Filled =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown];

    private static readonly MarkerShape[] Open =
        [MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond, MarkerShape.OpenTriangleDown];

    public static Chart Create(string machine, string workload, IReadOnlyList<ScalingSeries> series, string folder, string id)
    {
        var allValues = series.SelectMany(s => s.Points).SelectMany(p => new[] { 1e9 / p.Time.Upper, 1e9 / p.Time.Lower }).ToList();
        var log = LogAxis.Suits(allValues);
        var title = $"Batch-size scaling: {workload} on {machine}";
        var plot = ChartStyle.Create(title, "batch size (images)", log ? "images/s (log scale, higher is faster)" : "images/s (higher is faster)");

        var batches = series.SelectMany(s => s.Points).Select(p => p.Parameters.BatchSize!.Value).Distinct().Order().ToList();
        var xTicks = new NumericManual();
        foreach (var (batch, i) in batches.Select((b, i) => (b, i)))
            xTicks.AddMajor(i, Numbers.Integer(batch));

        double Y(double value) => log ? LogAxis.Position(value) : value;
        foreach (var (line, index) in series.Select((s, i) => (s, i)))
        {
            var cuda = line.Device == "cuda";
            var color = ChartStyle.LoaderColor(line.Loader);
            var xs = line.Points.Select(p => (double)batches.IndexOf(p.Parameters.BatchSize!.Value)).ToArray();
            var ys = line.Points.Select(p => Y(p.ImagesPerSecond)).ToArray();
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.LegendText = line.Label;
            scatter.LineWidth = cuda ? 2.5f : 1.5f;
            scatter.MarkerShape = (cuda ? Filled : Open)[index % Filled.Length];
            scatter.MarkerSize = cuda ? 10 : 11;
            scatter.MarkerLineWidth = 2;
            var up = line.Points.Select((p, i) => Y(1e9 / p.Time.Lower) - ys[i]).ToList();
            var down = line.Points.Select((p, i) => ys[i] - Y(1e9 / p.Time.Upper)).ToList();
            plot.Add.Plottable(new ErrorBar(xs, ys, null, null, up, down) { LineColor = color, LineWidth = 1.5f, CapSize = 5 });
        }
        plot.ShowLegend(Edge.Right);

        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.SetLimitsX(-0.3, batches.Count - 0.7);
        var positive = allValues.Where(v => v > 0 && double.IsFinite(v)).ToList();
        if (log)
        {
            plot.Axes.Left.TickGenerator = LogAxis.Ticks(positive.Min(), positive.Max());
            plot.Axes.SetLimitsY(Y(positive.Min()) - 0.15, Y(positive.Max()) + 0.15);
        }
        else
        {
            plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = Numbers.Tick };
            plot.Axes.SetLimitsY(0, positive.Max() * 1.1);
        }

        var caption = $"{workload} on {machine}: images per second at each batch size, one line per device (CUDA: filled " +
                      "markers, CPU: open markers) and loader; whiskers: " + ChartStyle.Whiskers(series.SelectMany(s => s.Points).Select(p => p.Time)) + ", on the time per image.";
        return ChartStyle.Save(plot, folder, id, title, caption);
    }
}
