using System.Globalization;
using GeoAI.Report.Charts;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.Profiling;

/// <summary>
/// The profile's chart: one bar per phase, its mean time per step in ms, labelled with the time and its share of the step;
/// data-path phases in oranges, compute in blues, the optimizer in green, the rest in grey. Written as PNG and SVG.
/// </summary>
public static class PhaseTimeChart
{
    public static Chart Create(string title, string caption, IReadOnlyList<PhaseTime> phases, string folder, string id)
    {
        ArgumentNullException.ThrowIfNull(phases);
        if (phases.Count == 0)
            throw new ReportException("a phase chart needs at least one phase");
        var plot = ChartStyle.Create(title, "", "mean time per step (ms)");
        var ticks = new NumericManual();
        var top = phases.Max(p => p.MeanMilliseconds);
        var computeShade = 0;
        var dataShade = 0;
        foreach (var (phase, i) in phases.Select((phase, i) => (phase, i)))
        {
            var color = phase.Group switch
            {
                PhaseGroup.DataPath => dataShade++ == 0 ? Color.FromHex("#E69F00") : Color.FromHex("#D55E00"),
                PhaseGroup.Compute => computeShade++ == 0 ? Color.FromHex("#0072B2") : Color.FromHex("#56B4E9"),
                PhaseGroup.Optimizer => Color.FromHex("#009E73"),
                _ => Color.FromHex("#9E9E9E"),
            };
            plot.Add.Bar(new Bar { Position = i, Value = phase.MeanMilliseconds, Size = 0.7, FillColor = color, LineWidth = 0 });
            var label = plot.Add.Text(
                string.Create(CultureInfo.InvariantCulture, $"{Numbers.Significant(phase.MeanMilliseconds)} ms · {phase.SharePercent.ToString(phase.SharePercent < 10 ? "F1" : "F0", CultureInfo.InvariantCulture)} %"),
                i, phase.MeanMilliseconds);
            label.LabelFontSize = ChartStyle.ValueLabelSize;
            label.LabelFontColor = ChartStyle.Ink;
            label.LabelAlignment = Alignment.LowerCenter;
            label.OffsetY = -4;
            ticks.AddMajor(i, Wrap(phase.Name));
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.SetLimitsX(-0.6, phases.Count - 0.4);
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.18 : 1);
        return ChartStyle.Save(plot, folder, id, title, caption);
    }

    /// <summary>Long phase names on two lines, split at the space nearest the middle, so neighbouring ticks do not collide.</summary>
    private static string Wrap(string name)
    {
        if (name.Length <= 14)
            return name;
        var middle = name.Length / 2;
        var spaces = Enumerable.Range(0, name.Length).Where(i => name[i] == ' ').ToList();
        if (spaces.Count == 0)
            return name;
        var split = spaces.MinBy(i => Math.Abs(i - middle));
        return name[..split] + "\n" + name[(split + 1)..];
    }
}
