using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// One training step: forward, cross-entropy loss, backward, SGD update. Benchmarks, <c>train</c> and <c>profile</c>
/// all call this, so they measure the same work. The phases are separate methods only so that <c>profile</c> can
/// time them; <see cref="Run"/> is the step everyone else uses. Only trainable parameters reach the optimiser,
/// which is what makes a frozen VGG cheap to update.
/// </summary>
public sealed class TrainingStep : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> model;
    private readonly optim.Optimizer optimizer;
    private readonly optim.lr_scheduler.LRScheduler? schedule;
    private readonly TorchSharp.Modules.CrossEntropyLoss criterion = nn.CrossEntropyLoss();

    /// <param name="model">The model, already on its device.</param>
    /// <param name="settings">SGD settings.</param>
    /// <param name="schedule">Optional learning-rate schedule over the optimiser, stepped after every update.</param>
    public TrainingStep(nn.Module<Tensor, Tensor> model, SgdSettings settings,
        Func<optim.Optimizer, optim.lr_scheduler.LRScheduler>? schedule = null)
    {
        this.model = model;
        var trainable = model.parameters().Where(p => p.requires_grad).ToList();
        if (trainable.Count == 0)
            throw new ArgumentException("the model has no trainable parameters", nameof(model));
        optimizer = optim.SGD(trainable, settings.LearningRate, settings.Momentum, weight_decay: settings.WeightDecay);
        this.schedule = schedule?.Invoke(optimizer);
    }

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

    /// <summary>Logits and the mean cross-entropy loss; also what validation uses (under no_grad).</summary>
    public (Tensor Logits, Tensor Loss) Forward(Tensor x, Tensor y)
    {
        var logits = model.call(x);
        return (logits, criterion.call(logits, y));
    }

    /// <summary>Replaces the previous step's gradients with this loss's.</summary>
    public void Backward(Tensor loss)
    {
        optimizer.zero_grad();
        loss.backward();
    }

    public void OptimizerStep()
    {
        optimizer.step();
        schedule?.step();
    }

    public void Dispose()
    {
        optimizer.Dispose();
        criterion.Dispose();
    }
}
