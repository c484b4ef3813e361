using System.CommandLine;
using GeoAI.Report;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>report</c>: reads BenchmarkDotNet full JSON results (one machine or several) and writes report.md, a
/// self-contained report.html and the charts as PNG and SVG. Reads results only, so it needs no libtorch.
/// </summary>
internal static class ReportCommand
{
    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: false);

    private static Command Create()
    {
        var inputs = new Argument<string[]>("results")
        {
            Description = "BenchmarkDotNet result files or train.json files of training runs, or folders searched recursively for *-report-full.json and train.json",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out")
        {
            Description = "Report folder: created, or replaced if it holds only a previous report",
            Required = true,
        };
        var references = new Option<string[]>("--reference")
        {
            Description = "Reference results of another framework (tools/pytorch_baseline.py JSON); repeatable",
            DefaultValueFactory = _ => [],
        };
        var title = new Option<string>("--title")
        {
            Description = "Report title",
            DefaultValueFactory = _ => ReportOptions.DefaultTitle,
        };
        var command = new Command("report",
            "Write a Markdown + HTML report with speedup, data-path, batch-scaling and machine charts from result files.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(references);
        command.Options.Add(title);
        command.SetAction(parseResult =>
        {
            try
            {
                var written = ReportWriter.Write(new ReportOptions
                {
                    Inputs = parseResult.GetValue(inputs)!,
                    OutputDirectory = parseResult.GetValue(output)!,
                    References = parseResult.GetValue(references) ?? [],
                    Title = parseResult.GetValue(title)!,
                });
                Console.WriteLine($"Report written to {written.Directory}: {ReportWriter.MarkdownFile}, " +
                                  $"{ReportWriter.HtmlFile} and {written.Charts} charts (PNG + SVG).");
                foreach (var sentence in written.Omitted)
                    Console.WriteLine($"  {sentence.Replace("`", "")}");
                return 0;
            }
            catch (ReportException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: the report could not be written: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
