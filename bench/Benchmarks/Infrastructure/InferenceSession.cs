using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Training;
using static TorchSharp.torch;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// A model in eval mode, in its <see cref="ComputeFormat"/>, and one batch on the device laid out in that format, made
/// once; <see cref="Forward"/> is the measured work.
/// </summary>
internal sealed class InferenceSession(ComputeDevice device, nn.Module<Tensor, Tensor> model, FormattedModel formatted, Tensor batch)
    : IDisposable
{
    /// <param name="format">Precision and memory format (default fp32, contiguous).</param>
    public static InferenceSession Create(BenchModel model, ComputeDevice device, int batchSize, ComputeFormat? format = null)
    {
        format ??= ComputeFormat.Default;
        using var data = BenchmarkInputs.OpenData();
        var module = BenchmarkInputs.CreateModel(BenchmarkInputs.SpecOf(model), TrainingMode.Full, data.ClassNames.Count, device);
        module.eval();
        var formatted = FormattedModel.Apply(module, format, forTraining: false);
        using var stream = new BatchStream(BenchmarkInputs.CreateSource(data, device, batchSize, LoaderKind.GpuResident, workers: 0));
        var (x, y) = stream.Next();
        y.Dispose();
        var batch = format.Layout(x);
        x.Dispose();
        return new InferenceSession(device, module, formatted, batch);
    }

    public void Forward()
    {
        using var scope = NewDisposeScope();
        using (no_grad())
            formatted.Forward(batch);
        BenchmarkInputs.Synchronize(device);
    }

    public void Dispose()
    {
        BenchmarkInputs.ReportPeakGpuMemory(device);
        batch.Dispose();
        formatted.Dispose();
        model.Dispose();
    }
}
