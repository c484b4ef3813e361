using GeoAI.Data;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>A loader over the shared cache, made once; <see cref="NextBatch"/> (one batch on the device) is the measured work.</summary>
internal sealed class PipelineSession(ComputeDevice device, EuroSatData data, BatchStream stream) : IDisposable
{
    public static PipelineSession Create(ComputeDevice device, int batchSize, BatchLoader loader, int workers)
    {
        var data = BenchmarkInputs.OpenData();
        return new PipelineSession(device, data,
            new BatchStream(BenchmarkInputs.CreateSource(data, device, batchSize, BenchmarkInputs.ToKind(loader), workers)));
    }

    public void NextBatch()
    {
        var (x, y) = stream.Next();
        BenchmarkInputs.Synchronize(device);
        x.Dispose();
        y.Dispose();
    }

    public void Dispose()
    {
        BenchmarkInputs.ReportPeakGpuMemory(device);
        stream.Dispose();
        data.Dispose();
    }
}
