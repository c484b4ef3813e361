using GeoAI.Bench.Commands;

namespace GeoAI.Tests.Bench;

public class BenchArgumentsTests
{
    [Fact]
    public void SuiteOptionsAreTakenOutAndTheRestGoesToBenchmarkDotNet()
    {
        var parsed = BenchArguments.Parse(["--data", "synthetic:400", "--filter", "*Vgg*", "--quick", "--inProcess", "--machine", "box"]);

        Assert.Equal("synthetic:400", parsed.Data);
        Assert.Equal("box", parsed.Machine);
        Assert.True(parsed.Quick);
        Assert.False(parsed.Exhaustive);
        Assert.Equal(["--filter", "*Vgg*", "--inProcess"], parsed.BenchmarkDotNetArgs);
    }

    [Fact]
    public void WithoutASelectionTheWholeSweepRuns()
    {
        var parsed = BenchArguments.Parse(["--exhaustive"]);

        Assert.Equal("synthetic", parsed.Data);
        Assert.Equal(["--filter", "*"], parsed.BenchmarkDotNetArgs);
    }

    [Fact]
    public void ArtifactsFolderIsSeenButLeftForBenchmarkDotNet()
    {
        var parsed = BenchArguments.Parse(["--artifacts", "/tmp/a", "--list", "flat"]);

        Assert.Equal("/tmp/a", parsed.Artifacts);
        Assert.Equal(["--artifacts", "/tmp/a", "--list", "flat"], parsed.BenchmarkDotNetArgs);
    }

    [Fact]
    public void AnOptionWithoutItsValueIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchArguments.Parse(["--data", "--quick"]));

        Assert.Equal("--data needs a value", error.Message);
    }
}
