using GeoAI.Report.Analysis;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.Charts;

/// <summary>
/// Chart 1: one horizontal bar per workload and batch size, CPU time over CUDA time for the fastest case of each, with the
/// interval from both confidence intervals and the winning loaders named under each row.
/// </summary>
internal static class CpuCudaSpeedupChart
{
    public static Chart Create(string machine, IReadOnlyList<CpuCudaSpeedup> speedups, string folder, string id)
    {
        var title = $"CPU → CUDA speedup on {machine}";
        var plot = ChartStyle.Create(title, "speedup: CPU time ÷ CUDA time per image (×, higher is faster)", "");

        var ticks = new NumericManual();
        var bars = new List<Bar>();
        var position = 0.0;
        var workloads = speedups.Select(s => s.Workload).Distinct().ToList();
        foreach (var (workload, index) in workloads.Select((w, i) => (w, i)))
        {
            foreach (var speedup in speedups.Where(s => s.Workload == workload))
            {
                bars.Add(new Bar
                {
                    Position = position, Value = speedup.Speedup.Value, Size = 0.72, Orientation = Orientation.Horizontal,
                    FillColor = ChartStyle.Series(index), LineWidth = 0,
                });
                ticks.AddMajor(position, $"{workload.Label}, batch {speedup.BatchSize}\n" +
                                         $"CPU: {LoaderConfig.Of(speedup.FastestCpu)?.Label} · CUDA: {LoaderConfig.Of(speedup.FastestCuda)?.Label}");
                var label = plot.Add.Text(Numbers.Speedup(speedup.Speedup.Value), Upper(speedup), position);
                label.LabelFontSize = ChartStyle.ValueLabelSize;
                label.LabelBold = true;
                label.LabelFontColor = ChartStyle.Ink;
                label.LabelAlignment = Alignment.MiddleLeft;
                label.OffsetX = 6;
                position -= 1;
            }
            position -= 0.5;
        }
        plot.Add.Bars(bars);
        var values = speedups.Select(s => s.Speedup.Value).ToList();
        var errors = new ErrorBar(values, bars.Select(b => b.Position).ToList(),
            speedups.Select(s => Upper(s) - s.Speedup.Value).ToList(),
            speedups.Select(s => s.Speedup.Value - s.Speedup.Lower).ToList(), null, null)
        {
            LineColor = ChartStyle.Ink, LineWidth = 1.5f, CapSize = 5,
        };
        plot.Add.Plottable(errors);
        if (speedups.Min(s => s.Speedup.Lower) < 3)
            ChartStyle.ReferenceLine(plot, 1, vertical: true);

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = ChartStyle.ValueLabelSize;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Axes.SetLimitsX(0, speedups.Max(Upper) * 1.15);
        plot.Axes.SetLimitsY(position + 0.9, 0.7);

        var caption = $"CPU → CUDA speedup per workload and batch size on {machine}: the fastest CPU case against the " +
                      $"fastest CUDA case (loaders named per row); whiskers span the {Ratio.IntervalName(speedups.Min(s => s.Speedup.Launches))}.";
        var height = 140 + bars.Count * 54 + workloads.Count * 20;
        return ChartStyle.Save(plot, folder, id, title, caption, height);
    }

    private static double Upper(CpuCudaSpeedup s) => double.IsFinite(s.Speedup.Upper) ? s.Speedup.Upper : s.Speedup.Value;
}
