using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using GeoAI.Bench.Benchmarks;
using GeoAI.Bench.Benchmarks.Infrastructure;

namespace GeoAI.Tests.Bench;

public class SweepRulesTests
{
    [Theory]
    [InlineData(ComputeDevice.Cpu, BatchLoader.FixedBatch, 0, true)]
    [InlineData(ComputeDevice.Cpu, BatchLoader.Host, 0, true)]
    [InlineData(ComputeDevice.Cpu, BatchLoader.Host, 4, true)]
    [InlineData(ComputeDevice.Cpu, BatchLoader.GpuResident, 0, false)]
    [InlineData(ComputeDevice.Cpu, BatchLoader.HostPinnedPrefetch, 2, false)]
    [InlineData(ComputeDevice.Cuda, BatchLoader.GpuResident, 0, true)]
    [InlineData(ComputeDevice.Cuda, BatchLoader.GpuResident, 2, false)]
    [InlineData(ComputeDevice.Cuda, BatchLoader.FixedBatch, 4, false)]
    [InlineData(ComputeDevice.Cuda, BatchLoader.HostPinnedPrefetch, 2, true)]
    [InlineData(ComputeDevice.Cuda, BatchLoader.Host, 0, true)]
    public void OnlyCombinationsThatMakeSenseAreValid(ComputeDevice device, BatchLoader loader, int workers, bool valid)
    {
        Assert.Equal(valid, SweepRules.WhyInvalid(device, loader, workers) is null);
    }

    [Theory]
    [InlineData(BenchModel.Vgg11Bn, ComputeDevice.Cpu, 40, true)]
    [InlineData(BenchModel.Vgg11Bn, ComputeDevice.Cpu, 128, false)]
    [InlineData(BenchModel.Vgg11Bn, ComputeDevice.Cpu, 512, false)]
    [InlineData(BenchModel.Vgg11Bn, ComputeDevice.Cuda, 512, true)]
    [InlineData(BenchModel.Cnn, ComputeDevice.Cpu, 512, true)]
    public void DefaultBudgetLeavesOutOnlySlowVggOnCpu(BenchModel model, ComputeDevice device, int batchSize, bool inBudget)
    {
        Assert.Equal(inBudget, SweepRules.WhyOutsideDefaultBudget(model, device, batchSize) is null);
    }

    [Theory]
    // CPU: 3 batch sizes x (FixedBatch + Host with 0, 2, 4 workers).
    [InlineData(typeof(CnnTraining), false, false, 12)]
    // CUDA adds 3 x (FixedBatch + GpuResident + Host x3 + pinned prefetch x3).
    [InlineData(typeof(CnnTraining), true, false, 36)]
    // VGG on CPU: batch 40 only by default, 2 modes x 4 loader settings.
    [InlineData(typeof(Vgg11BnTraining), false, false, 8)]
    [InlineData(typeof(Vgg11BnTraining), false, true, 24)]
    [InlineData(typeof(Vgg11BnTraining), true, true, 72)]
    // Inference on CPU: the CNN at 3 batch sizes, VGG at 40.
    [InlineData(typeof(Inference), false, false, 4)]
    // Loaders alone on CPU: host with 0, 2, 4 workers at 3 batch sizes.
    [InlineData(typeof(DataPipeline), false, false, 9)]
    public void FilterKeepsExactlyTheRunnableCases(Type benchmark, bool cuda, bool exhaustive, int expected)
    {
        Assert.Equal(expected, Cases(benchmark, cuda, realJpegs: false, exhaustive).Count);
    }

    [Fact]
    public void WithoutCudaNoCudaCaseRuns()
    {
        var cases = Cases(typeof(CnnTraining), cuda: false, realJpegs: false, exhaustive: true);

        Assert.All(cases, c => Assert.Equal(ComputeDevice.Cpu, c.Parameters["Device"]));
    }

    [Fact]
    public void JpegDecodingRunsOnlyWithRealJpegs()
    {
        Assert.Empty(Cases(typeof(JpegDecoding), cuda: false, realJpegs: false, exhaustive: false));
        Assert.Equal(2, Cases(typeof(JpegDecoding), cuda: false, realJpegs: true, exhaustive: false).Count);
    }

    [Fact]
    public void NoBenchmarkClassExceedsTheCaseLimit()
    {
        foreach (var type in typeof(CnnTraining).Assembly.GetTypes().Where(IsBenchmarkClass))
            Assert.True(Cases(type, cuda: true, realJpegs: true, exhaustive: true).Count <= TooManyCasesValidator.Limit, type.Name);
    }

    [Fact]
    public void EveryBenchmarkClassHasAMandatoryCategory()
    {
        foreach (var type in typeof(CnnTraining).Assembly.GetTypes().Where(IsBenchmarkClass))
        {
            var categories = Cases(type, cuda: true, realJpegs: true, exhaustive: true).SelectMany(c => c.Descriptor.Categories);
            Assert.True(categories.Any(Categories.Mandatory.Contains), type.Name);
        }
    }

    private static bool IsBenchmarkClass(Type type) =>
        !type.IsAbstract && type.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), true));

    internal static IReadOnlyList<BenchmarkCase> Cases(Type benchmark, bool cuda, bool realJpegs, bool exhaustive) =>
        BenchmarkConverter.TypeToBenchmarks(benchmark, ManualConfig.CreateEmpty()
                .AddJob(Job.Dry)
                .AddFilter(new SweepFilter(cuda, realJpegs, exhaustive)))
            .BenchmarksCases;
}
