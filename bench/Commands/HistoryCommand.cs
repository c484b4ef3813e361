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
internal sealed class HistoryCommand : SubCommand
{
    private readonly Argument<string[]> inputs = new Argument<string[]>("runs")
    {
        Description = "Result folders or *-report-full.json files, one run each (split by machine, and by RunId where " +
                      "the files carry one); e.g. results/history/*/*",
        Arity = ArgumentArity.OneOrMore,
    }.RefusingOptions();

    private readonly Option<string> output = CommonOptions.Out("History folder: created, or replaced if it holds only a previous history");

    private readonly Option<string> threshold = new("--threshold")
    {
        Description = "Smallest change in median time worth reporting, e.g. 5%",
        DefaultValueFactory = _ => "5%",
    };

    private readonly Option<int> seed = new("--seed")
    {
        Description = "Seed of the permutation tests (the same inputs and seed give the same change points)",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<string> title = new("--title")
    {
        Description = "Title of history.md and history.html",
        DefaultValueFactory = _ => HistoryOptions.DefaultTitle,
    };

    public HistoryCommand()
        : base("history", "Trends of many runs over commits and machines, with change points (E-Divisive means), as md, html and json.",
            needsLibTorch: false)
    {
        Command.Arguments.Add(inputs);
        Add(output, threshold, seed, title);
    }

    protected override int Run(ParseResult parse)
    {
        var written = HistoryWriter.Write(new HistoryOptions
        {
            Inputs = parse.GetValue(inputs)!,
            OutputDirectory = parse.GetValue(output)!,
            ThresholdPercent = ThresholdPercent(parse.GetValue(threshold)!),
            Seed = parse.GetValue(seed),
            Title = parse.GetValue(title)!,
        });
        var history = written.History;
        var changes = history.ChangePoints.Count();
        Console.WriteLine($"History written to {written.Directory}: {HistoryWriter.MarkdownFile}, {HistoryWriter.HtmlFile}, " +
                          $"history.json and {history.Series.Count} trend charts (PNG + SVG); {history.Runs.Count} runs, " +
                          $"{changes} change point{(changes == 1 ? "" : "s")}.");
        foreach (var change in history.ChangePoints)
            Console.WriteLine($"  {change.Machine}: {change.Case} {(change.IsSlower ? "slower" : "faster")}, time " +
                              $"×{change.Ratio.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} from commit {change.Commit}");
        return ExitCode.Ok;
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
