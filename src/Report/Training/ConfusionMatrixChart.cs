using GeoAI.Report.Charts;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.Training;

/// <summary>
/// The chapter's Figure 8: the final confusion matrix as a heatmap (true class down, predicted class across, counts in
/// the cells, ColorBrewer's YlGnBu as the chapter's seaborn plot) with the overall accuracy in the title.
/// </summary>
internal static class ConfusionMatrixChart
{
    /// <summary>ColorBrewer YlGnBu, 9 classes: light yellow for 0 to dark blue for the largest count.</summary>
    private static readonly Color[] YlGnBu =
    [
        Color.FromHex("#FFFFD9"), Color.FromHex("#EDF8B1"), Color.FromHex("#C7E9B4"), Color.FromHex("#7FCDBB"),
        Color.FromHex("#41B6C4"), Color.FromHex("#1D91C0"), Color.FromHex("#225EA8"), Color.FromHex("#253494"),
        Color.FromHex("#081D58"),
    ];

    public static Chart Create(TrainRun run, string folder, string id)
    {
        var final = run.Final;
        var n = final.Classes.Count;
        var title = $"{run.Model.DisplayName}, {run.Recipe.Name} recipe, {run.DeviceAndPrecision}: overall accuracy {TrainNumbers.Percent(final.Accuracy)}";
        var plot = ChartStyle.Create(title, "predicted class", "true class");
        var max = Math.Max(1, final.Confusion.SelectMany(row => row).DefaultIfEmpty(0).Max());
        for (var t = 0; t < n; t++)
        {
            for (var p = 0; p < n; p++)
            {
                var count = final.Confusion[t][p];
                var share = (double)count / max;
                var cell = plot.Add.Rectangle(p - 0.5, p + 0.5, -t - 0.5, -t + 0.5);
                cell.FillColor = Shade(share);
                cell.LineColor = Colors.White;
                cell.LineWidth = 1;
                var label = plot.Add.Text(Numbers.Integer(count), p, -t);
                label.LabelFontSize = n <= 10 ? 13 : 10;
                label.LabelFontColor = share > 0.45 ? Colors.White : ChartStyle.Ink;
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelBold = t == p;
            }
        }

        var xTicks = new NumericManual();
        var yTicks = new NumericManual();
        for (var c = 0; c < n; c++)
        {
            xTicks.AddMajor(c, final.Classes[c]);
            yTicks.AddMajor(-c, final.Classes[c]);
        }
        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 150;
        plot.Axes.Left.MinimumSize = 190;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = ChartStyle.ValueLabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = ChartStyle.ValueLabelSize;
        plot.Grid.IsVisible = false;
        plot.Axes.SetLimits(-0.5, n - 0.5, -n + 0.5, 0.5);

        var caption = $"Confusion matrix of {run.Model.DisplayName} ({run.Recipe.Name} recipe, {run.DeviceAndPrecision}) on " +
                      $"{TrainNumbers.Integer(final.Samples)} validation images after the last epoch: rows are the true class, " +
                      "columns the predicted one, the diagonal (bold) is correct; darker cells hold more images.";
        return ChartStyle.Save(plot, folder, id, title, caption, height: 860);
    }

    /// <summary>The palette at <paramref name="share"/> of the way from 0 to the largest count, interpolated.</summary>
    private static Color Shade(double share)
    {
        var position = Math.Clamp(share, 0, 1) * (YlGnBu.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, YlGnBu.Length - 1);
        var t = position - low;
        var (a, b) = (YlGnBu[low], YlGnBu[high]);
        return new Color((byte)(a.R + (b.R - a.R) * t), (byte)(a.G + (b.G - a.G) * t), (byte)(a.B + (b.B - a.B) * t));
    }
}
