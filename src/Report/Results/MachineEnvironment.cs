namespace GeoAI.Report.Results;

/// <summary>
/// What one machine's result files say about it. GeoAI.Bench's exporter adds libtorch, CUDA, GPU and data-source facts
/// (a "GeoAI" object); files without it fall back to BenchmarkDotNet's own fields and leave the rest unknown (null).
/// Where several files of one machine disagree, the distinct values are joined with " / ".
/// </summary>
public sealed record MachineEnvironment
{
    /// <summary>GeoAI.Machine (host name or --machine label); else "processor, OS" from BenchmarkDotNet.</summary>
    public required string Label { get; init; }

    /// <summary>How the results were made when they were not measured (a test fixture's GeoAI "Constructed"); null for real runs.</summary>
    public string? Constructed { get; init; }

    public string? Cpu { get; init; }
    public string? PhysicalCores { get; init; }
    public string? LogicalCores { get; init; }
    public bool CudaAvailable { get; init; }
    public string? Gpu { get; init; }
    public string? GpuDriver { get; init; }
    public string? LibTorch { get; init; }
    public string? TorchBuild { get; init; }
    public string? CudaRuntime { get; init; }
    public string? Cudnn { get; init; }
    public string? TorchThreads { get; init; }
    public string? DotNet { get; init; }
    public string? BenchmarkDotNet { get; init; }
    public string? Os { get; init; }

    /// <summary>True when any of the machine's files says its data was synthetic; null when no file says.</summary>
    public bool? DataIsSynthetic =>
        DataSources.Any(d => d.IsSynthetic == true) ? true : DataSources.Any(d => d.IsSynthetic == false) ? false : null;

    /// <summary>Each result file's data source as its GeoAI block states it: runs can mix real and synthetic data.</summary>
    public IReadOnlyList<FileDataSource> DataSources { get; init; } = [];

    /// <summary>Each result file's provenance: the commit, whether its sources were changed, when its run started.</summary>
    public IReadOnlyList<FileProvenance> Provenance { get; init; } = [];

    public required IReadOnlyList<string> Files { get; init; }
}

/// <param name="File">The result file.</param>
/// <param name="Source">Its data source's description; null when the file does not say.</param>
/// <param name="IsSynthetic">Whether that data was synthetic; null when the file does not say.</param>
public sealed record FileDataSource(string File, string? Source, bool? IsSynthetic);
