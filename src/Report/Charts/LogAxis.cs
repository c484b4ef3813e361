using ScottPlot;
using ScottPlot.TickGenerators;

namespace GeoAI.Report.Charts;

/// <summary>
/// A base-10 logarithmic axis for values spanning orders of magnitude (images/s from a 2-core CPU to a GPU): data are
/// plotted as log10(value) and ticks are labelled with the values themselves at 1, 2 and 5 × 10^k.
/// </summary>
internal static class LogAxis
{
    /// <summary>Above this max/min ratio a linear axis would squash the small values into the baseline.</summary>
    public const double SpanForLog = 20;

    public static bool Suits(IEnumerable<double> values)
    {
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
        return positive.Count > 0 && positive.Max() / positive.Min() > SpanForLog;
    }

    public static double Position(double value) => Math.Log10(value);

    /// <summary>Sets the ticks of an axis whose data run from min to max (real values, not logarithms).</summary>
    public static NumericManual Ticks(double min, double max)
    {
        var ticks = new NumericManual();
        var low = (int)Math.Floor(Math.Log10(min));
        var high = (int)Math.Ceiling(Math.Log10(max));
        var fewTicks = high - low > 3;
        for (var power = low; power <= high; power++)
        {
            foreach (var step in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })
            {
                var value = step * Math.Pow(10, power);
                var major = step == 1 || (!fewTicks && step is 2 or 5);
                if (major)
                    ticks.AddMajor(Math.Log10(value), Numbers.Tick(value));
                else
                    ticks.AddMinor(Math.Log10(value));
            }
        }
        return ticks;
    }
}
