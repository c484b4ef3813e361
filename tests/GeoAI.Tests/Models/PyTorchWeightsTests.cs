using GeoAI.Models;
using GeoAI.Runtime;
using TorchSharp;
using static GeoAI.Tests.Models.ModelTestSupport;
using static TorchSharp.torch;

namespace GeoAI.Tests.Models;

/// <summary>
/// torch.save files written by real PyTorch load into a TorchSharp model bit for bit, in both of torch.save's formats;
/// the .pth written here loads back into PyTorch; malformed files are refused with what is wrong, and nothing changes.
/// </summary>
public sealed class PyTorchWeightsTests(TorchWeightsFiles files) : IClassFixture<TorchWeightsFiles>, IDisposable
{
    private readonly ScratchFolder scratch = new();

    /// <summary>torch_weights.py's tiny model: convolution, batch norm, and a classifier whose last layer is the head.</summary>
    private static nn.Module<Tensor, Tensor> Tiny(int classes, long seed = 9)
    {
        TorchBackend.EnsureLoaded();
        random.manual_seed(seed);
        return nn.Sequential(
            ("features", nn.Sequential(("0", nn.Conv2d(3, 4, 3)), ("1", nn.BatchNorm2d(4)))),
            ("classifier", nn.Sequential(("0", nn.Linear(16, 8)), ("1", nn.ReLU()), ("2", nn.Linear(8, classes)))));
    }

    /// <summary>The model's tensors' bytes, one after another in a file's order (the order torch_weights.py's .raw files use).</summary>
    private byte[] StateBytes(nn.Module model, string orderOf = "tiny10.pth", int skipLast = 0)
    {
        using var file = WeightsFile.Open(files[orderOf]);
        var state = model.state_dict();
        return [.. file.Tensors.SkipLast(skipLast).SelectMany(tensor => state[tensor.Name].bytes.ToArray())];
    }

    [Theory]
    [InlineData("tiny10.pth", WeightsFormat.PyTorchZip)]
    [InlineData("tiny10-legacy.pth", WeightsFormat.PyTorchLegacy)]
    public void BothTorchSaveFormatsLoadBitForBit(string name, WeightsFormat format)
    {
        using var model = Tiny(10);

        var report = ModelWeights.Load(model, files[name]);

        Assert.Equal(File.ReadAllBytes(files["tiny10.raw"]), StateBytes(model));
        Assert.Equal(7, model.state_dict()["features.1.num_batches_tracked"].item<long>());
        Assert.Equal((11, 11, format, null), (report.Loaded, report.InFile, report.Format, report.FreshHead));
        Assert.Equal(new Dictionary<string, int> { ["F32"] = 10, ["I64"] = 1 }, report.TensorsByDType);
        Assert.Equal($"weights: loaded 11 of 11 tensors from {files[name]} ({format.Describe()}; 0.0 MB: F32 10, I64 1)", report.Describe());
    }

    [Fact]
    public void TorchvisionsOldStyleFileWithAThousandClassHeadLoadsTheRestAndKeepsAFreshHead()
    {
        using var model = Tiny(10);
        var freshHead = StateBytes(model)[^((8 * 10 + 10) * 4)..];

        var report = ModelWeights.Load(model, files["tiny1000-old.pth"]);

        var imagenet = File.ReadAllBytes(files["tiny1000.raw"]);
        var headBytes = (8 * 1000 + 1000) * 4;
        Assert.Equal(imagenet[..^headBytes], StateBytes(model, "tiny1000-old.pth", skipLast: 2));
        Assert.Equal(freshHead, StateBytes(model)[^freshHead.Length..]);
        Assert.Equal(0, model.state_dict()["features.1.num_batches_tracked"].item<long>());
        Assert.Equal((8, 10, 1, WeightsFormat.PyTorchLegacy), (report.Loaded, report.InFile, report.AbsentCounters, report.Format));
        Assert.Equal(new FreshHead("classifier.2", 1000, 10), report.FreshHead);
        Assert.EndsWith("(PyTorch legacy; 0.0 MB: F32 10; 1 batch-norm counters not in the file keep the model's); " +
                        "a fresh 10-class head replaces the file's 1000-class classifier.2", report.Describe());
    }

    [Fact]
    public void StridedViewsOffsetsSharedStoragesAndParametersReadAsPyTorchSeesThem()
    {
        using var file = WeightsFile.Open(files["mixed.pth"]);

        float[] Floats(string name)
        {
            var tensor = file.Tensors.Single(t => t.Name == name);
            using var values = file.OpenRead(tensor);
            var bytes = new byte[tensor.ByteLength];
            values.ReadExactly(bytes);
            return [.. Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, i * 4))];
        }

        // base = arange(24).reshape(4, 6): its transpose, row 2 and itself share one storage.
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (float)(i % 4 * 6 + i / 4)), Floats("transposed"));
        Assert.Equal(Enumerable.Range(12, 6).Select(i => (float)i), Floats("row_two"));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (float)i), Floats("whole"));
        Assert.Equal([3.25f], Floats("scalar"));
        Assert.Empty(Floats("empty"));
        Assert.Equal([0.5f, 0.25f], Floats("parameter"));
        Assert.Equal(["F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL", "F32", "F32", "F32", "F32", "F32", "F32"],
            file.Tensors.Select(t => t.DType.Name));
        Assert.Equal([6L, 4], file.Tensors.Single(t => t.Name == "transposed").Shape);
    }

    [Fact]
    public void APthWrittenHereLoadsIntoPyTorchWithTheSameValues()
    {
        using var model = Tiny(10);
        ModelWeights.Load(model, files["tiny10.pth"]);
        var written = scratch.File("from-torchsharp.pth");

        ModelWeights.Save(model, written);

        var loads = files.Run("loads", written, "10");
        Assert.True(loads.ExitCode == 0, loads.All);
        Assert.Contains("All keys matched successfully", loads.StdOut);
        var same = files.Run("same", files["tiny10.pth"], written);
        Assert.True(same.ExitCode == 0, same.All);
        Assert.Contains("identical: 11 tensors", same.StdOut);
    }

    [Theory]
    [InlineData("foreign.pth", "foreign/data.pkl: pickle byte ", "it asks for the global posix.system, which a state dict never needs: refused without running anything")]
    [InlineData("past-storage.pth", "tensor 'weight': shape [10] with strides [1] from element 0 reaches element 9 of storage '0', which holds only 6 F32 elements")]
    [InlineData("short-record.pth", "storage '0' has 16 bytes in the archive, but the pickle declares 3 F64 elements (24 bytes)")]
    [InlineData("checkpoint.pth", "checkpoint/data.pkl: 'epoch' is the integer 3, not a tensor, so this is not a state dict (a training checkpoint?")]
    public void MalformedFilesAreRefusedWithWhatIsWrongAndChangeNothing(string name, params string[] messages)
    {
        using var model = Tiny(10);
        var before = StateBytes(model);

        var error = Assert.Throws<WeightsFileException>(() => ModelWeights.Load(model, files[name]));

        Assert.StartsWith($"{files[name]}: ", error.Message);
        Assert.All(messages, message => Assert.Contains(message, error.Message));
        Assert.Equal(before, StateBytes(model));
    }

    /// <summary>
    /// The refusal of foreign.pth means something only if the file is dangerous: PyTorch's unrestricted loader
    /// (weights_only=False) runs the os.system global in it, which creates the marker file; the reader here does not.
    /// </summary>
    [Fact]
    public void TheForeignGlobalRunsInAnUnrestrictedPickleLoaderButNotHere()
    {
        var marker = Path.Combine(files.Folder, "ran");
        using var model = Tiny(10);

        Assert.Throws<WeightsFileException>(() => ModelWeights.Load(model, files["foreign.pth"]));
        Assert.False(File.Exists(marker));
        var unrestricted = files.Run("unrestricted-load", files["foreign.pth"]);

        Assert.True(unrestricted.ExitCode == 0, unrestricted.All);
        Assert.True(File.Exists(marker), $"torch.load(weights_only=False) did not run the foreign global:\n{unrestricted.All}");
        File.Delete(marker);
    }

    [Theory]
    [InlineData("tiny10.pth", 1000, "not a complete zip archive (truncated or damaged?)")]
    [InlineData("tiny10-legacy.pth", 10, "the file ends 10 bytes before the end of storage")]
    [InlineData("tiny10-legacy.pth", 2700, "the state dict: pickle byte ")]
    public void TruncatedFilesAreRefused(string name, int cut, string message)
    {
        var bytes = File.ReadAllBytes(files[name]);
        var truncated = scratch.File(name);
        File.WriteAllBytes(truncated, bytes[..^cut]);
        using var model = Tiny(10);

        var error = Assert.Throws<WeightsFileException>(() => ModelWeights.Load(model, truncated));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void AFileThatIsNeitherZipNorPickleIsNamedAsSuch()
    {
        var path = scratch.File("text.pth");
        File.WriteAllText(path, "not weights at all");
        using var model = Tiny(10);

        var error = Assert.Throws<WeightsFileException>(() => ModelWeights.Load(model, path));

        Assert.Contains("not a torch.save file: it starts as neither a zip archive nor a pickle", error.Message);
    }

    public void Dispose() => scratch.Dispose();
}
