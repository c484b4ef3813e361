using System.CommandLine;
using GeoAI.Bench.Ab;
using GeoAI.Report.Compare;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>ab</c>: the check to run before merging. Builds two revisions (or checkouts) in folders under the cache, then
/// launches every selected case on both, base and diff side by side in each round, and judges each case on its paired
/// per-round ratios. Exit code 1 when any case is Slower (or a launch failed), 0 otherwise, 2 on bad input.
/// </summary>
internal sealed class AbCommand : SubCommand
{
    private readonly Option<string> baseline = new("--base")
    {
        Description = "Baseline: a git revision of this repository (commit, branch, tag, HEAD) or the path of another checkout",
        Required = true,
    };

    private readonly Option<string> diff = new("--diff")
    {
        Description = "Under test: a revision or a checkout path; --base HEAD --diff HEAD is an A/A run that measures this machine's noise",
        Required = true,
    };

    private readonly Option<string[]> filter = new("--filter")
    {
        Description = "BenchmarkDotNet filter(s) choosing the cases, e.g. '*CnnTraining*' (default: the whole default sweep)",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => ["*"],
    };

    private readonly Option<string> threshold = new("--threshold")
    {
        Description = "Change that matters: Slower/Faster when the ratio's interval lies wholly beyond it, Same when wholly within",
        DefaultValueFactory = _ => "5%",
    };

    private readonly Option<string> budget = new("--budget")
    {
        Description = "Wall-clock budget, builds included, e.g. 20m, 90s, 1h (default 20m); rounds stop earlier once every case is settled",
        DefaultValueFactory = _ => "20m",
    };

    private readonly Option<string> output = CommonOptions.Out(
        "Output folder (ab.json, ab.md, ab.html, charts, each side's results); default BenchmarkDotNet.Artifacts/ab", required: false);

    private readonly Option<string> data = CommonOptions.Data();

    private readonly Option<int?> torchThreads =
        new Option<int?>("--torch-threads") { Description = "Torch intra-op threads in every launch (default: one per core)" }.AtLeast(1);

    private readonly Option<bool> quick = new("--quick")
    {
        Description = $"Smoke run: BenchmarkDotNet's quick job and exactly {AbRunner.QuickRounds} rounds (verdicts not to be trusted)",
    };

    private readonly Option<bool> duet = new("--duet")
    {
        Description = "Run base and diff at the same time, each pinned to half the cores with half the threads (duet " +
                      "benchmarking): shared disturbances hit both; measures each side on half the machine",
    };

    public AbCommand()
        : base("ab", "Interleaved A/B of two builds: paired launches per round, a verdict per case with its interval; exit 1 when any case is slower.",
            needsLibTorch: false) =>
        Add(baseline, diff, filter, threshold, budget, output, data, torchThreads, quick, duet);

    protected override int Run(ParseResult parse) =>
        AbSession.Run(new AbRequest(
            parse.GetValue(baseline)!, parse.GetValue(diff)!, parse.GetValue(filter)!,
            CompareOptions.ParseThreshold(parse.GetValue(threshold)!), AbRequest.ParseBudget(parse.GetValue(budget)!),
            parse.GetValue(output), parse.GetValue(data)!, parse.GetValue(torchThreads), parse.GetValue(quick), parse.GetValue(duet)));
}
