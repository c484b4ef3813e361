using GeoAI.Runtime;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>
/// A model trained from scratch on EuroSAT's 3×64×64 tiles: it has no frozen mode, so <see cref="Create"/> accepts only
/// <see cref="TrainingMode.Full"/>. Subclasses give the names, the module and its FLOP count.
/// </summary>
public abstract class FromScratchSpec : IModelSpec
{
    public abstract string Name { get; }

    public abstract string DisplayName { get; }

    public long[] InputShape => [3, 64, 64];

    public IReadOnlyList<TrainingMode> Modes { get; } = [TrainingMode.Full];

    public bool HasPretrainedWeights => false;

    public nn.Module<Tensor, Tensor> Create(int numClasses, TrainingMode mode)
    {
        if (mode != TrainingMode.Full)
            throw new ArgumentException($"model '{Name}' trains only in mode Full, not {mode}");
        TorchBackend.EnsureLoaded();
        var model = Build(numClasses);
        model.train();
        return model;
    }

    public abstract long ForwardFlops(int numClasses);

    /// <summary>A new module in training mode's default state, with <paramref name="numClasses"/> outputs.</summary>
    protected abstract nn.Module<Tensor, Tensor> Build(int numClasses);

    /// <summary>The command-line name, as help texts show a default model.</summary>
    public override string ToString() => Name;
}
