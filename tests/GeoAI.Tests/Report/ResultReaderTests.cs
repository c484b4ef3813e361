using GeoAI.Report;
using GeoAI.Report.Results;

namespace GeoAI.Tests.Report;

/// <summary>Reading BenchmarkDotNet full JSON: what is taken from it, and every kind of bad input named precisely.</summary>
public sealed class ResultReaderTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    [Fact]
    public void ReadsEveryCaseOfBothMachines()
    {
        var results = ResultReader.Read([Fixtures.GpuMachine, Fixtures.CpuMachine]);

        Assert.Equal(2 * Fixtures.FilesPerMachine, results.Files.Count);
        Assert.Equal(["h100-box", "epyc-2core"], results.Machines.Select(m => m.Label));
        Assert.Equal(Fixtures.GpuMachineCases, results.On("h100-box").Count());
        Assert.Equal(Fixtures.CpuMachineCases, results.On("epyc-2core").Count());
    }

    [Fact]
    public void TakesTimesParametersAndMetricsFromTheFile()
    {
        var results = ResultReader.Read([Fixtures.CpuMachine]);
        var baseline = results.Results.Single(r => r.FullName ==
            "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)");

        // OriginalValues of this case: 10 steps of 40 images summing to 161,643,656.43 ns, so 16,164,365.64 ns per step
        // and 404,109.14 ns per image; 1e9 / 404,109.14 = 2,474.58 images/s.
        Assert.Equal(10, baseline.Samples.Count);
        Assert.Equal(404_109.141, baseline.Samples.Average(), 0.001);
        Assert.Equal(404_109.141, baseline.Time.Mean, 0.001);
        Assert.Equal(2_474.579, baseline.ImagesPerSecond, 0.001);
        Assert.Equal(("Cpu", 40, "Host", 0), (baseline.Parameters.Device, baseline.Parameters.BatchSize,
            baseline.Parameters.Loader, baseline.Parameters.Workers));
        Assert.Equal("CNN training", baseline.Workload.Label);
        Assert.Null(baseline.PeakGpuMemoryMb); // written as "" (NaN) by BenchmarkDotNet for a CPU case
    }

    [Fact]
    public void ErrorIsTheHalfWidthOfTheStudentIntervalOfTheSamples()
    {
        var result = ResultReader.Read([Fixtures.CpuMachine]).Results.First();
        var n = result.Samples.Count;
        var mean = result.Samples.Average();
        var standardError = Math.Sqrt(result.Samples.Sum(x => (x - mean) * (x - mean)) / (n - 1) / n);
        // t quantile 0.9995 with 9 degrees of freedom (10 samples), from tables: 4.7809.
        Assert.Equal(10, n);
        Assert.Equal(4.7809 * standardError, result.Time.Margin, standardError * 0.001);
        Assert.Equal(99.9, result.Time.LevelPercent);
    }

    [Fact]
    public void MachineFactsComeFromTheGeoAiObject()
    {
        var results = ResultReader.Read([Fixtures.GpuMachine, Fixtures.CpuMachine]);
        var gpu = results.Machines.Single(m => m.Label == "h100-box");
        var cpu = results.Machines.Single(m => m.Label == "epyc-2core");

        Assert.Equal(("NVIDIA H100 80GB HBM3", "570.124.06", "2.10.0", "12.8", true),
            (gpu.Gpu, gpu.GpuDriver, gpu.LibTorch, gpu.CudaRuntime, gpu.DataIsSynthetic));
        Assert.StartsWith("constructed by tools/construct_gpu_fixture.py from the real CPU sweep", gpu.Constructed);
        Assert.Null(cpu.Constructed);
        Assert.Equal(("none", true, "2", "0.15.8"), (cpu.Gpu, cpu.DataIsSynthetic, cpu.PhysicalCores, cpu.BenchmarkDotNet));
        Assert.Equal(Fixtures.FilesPerMachine, gpu.Files.Count);
    }

    [Fact]
    public void WithoutTheGeoAiObjectTheMachineIsProcessorAndOs()
    {
        var folder = scratch.CopyOf(Fixtures.CpuMachine, "plain");
        foreach (var file in Directory.GetFiles(folder))
            ScratchFolder.EditFile(file, root => root["HostEnvironmentInfo"]!.AsObject().Remove("GeoAI"));

        var machine = ResultReader.Read([folder]).Machines.Single();

        Assert.Equal("AMD EPYC, Linux Debian GNU/Linux 13 (trixie)", machine.Label);
        Assert.Equal("AMD EPYC", machine.Cpu);
        Assert.Null(machine.Gpu);
        Assert.Null(machine.DataIsSynthetic);
    }

    [Fact]
    public void TheGeoAiObjectMayAlsoSitBesideHostEnvironmentInfo()
    {
        var folder = scratch.CopyOf(Fixtures.CpuMachine, "beside");
        foreach (var file in Directory.GetFiles(folder))
            ScratchFolder.EditFile(file, root =>
            {
                var host = root["HostEnvironmentInfo"]!.AsObject();
                var geoAi = host["GeoAI"]!;
                host.Remove("GeoAI");
                root["GeoAI"] = geoAi;
            });

        Assert.Equal("epyc-2core", ResultReader.Read([folder]).Machines.Single().Label);
    }

    [Fact]
    public void SamplesComeFromMeasurementsWhenOriginalValuesAreMissing()
    {
        var folder = scratch.CopyOf(Fixtures.GpuMachine, "measurements");
        var file = Path.Combine(folder, Fixtures.CnnTrainingFile);
        ScratchFolder.EditBenchmark(file, Fixtures.CpuHostCase, b => b["Statistics"]!.AsObject().Remove("OriginalValues"));

        var result = ResultReader.Read([file]).Results.Single(r => r.FullName == Fixtures.CpuHostCase);

        // epyc-2core's 10 iterations summing to 161,643,656.43 ns, × 0.25 on h100-box, per image of 40.
        Assert.Equal(10, result.Samples.Count);
        Assert.Equal(161_643_656.43 / 10 * 0.25 / 40, result.Samples.Average(), 2);
    }

    [Fact]
    public void NoResultFilesNamesThePathsSearched()
    {
        var empty = Directory.CreateDirectory(scratch.Combine("empty")).FullName;
        var other = Directory.CreateDirectory(scratch.Combine("other")).FullName;

        var error = Assert.Throws<ReportException>(() => ResultReader.Read([empty, other]));

        Assert.Contains("no BenchmarkDotNet full JSON results (*-report-full.json) found in", error.Message);
        Assert.Contains(empty, error.Message);
        Assert.Contains(other, error.Message);
    }

    [Fact]
    public void MissingPathIsNamed()
    {
        var missing = scratch.Combine("nowhere");

        var error = Assert.Throws<ReportException>(() => ResultReader.Read([missing]));

        Assert.Equal($"{missing}: no such file or folder", error.Message);
    }

    [Fact]
    public void MalformedJsonNamesTheFileAndThePosition()
    {
        var file = scratch.Combine("broken-report-full.json");
        File.WriteAllText(file, "{\n  \"Title\": \"x\",\n  \"Benchmarks\": [ { \"FullName\": \"a\" ,, } ]\n}");

        var error = Assert.Throws<ReportException>(() => ResultReader.Read([file]));

        Assert.StartsWith($"{file}: malformed JSON at line 3, byte ", error.Message);
    }

    [Fact]
    public void TruncatedFileIsMalformed()
    {
        var folder = scratch.CopyOf(Fixtures.GpuMachine, "truncated");
        var file = Path.Combine(folder, Fixtures.CnnTrainingFile);
        File.WriteAllText(file, File.ReadAllText(file)[..5000]);

        var error = Assert.Throws<ReportException>(() => ResultReader.Read([folder]));

        Assert.StartsWith($"{file}: malformed JSON", error.Message);
    }

    [Fact]
    public void BenchmarkWithoutRawMeasurementsIsNamed()
    {
        var folder = scratch.CopyOf(Fixtures.GpuMachine, "brief");
        var file = Path.Combine(folder, Fixtures.CnnTrainingFile);
        ScratchFolder.EditBenchmark(file, Fixtures.CpuHostCase, b =>
        {
            b["Statistics"]!.AsObject().Remove("OriginalValues");
            b.Remove("Measurements");
        });

        var error = Assert.Throws<ReportException>(() => ResultReader.Read([folder]));

        Assert.StartsWith($"{file}: benchmark {Fixtures.CpuHostCase} has no raw measurements", error.Message);
    }

    [Fact]
    public void StatisticsInOtherUnitsThanTheMeasurementsAreMismatched()
    {
        var folder = scratch.CopyOf(Fixtures.GpuMachine, "microseconds");
        var file = Path.Combine(folder, Fixtures.CnnTrainingFile);
        // As if the statistics had been written in microseconds while the measurements stayed in nanoseconds.
        ScratchFolder.EditBenchmark(file, Fixtures.CpuHostCase, b =>
        {
            var measurements = b["Measurements"]!.DeepClone();
            ScratchFolder.ScaleTimes(b, 0.001);
            b["Measurements"] = measurements;
        });

        var error = Assert.Throws<ReportException>(() => ResultReader.Read([folder]));

        Assert.StartsWith($"{file}: benchmark {Fixtures.CpuHostCase} has mismatched units", error.Message);
        Assert.Contains("must be nanoseconds per operation", error.Message);
    }

    [Fact]
    public void TimesPerImageInsteadOfPerStepAreMismatched()
    {
        var folder = scratch.CopyOf(Fixtures.GpuMachine, "per-image");
        var file = Path.Combine(folder, Fixtures.CnnTrainingFile);
        // OperationsPerInvoke set to the batch size: every time 40 times smaller, while images/s was measured right.
        ScratchFolder.EditBenchmark(file, Fixtures.CpuHostCase, b =>
        {
            var metrics = b["Metrics"]!.DeepClone();
            ScratchFolder.ScaleTimes(b, 1.0 / 40);
            b["Metrics"] = metrics;
        });

        var error = Assert.Throws<ReportException>(() => ResultReader.Read([folder]));

        // epyc-2core's 2,474.58 images/s divided by h100-box's time factor 0.25.
        Assert.Contains("has mismatched units: its ImagesPerSecond metric is 9898", error.Message);
        Assert.Contains("an operation must be one step of BatchSize images", error.Message);
    }

    [Fact]
    public void SameCaseTwiceOnOneMachineIsRefused()
    {
        var first = scratch.CopyOf(Fixtures.CpuMachine, "run1");
        var second = scratch.CopyOf(Fixtures.CpuMachine, "run2");

        var error = Assert.Throws<ReportException>(() => ResultReader.Read([first, second]));

        Assert.Contains("appears 2 times for machine 'epyc-2core'", error.Message);
    }

    public void Dispose() => scratch.Dispose();
}
