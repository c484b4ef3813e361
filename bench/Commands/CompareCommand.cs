using System.CommandLine;
using GeoAI.Report;
using GeoAI.Report.Compare;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>compare</c>: a statistical verdict per case between two result folders (two commits, or two machines), printed
/// as Markdown. Exit code 1 when any case is slower, 0 otherwise, 2 on bad input or a bad command line, so a CI job can
/// gate on it without mistaking a typo for a regression.
/// </summary>
internal static class CompareCommand
{
    // The options come first: static fields initialize in order, and Definition builds the command from them.
    private static readonly Option<string> Base = new("--base")
    {
        Description = "Baseline results: a folder searched recursively for *-report-full.json, or one file",
        Required = true,
    };

    private static readonly Option<string> Diff = new("--diff")
    {
        Description = "Results under test: a folder or one file",
        Required = true,
    };

    private static readonly Option<string> Threshold = new("--threshold")
    {
        Description = "Relative change that matters, e.g. 5%",
        Required = true,
    };

    private static readonly Option<string> Noise = new("--noise")
    {
        Description = "Absolute noise floor per batch (one training step), e.g. 0.5ms; per image it is divided by the " +
                      "case's BatchSize, and cases without a BatchSize have none",
        DefaultValueFactory = _ => "0.5ms",
    };

    private static readonly Option<int?> Top = new("--top")
    {
        Description = "Show at most N rows in the Slower and Faster tables",
    };

    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: false);

    private static Command Create()
    {
        var command = new Command("compare",
            "Compare two result folders case by case (Mann-Whitney equivalence test); exit 1 when any case is slower.");
        command.Options.Add(Base);
        command.Options.Add(Diff);
        command.Options.Add(Threshold);
        command.Options.Add(Noise);
        command.Options.Add(Top);
        command.Action = new CompareAction();
        return command;
    }

    private sealed class CompareAction : BadCommandLineExitsTwo
    {
        protected override int Run(ParseResult parseResult)
        {
            try
            {
                var top = parseResult.GetValue(Top);
                if (top is <= 0)
                    throw new ReportException($"--top must be positive, not {top}");
                var comparison = ResultComparer.Compare(new CompareOptions
                {
                    BasePath = parseResult.GetValue(Base)!,
                    DiffPath = parseResult.GetValue(Diff)!,
                    ThresholdPercent = CompareOptions.ParseThreshold(parseResult.GetValue(Threshold)!),
                    NoisePerBatchNanoseconds = CompareOptions.ParseNoise(parseResult.GetValue(Noise)!),
                    Top = top,
                });
                Console.Write(ComparisonMarkdown.Render(comparison));
                return comparison.ExitCode;
            }
            catch (ReportException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        }
    }
}
