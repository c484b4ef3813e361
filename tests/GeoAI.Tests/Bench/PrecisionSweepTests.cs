using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Exporters;
using GeoAI.Bench.Benchmarks;
using GeoAI.Bench.Benchmarks.Infrastructure;
using GeoAI.Training;

namespace GeoAI.Tests.Bench;

/// <summary>
/// The precision sweeps (PrecisionTraining, PrecisionInference): which combinations run, which the default CPU budget
/// keeps, and that the existing classes' cases did not change.
/// </summary>
public class PrecisionSweepTests
{
    [Theory]
    [InlineData(ComputeDevice.Cpu, Precision.Fp32, true)]
    [InlineData(ComputeDevice.Cpu, Precision.Bf16, true)]
    [InlineData(ComputeDevice.Cpu, Precision.Tf32, false)]
    [InlineData(ComputeDevice.Cuda, Precision.Fp32, true)]
    [InlineData(ComputeDevice.Cuda, Precision.Bf16, true)]
    [InlineData(ComputeDevice.Cuda, Precision.Tf32, true)]
    public void Tf32MakesSenseOnCudaOnly(ComputeDevice device, Precision precision, bool valid)
    {
        Assert.Equal(valid, SweepRules.WhyInvalid(device, precision) is null);
    }

    [Theory]
    [InlineData(true, BenchModel.Cnn, ComputeDevice.Cpu, 40, true)]
    [InlineData(true, BenchModel.Cnn, ComputeDevice.Cpu, 128, false)]
    [InlineData(true, BenchModel.Vgg11Bn, ComputeDevice.Cpu, 40, false)]
    [InlineData(false, BenchModel.Cnn, ComputeDevice.Cpu, 40, false)]
    [InlineData(true, BenchModel.Vgg11Bn, ComputeDevice.Cuda, 512, true)]
    [InlineData(false, BenchModel.Vgg11Bn, ComputeDevice.Cuda, 512, true)]
    public void OnACpuTheDefaultBudgetKeepsOnlyTheCnnTrainingStepAtBatch40(bool training, BenchModel model, ComputeDevice device,
        int batchSize, bool inBudget)
    {
        Assert.Equal(inBudget, SweepRules.WhyPrecisionCaseOutsideDefaultBudget(training, model, device, batchSize) is null);
    }

    [Theory]
    // CPU default: the CNN at batch 40 in fp32 and bf16, contiguous and channels-last.
    [InlineData(typeof(PrecisionTraining), false, false, 4)]
    [InlineData(typeof(PrecisionInference), false, false, 0)]
    // CPU exhaustive: 2 models x 2 precisions (no tf32) x 2 formats x 3 batch sizes.
    [InlineData(typeof(PrecisionTraining), false, true, 24)]
    [InlineData(typeof(PrecisionInference), false, true, 24)]
    // CUDA adds 2 models x 3 precisions x 2 formats x 3 batch sizes, all in the default sweep.
    [InlineData(typeof(PrecisionTraining), true, false, 4 + 36)]
    [InlineData(typeof(PrecisionInference), true, true, 24 + 36)]
    public void FilterKeepsExactlyTheRunnablePrecisionCases(Type benchmark, bool cuda, bool exhaustive, int expected)
    {
        Assert.Equal(expected, SweepRulesTests.Cases(benchmark, cuda, realJpegs: false, exhaustive).Count);
    }

    [Theory]
    [InlineData(typeof(PrecisionTraining))]
    [InlineData(typeof(PrecisionInference))]
    public void NoTf32CaseEverRunsOnTheCpu(Type benchmark)
    {
        var cases = SweepRulesTests.Cases(benchmark, cuda: true, realJpegs: false, exhaustive: true);

        Assert.Contains(cases, c => c.Parameters["Precision"] is Precision.Tf32);
        Assert.DoesNotContain(cases, c => c.Parameters["Precision"] is Precision.Tf32 && c.Parameters["Device"] is ComputeDevice.Cpu);
    }

    [Fact]
    public void ListFlatNamesTheDefaultPrecisionCasesAndExhaustiveAddsTheRest()
    {
        var quick = RunProgram("bench", "--list", "flat", "--filter", "*Precision*");
        var exhaustive = RunProgram("bench", "--list", "flat", "--exhaustive", "--filter", "*Precision*");

        Assert.True(quick.ExitCode == 0, quick.All);
        Assert.Equal([
            "GeoAI.Bench.Benchmarks.PrecisionTraining.Train(Model: Cnn, Device: Cpu, Precision: Fp32, MemoryFormat: Contiguous, BatchSize: 40)",
            "GeoAI.Bench.Benchmarks.PrecisionTraining.Train(Model: Cnn, Device: Cpu, Precision: Fp32, MemoryFormat: ChannelsLast, BatchSize: 40)",
            "GeoAI.Bench.Benchmarks.PrecisionTraining.Train(Model: Cnn, Device: Cpu, Precision: Bf16, MemoryFormat: Contiguous, BatchSize: 40)",
            "GeoAI.Bench.Benchmarks.PrecisionTraining.Train(Model: Cnn, Device: Cpu, Precision: Bf16, MemoryFormat: ChannelsLast, BatchSize: 40)",
            "4 cases",
        ], Lines(quick.StdOut).Where(l => l.StartsWith("GeoAI.Bench.", StringComparison.Ordinal) || l.EndsWith(" cases", StringComparison.Ordinal)));
        Assert.True(exhaustive.ExitCode == 0, exhaustive.All);
        Assert.Contains("48 cases", Lines(exhaustive.StdOut));
        Assert.Equal(24, Lines(exhaustive.StdOut).Count(l => l.Contains(".PrecisionInference.Infer(", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryCaseOfTheCommittedSweepKeepsItsName()
    {
        var committed = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "results", "2026-11-23-cpu-epyc2", "sweep"), "*-full.json")
            .SelectMany(file => JsonNode.Parse(File.ReadAllText(file))!["Benchmarks"]!.AsArray())
            .Select(benchmark => benchmark!["FullName"]!.GetValue<string>())
            .ToList();
        var current = typeof(CnnTraining).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute), true)))
            .SelectMany(t => SweepRulesTests.Cases(t, cuda: true, realJpegs: true, exhaustive: true))
            .Select(FullNameProvider.GetBenchmarkName)
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(committed.Count > 30, $"{committed.Count} committed cases");
        Assert.All(committed, name => Assert.Contains(name, current));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries);

    private static ProcessRunner.Result RunProgram(params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll"), .. args], timeout: TimeSpan.FromMinutes(5));
}
