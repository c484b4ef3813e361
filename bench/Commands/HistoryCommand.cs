using System.CommandLine;
using GeoAI.Report;
using GeoAI.Report.Compare;
using GeoAI.Report.History;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>history</c>: many runs over time and machines (each input folder or file is one run) as a trend per machine and
/// case, with change points; writes history.md, a self-contained history.html, history.json and the charts. Reads
/// results only, so it needs no libtorch. Exit code 0, or 2 on bad input or a bad command line.
/// </summary>
internal static class HistoryCommand
{
    // The options come first: static fields initialize in order, and Definition builds the command from them.
    private static readonly Argument<string[]> Inputs = new("runs")
    {
        Description = "Result folders or *-report-full.json files, one run each (split by machine, and by RunId where " +
                      "the files carry one); e.g. results/history/*/*",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> Output = new("--out")
    {
        Description = "History folder: created, or replaced if it holds only a previous history",
        Required = true,
    };

    private static readonly Option<string> Threshold = new("--threshold")
    {
        Description = "Smallest change in median time worth reporting, e.g. 5%",
        DefaultValueFactory = _ => "5%",
    };

    private static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the permutation tests (the same inputs and seed give the same change points)",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<string> Title = new("--title")
    {
        Description = "Title of history.md and history.html",
        DefaultValueFactory = _ => HistoryOptions.DefaultTitle,
    };

    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: false);

    private static Command Create()
    {
        var command = new Command("history",
            "Trends of many runs over commits and machines, with change points (E-Divisive means), as md, html and json.");
        command.Arguments.Add(Inputs);
        command.Options.Add(Output);
        command.Options.Add(Threshold);
        command.Options.Add(Seed);
        command.Options.Add(Title);
        command.Action = new HistoryAction();
        return command;
    }

    private sealed class HistoryAction : BadCommandLineExitsTwo
    {
        protected override int Run(ParseResult parseResult)
        {
            try
            {
                var written = HistoryWriter.Write(new HistoryOptions
                {
                    Inputs = parseResult.GetValue(Inputs)!,
                    OutputDirectory = parseResult.GetValue(Output)!,
                    ThresholdPercent = ThresholdPercent(parseResult.GetValue(Threshold)!),
                    Seed = parseResult.GetValue(Seed),
                    Title = parseResult.GetValue(Title)!,
                });
                var history = written.History;
                var changes = history.ChangePoints.Count();
                Console.WriteLine($"History written to {written.Directory}: {HistoryWriter.MarkdownFile}, {HistoryWriter.HtmlFile}, " +
                                  $"history.json and {history.Series.Count} trend charts (PNG + SVG); {history.Runs.Count} runs, " +
                                  $"{changes} change point{(changes == 1 ? "" : "s")}.");
                foreach (var change in history.ChangePoints)
                    Console.WriteLine($"  {change.Machine}: {change.Case} {(change.IsSlower ? "slower" : "faster")}, time " +
                                      $"×{change.Ratio.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} from commit {change.Commit}");
                return 0;
            }
            catch (ReportException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: the history could not be written: {e.Message}");
                return 2;
            }
        }

        private static double ThresholdPercent(string text)
        {
            try
            {
                return CompareOptions.ParseThreshold(text);
            }
            catch (ReportException)
            {
                throw new ReportException($"--threshold '{text}' is not a positive percentage (e.g. 5%)");
            }
        }
    }
}
