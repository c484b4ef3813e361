namespace GeoAI.Report.Profiling;

/// <summary>Which part of a training step a profiled phase belongs to; decides its colour.</summary>
public enum PhaseGroup
{
    DataPath,
    Compute,
    Optimizer,
    Other,
}

/// <summary>One bar of the phase chart: a phase's mean time per step and its share of the mean step.</summary>
public sealed record PhaseTime(string Name, double MeanMilliseconds, double SharePercent, PhaseGroup Group);
