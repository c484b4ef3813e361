using GeoAI.Report.Charts;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.Training;

/// <summary>
/// The chapter's learning curves: loss or accuracy per epoch, one line for training and one for validation, one
/// point per epoch at the epoch's number (1, 2, …).
/// </summary>
internal static class LearningCurveChart
{
    public enum Metric
    {
        Loss,
        Accuracy,
    }

    /// <summary>The two series as drawn: (label, epochs, values); accuracy in percent.</summary>
    public static IReadOnlyList<(string Label, double[] Epochs, double[] Values)> Series(TrainRun run, Metric metric)
    {
        var epochs = run.Epochs.Select(e => (double)e.Epoch).ToArray();
        return metric == Metric.Loss
            ? [("training", epochs, run.Epochs.Select(e => e.TrainLoss).ToArray()),
               ("validation", epochs, run.Epochs.Select(e => e.ValLoss).ToArray())]
            : [("training", epochs, run.Epochs.Select(e => e.TrainAccuracy * 100).ToArray()),
               ("validation", epochs, run.Epochs.Select(e => e.ValAccuracy * 100).ToArray())];
    }

    public static Chart Create(TrainRun run, Metric metric, string folder, string id)
    {
        var what = metric == Metric.Loss ? "Loss" : "Accuracy";
        var title = $"{what} per epoch: {run.Model.DisplayName}, {run.Recipe.Name} recipe, {run.DeviceAndPrecision}";
        var plot = ChartStyle.Create(title, "epoch", metric == Metric.Loss ? "mean cross-entropy loss" : "accuracy (%)");
        var series = Series(run, metric);
        foreach (var ((label, epochs, values), index) in series.Select((s, i) => (s, i)))
        {
            var finite = values.Select(v => double.IsFinite(v) ? v : double.NaN).ToArray();
            var scatter = plot.Add.Scatter(epochs, finite, ChartStyle.Series(index));
            scatter.LegendText = label;
            scatter.LineWidth = 2.5f;
            scatter.MarkerSize = 9;
            scatter.MarkerShape = index == 0 ? MarkerShape.FilledCircle : MarkerShape.FilledSquare;
        }
        plot.ShowLegend(metric == Metric.Loss ? Alignment.UpperRight : Alignment.LowerRight);

        var ticks = new NumericManual();
        var step = Math.Max(1, (int)Math.Ceiling(run.Epochs.Count / 20.0));
        foreach (var epoch in run.Epochs.Where(e => (e.Epoch - 1) % step == 0))
            ticks.AddMajor(epoch.Epoch, Numbers.Integer(epoch.Epoch));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(0.5, run.Epochs.Count + 0.5);
        var all = series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        if (all.Count > 0)
        {
            var (low, high) = (all.Min(), all.Max());
            var pad = Math.Max((high - low) * 0.08, metric == Metric.Loss ? 0.02 : 1);
            plot.Axes.SetLimitsY(Math.Max(0, low - pad), metric == Metric.Accuracy ? Math.Min(100, high + pad) : high + pad);
        }

        var caption = $"{what} of {run.Model.DisplayName} ({run.Recipe.Name} recipe, {run.DeviceAndPrecision}) after each epoch: training " +
                      $"(accumulated during the epoch) and validation ({TrainNumbers.Integer(run.Data.ValidationImages)} images).";
        return ChartStyle.Save(plot, folder, id, title, caption);
    }
}
