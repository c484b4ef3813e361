using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace GeoAI.Data;

/// <summary>
/// Where tensor caches live. Default folder, first that is set: the <c>GEOAI_DATA_CACHE</c> environment variable;
/// <c>$GEOAI_CACHE_DIR/data</c>; <c>$XDG_CACHE_HOME/geoai-bench/data</c>; <c>~/.cache/geoai-bench/data</c> (the same
/// root the compat runtime uses). An explicit folder (the <c>--cache-dir</c> option) overrides all of them. One file per
/// source: its name comes from the source's identity (kind and full path, or synthetic count and seed), so a changed
/// source rebuilds the same file rather than piling up new ones.
/// </summary>
public static class CacheLocation
{
    public const string EnvironmentVariable = "GEOAI_DATA_CACHE";

    public const string FileExtension = ".u8cache";

    public static string DefaultDirectory
    {
        get
        {
            var explicitDirectory = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return !string.IsNullOrEmpty(explicitDirectory) ? Path.GetFullPath(explicitDirectory) : Path.Combine(Root, "data");
        }
    }

    /// <summary>
    /// The geoai-bench cache root: <c>$GEOAI_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/geoai-bench</c>, else
    /// <c>~/.cache/geoai-bench</c> (the compat runtime keeps its rootfs there too).
    /// </summary>
    public static string Root
    {
        get
        {
            var geoaiCache = Environment.GetEnvironmentVariable("GEOAI_CACHE_DIR");
            if (!string.IsNullOrEmpty(geoaiCache))
                return Path.GetFullPath(geoaiCache);
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var cacheRoot = !string.IsNullOrEmpty(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.GetFullPath(Path.Combine(cacheRoot, "geoai-bench"));
        }
    }

    /// <summary>The given folder, or <see cref="DefaultDirectory"/> when null or empty.</summary>
    public static string Directory(string? cacheDirectory) =>
        string.IsNullOrEmpty(cacheDirectory) ? DefaultDirectory : Path.GetFullPath(cacheDirectory);

    /// <summary>The cache file for a source, e.g. <c>zip-EuroSAT-1a2b3c4d.u8cache</c> or <c>synthetic-27000-seed2019.u8cache</c>.</summary>
    public static string FileFor(EuroSatSource source, string? cacheDirectory = null)
    {
        string name;
        if (source is SyntheticSource synthetic)
            name = string.Create(CultureInfo.InvariantCulture, $"synthetic-{synthetic.Count}-seed{synthetic.Seed}");
        else
        {
            var stem = Path.GetFileNameWithoutExtension(source.Spec.TrimEnd('/'));
            var safeStem = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
            var pathHash = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(source.Spec));
            name = string.Create(CultureInfo.InvariantCulture, $"{source.Kind}-{safeStem}-{pathHash & 0xFFFFFFFF:x8}");
        }
        return Path.Combine(Directory(cacheDirectory), name + FileExtension);
    }
}
