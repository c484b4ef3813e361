using GeoAI.Models;
using TorchSharp;
using static GeoAI.Tests.Models.ModelTestSupport;
using static TorchSharp.torch;

namespace GeoAI.Tests.Models;

public class CnnTests
{
    private static readonly IModelSpec Spec = CnnSpec.Instance;

    [Fact]
    public void StateDictKeysAreThePyTorchModules()
    {
        using var model = Spec.Create(10, TrainingMode.Full, seed: 1);

        string[] expected =
        [
            "conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias",
            "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias",
        ];
        Assert.Equal(expected, model.state_dict().Keys);
        Assert.Equal([6, 3, 5, 5], model.state_dict()["conv1.weight"].shape);
        Assert.Equal([120, 2704], model.state_dict()["fc1.weight"].shape);
    }

    [Fact]
    public void UsesPyTorchsDefaultInitialisationBounds()
    {
        using var model = Spec.Create(10, TrainingMode.Full, seed: 1);
        var state = model.state_dict();

        // kaiming_uniform(a=√5) gives bound √(6/((1+5)·fan_in)) = 1/√fan_in, and the bias is uniform ±1/√fan_in.
        foreach (var (layer, fanIn) in new[] { ("conv1", 75.0), ("conv2", 150.0), ("fc1", 2704.0), ("fc2", 120.0), ("fc3", 84.0) })
        {
            var bound = 1 / Math.Sqrt(fanIn);
            foreach (var name in new[] { $"{layer}.weight", $"{layer}.bias" })
            {
                var largest = state[name].abs().max().item<float>();
                Assert.InRange(largest, bound * 0.5, bound);
            }
        }
    }

    [Fact]
    public void ForwardFlopsAreTheHandCount()
    {
        // Multiply-adds, 2 FLOPs each; conv: C_in·k²·C_out·H_out·W_out, linear: in·out.
        const long conv1 = 2L * 3 * 5 * 5 * 6 * 60 * 60;     // 3,240,000
        const long conv2 = 2L * 6 * 5 * 5 * 16 * 26 * 26;    // 3,244,800
        const long fc1 = 2L * 2704 * 120;                    //   648,960
        const long fc2 = 2L * 120 * 84;                      //    20,160
        const long fc3 = 2L * 84 * 10;                       //     1,680

        Assert.Equal(conv1 + conv2 + fc1 + fc2 + fc3, Spec.ForwardFlops(10));
        Assert.Equal(7_155_600, Spec.ForwardFlops(10));
        Assert.Equal(7_155_600 - 1_680 + 2L * 84 * 2, Spec.ForwardFlops(2));
    }

    [Fact]
    public void HasNoFrozenMode()
    {
        Assert.Equal([TrainingMode.Full], Spec.Modes);
        var error = Assert.Throws<ArgumentException>(() => Spec.Create(10, TrainingMode.Frozen));
        Assert.Contains("Full", error.Message);
        Assert.Equal([3, 64, 64], Spec.InputShape);
    }
}
