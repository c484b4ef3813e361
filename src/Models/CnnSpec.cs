using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>The chapter's CNN (<see cref="Cnn"/>), trained from scratch: it has no frozen mode.</summary>
public sealed class CnnSpec : FromScratchSpec
{
    public static CnnSpec Instance { get; } = new();

    private CnnSpec() { }

    public override string Name => "cnn";

    public override string DisplayName => "CNN (chapter)";

    protected override nn.Module<Tensor, Tensor> Build(int numClasses) => new Cnn(numClasses);

    /// <summary>Multiply-adds of the two convolutions and three linear layers, counted as <see cref="Flops"/> says.</summary>
    public override long ForwardFlops(int numClasses) =>
        Flops.Conv2d(3, 6, 5, 60, 60)
        + Flops.Conv2d(6, 16, 5, 26, 26)
        + Flops.Linear(Cnn.FlattenedFeatures, 120)
        + Flops.Linear(120, 84)
        + Flops.Linear(84, numClasses);
}
