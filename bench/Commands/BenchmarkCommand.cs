using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using GeoAI.Bench.Benchmarks;
using GeoAI.Bench.Benchmarks.Infrastructure;
using GeoAI.Bench.Rounds;
using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Runtime;

namespace GeoAI.Bench.Commands;

/// <summary>
/// Runs the benchmarks with the shared configuration: prepares the EuroSAT tensor cache once (so the benchmark
/// processes only open it), says which cases cannot or will not run and why, then launches each selected case once
/// per round (<see cref="RoundsRunner"/>). Inside one of those launches it hands the arguments to
/// <see cref="BenchmarkSwitcher"/> itself. Exit code: 0 when every case that ran succeeded, 1 otherwise, 2 on bad arguments
/// (a --weights file is loaded once before any launch, so one that is bad or does not fit is one of them).
/// </summary>
internal static class BenchmarkCommand
{
    public static int Run(string[] args)
    {
        var startedUtc = DateTime.UtcNow;
        BenchArguments arguments;
        try
        {
            arguments = BenchArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\n{BenchArguments.Usage}");
            return ExitCode.BadInput;
        }

        var weights = arguments.Weights is { } given ? WeightsOption(() => ModelWeights.Locate(given)) : null;
        if (CommonOptions.CacheDirProblem(arguments.CacheDirectory) is { } problem)
            throw new UsageException(problem);
        EuroSatData? data = null;
        try
        {
            if (arguments.TorchThreads is { } threads)
            {
                RuntimeInfo.SetTorchThreads(threads);
                Console.WriteLine($"torch threads: {RuntimeInfo.Current.CpuThreads} (--torch-threads)");
            }
            var source = EuroSatSource.Parse(arguments.Data);
            var runtime = RuntimeInfo.Current;
            var artifacts = arguments.Artifacts is { } chosen ? Path.GetFullPath(chosen) : ArtifactsPath();
            var metrics = Path.Combine(artifacts, "case-metrics");
            var environment = new RunEnvironment(runtime, source.Description, source.IsSynthetic,
                arguments.Machine ?? MachineLabel.Default(runtime), SourceRevision.Current, startedUtc);
            var options = new BenchOptions(artifacts, metrics, environment, runtime.CudaAvailable, !source.IsSynthetic,
                arguments.Quick, arguments.Exhaustive);
            var config = BenchConfig.Create(options);
            if (CaseList.IsRequested(arguments.BenchmarkDotNetArgs))
                return CaseSelection.Of(CaseList.WithoutList(arguments.BenchmarkDotNetArgs), config) is { } listed
                    ? CaseList.Print(listed)
                    : ExitCode.BadInput;
            if (!IsLaunch && !AsksForInformation(arguments.BenchmarkDotNetArgs) && CheckSelection(arguments.BenchmarkDotNetArgs, config) is { } refused)
                return refused;

            // Built here, once: every benchmark process then only maps the finished file.
            data = DataLoading.OpenWithProgressBar(arguments.Data, new EuroSatDataOptions { CacheDirectory = arguments.CacheDirectory });
            Environment.SetEnvironmentVariable(BenchmarkInputs.DataVariable, source.Spec);
            Environment.SetEnvironmentVariable(BenchmarkInputs.CacheDirectoryVariable,
                arguments.CacheDirectory is null ? null : Path.GetFullPath(arguments.CacheDirectory));
            Environment.SetEnvironmentVariable(BenchmarkInputs.WeightsVariable, weights);
            Environment.SetEnvironmentVariable(CaseMetrics.DirectoryVariable, metrics);
            foreach (var line in SkipNotes(options))
                Console.WriteLine(line);
            Console.WriteLine($"Data: {data.Description}");

            if (IsLaunch || AsksForInformation(arguments.BenchmarkDotNetArgs))
            {
                var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkCommand).Assembly)
                    .Run([.. arguments.BenchmarkDotNetArgs], config);
                var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
                return failed ? ExitCode.Failed : ExitCode.Ok;
            }
            if (weights is not null)
                foreach (var line in WeightsOption(() => BenchmarkInputs.CheckWeights(weights, data.ClassNames.Count)))
                    Console.WriteLine(line);
            return RunRounds(arguments with { Weights = weights }, config, artifacts);
        }
        finally
        {
            data?.Dispose();
        }
    }

    /// <summary>A weights file that is missing, bad or does not fit is bad input to --weights (exit 2), as in train.</summary>
    private static T WeightsOption<T>(Func<T> use)
    {
        try
        {
            return use();
        }
        catch (WeightsFileException e)
        {
            throw new UsageException($"--weights {e.Message}");
        }
    }

    /// <summary>
    /// Refuses, before any data is prepared, a command line BenchmarkDotNet would refuse or a selection that matches no
    /// case (a typo in a CI filter must not pass as an empty, successful run): exit code 2, with the closest case names.
    /// Null when the selection is fine.
    /// </summary>
    private static int? CheckSelection(IReadOnlyList<string> args, IConfig config)
    {
        var selection = CaseSelection.Of(args, config);
        if (selection is null)
        {
            Console.Error.WriteLine("error: BenchmarkDotNet did not accept the command line (see above); `./geoai --help` lists the suite's own options");
            return ExitCode.BadInput;
        }
        if (selection.Selected.Count > 0)
            return null;
        var what = selection.Filters.Count > 0 ? $"--filter {string.Join(" ", selection.Filters.Select(f => $"'{f}'"))}" : "the selection";
        var closest = selection.Closest();
        Console.Error.WriteLine($"error: {what} matches no benchmark case" +
                                (closest.Count > 0 ? $"; the closest are:\n  {string.Join("\n  ", closest)}" : ""));
        return ExitCode.BadInput;
    }

    /// <summary>Options with which BenchmarkDotNet prints something instead of running: left to it.</summary>
    private static bool AsksForInformation(IReadOnlyList<string> args) =>
        args.Any(arg => arg is "--list" or "--info" or "--help" or "-h" or "--version" or "-?");

    /// <summary>Set in the processes the rounds launch: run the one case given, in this process.</summary>
    private static bool IsLaunch => Environment.GetEnvironmentVariable(LaunchSettings.LaunchVariable) == "1";

    private static int RunRounds(BenchArguments arguments, IConfig config, string artifacts)
    {
        if (CaseList.Names(arguments.BenchmarkDotNetArgs, config) is not { } cases)
            return ExitCode.BadInput;
        if (cases.Count == 0)
        {
            Console.Error.WriteLine($"error: no case of {string.Join(' ', arguments.BenchmarkDotNetArgs)} can run here " +
                                    "(see the lines above; --list flat shows every case that can run here)");
            return ExitCode.BadInput;
        }
        var results = RoundsRunner.ResultsFolder(artifacts);
        var scratch = Path.Combine(artifacts, "launches");
        foreach (var folder in new[] { results, scratch }.Where(Directory.Exists))
            Directory.Delete(folder, recursive: true);
        var settings = new LaunchSettings(RunIds.New(), SuiteArguments(arguments), LaunchArguments.PassThrough(arguments.BenchmarkDotNetArgs), scratch);
        return new RoundsRunner(BenchProgram.Self, settings, results).Run(cases, arguments.Rounds);
    }

    /// <summary>The suite's options as each launch needs them (paths made absolute: a launch may start elsewhere).</summary>
    private static List<string> SuiteArguments(BenchArguments arguments)
    {
        List<string> args = ["--data", arguments.Data];
        if (arguments.CacheDirectory is { } cache)
            args.AddRange(["--cache-dir", Path.GetFullPath(cache)]);
        if (arguments.Weights is { } weights)
            args.AddRange(["--weights", Path.GetFullPath(weights)]);
        if (arguments.Machine is { } machine)
            args.AddRange(["--machine", machine]);
        if (arguments.Quick)
            args.Add("--quick");
        if (arguments.Exhaustive)
            args.Add("--exhaustive");
        return args;
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
