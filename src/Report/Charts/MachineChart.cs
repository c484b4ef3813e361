using GeoAI.Report.Analysis;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.Charts;

/// <summary>
/// Chart 4: the cases of one benchmark class that ran on several machines, a row per case and a marker per machine
/// (images/s with whiskers from the confidence interval). A dot plot, so a logarithmic axis stays honest when machines
/// are orders of magnitude apart.
/// </summary>
internal static class MachineChart
{
    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleUp, MarkerShape.FilledTriangleDown];

    public static Chart Create(string family, IReadOnlyList<string> machines, IReadOnlyList<MachineComparison.Row> rows, string folder, string id)
    {
        var cases = rows.SelectMany(r => r.PerMachine).OfType<Results.BenchmarkResult>().ToList();
        var allValues = cases.SelectMany(c => new[] { 1e9 / c.Time.Upper, 1e9 / c.Time.Lower }).ToList();
        var log = LogAxis.Suits(allValues);
        var title = $"{family}: the same cases on each machine";
        var plot = ChartStyle.Create(title, log ? "images/s (log scale, higher is faster)" : "images/s (higher is faster)", "");
        double X(double value) => log ? LogAxis.Position(value) : value;

        var ticks = new NumericManual();
        foreach (var (row, r) in rows.Select((row, r) => (row, r)))
            ticks.AddMajor(-r, row.Label);
        var offset = machines.Count > 1 ? 0.5 / machines.Count : 0;
        foreach (var (machine, m) in machines.Select((machine, m) => (machine, m)))
        {
            var present = rows.Select((row, r) => (Case: row.PerMachine[m], Y: -r + offset * (machines.Count - 1) / 2 - offset * m))
                .Where(p => p.Case is not null).ToList();
            if (present.Count == 0)
                continue;
            var xs = present.Select(p => X(p.Case!.ImagesPerSecond)).ToArray();
            var ys = present.Select(p => p.Y).ToArray();
            var color = ChartStyle.Series(m);
            var points = plot.Add.ScatterPoints(xs, ys, color);
            points.MarkerShape = Shapes[m % Shapes.Length];
            points.MarkerSize = 11;
            points.LegendText = machine;
            var right = present.Select((p, i) => X(1e9 / p.Case!.Time.Lower) - xs[i]).ToList();
            var left = present.Select((p, i) => xs[i] - X(1e9 / p.Case!.Time.Upper)).ToList();
            plot.Add.Plottable(new ErrorBar(xs, ys, right, left, null, null) { LineColor = color, LineWidth = 1.5f, CapSize = 4 });
        }
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = ChartStyle.ValueLabelSize;
        plot.Axes.SetLimitsY(-rows.Count + 0.4, 0.6);
        var positive = allValues.Where(v => v > 0 && double.IsFinite(v)).ToList();
        if (log)
        {
            plot.Axes.Bottom.TickGenerator = LogAxis.Ticks(positive.Min(), positive.Max());
            plot.Axes.SetLimitsX(X(positive.Min()) - 0.15, X(positive.Max()) + 0.15);
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = Numbers.Tick };
            plot.Axes.SetLimitsX(0, positive.Max() * 1.1);
        }

        var caption = $"{family}: images per second of every case measured on more than one machine, a marker per machine; " +
                      "whiskers: " + ChartStyle.Whiskers(cases.Select(c => c.Time)) + ", on the time per image.";
        var height = 170 + rows.Count * 44;
        return ChartStyle.Save(plot, folder, id, title, caption, height);
    }
}
