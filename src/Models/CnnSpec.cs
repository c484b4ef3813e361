using GeoAI.Runtime;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>The chapter's CNN (<see cref="Cnn"/>), trained from scratch: it has no frozen mode.</summary>
public sealed class CnnSpec : IModelSpec
{
    public static CnnSpec Instance { get; } = new();

    private CnnSpec() { }

    public string Name => "cnn";

    public string DisplayName => "CNN (chapter)";

    public long[] InputShape => [3, 64, 64];

    public IReadOnlyList<TrainingMode> Modes { get; } = [TrainingMode.Full];

    public nn.Module<Tensor, Tensor> Create(int numClasses, TrainingMode mode)
    {
        if (mode != TrainingMode.Full)
            throw new ArgumentException($"model '{Name}' trains only in mode Full, not {mode}");
        TorchBackend.EnsureLoaded();
        var model = new Cnn(numClasses);
        model.train();
        return model;
    }

    /// <summary>Multiply-adds of the two convolutions and three linear layers, counted as <see cref="Flops"/> says.</summary>
    public long ForwardFlops(int numClasses) =>
        Flops.Conv2d(3, 6, 5, 60, 60)
        + Flops.Conv2d(6, 16, 5, 26, 26)
        + Flops.Linear(Cnn.FlattenedFeatures, 120)
        + Flops.Linear(120, 84)
        + Flops.Linear(84, numClasses);
}
