using System.Text;
using GeoAI.Report.Documents;

namespace GeoAI.Report.Training;

/// <summary>
/// Writes a training run's folder: <c>train.json</c>, <c>train.md</c> and <c>charts/{loss,accuracy,confusion-matrix}</c>
/// as PNG and SVG. Everything is written into a hidden folder beside the target and moved into place only when
/// complete, so a failure leaves the target as it was: nothing, or the previous run.
/// </summary>
public static class TrainRunWriter
{
    public const string MarkdownFile = "train.md";
    public const string ChartFolder = "charts";

    /// <summary>
    /// The target must be new, empty, or a previous training run's folder (it holds train.json): never a file or
    /// someone's other files. Throws <see cref="ReportException"/> saying which.
    /// </summary>
    public static void CheckTarget(string target)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target))
            throw new ReportException($"{target}: is a file; --out must be a folder");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, TrainRunJson.FileName)))
            throw new ReportException($"{target}: holds files that are not a training run (no {TrainRunJson.FileName}); " +
                                      "give --out a new or empty folder, or a previous run's folder");
    }

    /// <summary>Writes the folder and returns its files, relative to it, in ordinal order.</summary>
    public static IReadOnlyList<string> Write(TrainRun run, string target)
    {
        target = Path.GetFullPath(target);
        CheckTarget(target);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            var charts = Path.Combine(staging, ChartFolder);
            Directory.CreateDirectory(charts);
            TrainRunJson.Write(run, Path.Combine(staging, TrainRunJson.FileName));
            var document = TrainRunDocument.Build(run, charts);
            File.WriteAllText(Path.Combine(staging, MarkdownFile), MarkdownRenderer.Render(document),
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(staging, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            Publish(staging, target);
            return files;
        }
        catch
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>Renames the finished folder into place; a previous run (or an empty folder) is moved aside first and removed after.</summary>
    private static void Publish(string staging, string target)
    {
        CheckTarget(target);
        OutputFolder.Replace(staging, target);
    }
}
