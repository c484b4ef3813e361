namespace GeoAI.Data;

/// <summary>What a tensor cache holds and how it was made; stored as JSON in the cache header.</summary>
/// <param name="ClassNames">Class names in class-index order.</param>
/// <param name="ClassCounts">Images per class in the cache.</param>
/// <param name="SourceSpec">The data spec the cache was built from (path or synthetic:N[:SEED]).</param>
/// <param name="SourceDescription">One line about the source; says "synthetic" for the synthetic one.</param>
/// <param name="SourceFingerprint">The source's <see cref="EuroSatSource.Fingerprint"/> at build time.</param>
/// <param name="Pipeline">Decoder and resize filter, or synthetic generator version.</param>
/// <param name="SkippedImages">Corrupt images left out (only when built with SkipCorruptImages).</param>
/// <param name="SkippedExamples">The first few skipped files and why.</param>
public sealed record TensorCacheMetadata(
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<int> ClassCounts,
    string SourceKind,
    string SourceSpec,
    string SourceDescription,
    bool IsSynthetic,
    string SourceFingerprint,
    string Pipeline,
    DateTimeOffset BuiltAtUtc,
    double BuildSeconds,
    int BuildThreads,
    int SkippedImages,
    IReadOnlyList<string> SkippedExamples);
