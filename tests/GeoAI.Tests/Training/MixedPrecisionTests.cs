using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Tests.Data;
using GeoAI.Tests.Models;
using GeoAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Tests.Training;

/// <summary>
/// The bf16 training step (fp32 master weights, fp32 loss and batch norm) and channels-last, against the fp32 step on
/// one fixed batch of the synthetic set. Models are made from a seed, so these run apart from other users of libtorch's
/// global generator.
/// </summary>
[Collection(GlobalGeneratorCollection.Name)]
public sealed class MixedPrecisionTests(SyntheticDataFixture fixture) : IClassFixture<SyntheticDataFixture>
{
    private const long Seed = 7;

    /// <summary>
    /// bf16 keeps 8 significant bits: each value is rounded by at most 2⁻⁹ ≈ 0.2 % of itself. Through CNN-BN's five
    /// layers and a few updates the loss stays within 1 % of the fp32 step's; a step that computed in fp32 would agree
    /// to about 1e-6, and a broken one (batch norm lost, weights not updated) would be off by far more.
    /// </summary>
    private const double Bf16LossTolerance = 0.01;

    [Fact]
    public void Bf16StepsOnAFixedBatchGiveLossesCloseToTheFp32StepsButNotEqual()
    {
        var (x, y) = FixedBatch();
        using var fp32Model = NewCnnBn();
        using var bf16Model = NewCnnBn();
        using var fp32 = new TrainingStep(fp32Model, new SgdSettings());
        using var bf16 = new TrainingStep(bf16Model, new SgdSettings(), format: new ComputeFormat(Precision.Bf16));

        for (var step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            var fp32Loss = fp32.Run(x, y);
            var bf16Loss = bf16.Run(x, y);

            Assert.Equal(ScalarType.Float32, bf16Loss.dtype);
            var (expected, actual) = (fp32Loss.item<float>(), bf16Loss.item<float>());
            Assert.True(Math.Abs(actual - expected) <= Bf16LossTolerance * expected,
                $"step {step}: bf16 loss {actual} against fp32 {expected}");
            Assert.NotEqual(expected, actual); // the bf16 step did round
        }
    }

    [Fact]
    public void MasterWeightsStayFp32AndTheBf16ModelHoldsThemRounded()
    {
        var (x, y) = FixedBatch();
        using var model = NewCnnBn();
        var initial = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        using var step = new TrainingStep(model, new SgdSettings(), format: new ComputeFormat(Precision.Bf16));

        for (var i = 0; i < 3; i++)
        {
            using var scope = NewDisposeScope();
            step.Run(x, y);
        }

        var masters = step.Masters!.Masters;
        // The four convolution weights and the linear layer's weight and bias; batch norm keeps its own fp32 parameters.
        Assert.Equal(["classifier.bias", "classifier.weight", "features.0.weight", "features.12.weight", "features.4.weight",
            "features.8.weight"], masters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6 + 8, step.Masters.OptimizerParameters.Count);
        Assert.All(step.Masters.OptimizerParameters, p => Assert.Equal(ScalarType.Float32, p.dtype));
        var working = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, master) in masters)
        {
            Assert.Equal(ScalarType.BFloat16, working[name].dtype);
            using var rounded = master.to(ScalarType.BFloat16);
            Assert.True(Same(working[name], rounded), $"{name} is not its master rounded to bf16");
            Assert.False(Same(master, initial[name]), $"{name}'s master was not updated");
        }
        // The masters keep bits that bf16 drops, or the updates would be lost to rounding.
        Assert.Contains(masters, pair =>
        {
            using var widened = working[pair.Key].to(ScalarType.Float32);
            return !Same(pair.Value, widened);
        });
        Assert.All(model.named_parameters().Where(p => p.name.Contains(".1.") || p.name.Contains(".5.") ||
                                                        p.name.Contains(".9.") || p.name.Contains(".13.")),
            p => Assert.Equal(ScalarType.Float32, p.parameter.dtype));
        Assert.All(model.named_buffers().Where(b => b.name.Contains("running")), b => Assert.Equal(ScalarType.Float32, b.buffer.dtype));
    }

    [Fact]
    public void FrozenParametersStayFrozenAndGetNoMasters()
    {
        var (x, y) = FixedBatch();
        using var model = NewCnnBn();
        foreach (var (name, parameter) in model.named_parameters().Where(p => !p.name.StartsWith("classifier.", StringComparison.Ordinal)))
            parameter.requires_grad = false;
        var frozenBefore = model.named_parameters().Where(p => !p.parameter.requires_grad)
            .ToDictionary(p => p.name, p => p.parameter.detach().clone());
        using var step = new TrainingStep(model, new SgdSettings(), format: new ComputeFormat(Precision.Bf16));

        using (NewDisposeScope())
            step.Run(x, y);

        Assert.Equal(["classifier.bias", "classifier.weight"], step.Masters!.Masters.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, parameter) in model.named_parameters().Where(p => frozenBefore.ContainsKey(p.name)))
        {
            Assert.False(parameter.requires_grad, name);
            using var before = frozenBefore[name].to(parameter.dtype);
            Assert.True(Same(parameter, before), $"frozen {name} changed");
        }
    }

    [Fact]
    public void ChannelsLastRelaysTheConvolutionWeightsAndComputesTheSameLoss()
    {
        var (x, y) = FixedBatch();
        using var contiguousModel = NewCnnBn();
        using var channelsLastModel = NewCnnBn();
        using var contiguous = new TrainingStep(contiguousModel, new SgdSettings());
        using var channelsLast = new TrainingStep(channelsLastModel, new SgdSettings(), format: new ComputeFormat(MemoryFormat: MemoryFormat.ChannelsLast));

        for (var step = 0; step < 3; step++)
        {
            using var scope = NewDisposeScope();
            var expected = contiguous.Run(x, y).item<float>();
            var actual = channelsLast.Run(x, y).item<float>();
            // The same arithmetic in another order: agreement to float32 rounding, not bit for bit.
            Assert.Equal(expected, actual, expected * 1e-4);
        }
        Assert.All(channelsLastModel.parameters().Where(p => p.dim() == 4), p => Assert.True(ChannelsLast.Is(p)));
        Assert.All(contiguousModel.parameters().Where(p => p.dim() == 4), p => Assert.False(ChannelsLast.Is(p)));
    }

    [Fact]
    public void ChannelsLastHasNhwcStridesBehindTheSameShapeAndValues()
    {
        using var x = arange(2 * 3 * 4 * 5, ScalarType.Float32).reshape(2, 3, 4, 5);

        using var relaid = ChannelsLast.Of(x);

        Assert.Equal([2L, 3, 4, 5], relaid.shape);
        Assert.Equal([4L * 5 * 3, 1, 5 * 3, 3], relaid.stride()); // N, C, H, W strides of an NHWC-dense tensor
        Assert.True(Same(relaid, x));
        Assert.True(ChannelsLast.Is(relaid));
        Assert.False(ChannelsLast.Is(x));
        using var flat = zeros(3, 4, 5);
        Assert.Throws<ArgumentException>(() => ChannelsLast.Of(flat));
    }

    [Fact]
    public void Tf32IsRefusedForAModelOnTheCpu()
    {
        using var model = NewCnnBn();

        var error = Assert.Throws<ArgumentException>(() => new TrainingStep(model, new SgdSettings(), format: new ComputeFormat(Precision.Tf32)));

        Assert.StartsWith("tf32 is a mode of NVIDIA tensor cores", error.Message);
    }

    [Fact]
    public void Bf16InferenceGivesFp32LogitsCloseToTheFp32Models()
    {
        var (x, _) = FixedBatch();
        using var fp32Model = NewCnnBn();
        using var bf16Model = NewCnnBn();
        fp32Model.eval();
        bf16Model.eval();
        using var bf16 = FormattedModel.Apply(bf16Model, new ComputeFormat(Precision.Bf16, MemoryFormat.ChannelsLast), forTraining: false);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var expected = fp32Model.call(x);
        var actual = bf16.Forward(x);

        Assert.Null(bf16.Masters);
        Assert.Equal(ScalarType.Float32, actual.dtype);
        var scale = expected.abs().max().item<float>();
        var largestDifference = actual.sub(expected).abs().max().item<float>();
        Assert.True(largestDifference <= Bf16LossTolerance * scale, $"logits differ by up to {largestDifference}, {largestDifference / scale:P2} of the largest");
        Assert.False(Same(actual, expected));
    }

    /// <summary>Same shape and every element equal (TorchSharp's <c>equal</c> is element-wise).</summary>
    private static bool Same(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
    }

    private nn.Module<Tensor, Tensor> NewCnnBn()
    {
        var model = CnnBnSpec.Instance.Create(fixture.Data.ClassNames.Count, TrainingMode.Full, Seed);
        model.train();
        return model;
    }

    /// <summary>The first 64 images of the synthetic training side, normalised as every loader normalises them.</summary>
    private (Tensor X, Tensor Y) FixedBatch()
    {
        using var source = BatchSources.Create(fixture.Data, fixture.Train, CPU, new LoaderOptions(LoaderKind.Host, 64, Shuffle: false));
        return source.Epoch(0).First();
    }
}
