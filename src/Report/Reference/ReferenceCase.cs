using GeoAI.Report.Results;

namespace GeoAI.Report.Reference;

/// <summary>
/// One case measured by another framework (PyTorch eager, from tools/pytorch_baseline.py), shown beside the matching
/// TorchSharp case.
/// </summary>
public sealed record ReferenceCase
{
    /// <summary>For people, e.g. "PyTorch 2.6.0 eager".</summary>
    public required string Tool { get; init; }

    public required string Machine { get; init; }
    public required string Model { get; init; }
    public string? Mode { get; init; }
    public required string Device { get; init; }
    public required int BatchSize { get; init; }

    /// <summary>"resident" (the whole set on the device) or "dataloader" (torch DataLoader from host memory).</summary>
    public required string Loader { get; init; }

    public required int Workers { get; init; }
    public required bool PinMemory { get; init; }

    /// <summary>"fp32", "bf16" (autocast) or "tf32".</summary>
    public string Precision { get; init; } = "fp32";

    /// <summary>"contiguous" or "channels_last".</summary>
    public string MemoryFormat { get; init; } = "contiguous";

    public required IReadOnlyList<double> Samples { get; init; }
    public required TimeEstimate Time { get; init; }
    public required string SourceFile { get; init; }

    /// <summary>How the file's rows were made when they were not measured (its "constructed" field); null for real runs.</summary>
    public string? Constructed { get; init; }

    /// <summary>
    /// The same work as a GeoAI.Bench training case: same model and mode, device, batch size and workers, the loader
    /// that moves data the same way (resident, one batch made once = FixedBatch; gpu_resident = GpuResident; a DataLoader
    /// = Host, or HostPinnedPrefetch when pinned), and the same precision and memory format. The precision classes have
    /// no Loader parameter (they train on a FixedBatch) and the loader classes no Precision or MemoryFormat (fp32,
    /// contiguous), so a resident fp32 contiguous case matches one of each.
    /// </summary>
    public bool Matches(BenchmarkResult result)
    {
        var workload = result.Workload;
        var parameters = result.Parameters;
        var resultLoader = parameters.Loader ?? (parameters["Precision"] is null ? null : "FixedBatch");
        var loader = (Loader, PinMemory) switch
        {
            ("resident", _) => "FixedBatch",
            ("gpu_resident", _) => "GpuResident",
            ("dataloader", false) => "Host",
            ("dataloader", true) => "HostPinnedPrefetch",
            _ => null,
        };
        return workload.IsTraining
               && workload.Model == Model
               && string.Equals(workload.Mode, Mode, StringComparison.OrdinalIgnoreCase)
               && string.Equals(parameters.Device, Device, StringComparison.OrdinalIgnoreCase)
               && parameters.BatchSize == BatchSize
               && (parameters.Workers ?? 0) == Workers
               && string.Equals(resultLoader, loader, StringComparison.OrdinalIgnoreCase)
               && Same(parameters["Precision"] ?? "Fp32", Precision)
               && Same(parameters["MemoryFormat"] ?? "Contiguous", MemoryFormat);
    }

    /// <summary>A suite parameter value against the script's spelling: "ChannelsLast" is "channels_last", "Bf16" is "bf16".</summary>
    private static bool Same(string suite, string script) =>
        string.Equals(suite, script.Replace("_", ""), StringComparison.OrdinalIgnoreCase);

    public string Describe() =>
        $"{Model}{(Mode is null ? "" : " " + Mode)} {Device} batch {BatchSize} {Loader}" +
        $"{(PinMemory ? " pinned" : "")} {Workers} workers" +
        (Precision == "fp32" ? "" : $" {Precision}") + (MemoryFormat == "contiguous" ? "" : $" {MemoryFormat}");
}
