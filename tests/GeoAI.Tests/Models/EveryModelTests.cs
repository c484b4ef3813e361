using GeoAI.Models;
using static GeoAI.Tests.Models.ModelTestSupport;
using static TorchSharp.torch;

namespace GeoAI.Tests.Models;

/// <summary>
/// Every registered model, as TorchBench generates its tests from its model list: registering a model gives it these
/// checks, and they fail until its hand-counted sizes are written into <see cref="Expected"/>. Runs with the other
/// VGG11-BN tests, one after another, because VGG11-BN is half a gigabyte per copy.
/// </summary>
[Collection(VggCollection.Name)]
public sealed class EveryModelTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    /// <summary>What each model must be, counted by hand from its layers (10 classes), and trainable per mode.</summary>
    private static readonly Dictionary<string, Sizes> Expected = new()
    {
        // conv1 6·3·5·5+6, conv2 16·6·5·5+16, fc1 120·2704+120, fc2 84·120+84, fc3 10·84+10.
        ["cnn"] = new(456 + 2_416 + 324_600 + 10_164 + 850, new() { [TrainingMode.Full] = 338_486 }, Pretrained: false),
        // The chapter's table: 128,812,810 in all; frozen, only the new head's 4096·10+10 train.
        ["vgg11bn"] = new(128_812_810, new() { [TrainingMode.Frozen] = 4096 * 10 + 10, [TrainingMode.Full] = 128_812_810 }, Pretrained: true),
        // Convolutions without bias 3·16·9 + 16·32·9 + 32·64·9 + 64·128·9 = 97,200; batch norms 2·(16+32+64+128) = 480;
        // linear 128·10+10 = 1,290.
        ["cnn-bn"] = new(97_200 + 480 + 1_290, new() { [TrainingMode.Full] = 98_970 }, Pretrained: false),
    };

    public static TheoryData<string> Models => new(ModelRegistry.All.Select(spec => spec.Name));

    [Theory]
    [MemberData(nameof(Models))]
    public void ItHasTheHandCountedParametersAndSummaryInEveryMode(string name)
    {
        var spec = ModelRegistry.Get(name);
        Assert.True(Expected.TryGetValue(name, out var expected), $"write {name}'s hand-counted sizes into {nameof(Expected)}");

        Assert.Equal(expected.Trainable.Keys.Order(), spec.Modes.Order());
        Assert.Equal(expected.Pretrained, spec.HasPretrainedWeights);
        foreach (var mode in spec.Modes)
        {
            using var model = spec.Create(10, mode, seed: 1);
            var summary = ModelSummary.Of(model, spec.InputShape);

            Assert.Equal(expected.Total, CountParameters(model));
            Assert.Equal(expected.Trainable[mode], CountParameters(model, trainableOnly: true));
            Assert.Equal((expected.Total, expected.Trainable[mode]), (summary.TotalParameters, summary.TrainableParameters));
            Assert.Equal([-1L, 10], summary.Rows[^1].OutputShape);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ItMapsABatchOfItsInputShapeToOneLogitPerClass(string name)
    {
        var spec = ModelRegistry.Get(name);
        using var scope = NewDisposeScope();
        using var model = spec.Create(7, spec.Modes[0], seed: 1);

        using (no_grad())
        {
            var logits = model.call(rand([2, .. spec.InputShape]));

            Assert.Equal([2L, 7], logits.shape);
            Assert.Equal(ScalarType.Float32, logits.dtype);
        }
        Assert.Equal([3L, 64, 64], spec.InputShape);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ItsWeightsRoundTripThroughSafetensorsBitForBit(string name)
    {
        var spec = ModelRegistry.Get(name);
        var path = scratch.File($"{name}.safetensors");
        using var source = spec.Create(10, spec.Modes[0], seed: 1);
        using var target = spec.Create(10, spec.Modes[0], seed: 2);

        ModelWeights.Save(source, path);
        Assert.False(StateDictsIdentical(source, target));
        var report = ModelWeights.Load(target, path);

        Assert.True(StateDictsIdentical(source, target));
        Assert.Equal((source.state_dict().Count, source.state_dict().Count), (report.Loaded, report.InFile));
    }

    public void Dispose() => scratch.Dispose();

    private sealed record Sizes(long Total, Dictionary<TrainingMode, long> Trainable, bool Pretrained);
}
