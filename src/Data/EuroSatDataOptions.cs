namespace GeoAI.Data;

/// <summary>How <see cref="EuroSatData.Open"/> finds, checks and (re)builds the tensor cache.</summary>
public sealed record EuroSatDataOptions
{
    /// <summary>Folder of the cache files; null = <see cref="CacheLocation.DefaultDirectory"/>.</summary>
    public string? CacheDirectory { get; init; }

    public JpegDecoderKind Decoder { get; init; } = JpegDecoders.Default;

    /// <summary>Leave corrupt images out (counted, and named in the cache header) instead of failing on the first.</summary>
    public bool SkipCorruptImages { get; init; }

    public CacheMode Mode { get; init; } = CacheMode.Auto;

    /// <summary>Check the payload checksum on open (about 30 ms for the full set when cached); see <see cref="TensorCache"/>.</summary>
    public bool VerifyChecksum { get; init; } = true;

    /// <summary>Cache build workers; 0 = one per logical core.</summary>
    public int BuildThreads { get; init; }

    public IProgress<CacheBuildProgress>? Progress { get; init; }

    public CancellationToken Cancellation { get; init; }
}
