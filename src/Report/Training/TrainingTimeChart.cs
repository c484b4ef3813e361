using GeoAI.Report.Charts;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.Training;

/// <summary>
/// The chapter's Figure 7: total training time of the same run on the CPU and on CUDA, a group of two bars per model
/// (and recipe and run size), seconds on a linear axis with the value on each bar and the speedup under the group.
/// </summary>
internal static class TrainingTimeChart
{
    /// <summary>Runs that did the same work on each device: same model, mode, recipe, precision, epochs, batch and images.</summary>
    public sealed record Pair(string Label, TrainRun Cpu, TrainRun Cuda)
    {
        public double Speedup => Cpu.TotalSeconds / Cuda.TotalSeconds;
    }

    private static readonly Color CpuColor = Color.FromHex("#0072B2");
    private static readonly Color CudaColor = Color.FromHex("#E69F00");

    /// <summary>
    /// Groups runs by the work they did and pairs a CPU run with a CUDA run in each group (the latest of each when a
    /// group has several); groups without both devices are left out.
    /// </summary>
    public static IReadOnlyList<Pair> Pairs(IReadOnlyList<TrainRun> runs) =>
        runs.GroupBy(WorkKey)
            .Select(g => (Cpu: Latest(g, "cpu"), Cuda: Latest(g, "cuda"), Label: Label(g.First())))
            .Where(g => g.Cpu is not null && g.Cuda is not null)
            .Select(g => new Pair(g.Label, g.Cpu!, g.Cuda!))
            .OrderBy(p => p.Label, StringComparer.Ordinal)
            .ToList();

    private static string WorkKey(TrainRun run) =>
        $"{run.Model.Name}|{run.Model.Mode}|{run.Recipe.Name}|{run.Precision}|{run.Recipe.Epochs}|{run.Recipe.BatchSize}|{run.Data.Synthetic}|" +
        $"{run.Data.TrainImages}|{run.Data.ValidationImages}";

    private static TrainRun? Latest(IEnumerable<TrainRun> runs, string device) =>
        runs.Where(r => r.Device == device).OrderBy(r => r.StartedUtc).LastOrDefault();

    public static string Label(TrainRun run) =>
        $"{run.Model.DisplayName}{(run.Model.Mode == "Frozen" ? " frozen" : "")}, {run.Recipe.Name} recipe" +
        (run.Precision == "fp32" ? "" : $", {run.Precision}") + $", {run.Recipe.Epochs} epochs" +
        (run.Data.TrainImages < run.Data.SplitTrainImages ? $", {TrainNumbers.Integer(run.Data.TrainImages)} images" : "");

    public static Chart Create(IReadOnlyList<Pair> pairs, string folder, string id)
    {
        const string title = "Training time: CPU against CUDA";
        var plot = ChartStyle.Create(title, "", "total training time (seconds, lower is faster)");
        var ticks = new NumericManual();
        foreach (var (pair, index) in pairs.Select((p, i) => (p, i)))
        {
            foreach (var (run, offset, color) in new[] { (pair.Cpu, -0.2, CpuColor), (pair.Cuda, 0.2, CudaColor) })
            {
                plot.Add.Bar(new ScottPlot.Bar { Position = index + offset, Value = run.TotalSeconds, Size = 0.36, FillColor = color, LineWidth = 0 });
                var label = plot.Add.Text(TrainNumbers.Fixed(run.TotalSeconds, run.TotalSeconds >= 100 ? 0 : 1) + " s", index + offset, run.TotalSeconds);
                label.LabelFontSize = ChartStyle.ValueLabelSize;
                label.LabelFontColor = ChartStyle.Ink;
                label.LabelAlignment = Alignment.LowerCenter;
                label.OffsetY = -4;
            }
            ticks.AddMajor(index, $"{pair.Label}\nCUDA {Numbers.Speedup(pair.Speedup)} faster");
        }
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "CPU", FillColor = CpuColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "CUDA", FillColor = CudaColor });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.SetLimitsX(-0.6, pairs.Count - 0.4);
        plot.Axes.SetLimitsY(0, pairs.Max(p => Math.Max(p.Cpu.TotalSeconds, p.Cuda.TotalSeconds)) * 1.18);

        var caption = "Total training time (all epochs, validation passes included) of the same run on the CPU and on " +
                      "CUDA, as the chapter's Figure 7; the speedup is CPU time ÷ CUDA time.";
        return ChartStyle.Save(plot, folder, id, title, caption);
    }
}
