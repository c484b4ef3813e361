using GeoAI.Data;
using static TorchSharp.torch;

namespace GeoAI.Tests.Data;

/// <summary>
/// The loader variants the tests run: each kind, host loaders with 0 and 2 workers, the resident loader's device code
/// path (gather and table lookup in libtorch) forced onto the CPU, which is how it runs on a GPU, and likewise the
/// pinned-prefetch loader's queue of copies in flight (unpinned: pinning needs CUDA).
/// </summary>
public sealed record LoaderCase(string Name, LoaderKind Kind, int Workers, bool TensorPathOnCpu = false)
{
    public static TheoryData<string> All => new(Cases.Keys);

    private static readonly Dictionary<string, LoaderCase> Cases = new LoaderCase[]
    {
        new("resident", LoaderKind.GpuResident, 0),
        new("resident-device-path", LoaderKind.GpuResident, 0, TensorPathOnCpu: true),
        new("host-0", LoaderKind.Host, 0),
        new("host-2", LoaderKind.Host, 2),
        new("pinned-0", LoaderKind.HostPinnedPrefetch, 0),
        new("pinned-2", LoaderKind.HostPinnedPrefetch, 2),
        new("pinned-queue-0", LoaderKind.HostPinnedPrefetch, 0, TensorPathOnCpu: true),
        new("pinned-queue-2", LoaderKind.HostPinnedPrefetch, 2, TensorPathOnCpu: true),
    }.ToDictionary(c => c.Name);

    public static LoaderCase Named(string name) => Cases[name];

    public IBatchSource Create(EuroSatData data, IReadOnlyList<int> indices, int batchSize, long seed = 42, int prefetchDepth = 2,
        Action<int>? beforeBatch = null) =>
        BatchSources.Create(data, indices, CPU, new LoaderOptions(Kind, batchSize, Workers, prefetchDepth, Seed: seed),
            beforeBatch, TensorPathOnCpu);
}
