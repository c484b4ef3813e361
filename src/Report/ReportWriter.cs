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
        CheckTarget(target);
        // Training runs (train.json) are read apart; without any, the inputs go to the BenchmarkDotNet reader as always.
        var training = TrainRunInputs.Find(options.Inputs);
        var results = training.Runs.Count == 0 ? ResultReader.Read(options.Inputs) : ResultReader.ReadIfAny(training.OtherInputs);
        var references = ReferenceReader.Read(options.References);

        var parent = Path.GetDirectoryName(target)!;
        var createdParent = !Directory.Exists(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.Combine(staging, ChartFolder));
            var builder = ReportBuilder.Build(results, references, training.Runs, options.Title, Path.Combine(staging, ChartFolder));
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            File.WriteAllText(Path.Combine(staging, MarkdownFile), MarkdownRenderer.Render(builder.Document), utf8);
            File.WriteAllText(Path.Combine(staging, HtmlFile), HtmlRenderer.Render(builder.Document), utf8);
            var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(staging, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            Publish(staging, target);
            return new WrittenReport(target, files, builder.Charts.Count, builder.Omitted);
        }
        catch
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
            if (createdParent && Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
                Directory.Delete(parent);
            throw;
        }
    }

    /// <summary>The target must be new, empty, or a previous report: never someone's other files.</summary>
    private static void CheckTarget(string target)
    {
        if (File.Exists(target))
            throw new ReportException($"{target}: is a file; --out must be a folder");
        if (!Directory.Exists(target))
            return;
        var foreign = Directory.EnumerateFileSystemEntries(target, "*", SearchOption.AllDirectories)
            .Select(entry => Path.GetRelativePath(target, entry).Replace('\\', '/'))
            .Where(entry => !IsReportEntry(entry))
            .ToList();
        if (foreign.Count > 0)
            throw new ReportException(
                $"{target}: holds files that are not a report ({string.Join(", ", foreign.Take(3))}" +
                $"{(foreign.Count > 3 ? ", ..." : "")}); give --out a new or empty folder, or a previous report's folder");
    }

    private static bool IsReportEntry(string entry) =>
        entry is MarkdownFile or HtmlFile or ChartFolder ||
        (entry.StartsWith(ChartFolder + "/", StringComparison.Ordinal) && entry.Count(c => c == '/') == 1 &&
         (entry.EndsWith(".png", StringComparison.Ordinal) || entry.EndsWith(".svg", StringComparison.Ordinal)));

    /// <summary>Renames the finished folder into place; a previous report is moved aside first and removed after.</summary>
    private static void Publish(string staging, string target)
    {
        CheckTarget(target);
        OutputFolder.Replace(staging, target);
    }
}
