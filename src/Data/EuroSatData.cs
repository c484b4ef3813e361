using System.Diagnostics;

namespace GeoAI.Data;

/// <summary>
/// A EuroSAT data set ready for the loaders: the source's memory-mapped tensor cache (uint8 images [N,3,64,64] and
/// labels), opened, checked and if need be (re)built by <see cref="Open"/>. Owns the mapping; batch sources created
/// from it keep the mapping alive until they are disposed too.
/// </summary>
public sealed class EuroSatData : IDisposable
{
    private readonly TensorCache cache;

    private EuroSatData(EuroSatSource source, TensorCache cache, CacheOutcome outcome, string cacheNote, TimeSpan openTime)
    {
        Source = source;
        this.cache = cache;
        CacheOutcome = outcome;
        CacheNote = cacheNote;
        OpenTime = openTime;
    }

    public EuroSatSource Source { get; }

    public int Count => cache.Count;

    public IReadOnlyList<string> ClassNames => cache.Metadata.ClassNames;

    public IReadOnlyList<int> ClassCounts => cache.Metadata.ClassCounts;

    public bool IsSynthetic => Source.IsSynthetic;

    /// <summary>One line for logs and reports (says "synthetic" for the synthetic set, and how many images were skipped).</summary>
    public string Description => cache.Metadata.SkippedImages == 0
        ? Source.Description
        : $"{Source.Description}; {cache.Metadata.SkippedImages} corrupt images skipped";

    public string CachePath => cache.Path;

    public TensorCacheMetadata CacheMetadata => cache.Metadata;

    /// <summary>Whether the cache was reused, built or rebuilt by <see cref="Open"/>.</summary>
    public CacheOutcome CacheOutcome { get; }

    /// <summary>Why the cache was (re)built, or that it was reused; for logs.</summary>
    public string CacheNote { get; }

    /// <summary>Time <see cref="Open"/> took, builds included.</summary>
    public TimeSpan OpenTime { get; }

    /// <summary>Labels, one class index per image.</summary>
    public ReadOnlySpan<byte> Labels => cache.Labels;

    public int Label(int index) => cache.Labels[index];

    /// <summary>Image <paramref name="index"/> as uint8 CHW [3,64,64] (a view of the mapped file).</summary>
    public ReadOnlySpan<byte> Image(int index) => cache.Image(index);

    internal unsafe byte* ImagePointer => cache.Images;

    internal unsafe byte* LabelPointer => cache.LabelPointer;

    internal IDisposable LeaseMapping() => cache.Lease();

    /// <summary>
    /// Opens the data set a spec names (null, "synthetic", "synthetic:N[:SEED]", a folder or a zip; see
    /// <see cref="EuroSatSource.Parse"/>) through its tensor cache, building the cache first when it is missing, of another
    /// source version or pipeline, or damaged (by <see cref="CacheMode"/>).
    /// </summary>
    public static EuroSatData Open(string? spec = null, EuroSatDataOptions? options = null)
    {
        options ??= new EuroSatDataOptions();
        var stopwatch = Stopwatch.StartNew();
        var source = EuroSatSource.Parse(spec);
        var decoder = JpegDecoders.Create(options.Decoder);
        var path = CacheLocation.FileFor(source, options.CacheDirectory);
        var fingerprint = source.Fingerprint();
        var pipeline = source.Pipeline(decoder);

        string reason;
        if (options.Mode == CacheMode.Rebuild)
            reason = "rebuild requested";
        else if (!File.Exists(path))
            reason = "no cache yet";
        else
        {
            TensorCache? existing = null;
            try
            {
                existing = TensorCache.Open(path, options.VerifyChecksum);
                reason = Staleness(existing.Metadata, fingerprint, pipeline, options.SkipCorruptImages);
                if (reason.Length == 0)
                    return new EuroSatData(source, existing, CacheOutcome.Reused, $"reused {path}", stopwatch.Elapsed);
            }
            catch (CacheDamagedException e)
            {
                reason = $"the cache was damaged ({e.Problem})";
            }
            existing?.Dispose();
        }
        if (options.Mode == CacheMode.ExistingOnly)
            throw new CacheDamagedException(path, $"no usable cache: {reason}; build it with `cache --data {source.Spec}`");

        var outcome = reason == "no cache yet" ? CacheOutcome.Built : CacheOutcome.Rebuilt;
        TensorCacheBuilder.Build(source, path, decoder, options.SkipCorruptImages, options.BuildThreads, options.Progress,
            options.Cancellation);
        // The build hashed the payload as it wrote it; the fresh file only needs its header checked.
        var cache = TensorCache.Open(path, verifyChecksum: false);
        return new EuroSatData(source, cache, outcome, $"{(outcome == CacheOutcome.Built ? "built" : "rebuilt")} {path}: {reason}",
            stopwatch.Elapsed);
    }

    /// <summary>Why a valid cache file does not fit the source as it is now; empty when it does.</summary>
    private static string Staleness(TensorCacheMetadata metadata, string fingerprint, string pipeline, bool skipCorrupt)
    {
        if (metadata.SourceFingerprint != fingerprint)
            return "the source changed since the cache was built";
        if (metadata.Pipeline != pipeline)
            return $"the cache was made by {metadata.Pipeline}, now {pipeline} is asked for";
        if (metadata.SkippedImages > 0 && !skipCorrupt)
            return $"the cache left out {metadata.SkippedImages} corrupt images, but skipping was not asked for";
        return "";
    }

    public void Dispose() => cache.Dispose();
}
