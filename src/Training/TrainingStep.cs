using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// One training step: forward, cross-entropy loss, backward, SGD update. Benchmarks, <c>train</c> and <c>profile</c>
/// all call this, so they measure the same work. The phases are separate methods only so that <c>profile</c> can
/// time them; <see cref="Run"/> is the step everyone else uses. Only trainable parameters reach the optimiser,
/// which is what makes a frozen VGG cheap to update. A <see cref="ComputeFormat"/> other than the default converts the
/// model when the step is made (<see cref="FormattedModel"/>); in bf16 the optimiser updates fp32 master weights and
/// the optimiser step includes moving gradients and weights between them and the bf16 model (<see cref="MasterWeights"/>).
/// </summary>
public sealed class TrainingStep : IDisposable
{
    private readonly FormattedModel model;
    private readonly optim.Optimizer optimizer;
    private readonly optim.lr_scheduler.LRScheduler? schedule;
    private readonly TorchSharp.Modules.CrossEntropyLoss criterion = nn.CrossEntropyLoss();

    /// <param name="model">The model, already on its device.</param>
    /// <param name="settings">SGD settings.</param>
    /// <param name="schedule">Optional learning-rate schedule over the optimiser, stepped after every update.</param>
    /// <param name="format">Precision and memory format (default fp32, contiguous); the model is converted in place.</param>
    /// <exception cref="ArgumentException">No trainable parameters, or a format the model's device cannot run.</exception>
    public TrainingStep(nn.Module<Tensor, Tensor> model, SgdSettings settings,
        Func<optim.Optimizer, optim.lr_scheduler.LRScheduler>? schedule = null, ComputeFormat? format = null)
    {
        if (!model.parameters().Any(p => p.requires_grad))
            throw new ArgumentException("the model has no trainable parameters", nameof(model));
        this.model = FormattedModel.Apply(model, format ?? ComputeFormat.Default, forTraining: true);
        var trainable = this.model.Masters?.OptimizerParameters ?? model.parameters().Where(p => p.requires_grad).ToList();
        optimizer = optim.SGD(trainable, settings.LearningRate, settings.Momentum, weight_decay: settings.WeightDecay);
        this.schedule = schedule?.Invoke(optimizer);
    }

    /// <summary>The fp32 master weights the optimiser updates in bf16; null in the other precisions.</summary>
    public MasterWeights? Masters => model.Masters;

    /// <summary>The learning rate the next <see cref="OptimizerStep"/> uses (the schedule moves it after every step).</summary>
    public double LearningRate => optimizer.ParamGroups.First().LearningRate;

    /// <summary>
    /// Trains on one batch and returns the loss (a 0-dim tensor on the model's device, owned by the caller's dispose
    /// scope). Reading its value synchronises with the device; the benchmarks don't, <c>train</c> does.
    /// </summary>
    public Tensor Run(Tensor x, Tensor y)
    {
        var (_, loss) = Forward(x, y);
        Backward(loss);
        OptimizerStep();
        return loss;
    }

    /// <summary>fp32 logits and the mean cross-entropy loss (in fp32); also what validation uses (under no_grad).</summary>
    public (Tensor Logits, Tensor Loss) Forward(Tensor x, Tensor y)
    {
        var logits = model.Forward(x);
        return (logits, criterion.call(logits, y));
    }

    /// <summary>Replaces the previous step's gradients with this loss's.</summary>
    public void Backward(Tensor loss)
    {
        optimizer.zero_grad();
        model.Masters?.ZeroWorkingGradients();
        loss.backward();
    }

    public void OptimizerStep()
    {
        model.Masters?.GradientsToMasters();
        optimizer.step();
        model.Masters?.MastersToWorking();
        schedule?.step();
    }

    public void Dispose()
    {
        optimizer.Dispose();
        criterion.Dispose();
        model.Dispose();
    }
}
