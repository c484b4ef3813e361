using GeoAI.Models;
using TorchSharp;
using static GeoAI.Tests.Models.ModelTestSupport;
using static TorchSharp.torch;

namespace GeoAI.Tests.Models;

[Collection(VggCollection.Name)]
public class Vgg11BnTests(FrozenVggFixture vgg)
{
    private static readonly IModelSpec Spec = Vgg11BnSpec.Instance;

    // Sequential indices of torchvision's vgg11_bn: conv, batch norm, ReLU per cfg entry, one max-pool per "M".
    private static readonly int[] ConvIndices = [0, 4, 8, 11, 15, 18, 22, 25];
    private static readonly int[] LinearIndices = [0, 3, 6];

    [Fact]
    public void FrozenModeTrainsOnlyTheNewHead()
    {
        var model = vgg.Model;

        Assert.Equal(128_812_810, CountParameters(model));
        Assert.Equal(4096 * 10 + 10, CountParameters(model, trainableOnly: true));
        Assert.Equal(40_970, CountParameters(model, trainableOnly: true));
        Assert.Equal(["classifier.6.weight", "classifier.6.bias"],
            model.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name));
        Assert.True(model.training);
    }

    [Fact]
    public void StateDictKeysAreTorchvisions()
    {
        var expected = ConvIndices.SelectMany(i => new[]
            {
                $"features.{i}.weight", $"features.{i}.bias",
                $"features.{i + 1}.weight", $"features.{i + 1}.bias", $"features.{i + 1}.running_mean",
                $"features.{i + 1}.running_var", $"features.{i + 1}.num_batches_tracked",
            })
            .Concat(LinearIndices.SelectMany(i => new[] { $"classifier.{i}.weight", $"classifier.{i}.bias" }))
            .Order(StringComparer.Ordinal);
        var state = vgg.Model.state_dict();

        Assert.Equal(expected, state.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(62, state.Count);
        Assert.Equal(new long[] { 64, 3, 3, 3 }, state["features.0.weight"].shape);
        Assert.Equal(new long[] { 512, 512, 3, 3 }, state["features.25.weight"].shape);
        Assert.Equal(new long[] { 4096, 25088 }, state["classifier.0.weight"].shape);
        Assert.Equal(new long[] { 10 }, state["classifier.6.bias"].shape);
        Assert.Equal(ScalarType.Int64, state["features.1.num_batches_tracked"].dtype);
        Assert.Empty(state["features.1.num_batches_tracked"].shape);
    }

    [Fact]
    public void MapsABatchOfTwoImagesToTenLogitsEach()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var output = vgg.Model.call(rand(2, 3, 64, 64));

        Assert.Equal(new long[] { 2, 10 }, output.shape);
    }

    [Fact]
    public void InFrozenModeGradientsReachOnlyTheHeadWhileBatchNormStillLearnsItsStatistics()
    {
        using var scope = NewDisposeScope();
        var model = vgg.Model;
        model.zero_grad();
        var batchesBefore = model.state_dict()["features.1.num_batches_tracked"].item<long>();
        var meanBefore = model.state_dict()["features.1.running_mean"].clone();
        random.manual_seed(2);

        var loss = nn.functional.cross_entropy(model.call(rand(2, 3, 64, 64)), tensor(new long[] { 3, 7 }));
        loss.backward();

        foreach (var (name, parameter) in model.named_parameters())
        {
            if (name.StartsWith(Vgg11Bn.HeadPrefix, StringComparison.Ordinal))
                Assert.True(parameter.grad is { } grad && grad.abs().sum().item<float>() > 0, $"{name} got no gradient");
            else
                Assert.Null(parameter.grad);
        }
        // PyTorch semantics: frozen batch norms in training mode still update their running statistics.
        Assert.Equal(batchesBefore + 1, model.state_dict()["features.1.num_batches_tracked"].item<long>());
        Assert.False(BytesEqual(meanBefore, model.state_dict()["features.1.running_mean"]));
        model.zero_grad();
    }

    [Fact]
    public void FrozenModeKeepsTorchvisionsInitialisationAndGivesTheHeadPyTorchsDefault()
    {
        using var scope = NewDisposeScope();
        var state = vgg.Model.state_dict();

        // Convolutions: kaiming normal, fan_out, ReLU gain: std √(2 / (C_out·3·3)); biases zero.
        var std = state["features.0.weight"].std().item<float>();
        Assert.InRange(std, 0.9 * Math.Sqrt(2.0 / (64 * 9)), 1.1 * Math.Sqrt(2.0 / (64 * 9)));
        Assert.Equal(0, state["features.0.bias"].abs().sum().item<float>());
        // Batch norm parameters weight 1, bias 0.
        Assert.True(state["features.1.weight"].eq(1).all().item<bool>());
        Assert.Equal(0, state["features.1.bias"].abs().sum().item<float>());
        // Hidden linear layers: normal(0, 0.01), bias zero.
        Assert.InRange(state["classifier.3.weight"].std().item<float>(), 0.0099, 0.0101);
        Assert.Equal(0, state["classifier.3.bias"].abs().sum().item<float>());
        // The chapter's new head is a plain nn.Linear: uniform ±1/√4096 for weight and bias.
        Assert.InRange(state["classifier.6.weight"].abs().max().item<float>(), 0.9 / 64, 1.0 / 64);
        Assert.InRange(state["classifier.6.bias"].abs().max().item<float>(), 0.0, 1.0 / 64);
        Assert.NotEqual(0, state["classifier.6.bias"].abs().sum().item<float>());
    }

    [Fact]
    public void SafetensorsRoundTripIsBitExactIncludingBatchNormBuffers()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("vgg.safetensors");
        var source = vgg.Model;
        using (no_grad())
        using (NewDisposeScope())
            source.call(rand(2, 3, 64, 64)); // training mode: moves the running statistics off 0 and 1
        Assert.NotEqual(0, source.state_dict()["features.1.num_batches_tracked"].item<long>());

        ModelWeights.Save(source, path);
        using var target = Spec.Create(10, TrainingMode.Full, seed: 9);
        Assert.False(StateDictsIdentical(source, target));
        var report = ModelWeights.Load(target, path);

        Assert.True(StateDictsIdentical(source, target));
        Assert.Equal(62, report.Loaded);
        Assert.Equal(new Dictionary<string, int> { ["F32"] = 54, ["I64"] = 8 }, report.TensorsByDType);
        // (parameters + 2 running statistics of 64+128+256+256+512+512+512+512 channels) · 4 bytes + 8 counters · 8 bytes
        Assert.Equal((128_812_810L + 2 * 2752) * 4 + 8 * 8, report.Bytes);
        Assert.Equal(0, (new FileInfo(path).Length - report.Bytes) % 8); // 8-byte length + header padded to 8
        // Loading keeps the target's own mode: its parameters stay trainable.
        Assert.Equal(128_812_810, CountParameters(target, trainableOnly: true));
    }

    [Fact]
    public void ForwardFlopsAreTheHandCount()
    {
        // Convolutions, 2·C_in·9·C_out·side² with the side halved by each max-pool: 64, 32, 16, 16, 8, 8, 4, 4.
        long[] convolutions =
        [
            2L * 3 * 9 * 64 * 64 * 64, 2L * 64 * 9 * 128 * 32 * 32, 2L * 128 * 9 * 256 * 16 * 16,
            2L * 256 * 9 * 256 * 16 * 16, 2L * 256 * 9 * 512 * 8 * 8, 2L * 512 * 9 * 512 * 8 * 8,
            2L * 512 * 9 * 512 * 4 * 4, 2L * 512 * 9 * 512 * 4 * 4,
        ];
        long[] linears = [2L * 25088 * 4096, 2L * 4096 * 4096, 2L * 4096 * 10];

        Assert.Equal(convolutions.Sum() + linears.Sum(), Spec.ForwardFlops(10));
        Assert.Equal(1_461_272_576, Spec.ForwardFlops(10));
    }
}
