using System.Globalization;
using System.Text.Json;
using GeoAI.Report.Statistics;

namespace GeoAI.Report.Results;

/// <summary>
/// Finds BenchmarkDotNet full JSON files (<c>*-report-full.json</c>) under files and folders, reads them and checks that
/// every case has raw per-iteration times in nanoseconds per image. Anything unusable is a <see cref="ReportException"/>
/// that names the file, the case and the problem.
/// </summary>
public static class ResultReader
{
    public const string FilePattern = "*-report-full.json";

    /// <summary>Two time measures of one case may differ this much before their units are taken to disagree.</summary>
    private const double UnitTolerance = 2.0;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new LenientDoubleConverter() },
    };

    /// <summary>Folders are searched recursively for <see cref="FilePattern"/>; files are taken as given.</summary>
    public static IReadOnlyList<string> FindFiles(IEnumerable<string> paths)
    {
        var searched = paths.ToList();
        if (searched.Count == 0)
            throw new ReportException("no result files or folders given");
        var files = new List<string>();
        foreach (var path in searched)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, FilePattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new ReportException($"{path}: no such file or folder");
        }
        if (files.Count == 0)
            throw new ReportException(
                $"no BenchmarkDotNet full JSON results ({FilePattern}) found in: {string.Join(", ", searched)}");
        return files.Select(Path.GetFullPath).Distinct().ToList();
    }

    public static ResultSet Read(IEnumerable<string> paths) => Read(FindFiles(paths));

    /// <summary>
    /// As <see cref="Read(IEnumerable{string})"/>, but null instead of an error when the paths (which must exist) hold
    /// no result file: for reports whose inputs are training runs only.
    /// </summary>
    internal static ResultSet? ReadIfAny(IEnumerable<string> paths)
    {
        var searched = paths.ToList();
        foreach (var path in searched.Where(p => !Directory.Exists(p) && !File.Exists(p)))
            throw new ReportException($"{path}: no such file or folder");
        var found = searched.Any(p => File.Exists(p) || Directory.EnumerateFiles(p, FilePattern, SearchOption.AllDirectories).Any());
        return found ? Read(FindFiles(searched)) : null;
    }

    private static ResultSet Read(IReadOnlyList<string> files)
    {
        var launches = new List<BenchmarkResult>();
        var environments = new List<(string Label, BdnHostEnvironment? Host, string File, string? Title)>();
        foreach (var file in files)
        {
            var parsed = Parse(file);
            var label = MachineEnvironments.Label(parsed.HostEnvironmentInfo);
            environments.Add((label, parsed.HostEnvironmentInfo, file, parsed.Title));
            var facts = RoundMerger.FactsOf(parsed.HostEnvironmentInfo);
            launches.AddRange(parsed.Benchmarks!.Select((b, i) => ToResult(b, i, label, file, facts)));
        }
        var results = RoundMerger.Merge(launches);
        var machines = environments.GroupBy(e => e.Label)
            .Select(g => MachineEnvironments.Merge(g.Key, g.Select(e => (e.Host, e.File, e.Title)).ToList()))
            .ToList();
        return new ResultSet(results, machines, files);
    }

    /// <summary>
    /// One file's machine label and provenance, without reading its cases: what a history needs to group files into runs
    /// before reading each run.
    /// </summary>
    public static (string Machine, FileProvenance Provenance) Describe(string file)
    {
        var parsed = Parse(file);
        var host = parsed.HostEnvironmentInfo;
        return (MachineEnvironments.Label(host), FileProvenance.Of(file, parsed.Title, name => GeoAiBlock.Field(host, name)));
    }

    /// <summary>The file, with its GeoAI facts inside the host environment wherever the exporter put them.</summary>
    private static BdnResultFile Parse(string file)
    {
        var parsed = JsonFile.Read<BdnResultFile>(file, JsonOptions, "JSON");
        if (parsed?.Benchmarks is not { Count: > 0 })
            throw new ReportException($"{file}: has no \"Benchmarks\"; is it a BenchmarkDotNet full JSON export?");
        if (parsed.GeoAI is not null)
            (parsed.HostEnvironmentInfo ??= new BdnHostEnvironment()).GeoAI ??= parsed.GeoAI;
        return parsed;
    }

    private static BenchmarkResult ToResult(BdnBenchmark benchmark, int index, string machine, string file, RoundMerger.LaunchFacts facts)
    {
        var name = benchmark.FullName;
        if (string.IsNullOrWhiteSpace(name))
            throw new ReportException($"{file}: benchmark #{index + 1} has no \"FullName\"");

        var samples = RawSamples(benchmark);
        if (samples.Length == 0)
            throw new ReportException(
                $"{file}: benchmark {name} has no raw measurements (Statistics.OriginalValues and the Workload " +
                "measurements are missing or empty): the case may have failed, or the file was written by a brief " +
                "exporter; export with JsonExporter.Full");
        if (samples.Any(s => !double.IsFinite(s) || s <= 0))
            throw new ReportException($"{file}: benchmark {name} has a time that is not a positive number");

        var parameters = CaseParameters.Parse(benchmark.Parameters);
        if (parameters.BatchSize is <= 0)
            throw new ReportException($"{file}: benchmark {name} has BatchSize {parameters.BatchSize}; a step holds at least one image");
        var images = ImagesPerOperation(parameters);
        var time = Estimate(benchmark.Statistics, samples).PerImage(images);
        CheckUnits(benchmark, time, file, name);
        var perImage = samples.Select(s => s / images).ToArray();
        return new BenchmarkResult
        {
            FullName = name,
            Type = benchmark.Type ?? "",
            Method = benchmark.Method ?? "",
            Parameters = parameters,
            Samples = perImage,
            Time = time,
            Launches = [new Launch(facts.Round, perImage, file, FiniteMetric(benchmark, "CpuStealPercent"),
                FiniteMetric(benchmark, "LoadAverage"), facts.RerunBecause)],
            RunId = facts.RunId,
            PeakGpuMemoryMb = FiniteMetric(benchmark, "PeakGpuMemoryMB"),
            Machine = machine,
            SourceFile = file,
        };
    }

    private static double? FiniteMetric(BdnBenchmark benchmark, string id) =>
        Metric(benchmark, id) is { } value && double.IsFinite(value) ? value : null;

    /// <summary>
    /// GeoAI.Bench times one step per operation: one batch for cases with a BatchSize parameter, one image otherwise
    /// (JPEG decoding sets OperationsPerInvoke to its image count). Reports work per image, so times are divided by this.
    /// </summary>
    private static int ImagesPerOperation(CaseParameters parameters) => parameters.BatchSize ?? 1;

    /// <summary>
    /// Per-iteration nanoseconds per operation: BenchmarkDotNet's OriginalValues, else its Workload Result measurements
    /// (overhead subtracted), else Workload Actual.
    /// </summary>
    private static double[] RawSamples(BdnBenchmark benchmark)
    {
        if (benchmark.Statistics?.OriginalValues is { Length: > 0 } values)
            return values;
        var result = PerOperation(benchmark, "Result");
        return result.Length > 0 ? result : PerOperation(benchmark, "Actual");
    }

    private static double[] PerOperation(BdnBenchmark benchmark, string stage) =>
        (benchmark.Measurements ?? [])
            .Where(m => m.IterationMode == "Workload" && m.IterationStage == stage && m.Operations > 0)
            .Select(m => m.Nanoseconds / m.Operations)
            .ToArray();

    private static TimeEstimate Estimate(BdnStatistics? statistics, double[] samples)
    {
        if (statistics?.ConfidenceInterval is not { } interval || !double.IsFinite(interval.Lower) || !double.IsFinite(interval.Upper))
            return TimeEstimate.FromSamples(samples);
        return new TimeEstimate(statistics.Mean, statistics.Median, interval.Lower, interval.Upper,
            LevelPercent(interval.Level), statistics.N > 0 ? statistics.N : samples.Length);
    }

    /// <summary>BenchmarkDotNet's LegacyConfidenceLevel enum, in declaration order.</summary>
    private static double LevelPercent(int level) =>
        level is >= 0 and < 13 ? new[] { 50, 70, 75, 80, 85, 90, 92, 95, 96, 97, 98, 99, 99.9 }[level] : double.NaN;

    /// <summary>
    /// Two checks that need nothing outside the file: the statistics must agree with the raw Workload measurements (else
    /// they are not nanoseconds per operation), and the suite's images/s metric must agree with 1e9 / mean time per
    /// image (else an operation is not one step of BatchSize images). Real units mistakes are factors of 1000 or of a
    /// batch size; noise is far below a factor of 2. <paramref name="time"/> is already per image.
    /// </summary>
    private static void CheckUnits(BdnBenchmark benchmark, TimeEstimate time, string file, string name)
    {
        var measured = PerOperation(benchmark, "Result");
        if (benchmark.Statistics is { } statistics && measured.Length > 0 && OutOfTolerance(statistics.Median, SampleStatistics.Median(measured)))
            throw new ReportException(
                $"{file}: benchmark {name} has mismatched units: Statistics median {Number(statistics.Median)} but the " +
                $"Workload Result measurements give {Number(SampleStatistics.Median(measured))} ns per operation; " +
                "the statistics must be nanoseconds per operation");
        if (Metric(benchmark, "ImagesPerSecond") is { } imagesPerSecond && double.IsFinite(imagesPerSecond) &&
            OutOfTolerance(imagesPerSecond, time.ImagesPerSecond))
            throw new ReportException(
                $"{file}: benchmark {name} has mismatched units: its ImagesPerSecond metric is {Number(imagesPerSecond)} " +
                $"but 1e9 / mean time per image is {Number(time.ImagesPerSecond)}; an operation must be one step of " +
                "BatchSize images (or one image where there is no BatchSize)");
    }

    private static bool OutOfTolerance(double a, double b) =>
        !(a > 0 && b > 0) || Math.Max(a / b, b / a) > UnitTolerance;

    private static double? Metric(BdnBenchmark benchmark, string id) =>
        benchmark.Metrics?.FirstOrDefault(m => string.Equals(m.Descriptor?.Id, id, StringComparison.OrdinalIgnoreCase))?.Value;

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
