using System.CommandLine;
using System.CommandLine.Invocation;

namespace GeoAI.Bench.Commands;

/// <summary>
/// The one shape of a subcommand: a class whose fields are its options (the shared ones from
/// <see cref="CommonOptions"/>) and whose <see cref="Run"/> is its action. A bad command line (an unknown option, a
/// missing or invalid value) and bad input found later (<see cref="BadInput"/>) both exit 2 with one line per problem
/// on stderr, instead of System.CommandLine's exit code 1; docs/DESIGN.md ("How to add a command") walks through one.
/// </summary>
internal abstract class SubCommand : SynchronousCommandLineAction
{
    protected SubCommand(string name, string description, bool needsLibTorch)
    {
        Command = new Command(name, description) { Action = this };
        NeedsLibTorch = needsLibTorch;
    }

    public Command Command { get; }

    /// <summary>Whether the command computes with libtorch (loaded, and the runtime line printed, before it runs).</summary>
    public bool NeedsLibTorch { get; }

    /// <summary>Runs even when parsing failed, so that a bad command line gets exit code 2 like any other bad input.</summary>
    public override bool ClearsParseErrors => true;

    public sealed override int Invoke(ParseResult parseResult)
    {
        // Clearing parse errors drops those of the root command, unknown tokens among them: report those too.
        var errors = parseResult.Errors.Select(e => e.Message)
            .Concat(parseResult.UnmatchedTokens.Select(t => $"Unrecognized command or argument '{t}'."))
            .Distinct().ToList();
        if (errors.Count == 0)
            return BadInput.Guard(() => Run(parseResult));
        foreach (var error in errors)
            Console.Error.WriteLine($"error: {error}");
        return ExitCode.BadInput;
    }

    /// <summary>The command itself, given a command line that parsed; returns an <see cref="ExitCode"/>.</summary>
    protected abstract int Run(ParseResult parse);

    protected void Add(params Option[] options)
    {
        foreach (var option in options)
            Command.Options.Add(option);
    }
}
