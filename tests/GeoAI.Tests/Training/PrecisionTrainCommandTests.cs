using GeoAI.Report.Training;
using GeoAI.Tests.Data;

namespace GeoAI.Tests.Training;

/// <summary><c>train --precision</c>, run as the program: what it records, and what it refuses before training.</summary>
public sealed class PrecisionTrainCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private ProcessRunner.Result Program(params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll"), .. args],
            timeout: TimeSpan.FromMinutes(4));

    [Fact]
    public void ABf16RunSaysSoInEveryOutput()
    {
        var output = temp.Combine("run");

        var result = Program("train", "--model", "cnn-bn", "--recipe", "improved", "--precision", "bf16", "--epochs", "1",
            "--data", "synthetic:400", "--cache-dir", temp.Combine("cache"), "--out", output);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains(", precision bf16", result.StdOut);
        var run = TrainRunJson.Read(Path.Combine(output, "train.json"));
        Assert.Equal(("bf16", "cpu, bf16"), (run.Precision, run.DeviceAndPrecision));
        Assert.Matches(@"bf16 features: (none|unknown|avx512_bf16)", run.Runtime.Line);
        var markdown = File.ReadAllText(Path.Combine(output, "train.md"));
        Assert.Contains("# Training run: CNN-BN (improved), improved recipe, cpu, bf16", markdown);
        Assert.Contains("| Precision (number format) | bf16 mixed precision: bf16 forward and backward, fp32 master weights", markdown);
    }

    [Theory]
    [InlineData("tf32", "error: tf32 is a mode of NVIDIA tensor cores (cuBLAS and cuDNN): a CPU has no TF32 arithmetic")]
    [InlineData("fp16", "'fp16'")]
    public void APrecisionTheDeviceCannotRunExitsTwoAndWritesNothing(string precision, string message)
    {
        var output = temp.Combine("out", "run");

        var result = Program("train", "--data", "synthetic:400", "--cache-dir", temp.Combine("cache"), "--out", output,
            "--precision", precision);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StdErr);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public void ATrainJsonFromBeforeThePrecisionSettingReadsAsFp32()
    {
        var run = TrainRunJson.Read(Path.Combine(RepoPaths.Root, "results", "training", "cnn-bn-improved-cpu", "train.json"));

        Assert.Equal(("fp32", "cpu"), (run.Precision, run.DeviceAndPrecision));
    }

    public void Dispose() => temp.Dispose();
}
