using GeoAI.Report.Documents;
using GeoAI.Report.Reference;
using GeoAI.Report.Results;
using GeoAI.Report.Training;

namespace GeoAI.Report;

/// <summary>
/// Writes a report folder: <c>report.md</c>, a self-contained <c>report.html</c> and <c>charts/*.png|svg</c>, published
/// whole or not at all by <see cref="OutputFolder"/>. Bad input is a <see cref="ReportException"/>, an unusable
/// <c>--out</c> an <see cref="OutputException"/>; either way the target is left as it was.
/// </summary>
public static class ReportWriter
{
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "report.html";
    public const string ChartFolder = "charts";

    public static WrittenReport Write(ReportOptions options)
    {
        var folder = Folder(options.OutputDirectory);
        folder.Check();
        // Training runs (train.json) are read apart; without any, the inputs go to the BenchmarkDotNet reader as always.
        var training = TrainRunInputs.Find(options.Inputs);
        var results = training.Runs.Count == 0 ? ResultReader.Read(options.Inputs) : ResultReader.ReadIfAny(training.OtherInputs);
        var references = ReferenceReader.Read(options.References);

        Sections.ReportContext? report = null;
        var files = folder.Publish(staging =>
        {
            Directory.CreateDirectory(Path.Combine(staging, ChartFolder));
            report = ReportBuilder.Build(results, references, training.Runs, options.Title, Path.Combine(staging, ChartFolder));
            DocumentFiles.WriteMarkdownAndHtml(report.Document, staging, MarkdownFile, HtmlFile);
        });
        return new WrittenReport(folder.FullPath, files, report!.Charts.Count, report.Omitted);
    }

    /// <summary>A report folder holds the two documents and the charts folder's PNG and SVG files, nothing else.</summary>
    private static OutputFolder Folder(string target) =>
        new(target, "report", OutputFolder.FilesAndCharts(ChartFolder, MarkdownFile, HtmlFile));
}
