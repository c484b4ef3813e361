using GeoAI.Bench.Benchmarks;
using GeoAI.Bench.Benchmarks.Infrastructure;
using GeoAI.Bench.Commands;
using GeoAI.Report.Reference;
using GeoAI.Report.Results;
using GeoAI.Runtime;

namespace GeoAI.Tests.Report;

/// <summary>
/// Fixtures drift when the suite's cases change: every case name in them must be one the suite produces today, as
/// <c>bench --list flat</c> enumerates them with CUDA, real JPEGs and <c>--exhaustive</c> all on (the most it can run).
/// </summary>
public class FixtureCaseNamesTests
{
    private static readonly Lazy<HashSet<string>> SuiteCases = new(() =>
    {
        var runtime = RuntimeInfo.Current;
        var options = new BenchOptions(Path.GetTempPath(), Path.GetTempPath(), new RunEnvironment(runtime, "fixture check", true, "test", SourceRevision.Current, DateTime.UtcNow),
            CudaAvailable: true, RealJpegsAvailable: true, Exhaustive: true);
        return CaseList.Names(BenchConfig.Create(options)).ToHashSet(StringComparer.Ordinal);
    });

    public static TheoryData<string> Machines => new(Fixtures.GpuMachine, Fixtures.CpuMachine);

    [Theory]
    [MemberData(nameof(Machines))]
    public void EveryFixtureCaseIsACaseTheSuiteRunsToday(string folder)
    {
        var unknown = ResultReader.Read([folder]).Results.Select(r => r.FullName).Where(name => !SuiteCases.Value.Contains(name)).ToList();

        Assert.True(unknown.Count == 0, $"{Path.GetFileName(folder)} has cases the suite no longer produces:\n{string.Join("\n", unknown)}");
    }

    [Fact]
    public void EveryReferenceRowMatchesACaseOfTheSuiteOnItsMachine()
    {
        var results = ResultReader.Read([Fixtures.GpuMachine]).Results;

        var unmatched = ReferenceReader.Read(Fixtures.PyTorchReference).Where(r => !results.Any(r.Matches)).ToList();

        Assert.Empty(unmatched.Select(r => $"{r.Model} {r.Mode} {r.Device} {r.BatchSize} {r.Loader} {r.Workers}"));
    }

    [Fact]
    public void TheSuitesCaseListIsNotEmptyAndHasBothDevices()
    {
        // Guards the guard: an empty or CPU-only list would let any fixture through.
        Assert.Contains("GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cuda, BatchSize: 512, Loader: HostPinnedPrefetch, Workers: 4)", SuiteCases.Value);
        Assert.Contains("GeoAI.Bench.Benchmarks.Vgg11BnTraining.Train(Mode: Full, Device: Cpu, BatchSize: 512, Loader: Host, Workers: 4)", SuiteCases.Value);
        Assert.Contains("GeoAI.Bench.Benchmarks.JpegDecoding.Decode(Decoder: Stb)", SuiteCases.Value);
        Assert.DoesNotContain("GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: GpuResident, Workers: 0)", SuiteCases.Value);
    }
}
