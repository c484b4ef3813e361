using System.Globalization;

namespace GeoAI.Data;

/// <summary>
/// Where the images come from: the synthetic stand-in, a folder in torchvision's layout, or EuroSAT.zip read in place.
/// A source knows its samples' labels and a cheap fingerprint of its content, and produces the uint8 CHW pixels of any
/// sample; the tensor cache is built from it once and then used instead.
/// </summary>
public abstract class EuroSatSource
{
    /// <summary>"synthetic", "folder" or "zip".</summary>
    public abstract string Kind { get; }

    public abstract bool IsSynthetic { get; }

    /// <summary>The spec that recreates this source: "synthetic:N[:SEED]" or the full path.</summary>
    public abstract string Spec { get; }

    /// <summary>
    /// The spec as results show it: a synthetic spec as it is, a folder or zip by its name alone. Results never carry a
    /// path: it names one machine's disk and says nothing about the data.
    /// </summary>
    public abstract string DisplaySpec { get; }

    /// <summary>
    /// One line for logs, results and reports; says "synthetic" for the synthetic source, and names real data by file
    /// name, size and SHA-256 (never by its path), so two results can tell whether they ran on the same bytes.
    /// </summary>
    public abstract string Description { get; }

    public abstract IReadOnlyList<string> ClassNames { get; }

    /// <summary>Class index of each sample, in sample order.</summary>
    public abstract IReadOnlyList<int> Labels { get; }

    public int Count => Labels.Count;

    /// <summary>
    /// Changes whenever the content may have changed (zip: its entries' names, sizes and CRC-32s; folder: its images'
    /// paths, sizes and modification times; synthetic: count, seed and generator version). Cheap: no pixel is read.
    /// </summary>
    public abstract string Fingerprint();

    /// <summary>How pixels are made from the source (decoder and resize filter, or generator), recorded in the cache.</summary>
    public abstract string Pipeline(IJpegDecoder decoder);

    /// <summary>A reader for one thread; building the cache opens one per worker.</summary>
    internal abstract ISampleReader OpenReader(IJpegDecoder decoder);

    /// <summary>
    /// Parses a data spec: null, "" or "synthetic" (the default: 27,000 synthetic images), "synthetic:N",
    /// "synthetic:N:SEED", a folder in torchvision's layout, or a EuroSAT zip file.
    /// </summary>
    public static EuroSatSource Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec == SyntheticSource.Name)
            return new SyntheticSource(EuroSatClasses.RealCount, SyntheticSource.DefaultSeed);
        if (spec.StartsWith(SyntheticSource.Name + ":", StringComparison.Ordinal))
            return ParseSynthetic(spec);
        var path = ExistingPath(spec);
        return Directory.Exists(path) ? FolderSource.Open(path) : ZipSource.Open(path);
    }

    /// <summary>
    /// Throws what <see cref="Parse"/> would for a spec that names nothing (bad synthetic syntax, no such path), without
    /// listing or reading the source: cheap enough for checking a command line.
    /// </summary>
    public static void CheckSpec(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec == SyntheticSource.Name || spec.StartsWith(SyntheticSource.Name + ":", StringComparison.Ordinal))
            Parse(spec);
        else
            ExistingPath(spec);
    }

    private static string ExistingPath(string spec)
    {
        var path = Path.GetFullPath(ExpandHome(spec));
        if (Directory.Exists(path) || File.Exists(path))
            return path;
        throw new DataSourceException(path, "no such file or folder (give a EuroSAT folder, EuroSAT.zip, or synthetic[:N])");
    }

    private static SyntheticSource ParseSynthetic(string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length > 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || (parts.Length == 3 && !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            throw new DataSourceException(spec, "not a data spec: use synthetic, synthetic:N or synthetic:N:SEED (N, SEED integers)");
        var seed = parts.Length == 3 ? long.Parse(parts[2], CultureInfo.InvariantCulture) : SyntheticSource.DefaultSeed;
        return new SyntheticSource(count, seed);
    }

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..]
            : path;
}
