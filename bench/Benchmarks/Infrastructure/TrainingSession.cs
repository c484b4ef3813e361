using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Training;
using static TorchSharp.torch;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>Everything one training case needs, made once in [GlobalSetup]; <see cref="Step"/> is the measured work.</summary>
internal sealed class TrainingSession : IDisposable
{
    private readonly ComputeDevice device;
    private readonly EuroSatData data;
    private readonly nn.Module<Tensor, Tensor> model;
    private readonly TrainingStep step;
    private readonly BatchStream? stream;
    private readonly (Tensor X, Tensor Y)? fixedBatch;

    private TrainingSession(ComputeDevice device, EuroSatData data, nn.Module<Tensor, Tensor> model, TrainingStep step,
        BatchStream? stream, (Tensor X, Tensor Y)? fixedBatch)
    {
        this.device = device;
        this.data = data;
        this.model = model;
        this.step = step;
        this.stream = stream;
        this.fixedBatch = fixedBatch;
    }

    /// <param name="format">Precision and memory format of the step (default fp32, contiguous); a fixed batch is laid out in it once.</param>
    public static TrainingSession Create(IModelSpec spec, TrainingMode mode, ComputeDevice device, int batchSize, BatchLoader loader, int workers,
        ComputeFormat? format = null)
    {
        format ??= ComputeFormat.Default;
        var data = BenchmarkInputs.OpenData();
        var model = BenchmarkInputs.CreateModel(spec, mode, data.ClassNames.Count, device);
        model.train();
        var step = new TrainingStep(model, new SgdSettings(), format: format);
        var stream = new BatchStream(BenchmarkInputs.CreateSource(data, device, batchSize, BenchmarkInputs.ToKind(loader), workers));
        if (loader != BatchLoader.FixedBatch)
            return new TrainingSession(device, data, model, step, stream, null);
        // Compute alone: the first batch, kept on the device and trained on again and again (TorchBench's inputs made once).
        var (x, y) = stream.Next();
        stream.Dispose();
        var laidOut = format.Layout(x);
        x.Dispose();
        return new TrainingSession(device, data, model, step, null, (laidOut, y));
    }

    public void Step()
    {
        using var scope = NewDisposeScope();
        if (fixedBatch is var (x, y))
        {
            step.Run(x, y);
        }
        else
        {
            (x, y) = stream!.Next();
            step.Run(x, y);
            x.Dispose(); // created by the loader, possibly on a worker thread outside this scope
            y.Dispose();
        }
        BenchmarkInputs.Synchronize(device);
    }

    public void Dispose()
    {
        BenchmarkInputs.ReportPeakGpuMemory(device);
        stream?.Dispose();
        fixedBatch?.X.Dispose();
        fixedBatch?.Y.Dispose();
        step.Dispose();
        model.Dispose();
        data.Dispose();
    }
}
