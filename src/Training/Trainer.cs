using System.Diagnostics;
using GeoAI.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// The chapter's epoch loop (train, then validate, per epoch) on top of the shared <see cref="TrainingStep"/>. Losses
/// and correct counts accumulate on the device and are read once per phase, so the loop does not synchronise with a
/// GPU on every step; the confusion matrix comes from the last validation pass.
/// </summary>
public sealed class Trainer(nn.Module<Tensor, Tensor> model, TrainingStep trainingStep, int classes, DihedralAugmentation? augmentation = null)
{
    public ConfusionMatrix LastConfusion { get; private set; } = new(classes);

    public IEnumerable<EpochMetrics> Run(IBatchSource train, IBatchSource validation, int epochs, IProgress<TrainingProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var (trainLoss, trainAccuracy, trainSeconds) = TrainEpoch(train, epoch, epochs, progress);
            var (valLoss, valAccuracy, valSeconds) = Validate(validation, epoch, epochs, progress);
            yield return new EpochMetrics(epoch + 1, trainLoss, trainAccuracy, valLoss, valAccuracy, trainSeconds, valSeconds,
                clock.Elapsed.TotalSeconds, train.SampleCount / trainSeconds);
        }
    }

    private (double Loss, double Accuracy, double Seconds) TrainEpoch(IBatchSource source, int epoch, int epochs, IProgress<TrainingProgress>? progress)
    {
        model.train();
        var clock = Stopwatch.StartNew();
        using var totals = new RunningTotals(source.Device);
        var steps = 0;
        foreach (var (x, y) in source.Epoch(epoch))
        {
            using var scope = NewDisposeScope();
            var input = augmentation?.Apply(x) ?? x;
            var (logits, loss) = trainingStep.Forward(input, y);
            trainingStep.Backward(loss);
            trainingStep.OptimizerStep();
            totals.Add(logits, loss, y);
            x.Dispose();
            y.Dispose();
            steps++;
            progress?.Report(new TrainingProgress(epoch + 1, epochs, "train", steps, source.BatchesPerEpoch, totals.Samples / clock.Elapsed.TotalSeconds));
        }
        var (meanLoss, accuracy) = totals.Read();
        return (meanLoss, accuracy, clock.Elapsed.TotalSeconds);
    }

    private (double Loss, double Accuracy, double Seconds) Validate(IBatchSource source, int epoch, int epochs, IProgress<TrainingProgress>? progress)
    {
        model.eval();
        var clock = Stopwatch.StartNew();
        using var totals = new RunningTotals(source.Device);
        using var confusion = zeros(classes * classes, ScalarType.Int64, source.Device);
        using (no_grad())
        {
            var steps = 0;
            foreach (var (x, y) in source.Epoch(0))
            {
                using var scope = NewDisposeScope();
                var (logits, loss) = trainingStep.Forward(x, y);
                totals.Add(logits, loss, y);
                confusion.add_(y.mul(classes).add(logits.argmax(1)).bincount(null, classes * classes));
                x.Dispose();
                y.Dispose();
                steps++;
                progress?.Report(new TrainingProgress(epoch + 1, epochs, "validate", steps, source.BatchesPerEpoch, totals.Samples / clock.Elapsed.TotalSeconds));
            }
        }
        LastConfusion = new ConfusionMatrix(classes);
        using (var counts = confusion.cpu())
            LastConfusion.AddFlat(counts.data<long>().ToArray());
        var (meanLoss, accuracy) = totals.Read();
        return (meanLoss, accuracy, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Sums of loss × batch and of correct predictions, kept on the device until an epoch ends.</summary>
    private sealed class RunningTotals(Device device) : IDisposable
    {
        private readonly Tensor lossSum = zeros(1, ScalarType.Float64, device);
        private readonly Tensor correct = zeros(1, ScalarType.Int64, device);

        public long Samples { get; private set; }

        public void Add(Tensor logits, Tensor loss, Tensor y)
        {
            var batch = y.shape[0];
            lossSum.add_(loss.detach().to(ScalarType.Float64).mul(batch));
            correct.add_(logits.argmax(1).eq(y).sum());
            Samples += batch;
        }

        public (double MeanLoss, double Accuracy) Read() =>
            Samples == 0 ? (double.NaN, double.NaN) : (lossSum.item<double>() / Samples, (double)correct.item<long>() / Samples);

        public void Dispose()
        {
            lossSum.Dispose();
            correct.Dispose();
        }
    }
}
