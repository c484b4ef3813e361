namespace GeoAI.Data;

/// <summary>
/// Reads the torchvision ImageFolder layout from a list of relative paths (a folder's files or a zip's entries):
/// <c>2750/&lt;Class&gt;/*.jpg</c> (EuroSAT.zip as published) or <c>&lt;Class&gt;/*.jpg</c>. Class index = ordinal order
/// of the class folder names (AnnualCrop = 0 … SeaLake = 9); images are ordered by class, then by ordinal file name, as
/// ImageFolder orders them. Anything else is refused with a message naming the path at fault.
/// </summary>
internal static class ImageFolderLayout
{
    /// <summary>The folder EuroSAT.zip keeps its class folders in.</summary>
    public const string EuroSatRoot = "2750";

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg"];

    /// <param name="files">Relative file paths ('/' or '\' separated).</param>
    /// <param name="directories">Relative folder paths, so empty class folders are noticed.</param>
    /// <param name="where">The folder or zip, for messages.</param>
    public static (IReadOnlyList<string> ClassNames, IReadOnlyList<SourceImage> Images) Resolve(
        IEnumerable<(string Path, long Length)> files, IEnumerable<string> directories, string where)
    {
        var images = files
            .Select(f => (Segments: Split(f.Path), f.Length))
            .Where(f => !IsHidden(f.Segments) && IsJpegName(f.Segments[^1]))
            .ToList();
        if (images.Count == 0)
            throw new DataSourceException(where, "no JPEG images found (expected 2750/<Class>/*.jpg or <Class>/*.jpg)");

        // Any image under 2750/<Class>/ makes it the published zip's layout; then every image must be.
        var rooted = images.Any(f => f.Segments.Length == 3 && f.Segments[0] == EuroSatRoot);
        var depth = rooted ? 3 : 2;
        foreach (var (segments, _) in images)
            if (segments.Length != depth || (rooted && segments[0] != EuroSatRoot))
                throw new DataSourceException($"{where}: {string.Join('/', segments)}",
                    $"unknown layout: images must all sit in class folders, as {(rooted ? "2750/<Class>/<image>.jpg like the others" : "<Class>/<image>.jpg or 2750/<Class>/<image>.jpg")}");

        var classNames = images.Select(f => f.Segments[depth - 2]).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        var classFolders = directories
            .Select(Split)
            .Where(d => !IsHidden(d) && d.Length == depth - 1 && (!rooted || d[0] == EuroSatRoot))
            .Select(d => d[^1]);
        var empty = classFolders.Except(classNames, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (empty.Count > 0)
            throw new DataSourceException($"{where}: {(rooted ? EuroSatRoot + "/" : "")}{empty[0]}",
                "class folder has no JPEG images" + (empty.Count > 1 ? $" (nor have {string.Join(", ", empty.Skip(1))})" : ""));
        CheckEuroSatClasses(classNames, where);

        var labelOf = classNames.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var ordered = images
            .Select(f => new SourceImage(string.Join('/', f.Segments), labelOf[f.Segments[depth - 2]], f.Length))
            .OrderBy(i => i.Label).ThenBy(i => i.RelativePath, StringComparer.Ordinal)
            .ToList();
        return (classNames, ordered);
    }

    /// <summary>
    /// Refuses zip entry names that could escape the extraction root: absolute paths, drive letters, '..' segments.
    /// Nothing is extracted, but such an archive is not a data set to trust.
    /// </summary>
    public static void CheckEntryName(string name, string where)
    {
        var normalised = name.Replace('\\', '/');
        if (normalised.StartsWith('/') || (normalised.Length >= 2 && normalised[1] == ':'))
            throw new DataSourceException($"{where}: {name}", "zip entry has an absolute path; refusing the archive");
        if (normalised.Split('/').Any(s => s == ".."))
            throw new DataSourceException($"{where}: {name}", "zip entry path contains '..'; refusing the archive");
    }

    /// <summary>
    /// A folder set that names any EuroSAT class must be exactly the ten, so a missing class is an error, not a
    /// silently smaller data set. Other class sets (a user's own ImageFolder) are taken as they are.
    /// </summary>
    private static void CheckEuroSatClasses(IReadOnlyList<string> classNames, string where)
    {
        var known = EuroSatClasses.Names;
        if (!classNames.Any(known.Contains))
            return;
        var missing = known.Except(classNames, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new DataSourceException(where, $"EuroSAT class folder{(missing.Count > 1 ? "s" : "")} missing: {string.Join(", ", missing)}");
        var unexpected = classNames.Except(known, StringComparer.Ordinal).ToList();
        if (unexpected.Count > 0)
            throw new DataSourceException(where, $"folder{(unexpected.Count > 1 ? "s" : "")} beside the EuroSAT classes: " +
                                                 $"{string.Join(", ", unexpected)} (not a EuroSAT class)");
    }

    private static string[] Split(string path) =>
        path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Dot files and macOS resource forks (__MACOSX/, ._name) are not data.</summary>
    private static bool IsHidden(string[] segments) =>
        segments.Any(s => s.StartsWith('.') || s == "__MACOSX");

    private static bool IsJpegName(string name) =>
        ImageExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
