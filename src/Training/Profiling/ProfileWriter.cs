using System.Text;

namespace GeoAI.Training.Profiling;

/// <summary>
/// Writes a profile folder (<c>trace.json</c>, <c>profile.json</c>, <c>profile.md</c> and the chart files a caller
/// draws) into a hidden folder beside the target and moves it into place only when complete: a failure leaves the target
/// as it was. The target must be new, empty or a previous profile's folder, never a file or someone's other files.
/// </summary>
public static class ProfileWriter
{
    public const string TraceFile = "trace.json";
    public const string JsonFile = "profile.json";
    public const string MarkdownFile = "profile.md";

    /// <summary>The chart's file name without extension; the chart is written as .png and .svg.</summary>
    public const string ChartId = "phases";

    private static readonly string[] OwnFiles = [TraceFile, JsonFile, MarkdownFile, ChartId + ".png", ChartId + ".svg"];

    /// <summary>Why <paramref name="target"/> cannot take a profile, or null when it can.</summary>
    public static string? TargetProblem(string target)
    {
        var full = Path.GetFullPath(target);
        if (File.Exists(full))
            return $"{full}: is a file; --out must be a folder";
        if (!Directory.Exists(full))
            return null;
        var foreign = Directory.EnumerateFileSystemEntries(full)
            .Select(Path.GetFileName)
            .Where(name => !OwnFiles.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        return foreign.Count == 0
            ? null
            : $"{full}: holds files that are not a profile's ({string.Join(", ", foreign.Take(3))}{(foreign.Count > 3 ? ", ..." : "")}); " +
              "give --out a new or empty folder, or a previous profile's folder";
    }

    /// <param name="drawChart">Draws the phase chart into the folder it is given (as <see cref="ChartId"/>.png and .svg)
    /// and returns the file the markdown shows; null to draw none.</param>
    /// <returns>The full path of the written folder.</returns>
    /// <exception cref="IOException">The target is a file or holds other files.</exception>
    public static string Write(ProfileRun run, string target, Func<string, ProfileSummary, string>? drawChart = null)
    {
        var full = Path.GetFullPath(target);
        if (TargetProblem(full) is { } problem)
            throw new IOException(problem);
        var summary = ProfileSummary.Of(run);
        var parent = Path.GetDirectoryName(full)!;
        var createdParent = !Directory.Exists(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            using (var trace = File.Create(Path.Combine(staging, TraceFile)))
                ChromeTrace.Write(run, trace);
            using (var json = File.Create(Path.Combine(staging, JsonFile)))
                ProfileJson.Write(run, summary, json);
            var chart = drawChart?.Invoke(staging, summary);
            File.WriteAllText(Path.Combine(staging, MarkdownFile), ProfileMarkdown.Render(run, summary, chart),
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Publish(staging, full);
            return full;
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

    /// <summary>Renames the finished folder into place; a previous profile is moved aside first and removed after.</summary>
    private static void Publish(string staging, string target)
    {
        if (TargetProblem(target) is { } problem)
            throw new IOException(problem);
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        var previous = staging + ".previous";
        Directory.Move(target, previous);
        Directory.Move(staging, target);
        Directory.Delete(previous, recursive: true);
    }
}
