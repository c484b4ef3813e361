using System.CommandLine;
using System.CommandLine.Invocation;

namespace GeoAI.Bench.Commands;

/// <summary>
/// A subcommand's action that runs even when parsing failed, to answer a bad command line with exit code 2 (bad input)
/// and every error on stderr, instead of System.CommandLine's exit code 1.
/// </summary>
internal abstract class BadCommandLineExitsTwo : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public sealed override int Invoke(ParseResult parseResult)
    {
        // Clearing parse errors drops those of the root command, unknown tokens among them: report those too.
        var errors = parseResult.Errors.Select(e => e.Message)
            .Concat(parseResult.UnmatchedTokens.Select(t => $"Unrecognized command or argument '{t}'."))
            .Distinct().ToList();
        if (errors.Count == 0)
            return Run(parseResult);
        foreach (var error in errors)
            Console.Error.WriteLine($"error: {error}");
        return 2;
    }

    /// <summary>The command itself, given a command line that parsed.</summary>
    protected abstract int Run(ParseResult parseResult);
}
