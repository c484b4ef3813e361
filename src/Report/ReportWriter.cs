using System.Text;
using GeoAI.Report.Documents;
using GeoAI.Report.Reference;
using GeoAI.Report.Results;
using GeoAI.Report.Training;

namespace GeoAI.Report;

/// <summary>
/// Writes a report folder: <c>report.md</c>, a self-contained <c>report.html</c> and <c>charts/*.png|svg</c>.
/// Everything is written into a hidden folder beside the target and moved into place only when complete, so a failure
/// (bad input is a <see cref="ReportException"/>) leaves the target as it was: no report, or the previous one.
/// </summary>
public static class ReportWriter
{
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "report.html";
    public const string ChartFolder = "charts";

    public static WrittenReport Write(ReportOptions options)
    {
        var target = Path.GetFullPath(options.OutputDirectory);
        OutputFolder.CheckReplaceable(target, IsReportEntry, "report");
        // Training runs (train.json) are read apart; without any, the inputs go to the BenchmarkDotNet reader as always.
        var training = TrainRunInputs.Find(options.Inputs);
        var results = training.Runs.Count == 0 ? ResultReader.Read(options.Inputs) : ResultReader.ReadIfAny(training.OtherInputs);
        var references = ReferenceReader.Read(options.References);

        ReportBuilder? builder = null;
        var files = OutputFolder.Write(target, IsReportEntry, "report", staging =>
        {
            Directory.CreateDirectory(Path.Combine(staging, ChartFolder));
            builder = ReportBuilder.Build(results, references, training.Runs, options.Title, Path.Combine(staging, ChartFolder));
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            File.WriteAllText(Path.Combine(staging, MarkdownFile), MarkdownRenderer.Render(builder.Document), utf8);
            File.WriteAllText(Path.Combine(staging, HtmlFile), HtmlRenderer.Render(builder.Document), utf8);
        });
        return new WrittenReport(target, files, builder!.Charts.Count, builder.Omitted);
    }

    private static readonly Func<string, bool> IsReportEntry = OutputFolder.FilesAndCharts(ChartFolder, MarkdownFile, HtmlFile);
}
