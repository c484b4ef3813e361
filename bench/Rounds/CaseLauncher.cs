using System.Globalization;
using GeoAI.Report;
using GeoAI.Report.Results;

namespace GeoAI.Bench.Rounds;

/// <summary>What every launch of a run shares.</summary>
/// <param name="RunId">Stamped into every result of the run: the rounds of one run merge, different runs do not.</param>
/// <param name="SuiteArgs">The suite's own options for the benchmark command (--data, --quick ...).</param>
/// <param name="BenchmarkDotNetArgs">BenchmarkDotNet options passed through (job settings, never a selection).</param>
/// <param name="ScratchDirectory">Where each launch writes before its result is collected.</param>
internal sealed record LaunchSettings(string RunId, IReadOnlyList<string> SuiteArgs, IReadOnlyList<string> BenchmarkDotNetArgs,
    string ScratchDirectory)
{
    /// <summary>
    /// A launch during which the hypervisor stole more than this share of the CPU is run again: its time says more
    /// about the neighbours than about the code. Steal on this project's VMs is usually well under 1 %.
    /// </summary>
    public const double StealLimitPercent = 10;

    /// <summary>Attempts per launch when steal keeps passing the limit; the last one is kept, and says why.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Tells the benchmark command in a launch to run its one case, not to start rounds of its own.</summary>
    public const string LaunchVariable = "GEOAI_LAUNCH";
}

/// <summary>How one launch went. <see cref="ResultFile"/> is null when it failed (see the log).</summary>
internal sealed record LaunchOutcome(string CaseName, int Round, string? ResultFile, string LogFile, Launch? Launch, int? BatchSize)
{
    public bool Succeeded => ResultFile is not null;

    /// <summary>The launch's time per step (one batch) in nanoseconds: its median iteration.</summary>
    public double? TimePerStep => Launch is null ? null : Launch.Time * (BatchSize ?? 1);
}

/// <summary>
/// Runs one case as one launch: a fresh benchmark process running BenchmarkDotNet in-process on exactly that case,
/// whose result file is collected, stamped with its run and round, and checked for CPU steal.
/// </summary>
internal sealed class CaseLauncher(LaunchSettings settings)
{
    public LaunchOutcome Launch(BenchProgram program, string caseName, int round, string resultFile, string logFile)
    {
        var reruns = new List<string>();
        for (var attempt = 1; ; attempt++)
        {
            var scratch = Path.Combine(Path.GetDirectoryName(logFile)!, $"{Path.GetFileNameWithoutExtension(logFile)}-attempt-{attempt}");
            if (Directory.Exists(scratch))
                Directory.Delete(scratch, recursive: true);
            var exitCode = program.Run(Arguments(caseName, scratch), Environment(), logFile);
            var produced = Directory.Exists(scratch)
                ? Directory.EnumerateFiles(scratch, ResultReader.FilePattern, SearchOption.AllDirectories).ToList()
                : [];
            if (exitCode != 0 || produced.Count != 1)
                return new LaunchOutcome(caseName, round, null, logFile, null, null);

            var result = ResultReader.Read(produced).Results.Single();
            var steal = result.Launches[0].CpuStealPercent;
            if (steal > LaunchSettings.StealLimitPercent && attempt < LaunchSettings.MaxAttempts)
            {
                reruns.Add($"attempt {attempt}: steal {steal.Value.ToString("F1", CultureInfo.InvariantCulture)} % > " +
                           $"{LaunchSettings.StealLimitPercent.ToString(CultureInfo.InvariantCulture)} %");
                continue;
            }
            LaunchStamp.Write(produced[0], resultFile, settings.RunId, round, reruns.Count > 0 ? string.Join("; ", reruns) : null);
            Directory.Delete(scratch, recursive: true);
            var stamped = ResultReader.Read([resultFile]).Results.Single();
            return new LaunchOutcome(caseName, round, resultFile, logFile, stamped.Launches[0], stamped.Parameters.BatchSize);
        }
    }

    /// <summary>
    /// The benchmark command's own interface, the same in every revision that has it: one exact case by BenchmarkDotNet's
    /// filter (a full name is a glob that matches only itself), in-process in this fresh process, into its own folder.
    /// </summary>
    private IEnumerable<string> Arguments(string caseName, string artifacts) =>
        ["bench", "--inProcess", "--filter", caseName, "--artifacts", artifacts, .. settings.SuiteArgs, .. settings.BenchmarkDotNetArgs];

    private static Dictionary<string, string?> Environment() => new() { [LaunchSettings.LaunchVariable] = "1" };
}
