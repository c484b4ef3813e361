using System.Globalization;

namespace GeoAI.Report.Training;

/// <summary>How training numbers are printed: invariant culture, accuracies as percentages.</summary>
public static class TrainNumbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>0.7431 → "74.31 %".</summary>
    public static string Percent(double fraction, int decimals = 2) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("F" + decimals, Invariant) + " %" : "n/a";

    public static string Loss(double value) => double.IsFinite(value) ? value.ToString("F4", Invariant) : "n/a";

    /// <summary>"412.3 s (6 min 52 s)" above a minute, else "41.2 s".</summary>
    public static string Seconds(double seconds)
    {
        var text = seconds.ToString("F1", Invariant) + " s";
        if (seconds < 60)
            return text;
        var whole = (long)Math.Round(seconds);
        return whole >= 3600
            ? $"{text} ({whole / 3600} h {whole % 3600 / 60} min)"
            : $"{text} ({whole / 60} min {whole % 60} s)";
    }

    public static string Integer(long value) => value.ToString("N0", Invariant);

    public static string Fixed(double value, int decimals) => double.IsFinite(value) ? value.ToString("F" + decimals, Invariant) : "n/a";

    public static string Plain(double value) => value.ToString("0.######", Invariant);
}
