using GeoAI.Bench.Rounds;
using GeoAI.Report.History;
using GeoAI.Report.Results;
using GeoAI.Tests.Report;
using static GeoAI.Tests.Deploy.DeployRecipeTests;

namespace GeoAI.Tests.Deploy;

/// <summary>
/// The fleet recipes against the layout <c>bench --rounds</c> writes: <c>results/round-NN/</c>, the same file names in
/// every round (<see cref="RoundsRunner"/>). The workflow must upload every round's files, and store-runs.sh must keep
/// every round, in a layout that report and history still read as one run.
/// </summary>
public sealed class RoundLayoutTests : IDisposable
{
    private static readonly string StoreRuns = Path.Combine(DeployRecipeTests.Deploy, "store-runs.sh");

    private static readonly string[] Cases =
    [
        "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)",
        "GeoAI.Bench.Benchmarks.DataPipeline.NextBatch(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)",
    ];

    private readonly ScratchFolder scratch = new();

    [Fact]
    public void TheWorkflowUploadsTheResultFilesOfEveryRound()
    {
        var bench = Map(Map(Root(Workflow), "jobs"), "bench");
        var sweep = Runs(bench).Single(run => run.StartsWith("./geoai bench", StringComparison.Ordinal));
        var artifacts = sweep.Split(' ').SkipWhile(word => word != "--artifacts").ElementAt(1);
        var upload = Steps(bench).Single(step => step.Children.ContainsKey("uses")
                                                 && Text(step, "uses").StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        var path = Text(Map(upload, "with"), "path");
        // What `bench --artifacts <that folder>` writes for two cases over two rounds, beside a launch log.
        var results = RoundsRunner.ResultsFolder(Path.Combine(scratch.Path, artifacts));
        var written = (from round in new[] { 1, 2 }
                       from index in Enumerable.Range(0, Cases.Length)
                       select RoundsRunner.ResultFile(results, round, Cases[index], index)).ToList();
        foreach (var file in written.Append(Path.Combine(results, "round-01", "launch.log")))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "{}");
        }

        // The runner's glob (@actions/glob): * stays within a folder, ** crosses folders; bash's globstar does the same.
        var matched = ProcessRunner.Run("bash", ["-O", "globstar", "-O", "nullglob", "-c", "for f in $1; do echo \"$f\"; done", "glob", path],
            workingDirectory: scratch.Path);

        Assert.True(matched.ExitCode == 0, matched.All);
        Assert.Equal(4, written.Distinct().Count());
        Assert.Equal(written.Select(f => Path.GetRelativePath(scratch.Path, f)).Order(StringComparer.Ordinal),
            matched.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StoreRunsKeepsEveryRoundAndReportAndHistoryReadThemAsOneRun()
    {
        Assert.SkipWhen(FindOnPath("jq") is null, "jq is not on PATH here, so deploy/store-runs.sh cannot run");
        // A run as the workflow downloads it: runs/run-<machine>/round-NN/, one file name in both rounds.
        var fixture = Path.Combine(HistoryFixture.Root, "xeon-8core", "2026-11-30-e3471ebd09", "GeoAI.Bench.Benchmarks.CnnTraining-report-full.json");
        var run = scratch.Combine("runs", "run-xeon-8core");
        foreach (var (round, started) in new[] { (1, "2026-11-30T02:20:00Z"), (2, "2026-11-30T02:31:00Z") })
        {
            var file = Path.Combine(run, $"round-{round:D2}", Path.GetFileName(fixture));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.Copy(fixture, file);
            ScratchFolder.EditFile(file, root =>
            {
                var geoAi = root["HostEnvironmentInfo"]!["GeoAI"]!.AsObject();
                (geoAi["RunId"], geoAi["Round"], geoAi["StartedUtc"]) = ("run-1", round, started);
            });
        }
        var store = scratch.Combine("store");

        var stored = ProcessRunner.Run("bash", [StoreRuns, store, run]);

        Assert.True(stored.ExitCode == 0, stored.All);
        var target = Path.Combine(store, "xeon-8core", "2026-11-30T022000Z-e3471ebd09");
        Assert.Equal([Path.Combine("round-01", Path.GetFileName(fixture)), Path.Combine("round-02", Path.GetFileName(fixture))],
            Directory.GetFiles(target, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(target, f)).Order(StringComparer.Ordinal));
        var report = ResultReader.Read([target]).Results;
        Assert.Equal(HistoryFixture.CasesPerRun, report.Count);
        Assert.All(report, r => Assert.Equal([1, 2], r.Launches.Select(l => l.Round!.Value)));
        var history = Assert.Single(HistoryReader.Read([store]));
        Assert.Equal(("xeon-8core", "run-1", 2), (history.Machine, history.RunId, history.Files.Count));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 20, 0, TimeSpan.Zero), history.Started);
        Assert.All(history.Results, r => Assert.Equal(2, r.Launches.Count));
    }

    [Fact]
    public void StoreRunsRefusesAFolderHoldingTwoMachinesAndWritesNothing()
    {
        Assert.SkipWhen(FindOnPath("jq") is null, "jq is not on PATH here, so deploy/store-runs.sh cannot run");
        var mixed = scratch.Combine("mixed");
        foreach (var machine in new[] { "xeon-8core", "epyc-2core" })
            scratch.CopyOf(HistoryFixture.RunFolders(machine)[0], Path.Combine("mixed", machine));
        var store = scratch.Combine("store");

        var stored = ProcessRunner.Run("bash", [StoreRuns, store, mixed]);

        Assert.Equal(2, stored.ExitCode);
        Assert.Equal($"store-runs: error: {mixed}: holds files of more than one machine or commit; give each run its own folder\n", stored.StdErr);
        Assert.False(Directory.Exists(store));
    }

    public void Dispose() => scratch.Dispose();
}
