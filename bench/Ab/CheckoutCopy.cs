namespace GeoAI.Bench.Ab;

/// <summary>
/// Mirrors a checkout's files (those git tracks, and untracked ones it does not ignore: what a commit of the working
/// tree would hold) into a build folder, rewriting only files that changed so the build there stays incremental.
/// </summary>
internal static class CheckoutCopy
{
    public static void Sync(string checkout, string tree)
    {
        var (exitCode, listing) = GitCommand.Run(checkout, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        if (exitCode != 0)
            throw new AbException($"{checkout}: git ls-files failed: {listing}");
        var files = listing.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => File.Exists(Path.Combine(checkout, f))) // deleted but not yet committed
            .ToHashSet(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var source = Path.Combine(checkout, file);
            var target = Path.Combine(tree, file);
            if (File.Exists(target) && SameContent(source, target))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
        if (!Directory.Exists(tree))
            return;
        foreach (var stale in Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(tree, f).Replace('\\', '/'))
                     .Where(f => !IsBuildOutput(f) && !files.Contains(f)).ToList())
            File.Delete(Path.Combine(tree, stale));
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split('/').Any(part => part is "bin" or "obj");

    private static bool SameContent(string a, string b) =>
        new FileInfo(a).Length == new FileInfo(b).Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
}
