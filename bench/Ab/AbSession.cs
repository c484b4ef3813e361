using System.Diagnostics;
using GeoAI.Bench.Rounds;
using GeoAI.Report;
using GeoAI.Report.Ab;
using GeoAI.Report.Compare;

namespace GeoAI.Bench.Ab;

/// <summary>
/// One <c>ab</c> from request to exit code: both sides resolved and the output folder checked before anything is
/// built (bad input leaves nothing behind), both built, their common cases listed, the rounds run, and the verdicts
/// written. Everything is written into a staging folder that replaces <c>--out</c> only when complete.
/// </summary>
internal static class AbSession
{
    public static int Run(AbRequest request)
    {
        var clock = Stopwatch.StartNew();
        if (request.Duet && !DuetPrograms.Possible)
            throw new AbException("--duet needs at least 2 logical cores, one half for each side");
        var repository = RepositoryRoot();
        var baseRevision = Revision.Resolve(request.Base, repository);
        var diffRevision = Revision.Resolve(request.Diff, repository);
        var output = Path.GetFullPath(request.Output ?? Path.Combine(repository ?? Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts", "ab"));
        AbOutput.Check(output);
        var sameBuild = baseRevision.Key == diffRevision.Key;
        Console.WriteLine($"base: {baseRevision.Description}");
        Console.WriteLine($"diff: {diffRevision.Description}{(sameBuild ? " — the same build: an A/A run, measuring this machine's noise" : "")}");

        var baseProgram = WithCache(Build(baseRevision, repository, "base"), baseRevision);
        var diffProgram = sameBuild ? baseProgram with { Label = "diff" } : WithCache(Build(diffRevision, repository, "diff"), diffRevision);
        var buildTime = clock.Elapsed;
        if (request.TorchThreads is { } threads)
            Environment.SetEnvironmentVariable("OMP_NUM_THREADS", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var (cases, onlyInOne) = CommonCases(baseProgram, diffProgram, request);
        Console.WriteLine($"{cases.Count} cases on both sides{(onlyInOne.Count > 0 ? $"; {onlyInOne.Count} on one side only, not compared" : "")}; " +
                          $"budget {request.Budget.TotalMinutes:0.#} min, threshold {request.ThresholdPercent:0.##} %.");
        PrepareData(baseProgram, request);
        if (!sameBuild)
            PrepareData(diffProgram, request);

        var staging = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.partial-{Guid.NewGuid():N}");
        var (baseResults, diffResults) = (Path.Combine(staging, "base"), Path.Combine(staging, "diff"));
        var settings = new LaunchSettings(RunIds.New(), ["--data", request.Data, .. request.Quick ? ["--quick"] : Array.Empty<string>()], [],
            Path.Combine(staging, "launches"));
        var plan = new AbPlan(baseProgram, diffProgram, cases, request.ThresholdPercent, request.Budget, request.Quick, request.Duet);
        var runner = new AbRunner(plan, settings, baseResults, diffResults, clock);
        var (rounds, stop) = runner.Run(round => Judge(round, baseResults, diffResults, request, clock));

        var comparison = Compare(baseResults, diffResults, request) ?? throw new AbException("no launch succeeded on both sides; see " + settings.ScratchDirectory);
        var summary = new AbSummary(new AbSide(request.Base, baseRevision.Description), new AbSide(request.Diff, diffRevision.Description),
            sameBuild, Pairing(request), request.ThresholdPercent, rounds, StopReason(stop), clock.Elapsed, request.Budget, buildTime,
            AbSummary.MachineOf(comparison), AbSummary.CasesOf(comparison),
            runner.Failures.Select(f => $"{RoundsRunner.ShortName(f.CaseName)} in round {f.Round} (log: {Path.Combine(output, Path.GetRelativePath(staging, f.LogFile))})").ToList(),
            onlyInOne);
        Console.Write(AbWriter.Write(summary, staging));
        AbOutput.Check(output);
        OutputFolder.Replace(staging, output);
        Console.WriteLine($"Written to {output}: {AbWriter.JsonFile}, {AbWriter.MarkdownFile}, {AbWriter.HtmlFile}, charts, and each side's results.");
        return summary.ExitCode;
    }

    private static BenchProgram Build(Revision revision, string? repository, string label)
    {
        var started = Stopwatch.StartNew();
        Console.WriteLine($"building {label} in {revision.Folder} ...");
        var program = revision.Build(repository, label);
        Console.WriteLine($"built {label} in {started.Elapsed.TotalSeconds:0} s");
        return program;
    }

    /// <summary>
    /// Each side keeps its own tensor cache (beside its build): a revision that changed the cache format must not
    /// rebuild the other side's file between launches.
    /// </summary>
    private static BenchProgram WithCache(BenchProgram program, Revision revision) =>
        program with { Environment = new Dictionary<string, string?> { [GeoAI.Data.CacheLocation.EnvironmentVariable] = Path.Combine(revision.Folder, "data") } };

    /// <summary>The cases both sides would run for the filters; none in common is bad input.</summary>
    private static (List<string> Both, List<string> OnlyInOne) CommonCases(BenchProgram baseProgram, BenchProgram diffProgram, AbRequest request)
    {
        var baseCases = ListCases(baseProgram, request);
        var diffCases = ListCases(diffProgram, request);
        var both = baseCases.Intersect(diffCases, StringComparer.Ordinal).ToList();
        if (both.Count == 0)
            throw new AbException($"the filter {string.Join(' ', request.Filters)} matches no case that both sides have " +
                                  $"(base {baseCases.Count}, diff {diffCases.Count})");
        return (both, baseCases.Concat(diffCases).Except(both, StringComparer.Ordinal).Distinct(StringComparer.Ordinal).ToList());
    }

    private static List<string> ListCases(BenchProgram program, AbRequest request)
    {
        var (exitCode, listing) = program.Capture(["bench", "--list", "flat", "--data", request.Data, "--filter", .. request.Filters],
            new Dictionary<string, string?>());
        if (exitCode != 0)
            throw new AbException($"{program.Label}: listing its cases failed (exit {exitCode}): {listing.Trim().Split('\n').LastOrDefault()}");
        return listing.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("GeoAI.", StringComparison.Ordinal) && l.Contains('(')).ToList();
    }

    /// <summary>Builds each side's tensor cache before the first launch, so no launch spends its time on it.</summary>
    private static void PrepareData(BenchProgram program, AbRequest request)
    {
        var (exitCode, output) = program.Capture(["cache", "--data", request.Data], new Dictionary<string, string?>());
        if (exitCode != 0)
            Console.WriteLine($"{program.Label}: preparing the data cache said (exit {exitCode}): {output.Trim().Split('\n').LastOrDefault()}; launches will build it");
    }

    private static Comparison? Judge(int round, string baseResults, string diffResults, AbRequest request, Stopwatch clock)
    {
        if (round < AbRunner.MinimumRounds)
        {
            Console.WriteLine($"[round {round}, {clock.Elapsed.TotalMinutes:0.0} min] verdicts need at least {AbRunner.MinimumRounds} rounds");
            return null;
        }
        var comparison = Compare(baseResults, diffResults, request);
        var counts = comparison is null ? "no results yet"
            : string.Join(", ", new[] { Verdict.Slower, Verdict.Faster, Verdict.Same, Verdict.Unsure }.Select(v => $"{v} {comparison.With(v).Count()}"));
        Console.WriteLine($"[round {round}, {clock.Elapsed.TotalMinutes:0.0} min] {counts}");
        return comparison;
    }

    private static Comparison? Compare(string baseResults, string diffResults, AbRequest request)
    {
        if (!Directory.Exists(baseResults) || !Directory.Exists(diffResults))
            return null;
        try
        {
            return ResultComparer.Compare(new CompareOptions { BasePath = baseResults, DiffPath = diffResults, ThresholdPercent = request.ThresholdPercent });
        }
        catch (ReportException)
        {
            return null; // a side without any result yet
        }
    }

    private static string Pairing(AbRequest request) => request.Duet
        ? $"duet: base and diff at the same time, each pinned to {Environment.ProcessorCount / 2} of the {Environment.ProcessorCount} " +
          "logical cores, the halves swapped every round"
        : "alternating: base and diff one right after the other, in a random order";

    private static string StopReason(AbStop stop) => stop switch
    {
        AbStop.Settled => "stopped early: every case settled",
        AbStop.Budget => "stopped by the budget",
        _ => "quick run",
    };

    /// <summary>The checkout ab runs in (for git revisions); null outside one.</summary>
    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, Revision.SolutionFile)))
                return dir.FullName;
        return null;
    }
}
