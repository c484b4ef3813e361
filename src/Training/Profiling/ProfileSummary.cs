namespace GeoAI.Training.Profiling;

/// <summary>
/// A profile run summarised: per-phase statistics (the phases that ran, then "other" for the rest of the step, whose
/// shares add up to 100 %), the whole step, throughput, the bottleneck verdict and what to try, and utilisation.
/// </summary>
public sealed record ProfileSummary(
    IReadOnlyList<PhaseStatistics> Phases,
    PhaseStatistics Step,
    double ImagesPerSecond,
    Bottleneck Bottleneck,
    IReadOnlyList<string> Advice,
    UtilisationSummary Utilisation)
{
    public const string OtherKey = "other";
    public const string OtherName = "other (freeing the step's tensors)";

    public static ProfileSummary Of(ProfileRun run)
    {
        if (run.Steps.Count == 0)
            throw new ArgumentException("the run recorded no steps", nameof(run));
        var stepMs = run.Steps.Select(s => s.DurationMicroseconds / 1000).ToList();
        var meanStep = stepMs.Average();
        var phases = run.Settings.Phases
            .Select(phase => PhaseStatistics.Of(phase.Key(), phase.Name(),
                run.Steps.Select(s => s.PhaseMicroseconds(phase) / 1000).ToList(), meanStep))
            .Append(PhaseStatistics.Of(OtherKey, OtherName, run.Steps.Select(s => s.OtherMicroseconds / 1000).ToList(), meanStep))
            .ToList();
        var bottleneck = Bottleneck.Decide(
            run.Settings.Phases.ToDictionary(phase => phase, phase => phases.Single(p => p.Key == phase.Key()).MeanMs), meanStep);
        var imagesPerSecond = run.Steps.Sum(s => s.Images) / (stepMs.Sum() / 1000);
        return new ProfileSummary(phases, PhaseStatistics.Of("step", "step", stepMs, meanStep), imagesPerSecond,
            bottleneck, ProfileAdvice.For(run.Settings, bottleneck.Kind), UtilisationSummary.Of(run));
    }
}
