using static TorchSharp.torch;

namespace GeoAI.Data;

/// <summary>Creates the batch source a <see cref="LoaderOptions.Kind"/> names.</summary>
public static class BatchSources
{
    /// <summary>
    /// A batch source over <paramref name="indices"/> (positions in <paramref name="data"/>, e.g. one side of
    /// <see cref="DatasetSplit.RandomSplit"/>) delivering to <paramref name="device"/>. All kinds visit the same samples in
    /// the same order for the same seed and epoch, and yield identical values. The source keeps the data's mapping alive
    /// until it is disposed.
    /// </summary>
    public static IBatchSource Create(EuroSatData data, IReadOnlyList<int> indices, Device device, LoaderOptions options) =>
        Create(data, indices, device, options, beforeBatch: null);

    /// <param name="beforeBatch">Host loaders call it with the batch number before assembling each batch (fault injection in tests).</param>
    /// <param name="tensorPathOnCpu">The resident loader runs its device code path, and the pinned-prefetch loader its in-flight
    /// queue, even on a CPU device (tests cover them that way).</param>
    internal static IBatchSource Create(EuroSatData data, IReadOnlyList<int> indices, Device device, LoaderOptions options,
        Action<int>? beforeBatch, bool tensorPathOnCpu = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Workers, nameof(options.Workers));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PrefetchDepth, 1, nameof(options.PrefetchDepth));
        foreach (var index in indices)
            if ((uint)index >= (uint)data.Count)
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"the data set holds {data.Count} images");
        return options.Kind switch
        {
            LoaderKind.GpuResident => new GpuResidentBatchSource(data, indices, device, options, tensorPathOnCpu),
            LoaderKind.Host => new HostBatchSource(data, indices, device, options, beforeBatch),
            LoaderKind.HostPinnedPrefetch => new HostPinnedPrefetchBatchSource(data, indices, device, options, beforeBatch, tensorPathOnCpu),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "unknown loader kind"),
        };
    }
}
