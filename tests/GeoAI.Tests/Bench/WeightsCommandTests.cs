using GeoAI.Models;
using GeoAI.Report.Training;
using GeoAI.Tests.Data;
using GeoAI.Tests.Models;

namespace GeoAI.Tests.Bench;

/// <summary>
/// <c>weights convert</c> and <c>--weights</c> with a .pth, run as the program on files real PyTorch wrote: exact round
/// trips checked by PyTorch itself, exit code 2 and nothing left behind for bad input.
/// </summary>
public sealed class WeightsCommandTests(TorchWeightsFiles files) : IClassFixture<TorchWeightsFiles>, IDisposable
{
    private readonly TempDirectory temp = new();

    private static ProcessRunner.Result Program(IDictionary<string, string?>? environment, params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll"), .. args], environment,
            timeout: TimeSpan.FromMinutes(4));

    private static ProcessRunner.Result Program(params string[] args) => Program(null, args);

    [Theory]
    [InlineData("mixed.pth")]
    [InlineData("mixed-legacy.pth")]
    public void EveryDtypeAndLayoutRoundTripsThroughSafetensorsExactly(string name)
    {
        var safetensors = temp.Combine("mixed.safetensors");
        var back = temp.Combine("back.pth");
        var again = temp.Combine("again.safetensors");

        var there = Program("weights", "convert", files[name], safetensors);
        var home = Program("weights", "convert", safetensors, back);
        var twice = Program("weights", "convert", back, again);

        Assert.True(there.ExitCode == 0, there.All);
        Assert.Contains($"converted 16 tensors (0.0 MB) from {files[name]} (PyTorch ", there.StdOut);
        Assert.Contains($"to {safetensors} (safetensors); read back and identical", there.StdOut);
        Assert.True(home.ExitCode == 0, home.All);
        Assert.True(twice.ExitCode == 0, twice.All);
        var same = files.Run("same", files["mixed.pth"], back);
        Assert.True(same.ExitCode == 0, same.All);
        Assert.Equal("identical: 16 tensors", same.StdOut.Trim());
        Assert.Equal(File.ReadAllBytes(safetensors), File.ReadAllBytes(again));
        Assert.Equal(["again.safetensors", "back.pth", "mixed.safetensors"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData("foreign.pth", "it asks for the global posix.system, which a state dict never needs: refused without running anything")]
    [InlineData("past-storage.pth", "reaches element 9 of storage '0', which holds only 6 F32 elements")]
    [InlineData("short-record.pth", "storage '0' has 16 bytes in the archive, but the pickle declares 3 F64 elements (24 bytes)")]
    public void AMalformedInputExitsTwoAndLeavesNothing(string name, string message)
    {
        var output = temp.Combine("out.safetensors");

        var result = Program("weights", "convert", files[name], output);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {files[name]}: ", result.StdErr);
        Assert.Contains(message, result.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("no such weights file", "missing.pth", "out.safetensors")]
    [InlineData("the name does not say which format to write: end it in .safetensors, .pth or .pt", "tiny10.pth", "out.bin")]
    [InlineData("is the input file; convert to another file", "tiny10.pth", "tiny10.pth")]
    public void BadNamesExitTwo(string message, string input, string output)
    {
        var inputPath = input == "missing.pth" ? temp.Combine(input) : files[input];
        var outputPath = output == input ? inputPath : temp.Combine(output);

        var result = Program("weights", "convert", inputPath, outputPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    /// <summary>
    /// OUT is a folder: the conversion is written and read back under the temporary name, then the rename fails. The
    /// temporary is gone and the exit code is 2, naming OUT (AtomicFileTests has the failures midway and in the check).
    /// </summary>
    [Fact]
    public void AnOutputThatCannotBeRenamedIntoPlaceExitsTwoAndLeavesNothing()
    {
        var output = temp.Combine("out.safetensors");
        Directory.CreateDirectory(output);

        var result = Program("weights", "convert", files["tiny10.pth"], output);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {output}: could not be written: ", result.StdErr);
        Assert.Equal([output], Directory.GetFileSystemEntries(temp.Path));
        Assert.Empty(Directory.GetFileSystemEntries(output));
    }

    [Fact]
    public void TorchvisionNamesTheFileInTorchHubsCheckpointsFolder()
    {
        var checkpoints = temp.Combine("torch", "hub", "checkpoints");
        var environment = new Dictionary<string, string?> { ["TORCH_HOME"] = temp.Combine("torch") };
        var output = temp.Combine("vgg.safetensors");

        var absent = Program(environment, "weights", "convert", "torchvision", output);
        Directory.CreateDirectory(checkpoints);
        File.Copy(files["tiny1000-old.pth"], Path.Combine(checkpoints, TorchvisionWeights.Vgg11Bn.FileName));
        var present = Program(environment, "weights", "convert", "torchvision", output);

        Assert.Equal(2, absent.ExitCode);
        Assert.Contains($"error: torchvision: vgg11_bn-6002323d.pth is not in {checkpoints} or ", absent.StdErr);
        Assert.Contains("; ./geoai download --weights vgg11bn fetches it", absent.StdErr);
        Assert.True(present.ExitCode == 0, present.All);
        Assert.Contains($"from {Path.Combine(checkpoints, "vgg11_bn-6002323d.pth")} (PyTorch legacy)", present.StdOut);
    }

    [Fact]
    public void TrainLoadsAPthWithAThousandClassHeadAndSaysSoInOneLine()
    {
        var output = temp.Combine("run");

        var result = Program("train", "--model", "cnn", "--data", "synthetic:200", "--cache-dir", temp.Combine("cache"),
            "--epochs", "1", "--weights", files["cnn1000.pth"], "--out", output);

        Assert.True(result.ExitCode == 0, result.All);
        var line = $"weights: loaded 8 of 10 tensors from {files["cnn1000.pth"]} (PyTorch zip; 1.6 MB: F32 10); " +
                   "a fresh 10-class head replaces the file's 1000-class fc3";
        Assert.Contains(line + "\n", result.StdOut);
        Assert.Equal(line, TrainRunJson.Read(Path.Combine(output, "train.json")).Weights);
    }

    [Fact]
    public void TrainRefusesAForeignPickleBeforeTrainingAndWritesNothing()
    {
        var output = temp.Combine("run");

        var result = Program("train", "--model", "cnn", "--data", "synthetic:200", "--cache-dir", temp.Combine("cache"),
            "--epochs", "1", "--weights", files["foreign.pth"], "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("it asks for the global posix.system", result.StdErr);
        Assert.DoesNotContain("epoch", result.StdOut);
        Assert.False(Directory.Exists(output));
    }

    public void Dispose() => temp.Dispose();
}
