namespace GeoAI.Tests.Report;

/// <summary>
/// The history fixture (Fixtures/history/, made by tools/derive_history_fixture.py; see Fixtures/README.md): 3 machines ×
/// 12 commits, one run each, derived from the real 2-core CnnTraining run, 4 cases per run. One step is planted:
/// <see cref="StepCase"/> on <see cref="StepMachine"/> is 25 % slower from <see cref="StepCommit"/> on.
/// </summary>
internal static class HistoryFixture
{
    public static string Root => Path.Combine(Fixtures.Root, "history");

    public static readonly string[] Machines = ["epyc-16core", "epyc-2core", "xeon-8core"];

    public const int Commits = 12;
    public const int CasesPerRun = 4;

    public const string StepMachine = "xeon-8core";
    public const string StepCase = "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 128, Loader: Host, Workers: 0)";
    public const double PlantedRatio = 1.25;

    /// <summary>The 7th of the 12 first-parent commits up to efd3e7a, the first with the slower case; the 6th is before it.</summary>
    public const string StepCommit = "e3471ebd095326a8ecd1e7fb7ae6b82c7796884b";
    public const string CommitBeforeStep = "ed21dcf7ef1cdcc0e5d8379865ee85f1a78e0309";

    /// <summary>Every run folder (machine/date-commit), one input each, as a shell glob would list them.</summary>
    public static string[] RunFolders(params string[] machines) =>
        (machines.Length == 0 ? Machines : machines)
        .SelectMany(m => Directory.GetDirectories(Path.Combine(Root, m)))
        .Order(StringComparer.Ordinal).ToArray();
}
