namespace GeoAI.Report.History;

/// <summary>What <see cref="HistoryWriter"/> reads, where it writes, and the two choices of the change-point method a user may make.</summary>
public sealed record HistoryOptions
{
    public const string DefaultTitle = "GeoAI.Bench history";

    /// <summary>Result folders or files; each one is a run of each machine it holds (split by RunId where files carry one).</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    public required string OutputDirectory { get; init; }

    public string Title { get; init; } = DefaultTitle;

    /// <summary>A change smaller than this (in the median time per image) is never reported, as in <c>compare</c>.</summary>
    public double ThresholdPercent { get; init; } = 5;

    /// <summary>Seeds the permutation tests: the same inputs and seed always give the same change points.</summary>
    public int Seed { get; init; } = 1;
}
