namespace GeoAI.Report;

/// <summary>
/// Writes an output folder (a report, a history) so a reader never sees half of one: everything goes into a hidden
/// folder beside the target and is moved into place only when complete. A failure leaves the target as it was.
/// </summary>
public static class OutputFolder
{
    /// <summary>
    /// Checks the target, lets <paramref name="fill"/> write into a fresh staging folder, then puts that folder in place
    /// of the target. The target must be new, empty, or a previous output of the same kind: every entry in it passes
    /// <paramref name="isOwnEntry"/> (paths relative to the target, with '/').
    /// </summary>
    /// <param name="what">What the folder holds, for messages: "report", "history".</param>
    /// <returns>The files written, relative to the target, in ordinal order.</returns>
    public static IReadOnlyList<string> Write(string target, Func<string, bool> isOwnEntry, string what, Action<string> fill)
    {
        CheckReplaceable(target, isOwnEntry, what);
        var parent = Path.GetDirectoryName(target)!;
        var createdParent = !Directory.Exists(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            fill(staging);
            var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(staging, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            CheckReplaceable(target, isOwnEntry, what);
            Replace(staging, target);
            return files;
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

    /// <summary>The target must be new, empty, or a previous output of the same kind: never someone's other files.</summary>
    public static void CheckReplaceable(string target, Func<string, bool> isOwnEntry, string what)
    {
        if (File.Exists(target))
            throw new ReportException($"{target}: is a file; --out must be a folder");
        if (!Directory.Exists(target))
            return;
        var foreign = Directory.EnumerateFileSystemEntries(target, "*", SearchOption.AllDirectories)
            .Select(entry => Path.GetRelativePath(target, entry).Replace('\\', '/'))
            .Where(entry => !isOwnEntry(entry))
            .ToList();
        if (foreign.Count > 0)
            throw new ReportException(
                $"{target}: holds files that are not a {what} ({string.Join(", ", foreign.Take(3))}" +
                $"{(foreign.Count > 3 ? ", ..." : "")}); give --out a new or empty folder, or a previous {what}'s folder");
    }

    /// <summary>
    /// The entries of an output folder made of <paramref name="files"/> and a folder of PNG and SVG charts, for
    /// <see cref="Write"/>'s check of what a previous output may hold.
    /// </summary>
    public static Func<string, bool> FilesAndCharts(string chartFolder, params string[] files) => entry =>
        files.Contains(entry) || entry == chartFolder ||
        (entry.StartsWith(chartFolder + "/", StringComparison.Ordinal) && entry.Count(c => c == '/') == 1 &&
         (entry.EndsWith(".png", StringComparison.Ordinal) || entry.EndsWith(".svg", StringComparison.Ordinal)));

    /// <summary>
    /// Moves <paramref name="staging"/> (a sibling of <paramref name="target"/>, fully written) to <paramref name="target"/>.
    /// A previous <paramref name="target"/> is moved aside first and restored if the move fails, then deleted.
    /// </summary>
    public static void Replace(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        var previous = $"{staging}.previous";
        Directory.Move(target, previous);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }
        Directory.Delete(previous, recursive: true);
    }
}
