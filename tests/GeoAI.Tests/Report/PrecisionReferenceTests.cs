using GeoAI.Report;
using GeoAI.Report.Reference;
using GeoAI.Report.Results;

namespace GeoAI.Tests.Report;

/// <summary>
/// PyTorch reference cases with a precision and memory format (tools/pytorch_baseline.py --precisions/--memory-formats)
/// against the suite's PrecisionTraining cases, and reference files from before those fields, which ran fp32 contiguous.
/// </summary>
public sealed class PrecisionReferenceTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    private static readonly BenchmarkResult[] Results =
    [
        Result("CnnTraining", "Device=Cpu&BatchSize=40&Loader=FixedBatch&Workers=0"),
        Result("CnnTraining", "Device=Cpu&BatchSize=40&Loader=Host&Workers=0"),
        Result("PrecisionTraining", "Model=Cnn&Device=Cpu&Precision=Fp32&MemoryFormat=Contiguous&BatchSize=40"),
        Result("PrecisionTraining", "Model=Cnn&Device=Cpu&Precision=Bf16&MemoryFormat=Contiguous&BatchSize=40"),
        Result("PrecisionTraining", "Model=Cnn&Device=Cpu&Precision=Bf16&MemoryFormat=ChannelsLast&BatchSize=40"),
        Result("PrecisionTraining", "Model=Vgg11Bn&Device=Cuda&Precision=Tf32&MemoryFormat=Contiguous&BatchSize=512"),
        Result("PrecisionInference", "Model=Cnn&Device=Cpu&Precision=Bf16&MemoryFormat=Contiguous&BatchSize=40"),
    ];

    [Fact]
    public void EachReferenceMatchesTheCasesOfItsPrecisionAndMemoryFormat()
    {
        var references = ReferenceReader.Read(WriteReference(
            Case("cnn", null, "cpu", 40, "resident"),
            Case("cnn", null, "cpu", 40, "resident", "bf16", "contiguous"),
            Case("cnn", null, "cpu", 40, "resident", "bf16", "channels_last"),
            Case("vgg11bn", "full", "cuda", 512, "resident", "tf32", "contiguous"),
            Case("vgg11bn", "frozen", "cuda", 512, "resident", "tf32", "contiguous"),
            Case("cnn", null, "cpu", 40, "resident", "fp32", "channels_last")));

        var matched = references.Select(r => Results.Where(r.Matches).Select(m => m.FullName).ToList()).ToList();

        Assert.Equal([
            // The fp32 contiguous resident case did the work of the loader sweep's FixedBatch and of the precision sweep's Fp32.
            ["CnnTraining(Device=Cpu&BatchSize=40&Loader=FixedBatch&Workers=0)",
                "PrecisionTraining(Model=Cnn&Device=Cpu&Precision=Fp32&MemoryFormat=Contiguous&BatchSize=40)"],
            ["PrecisionTraining(Model=Cnn&Device=Cpu&Precision=Bf16&MemoryFormat=Contiguous&BatchSize=40)"],
            ["PrecisionTraining(Model=Cnn&Device=Cpu&Precision=Bf16&MemoryFormat=ChannelsLast&BatchSize=40)"],
            ["PrecisionTraining(Model=Vgg11Bn&Device=Cuda&Precision=Tf32&MemoryFormat=Contiguous&BatchSize=512)"],
            [], // the precision sweep trains VGG11-BN in full mode only
            [], // no fp32 channels-last case among the results
        ], matched);
    }

    [Fact]
    public void AReferenceFileWithoutPrecisionFieldsRanFp32Contiguous()
    {
        var reference = Assert.Single(ReferenceReader.Read(WriteReference(Case("cnn", null, "cpu", 40, "resident"))));

        Assert.Equal(("fp32", "contiguous"), (reference.Precision, reference.MemoryFormat));
        Assert.Equal("cnn cpu batch 40 resident 0 workers", reference.Describe());
    }

    [Fact]
    public void ReferenceMatchShowsAnFp32ReferenceBesideEveryCaseOfTheSameWork()
    {
        var references = ReferenceReader.Read(WriteReference(Case("cnn", null, "cpu", 40, "resident")));

        var match = new ReferenceMatch(new ResultSet(Results, [new MachineEnvironment { Label = "box", Files = [] }], []), references);

        Assert.Empty(match.Notes);
        Assert.Equal([1, 0, 1, 0, 0, 0, 0], Results.Select(r => match.For(r).Count));
    }

    [Theory]
    [InlineData("\"precision\": \"fp16\"", "case #1: precision must be \"fp32\", \"bf16\" or \"tf32\", not \"fp16\"")]
    [InlineData("\"memory_format\": \"nhwc\"", "case #1: memory_format must be \"contiguous\" or \"channels_last\", not \"nhwc\"")]
    public void AnUnknownPrecisionOrMemoryFormatIsNamed(string field, string message)
    {
        var file = WriteReference(Case("cnn", null, "cpu", 40, "resident")[..^1] + ", " + field + " }");

        var error = Assert.Throws<ReportException>(() => ReferenceReader.Read(file));

        Assert.Equal($"{file}: {message}", error.Message);
    }

    private static BenchmarkResult Result(string type, string parameters) => new()
    {
        FullName = $"{type}({parameters})",
        Type = type,
        Method = type.EndsWith("Inference", StringComparison.Ordinal) ? "Infer" : "Train",
        Parameters = CaseParameters.Parse(parameters),
        Samples = [1000, 1000, 1000],
        Time = TimeEstimate.FromSamples([1000, 1000, 1000]),
        Launches = [new Launch(null, [1000, 1000, 1000], "results.json")],
        Machine = "box",
        SourceFile = "results.json",
    };

    private static string Case(string model, string? mode, string device, int batch, string loader, string? precision = null,
        string? memoryFormat = null)
    {
        var modeJson = mode is null ? "null" : $"\"{mode}\"";
        var formatJson = precision is null ? "" : $", \"precision\": \"{precision}\", \"memory_format\": \"{memoryFormat}\"";
        return $"{{ \"model\": \"{model}\", \"mode\": {modeJson}, \"device\": \"{device}\", \"batch_size\": {batch}, " +
               $"\"loader\": \"{loader}\", \"workers\": 0, \"pin_memory\": false, \"ns_per_image\": [500, 510, 490]{formatJson} }}";
    }

    private string WriteReference(params string[] cases)
    {
        var file = scratch.Combine($"reference-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, $$"""{ "tool": "pytorch", "version": "2.6.0", "machine": "box", "cases": [ {{string.Join(", ", cases)}} ] }""");
        return file;
    }

    public void Dispose() => scratch.Dispose();
}
