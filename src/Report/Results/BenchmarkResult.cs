namespace GeoAI.Report.Results;

/// <summary>
/// One benchmark case from one machine: its identity, its per-iteration times (nanoseconds per image) and the metrics the
/// suite adds. Times are per image: the reader divides BenchmarkDotNet's per-step times by the step's batch size.
/// </summary>
public sealed record BenchmarkResult
{
    /// <summary>BenchmarkDotNet's full name, parameters included: the key that matches a case across runs and machines.</summary>
    public required string FullName { get; init; }

    public required string Type { get; init; }
    public required string Method { get; init; }
    public required CaseParameters Parameters { get; init; }

    /// <summary>Per-iteration nanoseconds per image, every launch's together.</summary>
    public required IReadOnlyList<double> Samples { get; init; }

    /// <summary>
    /// The estimate: from the launches when there are several (their geometric mean and its t-interval, see
    /// <see cref="Statistics.LaunchStatistics"/>), else from the one launch's iterations.
    /// </summary>
    public required TimeEstimate Time { get; init; }

    /// <summary>The launches (processes) behind this case, in round order: one for a plain BenchmarkDotNet run.</summary>
    public required IReadOnlyList<Launch> Launches { get; init; }

    /// <summary>The run the launches belong to (GeoAI.RunId, written by <c>bench --rounds</c> and <c>ab</c>); null otherwise.</summary>
    public string? RunId { get; init; }

    /// <summary>Peak GPU memory in MB for CUDA cases; null where it was not measured.</summary>
    public double? PeakGpuMemoryMb { get; init; }

    /// <summary>The machine's label (see <see cref="MachineEnvironment.Label"/>).</summary>
    public required string Machine { get; init; }

    public required string SourceFile { get; init; }

    public Workload Workload => Workload.Of(Type, Method, Parameters);

    /// <summary>The full name without the namespace every GeoAI.Bench benchmark shares: "CnnTraining.Train(Device: Cpu, ...)".</summary>
    public string ShortName
    {
        get
        {
            var prefix = Type.Length > 0 ? FullName.IndexOf(Type + ".", StringComparison.Ordinal) : -1;
            return prefix > 0 ? FullName[prefix..] : FullName;
        }
    }

    public double ImagesPerSecond => Time.ImagesPerSecond;
}
