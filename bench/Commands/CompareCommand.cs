using System.CommandLine;
using GeoAI.Report;
using GeoAI.Report.Compare;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>compare</c>: a statistical verdict per case between two result folders (two commits, or two machines), printed
/// as Markdown. Exit code 1 when any case is slower, 0 otherwise, 2 on bad input or a bad command line, so a CI job can
/// gate on it without mistaking a typo for a regression.
/// </summary>
internal sealed class CompareCommand : SubCommand
{
    private readonly Option<string> baseline = new("--base")
    {
        Description = "Baseline results: a folder searched recursively for *-report-full.json, or one file",
        Required = true,
    };

    private readonly Option<string> diff = new("--diff") { Description = "Results under test: a folder or one file", Required = true };
    private readonly Option<string> threshold = new("--threshold") { Description = "Relative change that matters, e.g. 5%", Required = true };

    private readonly Option<string> noise = new("--noise")
    {
        Description = "Absolute noise floor per batch (one training step), e.g. 0.5ms; per image it is divided by the " +
                      "case's BatchSize, and cases without a BatchSize have none",
        DefaultValueFactory = _ => "0.5ms",
    };

    private readonly Option<int?> top = new Option<int?>("--top") { Description = "Show at most N rows in the Slower and Faster tables" }.AtLeast(1);

    public CompareCommand()
        : base("compare", "Compare two result folders case by case (Mann-Whitney equivalence test); exit 1 when any case is slower.",
            needsLibTorch: false)
    {
        Add(baseline, diff, threshold, noise, top);
    }

    protected override int Run(ParseResult parse)
    {
        var comparison = ResultComparer.Compare(new CompareOptions
        {
            BasePath = parse.GetValue(baseline)!,
            DiffPath = parse.GetValue(diff)!,
            ThresholdPercent = CompareOptions.ParseThreshold(parse.GetValue(threshold)!),
            NoisePerBatchNanoseconds = CompareOptions.ParseNoise(parse.GetValue(noise)!),
            Top = parse.GetValue(top),
        });
        Console.Write(ComparisonMarkdown.Render(comparison));
        return comparison.ExitCode;
    }
}
