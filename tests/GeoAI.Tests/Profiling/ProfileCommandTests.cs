using System.Text.Json;
using GeoAI.Runtime;
using GeoAI.Tests.Data;
using TorchSharp;

namespace GeoAI.Tests.Profiling;

/// <summary>The <c>profile</c> subcommand run as the program: bad input exits 2 with a message and writes nothing.</summary>
public class ProfileCommandTests
{
    private static ProcessRunner.Result Program(params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return ProcessRunner.Run(dotnet, [program, "profile", .. args], timeout: TimeSpan.FromMinutes(2));
    }

    [Theory]
    [InlineData("--model resnet --device cpu", "unknown model 'resnet'; valid models: cnn, vgg11bn")]
    [InlineData("--model cnn --mode frozen --device cpu", "model 'cnn' has no mode 'frozen'; its modes: full")]
    [InlineData("--mode sideways --device cpu", "unknown mode 'sideways'; valid modes: frozen, full")]
    [InlineData("--loader Teleport --device cpu", "unknown loader 'Teleport'; valid loaders: GpuResident, Host, HostPinnedPrefetch")]
    [InlineData("--device tpu", "unknown device 'tpu'; valid devices: cpu, cuda")]
    [InlineData("--steps 0 --device cpu", "--steps must be at least 1, not 0")]
    [InlineData("--warmup-seconds -1 --device cpu", "--warmup-seconds must be between 0 and 3600, not -1")]
    [InlineData("--warmup-seconds NaN --device cpu", "--warmup-seconds must be between 0 and 3600, not NaN")]
    [InlineData("--device cpu --data /nonexistent/EuroSAT.zip", "/nonexistent/EuroSAT.zip: no such file or folder")]
    public void BadInputExitsWithTwoAndWritesNothing(string arguments, string message)
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("profile");

        string[] data = arguments.Contains("--data") ? [] : ["--data", "synthetic:40"];

        var result = Program([.. arguments.Split(' '), .. data, "--cache-dir", temp.Path, "--out", output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: {message}", result.StdErr);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void CudaWithoutCudaIsBadInput()
    {
        TorchBackend.EnsureLoaded();
        Assert.SkipWhen(torch.cuda.is_available(), "CUDA is available here");
        using var temp = new TempDirectory();

        var result = Program("--device", "cuda", "--data", "synthetic:40", "--cache-dir", temp.Path, "--out", temp.Combine("profile"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --device cuda was asked for, but CUDA is not available here", result.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AnOutThatIsAFileIsBadInput()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("results.txt");
        File.WriteAllText(file, "keep me");

        var result = Program("--device", "cpu", "--data", "synthetic:40", "--cache-dir", temp.Path, "--out", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: {file}: is a file; --out must be a folder", result.StdErr);
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AProfileOfTheCnnOnTheCpuWritesEveryFileAndNamesTheBottleneck()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("profile");

        var result = Program("--device", "cpu", "--data", "synthetic:60", "--cache-dir", temp.Path, "--batch", "8", "--steps", "3",
            "--warmup", "1", "--warmup-seconds", "0.2", "--out", output);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(["phases.png", "phases.svg", "profile.json", "profile.md", "trace.json"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("GPU utilisation and memory not sampled: ", result.StdOut);
        // The verdict follows from the shares in profile.json by the rule the docs state: a group with half of the step or more.
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "profile.json")));
        var share = json.RootElement.GetProperty("phases").EnumerateArray()
            .ToDictionary(p => p.GetProperty("key").GetString()!, p => p.GetProperty("sharePercent").GetDouble());
        var verdict = share["dataWait"] >= 50 ? "**The data path (waiting for data) takes"
            : share["forward"] + share["backward"] >= 50 ? "**Compute (forward + backward) dominates"
            : share["optimizerStep"] >= 50 ? "**The optimizer step takes"
            : "**No part takes half of each step";
        Assert.Contains(verdict, File.ReadAllText(Path.Combine(output, "profile.md")));
        Assert.Contains("![Mean time per step by phase](phases.png)", File.ReadAllText(Path.Combine(output, "profile.md")));
        Assert.Contains("warm-up steps (at least 0.2 s) not recorded, then 3 recorded steps", File.ReadAllText(Path.Combine(output, "profile.md")));
    }
}
