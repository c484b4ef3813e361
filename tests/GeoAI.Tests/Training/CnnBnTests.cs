using GeoAI.Models;
using static TorchSharp.torch;

namespace GeoAI.Tests.Training;

/// <summary>The improved recipe's model: sizes worked out by hand from its four blocks and one linear layer.</summary>
public class CnnBnTests
{
    [Fact]
    public void HasTheHandCountedParametersNoMoreThanTheChapterCnn()
    {
        using var model = CnnBnSpec.Instance.Create(10, TrainingMode.Full);

        // Convolutions without bias: 3·16·9 + 16·32·9 + 32·64·9 + 64·128·9 = 432 + 4,608 + 18,432 + 73,728 = 97,200;
        // batch norms 2·(16 + 32 + 64 + 128) = 480; linear 128·10 + 10 = 1,290.
        var parameters = model.parameters().Sum(p => p.numel());
        Assert.Equal(98_970, parameters);
        using var chapterCnn = CnnSpec.Instance.Create(10, TrainingMode.Full);
        Assert.True(parameters < chapterCnn.parameters().Sum(p => p.numel()));
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void ForwardFlopsAreTheHandCountedMultiplyAdds()
    {
        // 2·3·9·16·64² + 2·16·9·32·32² + 2·32·9·64·16² + 2·64·9·128·8² + 2·128·10
        // = 3,538,944 + 9,437,184 + 9,437,184 + 9,437,184 + 2,560.
        Assert.Equal(31_853_056, CnnBnSpec.Instance.ForwardFlops(10));
    }

    [Fact]
    public void MapsABatchToLogitsAndNamesItsLayersLikePyTorch()
    {
        using var scope = NewDisposeScope();
        using var model = CnnBnSpec.Instance.Create(10, TrainingMode.Full);

        var logits = model.call(zeros(2, 3, 64, 64));

        Assert.Equal([2L, 10], logits.shape);
        var keys = model.state_dict().Keys.ToHashSet();
        // Per block: the conv's weight, the norm's weight, bias, running mean and variance and batch count; then the head.
        foreach (var (conv, norm) in new[] { (0, 1), (4, 5), (8, 9), (12, 13) })
            Assert.Subset(keys, new HashSet<string>
            {
                $"features.{conv}.weight", $"features.{norm}.weight", $"features.{norm}.bias", $"features.{norm}.running_mean",
                $"features.{norm}.running_var", $"features.{norm}.num_batches_tracked",
            });
        Assert.Subset(keys, new HashSet<string> { "classifier.weight", "classifier.bias" });
        Assert.Equal(4 * 6 + 2, keys.Count);
    }

    [Fact]
    public void IsRegisteredAsCnnBnWithTheFullModeOnly()
    {
        Assert.Same(CnnBnSpec.Instance, ModelRegistry.Get("cnn-bn"));
        Assert.Equal([TrainingMode.Full], CnnBnSpec.Instance.Modes);
        Assert.Throws<ArgumentException>(() => CnnBnSpec.Instance.Create(10, TrainingMode.Frozen));
    }
}
