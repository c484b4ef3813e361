namespace GeoAI.Training.Profiling;

/// <summary>One timed phase of a step, in µs on the profile's clock (0 = the start of the first recorded step).</summary>
public readonly record struct PhaseSpan(ProfilePhase Phase, double StartMicroseconds, double DurationMicroseconds);

/// <summary>
/// One recorded step: its start and duration (from asking for the batch to the end of the update and the batch's
/// disposal) and its phases in order. The phases lie inside the step; what they leave uncovered is the step's own
/// bookkeeping (disposing the batch and the step's tensors). <paramref name="Images"/> is the batch's size (an epoch's
/// last batch may be smaller).
/// </summary>
public sealed record StepRecord(int Step, int Images, double StartMicroseconds, double DurationMicroseconds, IReadOnlyList<PhaseSpan> Phases)
{
    public double PhaseMicroseconds(ProfilePhase phase) =>
        Phases.Where(p => p.Phase == phase).Sum(p => p.DurationMicroseconds);

    /// <summary>The part of the step no phase covers.</summary>
    public double OtherMicroseconds => Math.Max(0, DurationMicroseconds - Phases.Sum(p => p.DurationMicroseconds));
}
