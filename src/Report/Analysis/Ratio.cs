using GeoAI.Report.Results;

namespace GeoAI.Report.Analysis;

/// <summary>
/// How many times faster one case is than another (time of the slower-or-baseline case over the time of the other), with
/// the interval that follows from both confidence intervals: lowest = numerator's lower bound over the denominator's
/// upper bound, highest = the other way round. Conservative, and needs no assumption about the distributions.
/// </summary>
public readonly record struct Ratio(double Value, double Lower, double Upper)
{
    public static Ratio Speedup(TimeEstimate baseline, TimeEstimate faster) => new(
        baseline.Mean / faster.Mean,
        baseline.Lower / faster.Upper,
        faster.Lower > 0 ? baseline.Upper / faster.Lower : double.PositiveInfinity);
}
