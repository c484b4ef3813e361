using System.CommandLine;
using GeoAI.Bench.Commands;
using GeoAI.Runtime;

namespace GeoAI.Bench;

/// <summary>
/// Routes the command line: a known subcommand goes to System.CommandLine, anything else to BenchmarkDotNet, so
/// BenchmarkDotNet's own options (--filter, --list, --job, --inProcess) work exactly as its documentation says.
/// </summary>
internal static class Cli
{
    /// <summary>Subcommands, each built in its own file under Commands/.</summary>
    private static readonly SubCommand[] SubCommands =
    [
        InfoCommand.Definition,
        SummaryCommand.Definition,
        ReportCommand.Definition,
        CompareCommand.Definition,
        AbCommand.Definition,
        HistoryCommand.Definition,
        DownloadCommand.Definition,
        CacheCommand.Definition,
        ProfileCommand.Definition,
        TrainCommand.Definition,
        SamplesCommand.Definition,
        WeightsCommand.Definition,
    ];

    public static int Run(string[] args)
    {
        var first = args.FirstOrDefault();
        if (first == "bench")
            return WithLibTorch(args, () => BenchmarkCommand.Run(args[1..]));
        var subCommand = SubCommands.FirstOrDefault(c => c.Command.Name == first);
        if (first is not null && subCommand is null && first.StartsWith('-') && first is not ("-h" or "--help" or "-?" or "--version"))
            return WithLibTorch(args, () => BenchmarkCommand.Run(args));

        var root = new RootCommand(
            "GeoAI.Bench: how fast deep-learning training on EuroSAT runs on this hardware, and why.\n" +
            "  bench [options]   run the benchmark sweep (default: all of it); options that start with -- and are not\n" +
            "                    a subcommand go straight to BenchmarkDotNet too, e.g. --filter *Vgg*\n" +
            BenchArguments.Usage);
        foreach (var command in SubCommands)
            root.Subcommands.Add(command.Command);
        var parsed = root.Parse(args);
        if (subCommand is { NeedsLibTorch: true } && parsed.Errors.Count == 0)
            return WithLibTorch(args, () => parsed.Invoke());
        return parsed.Invoke();
    }

    /// <summary>
    /// Loads libtorch before a command that needs it and prints what loaded. On a host whose libstdc++ is too old, the
    /// whole program is re-run inside the compat runtime instead, and its exit code is returned.
    /// </summary>
    private static int WithLibTorch(string[] args, Func<int> command)
    {
        if (!TorchBackend.TryLoad(out var error))
        {
            if (CompatRuntime.CanRelaunch)
                return CompatRuntime.Relaunch(args);
            Console.Error.WriteLine($"error: libtorch did not load: {error}");
            return 2;
        }
        Console.WriteLine(RuntimeInfo.Current.ToLine());
        return command();
    }
}

/// <summary>A subcommand and whether it computes with libtorch (report and compare, for one, never do).</summary>
internal sealed record SubCommand(Command Command, bool NeedsLibTorch);
