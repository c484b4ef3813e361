using GeoAI.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Tests.Runtime;

public class TorchSharpLoadTests
{
    [Fact]
    public void OneSgdStepOnAFixedBatchLowersTheLoss()
    {
        TorchBackend.EnsureLoaded();
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var model = nn.Sequential(("fc1", nn.Linear(4, 8)), ("relu", nn.ReLU()), ("fc2", nn.Linear(8, 3)));
        var x = randn(16, 4);
        var y = tensor(Enumerable.Range(0, 16).Select(i => (long)(i % 3)).ToArray());
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);
        var loss = nn.CrossEntropyLoss();

        var before = loss.call(model.call(x), y);
        optimizer.zero_grad();
        before.backward();
        optimizer.step();
        var after = loss.call(model.call(x), y);

        Assert.True(after.item<float>() < before.item<float>(),
            $"loss went from {before.item<float>()} to {after.item<float>()}");
    }

    [Fact]
    public void RuntimeLineNamesARealLibTorchVersionAndTheBuild()
    {
        var line = RuntimeInfo.Current.ToLine();

        Assert.Matches(@"^libtorch \d+\.\d+\.\d+", line);
        Assert.Contains($"TorchBackend={TorchBackend.Name}", line);
        Assert.Matches(@"\((cpu|cuda) build", line);
        Assert.Contains("CUDA available: ", line);
        Assert.Contains("cuDNN: ", line);
    }
}
