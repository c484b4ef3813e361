using GeoAI.Models;
using static TorchSharp.torch;

namespace GeoAI.Tests.Models;

/// <summary>
/// One VGG11-BN in the chapter's frozen mode (seed 1), shared by the tests of the "VGG11-BN" collection, which run one
/// after another: the model is 129 M parameters (0.5 GB), so the tests create as few as they can.
/// </summary>
public sealed class FrozenVggFixture : IDisposable
{
    public nn.Module<Tensor, Tensor> Model { get; } = Vgg11BnSpec.Instance.Create(10, TrainingMode.Frozen, seed: 1);

    public void Dispose() => Model.Dispose();
}

[CollectionDefinition(Name)]
public sealed class VggCollection : ICollectionFixture<FrozenVggFixture>
{
    public const string Name = "VGG11-BN";
}
