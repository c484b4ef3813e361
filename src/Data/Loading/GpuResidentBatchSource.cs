using System.Globalization;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Data;

/// <summary>
/// The samples' uint8 images and labels uploaded to the device once (≈ 250 MB for the 20,250 training images); per
/// batch a slice of the epoch's order gathers rows and labels and a table lookup normalises them, all on the device, so
/// no host work or transfer happens per step. The order comes from <see cref="EpochOrder"/> on the host (the same order
/// as the other loaders) and is uploaded once per epoch (8 bytes per sample).
/// On a CPU device there is nothing to upload to: the mapped cache already is in host memory, so batches are gathered
/// and normalised from it in one pass, as the host loader with 0 workers does (libtorch's gather and lookup cost about
/// five times more on a CPU than that pass), and <see cref="Description"/> says so.
/// </summary>
internal sealed unsafe class GpuResidentBatchSource : BatchSourceBase
{
    private readonly bool onDevice;
    private readonly Tensor? images;
    private readonly Tensor? labels;
    private readonly Tensor? table;

    /// <param name="tensorPathOnCpu">Run the device code path even on a CPU device (tests cover it that way).</param>
    public GpuResidentBatchSource(EuroSatData data, IReadOnlyList<int> indices, Device device, LoaderOptions options,
        bool tensorPathOnCpu = false)
        : base(data, indices, device, options)
    {
        onDevice = device.type != DeviceType.CPU || tensorPathOnCpu;
        if (!onDevice)
            return;
        (images, labels) = Upload();
        table = Normalization.TableOn(device).DetachFromDisposeScope();
    }

    public override string Description => onDevice
        ? string.Create(CultureInfo.InvariantCulture,
            $"gpu-resident on {DeviceName}, uint8 samples ({SampleCount * (long)EuroSatClasses.BytesPerImage / 1e6:F0} MB) uploaded once; " +
            $"shuffle, gather and normalise on the device")
        : "resident in host memory (device is cpu: the mapped cache is already there, so batches are gathered and normalised " +
          "from it in the caller, as the host loader with 0 workers does)";

    public override IEnumerable<(Tensor X, Tensor Y)> Epoch(int epoch) => onDevice ? DeviceEpoch(epoch) : HostEpoch(epoch);

    private IEnumerable<(Tensor X, Tensor Y)> HostEpoch(int epoch)
    {
        var samples = EpochSamples(epoch);
        for (var batch = 0; batch < BatchesPerEpoch; batch++)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            yield return HostBatchFromCache(samples, batch);
        }
    }

    private (Tensor X, Tensor Y) HostBatchFromCache(int[] samples, int batch) =>
        HostBatch.Assemble(Data.ImagePointer, Data.LabelPointer, BatchOf(samples, batch));

    private IEnumerable<(Tensor X, Tensor Y)> DeviceEpoch(int epoch)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var positions = OrderOnDevice(epoch);
        try
        {
            for (var batch = 0; batch < BatchesPerEpoch; batch++)
            {
                ObjectDisposedException.ThrowIf(IsDisposed, this);
                yield return DeviceBatch(positions, batch);
            }
        }
        finally
        {
            positions.Dispose();
        }
    }

    protected override void DisposeResources()
    {
        images?.Dispose();
        labels?.Dispose();
        table?.Dispose();
    }

    /// <summary>The epoch's visiting order as positions into the uploaded rows, int64 on the device.</summary>
    private Tensor OrderOnDevice(int epoch)
    {
        var order = EpochOrder.For(SampleCount, Options.Seed, epoch, Options.Shuffle).Select(p => (long)p).ToArray();
        using var scope = NewDisposeScope();
        var positions = tensor(order);
        return (Device.type == DeviceType.CPU ? positions : positions.to(Device)).DetachFromDisposeScope();
    }

    private (Tensor X, Tensor Y) DeviceBatch(Tensor positions, int batch)
    {
        using var scope = NewDisposeScope();
        var start = batch * Options.BatchSize;
        var rows = positions.narrow(0, start, Math.Min(Options.BatchSize, SampleCount - start));
        var x = Normalization.Apply(images!.index_select(0, rows), table!);
        var y = labels!.index_select(0, rows);
        return (x.DetachFromDisposeScope(), y.DetachFromDisposeScope());
    }

    /// <summary>Copies the samples' rows from the mapping into one uint8 tensor (in sample order) and moves it to the device.</summary>
    private (Tensor Images, Tensor Labels) Upload()
    {
        using var scope = NewDisposeScope();
        var hostImages = empty([SampleCount, EuroSatClasses.Channels, EuroSatClasses.ImageSize, EuroSatClasses.ImageSize], ScalarType.Byte);
        var hostLabels = empty([SampleCount], ScalarType.Int64);
        var source = Data.ImagePointer;
        var sourceLabels = Data.Labels;
        var classes = MemoryMarshal.Cast<byte, long>(hostLabels.bytes);
        // In slices of rows: a span (Tensor.bytes) cannot cover more than 2 GiB.
        const int rowsPerSlice = 1 << 16;
        for (var first = 0; first < SampleCount; first += rowsPerSlice)
        {
            var length = Math.Min(rowsPerSlice, SampleCount - first);
            using var slice = hostImages.narrow(0, first, length);
            var rows = slice.bytes;
            for (var k = 0; k < length; k++)
            {
                var sample = Samples[first + k];
                new ReadOnlySpan<byte>(source + (long)sample * EuroSatClasses.BytesPerImage, EuroSatClasses.BytesPerImage)
                    .CopyTo(rows.Slice(k * EuroSatClasses.BytesPerImage, EuroSatClasses.BytesPerImage));
                classes[first + k] = sourceLabels[sample];
            }
        }
        if (Device.type == DeviceType.CPU)
            return (hostImages.DetachFromDisposeScope(), hostLabels.DetachFromDisposeScope());
        return (hostImages.to(Device).DetachFromDisposeScope(), hostLabels.to(Device).DetachFromDisposeScope());
    }
}
