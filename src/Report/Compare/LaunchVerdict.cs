using GeoAI.Report.Statistics;

namespace GeoAI.Report.Compare;

/// <summary>
/// A verdict from a ratio's interval and a threshold (5 % → the band 1/1.05 to 1.05, symmetric on the log scale):
/// Slower or Faster when the whole interval lies beyond the band, Same when it lies wholly inside, Unsure otherwise.
/// Being sure of "no difference that matters" needs data as much as being sure of a regression does.
/// </summary>
public static class LaunchVerdict
{
    public static Verdict Judge(Interval ratio, double thresholdPercent)
    {
        var limit = 1 + thresholdPercent / 100;
        if (ratio.Lower > limit)
            return Verdict.Slower;
        if (ratio.Upper < 1 / limit)
            return Verdict.Faster;
        return ratio.Lower >= 1 / limit && ratio.Upper <= limit ? Verdict.Same : Verdict.Unsure;
    }
}
