using System.Diagnostics;
using System.Globalization;
using GeoAI.Report;
using GeoAI.Report.Results;

namespace GeoAI.Bench.Rounds;

/// <summary>
/// <c>bench --rounds N</c>: every selected case is launched N times, each round a fresh process per case in a new
/// random order (asv's interleaved rounds; Abedi and Brecht, ICPE 2017), so that drift over minutes spreads over all
/// cases instead of landing on whichever ran then. Results go to <c>results/round-NN/</c>, stamped with the run and
/// round; <c>report</c> and <c>compare</c> merge the rounds of one run into launch-level estimates.
/// </summary>
internal sealed class RoundsRunner(BenchProgram program, LaunchSettings settings, string resultsDirectory)
{
    /// <returns>0 when every launch succeeded, 1 when any case failed in any round.</returns>
    public int Run(IReadOnlyList<string> cases, int rounds)
    {
        var launcher = new CaseLauncher(settings);
        var clock = Stopwatch.StartNew();
        var total = cases.Count * rounds;
        var done = 0;
        var failures = new List<LaunchOutcome>();
        Console.WriteLine($"Rounds: {rounds} × {cases.Count} cases = {total} launches, each case a fresh process, in a new " +
                          $"random order every round (run {settings.RunId}).");
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var index in Shuffled(cases.Count))
            {
                var name = cases[index];
                var file = ResultFile(resultsDirectory, round, name, index);
                var log = Path.Combine(settings.ScratchDirectory, $"round-{round:D2}", LaunchName(name, index) + ".log");
                var outcome = launcher.Launch(program, name, round, file, log);
                done++;
                if (!outcome.Succeeded)
                    failures.Add(outcome);
                Console.WriteLine(Progress(outcome, round, rounds, done, total, clock.Elapsed));
            }
        }
        Console.WriteLine($"{total - failures.Count} of {total} launches succeeded in {Minutes(clock.Elapsed)}; results in {resultsDirectory}");
        foreach (var failed in failures)
            Console.Error.WriteLine($"error: {ShortName(failed.CaseName)} failed in round {failed.Round}: see {failed.LogFile}");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Where <c>bench --artifacts DIR</c> puts its results: DIR/results, one folder per round below it.</summary>
    public static string ResultsFolder(string artifacts) => Path.Combine(artifacts, "results");

    /// <summary>
    /// A launch's result file: <c>round-NN/</c> under the results folder, the same file name in every round (what the
    /// fleet recipes upload and store).
    /// </summary>
    public static string ResultFile(string resultsDirectory, int round, string caseName, int index) =>
        Path.Combine(resultsDirectory, $"round-{round:D2}", ResultFileName(caseName, index));

    /// <summary>A case keeps its file name in every round: its class and its index in the case list.</summary>
    public static string ResultFileName(string caseName, int index) => LaunchName(caseName, index) + ResultReader.FilePattern[1..];

    /// <summary>A launch's name within its round: the case's class and its index in the case list.</summary>
    public static string LaunchName(string caseName, int index)
    {
        var method = caseName[..caseName.IndexOf('(', StringComparison.Ordinal)];
        return $"{method[..method.LastIndexOf('.')]}-{index + 1:D3}";
    }

    /// <summary>0 … count-1 in a fresh random order.</summary>
    public static int[] Shuffled(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        Random.Shared.Shuffle(order);
        return order;
    }

    private static string Progress(LaunchOutcome outcome, int round, int rounds, int done, int total, TimeSpan elapsed)
    {
        var left = TimeSpan.FromTicks(elapsed.Ticks / done * (total - done));
        var what = outcome.Launch is not { } launch
            ? "FAILED"
            : $"{Milliseconds(outcome.TimePerStep!.Value)} ms/step" +
              (launch.CpuStealPercent is { } steal ? $", steal {steal.ToString("F1", CultureInfo.InvariantCulture)} %" : "") +
              (launch.LoadAverage is { } load ? $", load {load.ToString("F2", CultureInfo.InvariantCulture)}" : "") +
              (launch.RerunBecause is { } why ? $" (rerun: {why})" : "");
        return $"[round {round}/{rounds}, {done}/{total}, {Minutes(left)} left] {ShortName(outcome.CaseName)}: {what}";
    }

    /// <summary>The name without the namespace every GeoAI.Bench case shares.</summary>
    public static string ShortName(string caseName) =>
        caseName.StartsWith("GeoAI.Bench.Benchmarks.", StringComparison.Ordinal) ? caseName["GeoAI.Bench.Benchmarks.".Length..] : caseName;

    private static string Milliseconds(double nanoseconds) => (nanoseconds / 1e6).ToString(nanoseconds >= 1e8 ? "F0" : "F2", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
        : $"{span.Seconds} s";
}
