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

    /// <summary>Per-iteration nanoseconds per image: what the statistical tests compare.</summary>
    public required IReadOnlyList<double> Samples { get; init; }

    public required TimeEstimate Time { get; init; }

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
