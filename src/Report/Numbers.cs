using System.Globalization;

using GeoAI.Report.Analysis;

namespace GeoAI.Report;

/// <summary>How numbers are printed in reports, charts and comparisons: invariant culture, a few significant digits.</summary>
internal static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Nanoseconds shown as microseconds, with three or more significant digits.</summary>
    public static string Microseconds(double nanoseconds) => Significant(nanoseconds / 1000);

    public static string PerSecond(double value) => Significant(value);

    public static string Speedup(double ratio) =>
        double.IsFinite(ratio) ? (ratio >= 10 ? ratio.ToString("F1", Invariant) : ratio.ToString("F2", Invariant)) + "×" : "n/a";

    public static string Interval(Ratio interval) => $"{Speedup(interval.Lower)} – {Speedup(interval.Upper)}";

    public static string Megabytes(double? megabytes) => megabytes is { } mb ? mb.ToString("N0", Invariant) : "–";

    public static string Integer(long value) => value.ToString(Invariant);

    /// <summary>An axis tick: thousands grouped, no trailing zeros (50, 100, 2,000, 0.5).</summary>
    public static string Tick(double value) => value.ToString("#,0.####", Invariant);

    /// <summary>As few digits as the value needs, up to four decimals: 0.01, 5, 0.5.</summary>
    public static string Plain(double value) => value.ToString("0.####", Invariant);

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals, Invariant);

    public static string Significant(double value)
    {
        if (!double.IsFinite(value))
            return "n/a";
        if (value == 0)
            return "0";
        var magnitude = Math.Abs(value);
        var format = magnitude >= 100 ? "N0" : magnitude >= 10 ? "F1" : magnitude >= 1 ? "F2" : "F3";
        return value.ToString(format, Invariant);
    }
}
