using GeoAI.Report;
using GeoAI.Report.Reference;
using GeoAI.Report.Results;

namespace GeoAI.Tests.Report;

/// <summary>PyTorch reference files: reading, matching to TorchSharp cases, and refusing other units.</summary>
public sealed class ReferenceReaderTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    [Fact]
    public void ReadsCasesWithTheirSamples()
    {
        var cases = ReferenceReader.Read(Fixtures.PyTorchReference);

        // 20 real CPU rows of results/2026-11-23-cpu-epyc2/pytorch-cpu.json, each also as a constructed CUDA row.
        Assert.Equal(40, cases.Count);
        var first = cases[0];
        Assert.Equal(("PyTorch 2.6.0+debian eager, OpenBLAS", "h100-box", "cnn", null, "cpu", 40, "resident"),
            (first.Tool, first.Machine, first.Model, first.Mode, first.Device, first.BatchSize, first.Loader));
        Assert.Equal(10, first.Samples.Count);
        Assert.Equal(133_039.833, first.Time.Mean, 3);
        Assert.Equal(1e9 / 133_039.833, first.Time.ImagesPerSecond, 1);
        Assert.StartsWith("constructed by tools/construct_gpu_fixture.py", first.Constructed);
    }

    [Fact]
    public void TheBlasJoinsTheLabelWhenTheFileNamesIt()
    {
        var folder = scratch.CopyOf(Path.GetDirectoryName(Fixtures.PyTorchReference)!, "blas");
        var file = Path.Combine(folder, Path.GetFileName(Fixtures.PyTorchReference));
        ScratchFolder.EditFile(file, root => root["blas"] = "BLIS");

        Assert.All(ReferenceReader.Read(file), c => Assert.Equal("PyTorch 2.6.0+debian eager, BLIS", c.Tool));
    }

    [Fact]
    public void MatchesTheSameWorkOnly()
    {
        var results = ResultReader.Read([Fixtures.GpuMachine]).Results;
        var references = ReferenceReader.Read(Fixtures.PyTorchReference).Take(4).ToList();
        var elsewhere = references[0] with { BatchSize = 41 };

        var matched = references.Append(elsewhere).Select(r => results.SingleOrDefault(r.Matches)?.FullName).ToList();

        // A batch made once is FixedBatch; a DataLoader is Host, or HostPinnedPrefetch when it pins; no case has batch 41.
        Assert.Equal([
            "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: FixedBatch, Workers: 0)",
            "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cuda, BatchSize: 40, Loader: FixedBatch, Workers: 0)",
            "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)",
            "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cuda, BatchSize: 40, Loader: HostPinnedPrefetch, Workers: 0)",
            null,
        ], matched);
    }

    [Fact]
    public void MillisecondsInsteadOfNanosecondsAreMismatched()
    {
        var file = scratch.Combine("ms.json");
        File.WriteAllText(file, """
            { "tool": "pytorch", "version": "2.6.0", "machine": "m", "cases": [ { "model": "cnn", "mode": null,
              "device": "cpu", "batch_size": 40, "loader": "resident", "workers": 0, "pin_memory": false,
              "images_per_second": 1250.0, "ns_per_image": [0.8, 0.81, 0.79] } ] }
            """);

        var error = Assert.Throws<ReportException>(() => ReferenceReader.Read(file));

        Assert.StartsWith($"{file}: case #1: mismatched units: images_per_second is 1250", error.Message);
    }

    [Fact]
    public void MissingSamplesAndUnknownModelsAreNamed()
    {
        var file = scratch.Combine("bad.json");
        File.WriteAllText(file, """{ "tool": "pytorch", "cases": [ { "model": "resnet", "device": "cpu", "batch_size": 40, "loader": "resident", "workers": 0 } ] }""");
        var noSamples = scratch.Combine("nosamples.json");
        File.WriteAllText(noSamples, """{ "tool": "pytorch", "cases": [ { "model": "cnn", "device": "cpu", "batch_size": 40, "loader": "resident", "workers": 0 } ] }""");

        Assert.Equal($"{file}: case #1: model must be \"cnn\" or \"vgg11bn\", not \"resnet\"",
            Assert.Throws<ReportException>(() => ReferenceReader.Read(file)).Message);
        Assert.Equal($"{noSamples}: case #1: no raw measurements (\"ns_per_image\" is missing or empty)",
            Assert.Throws<ReportException>(() => ReferenceReader.Read(noSamples)).Message);
    }

    [Fact]
    public void MalformedReferenceNamesTheFile()
    {
        var file = scratch.Combine("broken.json");
        File.WriteAllText(file, "{ \"cases\": [ ");

        var error = Assert.Throws<ReportException>(() => ReferenceReader.Read(file));

        Assert.StartsWith($"{file}: malformed reference JSON", error.Message);
    }

    public void Dispose() => scratch.Dispose();
}
