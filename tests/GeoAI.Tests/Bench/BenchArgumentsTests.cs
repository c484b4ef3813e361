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

    [Fact]
    public void RoundsAndTorchThreadsAreTheSuitesOwn()
    {
        var parsed = BenchArguments.Parse(["--rounds", "5", "--torch-threads", "1", "--filter", "*Cnn*"]);

        Assert.Equal(5, parsed.Rounds);
        Assert.Equal(1, parsed.TorchThreads);
        Assert.Equal(["--filter", "*Cnn*"], parsed.BenchmarkDotNetArgs);
        Assert.Equal(BenchArguments.DefaultRounds, BenchArguments.Parse([]).Rounds);
        Assert.Null(BenchArguments.Parse([]).TorchThreads);
    }

    [Theory]
    [InlineData("--rounds", "0")]
    [InlineData("--rounds", "three")]
    [InlineData("--torch-threads", "-1")]
    public void RoundsAndThreadsMustBePositiveWholeNumbers(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchArguments.Parse([option, value]));

        Assert.Equal($"{option} must be a positive whole number, not '{value}'", error.Message);
    }

    [Fact]
    public void LaunchesInheritJobOptionsButNeverASelectionOrAFolder()
    {
        var kept = GeoAI.Bench.Rounds.LaunchArguments.PassThrough(
            ["--filter", "*Cnn*", "*Vgg*", "--iterationCount", "5", "--artifacts", "/tmp/x", "--inProcess", "--anyCategories", "Cnn", "--warmupCount", "1"]);

        Assert.Equal(["--iterationCount", "5", "--warmupCount", "1"], kept);
    }
}
