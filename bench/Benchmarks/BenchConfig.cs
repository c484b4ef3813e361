using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using GeoAI.Bench.Benchmarks.Infrastructure;
using GeoAI.Runtime;
using Perfolizer.Horology;

namespace GeoAI.Bench.Benchmarks;

/// <summary>What the benchmark command decided before BenchmarkDotNet starts.</summary>
public sealed record BenchOptions(
    string ArtifactsPath,
    string MetricsDirectory,
    RunEnvironment Environment,
    bool CudaAvailable,
    bool RealJpegsAvailable,
    bool Quick = false,
    bool Exhaustive = false);

/// <summary>
/// The one configuration every benchmark runs under (the dotnet/performance RecommendedConfig idea): each setting is
/// added explicitly here, with the reason beside it, so one file says how every number in results/ was measured.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create(BenchOptions options) =>
        ManualConfig.CreateEmpty()
            .AddJob(CreateJob(options.Quick).AsDefault())                      // one job for every class; CLI job options still apply
            .AddLogger(ConsoleLogger.Default)                                  // progress on the console
            .AddColumnProvider(DefaultColumnProviders.Instance)                // method, parameters, mean, error, stddev ...
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max) // skew is common in training steps
            .AddColumn(new DeviceNameColumn(options.Environment))             // which CPU or GPU computed
            .AddDiagnoser(new ThroughputDiagnoser(options.MetricsDirectory))   // images/s and peak GPU MB, as columns and in JSON
            .AddExporter(new GeoAiJsonExporter(options.Environment))           // full JSON: every measurement, for report and compare
            .AddExporter(MarkdownExporter.GitHub, HtmlExporter.Default, CsvExporter.Default)
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())   // BDN's own checks (release build, no debugger ...)
            .AddValidator(new MandatoryCategoryValidator(Categories.Mandatory)) // category filters can't miss a class
            .AddValidator(new TooManyCasesValidator())                         // sweeps grow only on purpose
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())     // outliers, bimodality, short iterations
            .AddFilter(new SweepFilter(options.CudaAvailable, options.RealJpegsAvailable, options.Exhaustive))
            .WithArtifactsPath(options.ArtifactsPath)                          // the repository's BenchmarkDotNet.Artifacts
            .WithBuildTimeout(TimeSpan.FromMinutes(15))                        // the generated project copies libtorch: slow disks
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(24));

    /// <summary>
    /// A training step is a macro benchmark (milliseconds to seconds), so: one step per invocation (no unrolling),
    /// a 250 ms iteration target, at least one invocation per iteration (a VGG step on a CPU takes seconds), two warm-up
    /// iterations (cuDNN autotuning and allocator growth settle there) and 5 measured iterations per launch. Each case
    /// is launched once per round (<c>--rounds</c>, default 3), and the variance that matters lies between launches, so
    /// the time goes into launches rather than into more iterations of one (Kalibera and Jones, 2013): a launch's median
    /// of 5 is its one number. The quick job is for smoke runs only: its numbers are not for reports.
    /// </summary>
    public const int MeasuredIterations = 5;

    public static Job CreateJob(bool quick)
    {
        var job = Job.Default
            .WithStrategy(RunStrategy.Throughput)
            .WithLaunchCount(1)
            .WithUnrollFactor(1)
            .WithMinInvokeCount(1)
            .WithArguments([new MsBuildArgument($"/p:TorchBackend={TorchBackend.Name}")]); // the generated project builds against the same libtorch
        return quick
            ? job.WithId("Quick").WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(100))
            : job.WithId("GeoAI").WithWarmupCount(2).WithIterationCount(MeasuredIterations).WithIterationTime(TimeInterval.FromMilliseconds(250));
    }
}
