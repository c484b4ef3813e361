using System.CommandLine;
using GeoAI.Report;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>report</c>: reads BenchmarkDotNet full JSON results (one machine or several) and training runs, and writes
/// report.md, a self-contained report.html and the charts as PNG and SVG. Reads results only, so it needs no libtorch.
/// </summary>
internal sealed class ReportCommand : SubCommand
{
    private readonly Argument<string[]> inputs = new("results")
    {
        Description = "BenchmarkDotNet result files or train.json files of training runs, or folders searched recursively for *-report-full.json and train.json",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> output = CommonOptions.Out("Report folder: created, or replaced if it holds only a previous report");

    private readonly Option<string[]> references = new("--reference")
    {
        Description = "Reference results of another framework (tools/pytorch_baseline.py JSON); repeatable",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string> title = new("--title") { Description = "Report title", DefaultValueFactory = _ => ReportOptions.DefaultTitle };

    public ReportCommand()
        : base("report", "Write a Markdown + HTML report with speedup, data-path, batch-scaling and machine charts from result files.",
            needsLibTorch: false)
    {
        Command.Arguments.Add(inputs.RefusingOptions());
        Add(output, references, title);
    }

    protected override int Run(ParseResult parse)
    {
        var written = ReportWriter.Write(new ReportOptions
        {
            Inputs = parse.GetValue(inputs)!,
            OutputDirectory = parse.GetValue(output)!,
            References = parse.GetValue(references) ?? [],
            Title = parse.GetValue(title)!,
        });
        Console.WriteLine($"Report written to {written.Directory}: {ReportWriter.MarkdownFile}, {ReportWriter.HtmlFile} and " +
                          $"{written.Charts} charts (PNG + SVG).");
        foreach (var sentence in written.Omitted)
            Console.WriteLine($"  {sentence.Replace("`", "")}");
        return ExitCode.Ok;
    }
}
