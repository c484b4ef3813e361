using GeoAI.Data;
using GeoAI.Models;
using static TorchSharp.torch;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>A model in eval mode and one batch on the device, made once; <see cref="Forward"/> is the measured work.</summary>
internal sealed class InferenceSession(ComputeDevice device, nn.Module<Tensor, Tensor> model, Tensor batch) : IDisposable
{
    public static InferenceSession Create(BenchModel model, ComputeDevice device, int batchSize)
    {
        using var data = BenchmarkInputs.OpenData();
        var module = BenchmarkInputs.CreateModel(BenchmarkInputs.SpecOf(model), TrainingMode.Full, data.ClassNames.Count, device);
        module.eval();
        using var stream = new BatchStream(BenchmarkInputs.CreateSource(data, device, batchSize, LoaderKind.GpuResident, workers: 0));
        var (x, y) = stream.Next();
        y.Dispose();
        return new InferenceSession(device, module, x);
    }

    public void Forward()
    {
        using var scope = NewDisposeScope();
        using (no_grad())
            model.call(batch);
        BenchmarkInputs.Synchronize(device);
    }

    public void Dispose()
    {
        BenchmarkInputs.ReportPeakGpuMemory(device);
        batch.Dispose();
        model.Dispose();
    }
}
