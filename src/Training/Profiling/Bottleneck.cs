using System.Globalization;

namespace GeoAI.Training.Profiling;

/// <summary>Which part of a step a profile names as where the time goes.</summary>
public enum BottleneckKind
{
    /// <summary>Waiting for data and copying it take at least half of each step.</summary>
    DataPath,

    /// <summary>Forward and backward take at least half of each step.</summary>
    Compute,

    /// <summary>The optimizer step takes at least half of each step.</summary>
    Optimizer,

    /// <summary>No part takes half of the step.</summary>
    NoneDominant,
}

/// <summary>The verdict: the parts' shares of the mean step, and the sentence that says it.</summary>
public sealed record Bottleneck(BottleneckKind Kind, double DataPathPercent, double ComputePercent, double OptimizerPercent, string Sentence)
{
    /// <summary>A part that takes at least this share of each step is named as the bottleneck.</summary>
    public const double DominantPercent = 50;

    /// <summary>
    /// Decides from the mean time of each phase that ran (ms) and the mean step (ms, which may include uncovered time).
    /// The phases group into the data path (data wait, host-to-device copy), compute (forward + loss, backward) and the
    /// optimizer step; the group with at least <see cref="DominantPercent"/> of the step is the bottleneck.
    /// </summary>
    public static Bottleneck Decide(IReadOnlyDictionary<ProfilePhase, double> meanMs, double meanStepMs)
    {
        ArgumentNullException.ThrowIfNull(meanMs);
        if (!(meanStepMs > 0))
            throw new ArgumentOutOfRangeException(nameof(meanStepMs), meanStepMs, "the mean step must be positive");
        double Share(Func<ProfilePhase, bool> group) => meanMs.Where(p => group(p.Key)).Sum(p => p.Value) / meanStepMs * 100;
        var data = Share(p => p.IsDataPath());
        var compute = Share(p => p.IsCompute());
        var optimizer = Share(p => p == ProfilePhase.OptimizerStep);
        var dataName = meanMs.ContainsKey(ProfilePhase.HostToDevice)
            ? "the data path (waiting for data + host-to-device copy)"
            : "the data path (waiting for data)";
        const string computeName = "compute (forward + backward)";
        const string optimizerName = "the optimizer step";

        if (data >= DominantPercent)
            return new Bottleneck(BottleneckKind.DataPath, data, compute, optimizer,
                $"{dataName} takes {Percent(data)} of each step: it is the bottleneck");
        if (compute >= DominantPercent)
            return new Bottleneck(BottleneckKind.Compute, data, compute, optimizer,
                $"{computeName} dominates: it takes {Percent(compute)} of each step");
        if (optimizer >= DominantPercent)
            return new Bottleneck(BottleneckKind.Optimizer, data, compute, optimizer,
                $"{optimizerName} takes {Percent(optimizer)} of each step: it is the bottleneck");
        var parts = new[] { (computeName, compute), (dataName, data), (optimizerName, optimizer) }
            .OrderByDescending(p => p.Item2)
            .Select(p => $"{p.Item1} {Percent(p.Item2)}");
        return new Bottleneck(BottleneckKind.NoneDominant, data, compute, optimizer,
            $"no part takes half of each step: {string.Join(", ", parts)}");
    }

    /// <summary>"62 %": whole percent, invariant culture.</summary>
    public static string Percent(double value) => value.ToString("F0", CultureInfo.InvariantCulture) + " %";
}
