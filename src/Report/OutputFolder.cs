namespace GeoAI.Report;

/// <summary>
/// Publishes an output folder (a report, a training run, a profile) whole or not at all. Everything is written into a
/// hidden staging folder beside the target and renamed into place only when complete; a previous output is moved aside
/// first and restored if the rename fails, so a reader never sees half of one and half of another. One rule for every
/// command: the target is new, empty, or holds only what this kind of output writes (a previous run of the same
/// command), never a file or someone else's files. Every problem is an <see cref="OutputException"/> naming the folder.
/// </summary>
/// <param name="target">The folder to publish (relative paths are taken from the working directory).</param>
/// <param name="kind">What the folder holds, for messages: "report", "training run", "profile".</param>
/// <param name="isOwnEntry">Whether a path inside the folder (relative, '/'-separated; files and folders) is one this
/// kind of output writes.</param>
public sealed class OutputFolder(string target, string kind, Func<string, bool> isOwnEntry)
{
    public string FullPath { get; } = Path.GetFullPath(target);

    /// <summary>
    /// The entries of an output made of <paramref name="files"/> and, when given, a <paramref name="chartFolder"/> of
    /// PNG and SVG charts: what <c>isOwnEntry</c> is for every output this suite writes.
    /// </summary>
    public static Func<string, bool> FilesAndCharts(string? chartFolder, params string[] files) => entry =>
        files.Contains(entry) ||
        (chartFolder is not null && (entry == chartFolder ||
            (entry.StartsWith(chartFolder + "/", StringComparison.Ordinal) && entry.Count(c => c == '/') == 1 &&
             (entry.EndsWith(".png", StringComparison.Ordinal) || entry.EndsWith(".svg", StringComparison.Ordinal)))));

    private string Article => "aeiou".Contains(char.ToLowerInvariant(kind[0])) ? "an " : "a ";

    /// <summary>Throws <see cref="OutputException"/> when the target cannot take this output; checked again before publishing.</summary>
    public void Check()
    {
        if (File.Exists(FullPath))
            throw new OutputException($"{FullPath}: is a file; --out must be a folder");
        if (!Directory.Exists(FullPath))
            return;
        var foreign = Directory.EnumerateFileSystemEntries(FullPath, "*", SearchOption.AllDirectories)
            .Select(entry => Path.GetRelativePath(FullPath, entry).Replace('\\', '/'))
            .Where(entry => !isOwnEntry(entry))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (foreign.Count > 0)
            throw new OutputException(
                $"{FullPath}: holds files that are not {Article}{kind}'s ({string.Join(", ", foreign.Take(3))}{(foreign.Count > 3 ? ", ..." : "")}); " +
                $"give --out a new or empty folder, or a previous {kind}'s folder");
    }

    /// <summary>
    /// Calls <paramref name="write"/> with an empty staging folder, then puts that folder in place of the target. On any
    /// failure the staging folder (and a parent folder made for it) is removed and the target is left as it was.
    /// </summary>
    /// <returns>Every file written, relative to the folder, '/'-separated, in ordinal order.</returns>
    public IReadOnlyList<string> Publish(Action<string> write)
    {
        Check();
        var parent = Path.GetDirectoryName(FullPath)!;
        var createdParent = !Directory.Exists(parent);
        var staging = NewStaging();
        try
        {
            Directory.CreateDirectory(staging);
            write(staging);
            var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(staging, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            Check();
            Replace(staging);
            return files;
        }
        catch (Exception e)
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
            if (createdParent && Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
                Directory.Delete(parent);
            if (e is IOException or UnauthorizedAccessException)
                throw new OutputException($"{FullPath}: could not be written: {e.Message}", e);
            throw;
        }
    }

    /// <summary>
    /// A staging folder path beside the target, for an output written over a long run whose partial files must outlive a
    /// failure (<c>ab</c> keeps its launch logs): <see cref="Check"/> first, write there, then <see cref="Publish(string)"/>.
    /// </summary>
    public string NewStaging() =>
        Path.Combine(Path.GetDirectoryName(FullPath)!, $".{Path.GetFileName(FullPath)}.partial-{Guid.NewGuid():N}");

    /// <summary>Puts a complete staging folder from <see cref="NewStaging"/> in place of the target, checked again first.</summary>
    public void Publish(string staging)
    {
        Check();
        try
        {
            Replace(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{FullPath}: could not be written: {e.Message}", e);
        }
    }

    /// <summary>Moves the finished staging folder to the target; a previous target is moved aside, restored on failure, then deleted.</summary>
    private void Replace(string staging)
    {
        if (!Directory.Exists(FullPath))
        {
            Directory.Move(staging, FullPath);
            return;
        }
        var previous = $"{staging}.previous";
        Directory.Move(FullPath, previous);
        try
        {
            Directory.Move(staging, FullPath);
        }
        catch
        {
            Directory.Move(previous, FullPath);
            throw;
        }
        Directory.Delete(previous, recursive: true);
    }
}
