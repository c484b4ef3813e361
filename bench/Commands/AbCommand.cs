using System.CommandLine;
using GeoAI.Bench.Ab;
using GeoAI.Report;
using GeoAI.Report.Compare;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>ab</c>: the check to run before merging. Builds two revisions (or checkouts) in folders under the cache, then
/// launches every selected case on both, base and diff side by side in each round, and judges each case on its paired
/// per-round ratios. Exit code 1 when any case is Slower (or a launch failed), 0 otherwise, 2 on bad input.
/// </summary>
internal static class AbCommand
{
    // The options come first: static fields initialize in order, and Definition builds the command from them.
    private static readonly Option<string> Base = new("--base")
    {
        Description = "Baseline: a git revision of this repository (commit, branch, tag, HEAD) or the path of another checkout",
        Required = true,
    };

    private static readonly Option<string> Diff = new("--diff")
    {
        Description = "Under test: a revision or a checkout path; --base HEAD --diff HEAD is an A/A run that measures this machine's noise",
        Required = true,
    };

    private static readonly Option<string[]> Filter = new("--filter")
    {
        Description = "BenchmarkDotNet filter(s) choosing the cases, e.g. '*CnnTraining*' (default: the whole default sweep)",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => ["*"],
    };

    private static readonly Option<string> Threshold = new("--threshold")
    {
        Description = "Change that matters: Slower/Faster when the ratio's interval lies wholly beyond it, Same when wholly within",
        DefaultValueFactory = _ => "5%",
    };

    private static readonly Option<string> Budget = new("--budget")
    {
        Description = "Wall-clock budget, builds included, e.g. 20m, 90s, 1h (default 20m); rounds stop earlier once every case is settled",
        DefaultValueFactory = _ => "20m",
    };

    private static readonly Option<string?> Output = new("--out")
    {
        Description = "Output folder (ab.json, ab.md, ab.html, charts, each side's results); default BenchmarkDotNet.Artifacts/ab",
    };

    private static readonly Option<string> Data = new("--data")
    {
        Description = "Data for every launch: synthetic (default), synthetic:N, or a EuroSAT folder or zip",
        DefaultValueFactory = _ => "synthetic",
    };

    private static readonly Option<int?> TorchThreads = new("--torch-threads")
    {
        Description = "Torch intra-op threads in every launch (default: one per core)",
    };

    private static readonly Option<bool> Quick = new("--quick")
    {
        Description = $"Smoke run: BenchmarkDotNet's quick job and exactly {AbRunner.QuickRounds} rounds (verdicts not to be trusted)",
    };

    private static readonly Option<bool> Duet = new("--duet")
    {
        Description = "Run base and diff at the same time, each pinned to half the cores with half the threads (duet " +
                      "benchmarking): shared disturbances hit both; measures each side on half the machine",
    };

    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: false);

    private static Command Create()
    {
        var command = new Command("ab",
            "Interleaved A/B of two builds: paired launches per round, a verdict per case with its interval; exit 1 when any case is slower.");
        foreach (var option in new Option[] { Base, Diff, Filter, Threshold, Budget, Output, Data, TorchThreads, Quick, Duet })
            command.Options.Add(option);
        command.Action = new AbAction();
        return command;
    }

    private sealed class AbAction : BadCommandLineExitsTwo
    {
        protected override int Run(ParseResult parseResult)
        {
            try
            {
                var threads = parseResult.GetValue(TorchThreads);
                if (threads is <= 0)
                    throw new AbException($"--torch-threads must be positive, not {threads}");
                return AbSession.Run(new AbRequest(
                    parseResult.GetValue(Base)!, parseResult.GetValue(Diff)!, parseResult.GetValue(Filter)!,
                    CompareOptions.ParseThreshold(parseResult.GetValue(Threshold)!), AbRequest.ParseBudget(parseResult.GetValue(Budget)!),
                    parseResult.GetValue(Output), parseResult.GetValue(Data)!, threads, parseResult.GetValue(Quick), parseResult.GetValue(Duet)));
            }
            catch (Exception e) when (e is AbException or ReportException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        }
    }
}
