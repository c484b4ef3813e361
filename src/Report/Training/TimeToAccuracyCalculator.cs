namespace GeoAI.Report.Training;

/// <summary>Time to accuracy from a run's epochs: the first epoch whose validation accuracy reached each threshold.</summary>
public static class TimeToAccuracyCalculator
{
    /// <summary>The thresholds every run reports: 75, 80, 90 and 95 % validation accuracy.</summary>
    public static IReadOnlyList<double> Thresholds { get; } = [0.75, 0.80, 0.90, 0.95];

    /// <summary>
    /// For each threshold, the first epoch with validation accuracy ≥ threshold and its elapsed seconds, or nulls when
    /// no epoch got there. Accuracies are compared with a tolerance of 1e-9, so 3/4 counts as reaching 0.75.
    /// </summary>
    public static IReadOnlyList<TimeToAccuracy> Compute(IReadOnlyList<TrainRunEpoch> epochs, IEnumerable<double>? thresholds = null) =>
        (thresholds ?? Thresholds).Select(threshold =>
        {
            var first = epochs.FirstOrDefault(e => e.ValAccuracy >= threshold - 1e-9);
            return new TimeToAccuracy(threshold, first?.Epoch, first?.ElapsedSeconds);
        }).ToList();
}
