using GeoAI.Data;
using GeoAI.Runtime;
using static TorchSharp.torch;

namespace GeoAI.Tests.Data;

/// <summary>Seeds libtorch's global generator, so it runs alone (another test drawing from it would change the weights).</summary>
[Collection(SerialCollection.Name)]
public class LearnabilityTests
{
    [Fact]
    public void ATinyCnnLearnsTheSyntheticClassesInTwoEpochs()
    {
        TorchBackend.EnsureLoaded();
        using var temp = new TempDirectory();
        using var data = EuroSatData.Open("synthetic:1000", new EuroSatDataOptions { CacheDirectory = temp.Path });
        var (train, validation) = DatasetSplit.RandomSplit(data.Count, seed: 1);
        using var trainBatches = BatchSources.Create(data, train, CPU, new LoaderOptions(LoaderKind.Host, 25, Seed: 1));
        using var validationBatches = BatchSources.Create(data, validation, CPU, new LoaderOptions(LoaderKind.Host, 125, Shuffle: false));
        random.manual_seed(1);
        using var model = nn.Sequential(
            ("conv1", nn.Conv2d(3, 8, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(4)),
            ("conv2", nn.Conv2d(8, 16, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.AdaptiveAvgPool2d(1)),
            ("flatten", nn.Flatten()), ("fc", nn.Linear(16, 10)));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        using var loss = nn.CrossEntropyLoss();

        for (var epoch = 0; epoch < 2; epoch++)
            foreach (var (x, y) in trainBatches.Epoch(epoch))
            {
                using var scope = NewDisposeScope();
                scope.Attach(x, y);
                optimizer.zero_grad();
                loss.call(model.call(x), y).backward();
                optimizer.step();
            }

        var correct = 0L;
        using (no_grad())
            foreach (var (x, y) in validationBatches.Epoch(0))
            {
                using var scope = NewDisposeScope();
                scope.Attach(x, y);
                correct += model.call(x).argmax(1).eq(y).sum().item<long>();
            }
        var accuracy = (double)correct / validation.Length;
        Assert.True(accuracy >= 0.9, $"validation accuracy {accuracy:P1} after 2 epochs on 750 synthetic images");
    }
}
