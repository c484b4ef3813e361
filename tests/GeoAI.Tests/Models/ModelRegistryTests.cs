using GeoAI.Models;

namespace GeoAI.Tests.Models;

public class ModelRegistryTests
{
    [Fact]
    public void ListsTheCnnThenVggThenTheImprovedCnn()
    {
        Assert.Equal(["cnn", "vgg11bn", "cnn-bn"], ModelRegistry.All.Select(spec => spec.Name));
        Assert.Equal(["CNN (chapter)", "VGG11-BN", "CNN-BN (improved)"], ModelRegistry.All.Select(spec => spec.DisplayName));
    }

    [Theory]
    [InlineData("cnn", "cnn")]
    [InlineData("VGG11BN", "vgg11bn")]
    public void FindsAModelByNameIgnoringCase(string name, string expected) =>
        Assert.Equal(expected, ModelRegistry.Get(name).Name);

    [Fact]
    public void AnUnknownNameListsTheValidOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelRegistry.Get("resnet50"));

        Assert.Contains("unknown model 'resnet50'", error.Message);
        Assert.Contains("valid models: cnn, vgg11bn, cnn-bn", error.Message);
    }

    [Fact]
    public void CreatingInAModeTheModelLacksNamesItsModes()
    {
        var error = Assert.Throws<ArgumentException>(() => CnnSpec.Instance.Create(10, TrainingMode.Frozen, seed: 1));

        Assert.Contains("model 'cnn' has no mode Frozen; its modes: Full", error.Message);
    }
}
