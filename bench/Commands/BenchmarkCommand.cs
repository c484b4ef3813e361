using BenchmarkDotNet.Running;
using GeoAI.Bench.Benchmarks;
using GeoAI.Bench.Benchmarks.Infrastructure;
using GeoAI.Data;
using GeoAI.Runtime;

namespace GeoAI.Bench.Commands;

/// <summary>
/// Runs BenchmarkDotNet with the shared configuration: prepares the EuroSAT tensor cache once (so the benchmark
/// processes only open it), says which cases cannot or will not run and why, then hands the remaining arguments to
/// <see cref="BenchmarkSwitcher"/>. Exit code: 0 when every case that ran succeeded, 1 otherwise, 2 on bad arguments.
/// </summary>
internal static class BenchmarkCommand
{
    public static int Run(string[] args)
    {
        BenchArguments arguments;
        try
        {
            arguments = BenchArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\n{BenchArguments.Usage}");
            return 2;
        }

        if (arguments.Weights is { } weights && !File.Exists(weights))
        {
            Console.Error.WriteLine($"error: --weights {weights}: file not found");
            return 2;
        }
        EuroSatData? data = null;
        try
        {
            var source = EuroSatSource.Parse(arguments.Data);
            var runtime = RuntimeInfo.Current;
            var artifacts = arguments.Artifacts is { } chosen ? Path.GetFullPath(chosen) : ArtifactsPath();
            var metrics = Path.Combine(artifacts, "case-metrics");
            var environment = new RunEnvironment(runtime, source.Description, source.IsSynthetic, arguments.Machine ?? Environment.MachineName);
            var options = new BenchOptions(artifacts, metrics, environment, runtime.CudaAvailable, !source.IsSynthetic,
                arguments.Quick, arguments.Exhaustive);
            var config = BenchConfig.Create(options);
            if (CaseList.IsRequested(arguments.BenchmarkDotNetArgs))
                return CaseList.Print(arguments.BenchmarkDotNetArgs, config);

            // Built here, once: every benchmark process then only maps the finished file.
            data = DataLoading.OpenWithProgressBar(arguments.Data, new EuroSatDataOptions { CacheDirectory = arguments.CacheDirectory });
            Environment.SetEnvironmentVariable(BenchmarkInputs.DataVariable, source.Spec);
            Environment.SetEnvironmentVariable(BenchmarkInputs.CacheDirectoryVariable,
                arguments.CacheDirectory is null ? null : Path.GetFullPath(arguments.CacheDirectory));
            Environment.SetEnvironmentVariable(BenchmarkInputs.WeightsVariable,
                arguments.Weights is null ? null : Path.GetFullPath(arguments.Weights));
            Environment.SetEnvironmentVariable(CaseMetrics.DirectoryVariable, metrics);
            foreach (var line in SkipNotes(options))
                Console.WriteLine(line);
            Console.WriteLine($"Data: {data.Description}");

            var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkCommand).Assembly)
                .Run([.. arguments.BenchmarkDotNetArgs], config);
            var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
            return failed ? 1 : 0;
        }
        catch (DataSourceException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        finally
        {
            data?.Dispose();
        }
    }

    /// <summary>One line per group of cases the sweep leaves out, instead of one per case.</summary>
    private static IEnumerable<string> SkipNotes(BenchOptions options)
    {
        if (!options.CudaAvailable)
            yield return $"Skipping CUDA cases: CUDA is not available here ({options.Environment.Runtime.Build} build of libtorch " +
                         $"{options.Environment.Runtime.LibTorchVersion}).";
        if (!options.RealJpegsAvailable)
            yield return "Skipping JPEG decoding cases: they need the real EuroSAT JPEGs (--data <EuroSAT folder or zip>).";
        if (!options.Exhaustive)
        {
            yield return $"Skipping VGG11-BN above batch {SweepRules.ChapterBatchSize} on the CPU (minutes per step): --exhaustive runs them.";
            yield return $"Skipping the CPU's precision cases other than the CNN's training step at batch {SweepRules.ChapterBatchSize}: " +
                         "--exhaustive runs them.";
        }
        if (options.Quick)
            yield return "Quick job: 1 warm-up and 3 measured iterations per case; a smoke run, not numbers to report.";
    }

    /// <summary>
    /// Where results go when BenchmarkDotNet's own <c>--artifacts DIR</c> is not given (the GPU bundle's run.sh gives it):
    /// BenchmarkDotNet.Artifacts at the repository root wherever the program starts (bench/ for dotnet run, the root for
    /// ./geoai); outside a checkout, beside the working directory.
    /// </summary>
    private static string ArtifactsPath()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GeoAI.Bench.sln")))
                    return Path.Combine(dir.FullName, "BenchmarkDotNet.Artifacts");
        return Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts");
    }
}
