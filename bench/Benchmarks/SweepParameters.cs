namespace GeoAI.Bench.Benchmarks;

/// <summary>Where the model computes.</summary>
public enum ComputeDevice
{
    Cpu,
    Cuda,
}

/// <summary>
/// How the training benchmarks get their batches: the three loaders of GeoAI.Data, plus <see cref="FixedBatch"/>,
/// one batch made once on the device (TorchBench style) — compute alone, the reference the loaders are measured against.
/// </summary>
public enum BatchLoader
{
    FixedBatch,
    GpuResident,
    Host,
    HostPinnedPrefetch,
}

/// <summary>Models the inference benchmark sweeps (BenchmarkInputs.SpecOf gives each its model spec).</summary>
public enum BenchModel
{
    Cnn,
    Vgg11Bn,
}

/// <summary>
/// Column order of the parameters in summary tables. Case names list parameters in declaration order instead, e.g.
/// <c>Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)</c>; they are how results are matched across runs,
/// so parameters are never renamed or reordered.
/// </summary>
public static class ParameterOrder
{
    public const int Device = 0;
    public const int Model = 1;
    public const int Mode = 2;
    public const int BatchSize = 3;
    public const int Loader = 4;
    public const int Workers = 5;
    public const int Precision = 6;
    public const int MemoryFormat = 7;
}
