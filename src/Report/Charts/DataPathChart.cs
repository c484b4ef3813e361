using GeoAI.Report.Analysis;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.Charts;

/// <summary>
/// Chart 2: for one workload on one machine, a group of bars per device and batch size, one bar per loader, each the
/// speedup over the host loader with 0 workers (the dashed 1× line).
/// </summary>
internal static class DataPathChart
{
    public static Chart Create(string machine, string workload, IReadOnlyList<DataPathSpeedup> speedups, string folder, string id)
    {
        var title = $"Data-path speedup: {workload} on {machine}";
        var plot = ChartStyle.Create(title, "", "speedup over host loader, 0 workers (×)");

        var loaders = speedups.Select(s => s.Loader).Distinct().OrderBy(l => l.SortKey).ToList();
        var groups = speedups.GroupBy(s => (s.Device, s.BatchSize))
            .OrderBy(g => g.Key.Device).ThenBy(g => g.Key.BatchSize).ToList();
        var slot = Math.Min(0.84 / groups.Max(g => g.Count()), 0.24);
        var ticks = new NumericManual();
        var xs = new List<double>();
        var ys = new List<double>();
        var up = new List<double>();
        var down = new List<double>();
        var valueSize = speedups.Count <= 16 ? ChartStyle.ValueLabelSize : speedups.Count <= 24 ? 11f : 0f;
        foreach (var (group, g) in groups.Select((group, g) => (group, g)))
        {
            ticks.AddMajor(g, $"{CaseLabel.Device(group.Key.Device)}\nbatch {group.Key.BatchSize}");
            var present = group.OrderBy(s => s.Loader.SortKey).ToList();
            foreach (var (speedup, l) in present.Select((speedup, l) => (speedup, l)))
            {
                var x = g + slot * (l - (present.Count - 1) / 2.0);
                // A bar whose interval holds 1× is drawn pale and outlined: it cannot be told from the baseline.
                var distinguishable = speedup.Loader.IsBaseline || speedup.Speedup.IsDistinguishable;
                var color = ChartStyle.LoaderColor(speedup.Loader);
                plot.Add.Bar(new Bar
                {
                    Position = x, Value = speedup.Speedup.Value, Size = slot * 0.9,
                    FillColor = distinguishable ? color : color.WithAlpha(0.3), LineColor = color,
                    LineWidth = distinguishable ? 0 : 1.5f,
                });
                xs.Add(x);
                ys.Add(speedup.Speedup.Value);
                up.Add(Finite(speedup.Speedup.Upper, speedup.Speedup.Value) - speedup.Speedup.Value);
                down.Add(speedup.Speedup.Value - speedup.Speedup.Lower);
                if (valueSize > 0 && !speedup.Loader.IsBaseline)
                {
                    var label = Numbers.Speedup(speedup.Speedup.Value) + (distinguishable ? "" : " n.d.");
                    var text = plot.Add.Text(label, x, Finite(speedup.Speedup.Upper, speedup.Speedup.Value));
                    // Upright labels of neighbouring bars collide; turned a quarter they fit any bar width.
                    text.LabelFontSize = valueSize;
                    text.LabelFontColor = ChartStyle.Ink;
                    text.LabelRotation = -90;
                    text.LabelAlignment = Alignment.MiddleLeft;
                    text.OffsetY = -4;
                }
            }
        }
        plot.Add.Plottable(new ErrorBar(xs, ys, null, null, up, down) { LineColor = ChartStyle.Ink, LineWidth = 1.5f, CapSize = 4 });
        ChartStyle.ReferenceLine(plot, 1, vertical: false);
        foreach (var loader in loaders)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = loader.Label, FillColor = ChartStyle.LoaderColor(loader) });
        plot.ShowLegend(Edge.Right);

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.SetLimitsX(-0.6, groups.Count - 0.4);
        plot.Axes.SetLimitsY(0, speedups.Max(s => Finite(s.Speedup.Upper, s.Speedup.Value)) * 1.22);

        var rounds = speedups.Where(s => !s.Loader.IsBaseline).Select(s => s.Speedup.Launches).DefaultIfEmpty(0).Min();
        var whiskers = "whiskers span the " + Ratio.IntervalName(rounds);
        var caption = $"{workload} on {machine}: speedup of each loader over the host loader with 0 workers (1×) at the " +
                      $"same device and batch size; {whiskers}. Pale bars marked n.d. are not distinguishable from 1×: their " +
                      "interval holds it.";
        return ChartStyle.Save(plot, folder, id, title, caption);
    }

    private static double Finite(double value, double fallback) => double.IsFinite(value) ? value : fallback;
}
