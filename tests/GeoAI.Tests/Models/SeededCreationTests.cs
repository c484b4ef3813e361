using GeoAI.Models;
using TorchSharp;
using static GeoAI.Tests.Models.ModelTestSupport;
using static TorchSharp.torch;

namespace GeoAI.Tests.Models;

/// <summary>
/// Seeding goes through torch's one global generator (as <c>torch.manual_seed</c> does in the chapter), so these tests
/// run alone: a test in another class drawing random numbers in between would change the weights.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalGeneratorCollection
{
    public const string Name = "torch global generator";
}

[Collection(GlobalGeneratorCollection.Name)]
public class SeededCreationTests
{
    [Fact]
    public void TheCnnFromTheSameSeedHasIdenticalWeightsAndOutput()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        var input = rand(2, 3, 64, 64);
        using var first = CnnSpec.Instance.Create(10, TrainingMode.Full, seed: 3);
        using var second = CnnSpec.Instance.Create(10, TrainingMode.Full, seed: 3);
        using var other = CnnSpec.Instance.Create(10, TrainingMode.Full, seed: 4);

        Assert.True(StateDictsIdentical(first, second));
        Assert.False(StateDictsIdentical(first, other));
        Assert.True(BytesEqual(first.call(input), second.call(input)));
    }

    [Fact]
    public void TheFullVggFromTheSameSeedTrainsEverythingAndHasIdenticalWeightsAndEvalOutput()
    {
        using var scope = NewDisposeScope();
        using var first = Vgg11BnSpec.Instance.Create(10, TrainingMode.Full, seed: 42);
        using var second = Vgg11BnSpec.Instance.Create(10, TrainingMode.Full, seed: 42);

        Assert.Equal(128_812_810, CountParameters(first));
        Assert.Equal(128_812_810, CountParameters(first, trainableOnly: true));
        // torchvision's head: normal(0, 0.01), zero bias.
        Assert.Equal(0, first.state_dict()["classifier.6.bias"].abs().sum().item<float>());
        Assert.True(StateDictsIdentical(first, second));

        first.eval();
        second.eval();
        random.manual_seed(3);
        var input = rand(2, 3, 64, 64);
        using var noGrad = no_grad();
        Assert.True(BytesEqual(first.call(input), second.call(input)));
    }
}
