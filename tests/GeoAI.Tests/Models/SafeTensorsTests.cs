using System.Buffers.Binary;
using System.Text;
using GeoAI.Models;
using GeoAI.Runtime;
using TorchSharp;
using static GeoAI.Tests.Models.ModelTestSupport;
using static TorchSharp.torch;

namespace GeoAI.Tests.Models;

public sealed class SafeTensorsTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    public SafeTensorsTests() => TorchBackend.EnsureLoaded();

    public void Dispose() => scratch.Dispose();

    /// <summary>A convolution and a batch norm: parameters plus float and integer buffers, like VGG's, but tiny.</summary>
    private static nn.Module<Tensor, Tensor> ConvNorm(long seed)
    {
        random.manual_seed(seed);
        return nn.Sequential(("conv", nn.Conv2d(3, 4, 3)), ("norm", nn.BatchNorm2d(4)));
    }

    /// <summary>Writes a file from parts, with the header length taken from the header unless overridden.</summary>
    private string WriteFile(string header, byte[] data, ulong? headerLength = null)
    {
        var path = scratch.File($"{Guid.NewGuid():N}.safetensors");
        var headerBytes = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + headerBytes.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, headerLength ?? (ulong)headerBytes.Length);
        headerBytes.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + headerBytes.Length);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Loads into <paramref name="model"/> (a Linear(3, 2) if none) and returns the error, checking it names the file.</summary>
    private static WeightsFileException LoadFails(string path, nn.Module? model = null)
    {
        using var linear = nn.Linear(3, 2);
        var error = Assert.Throws<WeightsFileException>(() => ModelWeights.Load(model ?? linear, path));
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith($"{path}: ", error.Message);
        return error;
    }

    [Fact]
    public void RoundTripIsBitExactIncludingBatchNormBuffers()
    {
        using var source = ConvNorm(1);
        using (NewDisposeScope())
        using (no_grad())
            source.call(rand(2, 3, 8, 8)); // moves running statistics and the batch counter
        using var target = ConvNorm(2);
        var path = scratch.File("convnorm.safetensors");

        ModelWeights.Save(source, path, new Dictionary<string, string> { ["source"] = "test" });
        Assert.False(StateDictsIdentical(source, target));
        var report = ModelWeights.Load(target, path);

        Assert.True(StateDictsIdentical(source, target));
        Assert.Equal(1, target.state_dict()["norm.num_batches_tracked"].item<long>());
        Assert.Equal(7, report.Loaded);
        Assert.Equal("test", report.Metadata["source"]);
        Assert.Equal(["convnorm.safetensors"], Directory.GetFiles(scratch.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void SaveWritesTheSafetensorsLayout()
    {
        using var model = nn.Linear(1, 1);
        using (no_grad())
        {
            model.weight.fill_(2.0f);
            model.bias!.fill_(-1.0f);
        }
        var path = scratch.File("linear.safetensors");

        ModelWeights.Save(model, path);

        const string json = """{"weight":{"dtype":"F32","shape":[1,1],"data_offsets":[0,4]},"bias":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""";
        var header = json + new string(' ', (8 - json.Length % 8) % 8);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal((ulong)header.Length, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal(header, Encoding.UTF8.GetString(bytes, 8, header.Length));
        Assert.Equal([.. BitConverter.GetBytes(2.0f), .. BitConverter.GetBytes(-1.0f)], bytes[(8 + header.Length)..]);
    }

    [Fact]
    public void ReadsHalfAndBFloat16IntoFloatParameters()
    {
        float[] weights = [0.5f, -1.25f, 3.0f, 65504f, 0.000061035156f, -0.0f];
        float[] biases = [1.5f, -0.15625f];
        var data = weights.SelectMany(w => BitConverter.GetBytes((Half)w))
            .Concat(biases.SelectMany(b => BitConverter.GetBytes((ushort)(BitConverter.SingleToUInt32Bits(b) >> 16))))
            .ToArray();
        var path = WriteFile("""
            {"__metadata__":{"format":"pt"},"weight":{"dtype":"F16","shape":[2,3],"data_offsets":[0,12]},
             "bias":{"dtype":"BF16","shape":[2],"data_offsets":[12,16]}}
            """, data);
        using var model = nn.Linear(3, 2);

        var report = ModelWeights.Load(model, path);

        Assert.Equal(weights, model.weight.data<float>().ToArray());
        Assert.Equal(biases, model.bias!.data<float>().ToArray());
        Assert.Equal(ScalarType.Float32, model.weight.dtype);
        Assert.Contains("; 2 converted to the model's dtype)", report.Describe());
    }

    [Fact]
    public void LoadingKeepsParametersTrainableAndTheModelMovable()
    {
        using var source = ConvNorm(1);
        var path = scratch.File("convnorm.safetensors");
        ModelWeights.Save(source, path);
        using var target = ConvNorm(2);
        var weightBefore = target.named_parameters().First().parameter;

        ModelWeights.Load(target, path);
        target.to(CPU);

        Assert.Same(weightBefore, target.named_parameters().First().parameter);
        Assert.All(target.parameters(), p => Assert.True(p.requires_grad));
        Assert.True(StateDictsIdentical(source, target));
    }

    [Fact]
    public void LoadsOntoAModelThatMovesToCudaAndIntoOneAlreadyThere()
    {
        Assert.SkipUnless(cuda.is_available(), "no CUDA device here");
        using var source = ConvNorm(1);
        var path = scratch.File("convnorm.safetensors");
        ModelWeights.Save(source, path);
        using var loadedThenMoved = ConvNorm(2);
        using var movedThenLoaded = ConvNorm(3);

        ModelWeights.Load(loadedThenMoved, path);
        loadedThenMoved.to(CUDA);
        movedThenLoaded.to(CUDA);
        ModelWeights.Load(movedThenLoaded, path);

        foreach (var moved in new[] { loadedThenMoved, movedThenLoaded })
        {
            moved.to(CPU);
            Assert.True(StateDictsIdentical(source, moved));
        }
    }

    [Fact]
    public void AFailedSaveLeavesNoFileBehind()
    {
        using var model = nn.Linear(2, 2);
        model.register_buffer("phase", zeros(2, ScalarType.ComplexFloat32));
        var path = scratch.File("complex.safetensors");

        var error = Assert.Throws<ArgumentException>(() => ModelWeights.Save(model, path));

        Assert.Contains("phase is ComplexFloat32", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path));
    }

    [Fact]
    public void MissingUnexpectedAndMisshapenKeysAreListedTogether()
    {
        var path = WriteFile("""
            {"weight":{"dtype":"F32","shape":[3,2],"data_offsets":[0,24]},
             "extra":{"dtype":"F32","shape":[1],"data_offsets":[24,28]}}
            """, new byte[28]);

        var error = LoadFails(path);

        Assert.Contains("missing from the file (1): bias", error.Message);
        Assert.Contains("unexpected in the file (1): extra", error.Message);
        Assert.Contains("weight is [3, 2] in the file, [2, 3] in the model", error.Message);
    }

    [Fact]
    public void AnIntegerEntryForAFloatParameterIsAMismatch()
    {
        var path = WriteFile("""
            {"weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},
             "bias":{"dtype":"I64","shape":[2],"data_offsets":[24,40]}}
            """, new byte[40]);

        Assert.Contains("bias is I64 in the file, Float32 in the model", LoadFails(path).Message);
    }

    [Fact]
    public void AHeadForAnotherClassCountLoadsTheRestAndKeepsTheModelsFreshHead()
    {
        var path = scratch.File("head.safetensors");
        random.manual_seed(1);
        using var wide = nn.Sequential(("features", nn.Linear(3, 4)), ("classifier", nn.Sequential(("6", nn.Linear(4, 5)))));
        ModelWeights.Save(wide, path);
        random.manual_seed(2);
        using var narrow = nn.Sequential(("features", nn.Linear(3, 4)), ("classifier", nn.Sequential(("6", nn.Linear(4, 2)))));
        var freshHead = narrow.state_dict()["classifier.6.weight"].clone();

        var report = ModelWeights.Load(narrow, path);

        Assert.True(BytesEqual(wide.state_dict()["features.weight"], narrow.state_dict()["features.weight"]));
        Assert.True(BytesEqual(wide.state_dict()["features.bias"], narrow.state_dict()["features.bias"]));
        Assert.True(BytesEqual(freshHead, narrow.state_dict()["classifier.6.weight"]));
        Assert.Equal((2, 4), (report.Loaded, report.InFile));
        Assert.Equal(new FreshHead("classifier.6", 5, 2), report.FreshHead);
        Assert.EndsWith("; a fresh 2-class head replaces the file's 5-class classifier.6", report.Describe());
    }

    [Fact]
    public void AHeadWithOtherFeaturesIsAMismatchNotAFreshHead()
    {
        var path = scratch.File("head.safetensors");
        using (var wide = nn.Sequential(("classifier", nn.Sequential(("6", nn.Linear(3, 5))))))
            ModelWeights.Save(wide, path);
        using var narrow = nn.Sequential(("classifier", nn.Sequential(("6", nn.Linear(4, 2)))));

        var error = LoadFails(path, narrow);

        Assert.Contains("classifier.6.weight is [5, 3] in the file, [2, 4] in the model", error.Message);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var path = scratch.File("absent.safetensors");

        Assert.Contains("no such weights file", LoadFails(path).Message);
    }

    [Fact]
    public void AFileShorterThanTheLengthFieldIsRejected()
    {
        var path = scratch.File("short.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);

        Assert.Contains("3 bytes is too short for the 8-byte header length", LoadFails(path).Message);
    }

    [Fact]
    public void AHeaderLengthPastTheEndOfTheFileIsRejected()
    {
        var path = WriteFile("{}", [], headerLength: 1000);

        Assert.Contains("header length 1000 runs past the end of the file (10 bytes)", LoadFails(path).Message);
    }

    [Fact]
    public void AnAbsurdHeaderLengthIsRejected()
    {
        var path = WriteFile("{}", [], headerLength: ulong.MaxValue);

        Assert.Contains($"header length {ulong.MaxValue} exceeds the 100000000-byte limit", LoadFails(path).Message);
    }

    [Fact]
    public void AHeaderThatIsNotJsonIsRejected()
    {
        var path = WriteFile("""{"weight": {"dtype": "F32",""", new byte[8]);

        Assert.Contains("header is not valid JSON", LoadFails(path).Message);
    }

    [Fact]
    public void AHeaderThatIsNotAnObjectIsRejected()
    {
        var path = WriteFile("[1, 2]  ", []);

        Assert.Contains("header is a JSON Array, not an object", LoadFails(path).Message);
    }

    [Fact]
    public void OffsetsPastTheDataBufferAreRejected()
    {
        var path = WriteFile("""{"bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", new byte[4]);

        Assert.Contains("tensor 'bias': data_offsets [0, 8] run past the end of the 4-byte data buffer", LoadFails(path).Message);
    }

    [Fact]
    public void OverlappingTensorsAreRejected()
    {
        var path = WriteFile("""
            {"weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},
             "bias":{"dtype":"F32","shape":[2],"data_offsets":[20,28]}}
            """, new byte[28]);

        Assert.Contains("tensors 'weight' [0, 24] and 'bias' [20, 28] overlap", LoadFails(path).Message);
    }

    [Fact]
    public void BytesBetweenTensorsAreRejected()
    {
        var path = WriteFile("""
            {"weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},
             "bias":{"dtype":"F32","shape":[2],"data_offsets":[28,36]}}
            """, new byte[36]);

        Assert.Contains("bytes [24, 28) of the data buffer belong to no tensor", LoadFails(path).Message);
    }

    [Fact]
    public void BytesAfterTheLastTensorAreRejected()
    {
        var path = WriteFile("""
            {"weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},
             "bias":{"dtype":"F32","shape":[2],"data_offsets":[24,32]}}
            """, new byte[40]);

        Assert.Contains("bytes [32, 40) of the data buffer belong to no tensor", LoadFails(path).Message);
    }

    [Fact]
    public void ADtypeAndShapeThatDisagreeWithTheByteCountAreRejected()
    {
        var path = WriteFile("""
            {"weight":{"dtype":"F16","shape":[2,3],"data_offsets":[0,24]},
             "bias":{"dtype":"F32","shape":[2],"data_offsets":[24,32]}}
            """, new byte[32]);

        Assert.Contains("tensor 'weight': dtype F16 and shape [2, 3] need 12 bytes, but data_offsets [0, 24] hold 24",
            LoadFails(path).Message);
    }

    [Fact]
    public void AnUnsupportedDtypeIsRejected()
    {
        var path = WriteFile("""{"bias":{"dtype":"C64","shape":[2],"data_offsets":[0,16]}}""", new byte[16]);

        Assert.Contains("tensor 'bias': dtype C64 is not supported (supported: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL)",
            LoadFails(path).Message);
    }

    [Fact]
    public void MalformedEntriesAreRejected()
    {
        var noShape = WriteFile("""{"bias":{"dtype":"F32","data_offsets":[0,8]}}""", new byte[8]);
        var negativeShape = WriteFile("""{"bias":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}""", new byte[8]);
        var backwardsOffsets = WriteFile("""{"bias":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}""", new byte[8]);
        var duplicate = WriteFile("""
            {"bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}
            """, new byte[8]);
        var badMetadata = WriteFile("""{"__metadata__":{"epochs":10}}""", []);

        Assert.Contains("tensor 'bias': no \"shape\" array of non-negative integers", LoadFails(noShape).Message);
        Assert.Contains("tensor 'bias': no \"shape\" array of non-negative integers", LoadFails(negativeShape).Message);
        Assert.Contains("tensor 'bias': no \"data_offsets\" [begin, end]", LoadFails(backwardsOffsets).Message);
        Assert.Contains("'bias' appears twice in the header", LoadFails(duplicate).Message);
        Assert.Contains("__metadata__ value 'epochs' is a JSON Number, not a string", LoadFails(badMetadata).Message);
    }

    [Fact]
    public void AFailedLoadChangesNothing()
    {
        var path = WriteFile("""
            {"weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},
             "bias":{"dtype":"F32","shape":[3],"data_offsets":[24,36]}}
            """, Enumerable.Repeat((byte)0x3f, 36).ToArray());
        using var model = nn.Linear(3, 2);
        var before = model.weight.clone();

        LoadFails(path, model);

        Assert.True(BytesEqual(before, model.weight));
    }

    [Fact]
    public void WeightsApplyDescribesWhatItDid()
    {
        using var source = ConvNorm(1);
        var path = scratch.File("convnorm.safetensors");
        ModelWeights.Save(source, path);
        using var target = ConvNorm(2);

        Assert.Equal(ModelWeights.RandomInitialisation, ModelWeights.Apply(target, null));
        Assert.Contains("no --weights given", ModelWeights.RandomInitialisation);
        Assert.Contains("./geoai download --weights vgg11bn", ModelWeights.RandomInitialisation);
        Assert.False(StateDictsIdentical(source, target));

        var description = ModelWeights.Apply(target, path);

        Assert.True(StateDictsIdentical(source, target));
        Assert.Equal($"weights: loaded 7 of 7 tensors from {path} (safetensors; 0.0 MB: F32 6, I64 1)", description);
    }
}
