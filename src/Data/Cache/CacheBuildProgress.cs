namespace GeoAI.Data;

/// <summary>Progress of a cache build, reported through <see cref="IProgress{T}"/> (the library draws nothing itself).</summary>
/// <param name="Done">Images processed so far (decoded, generated or skipped).</param>
/// <param name="Total">Images to process.</param>
/// <param name="Skipped">Corrupt images skipped so far (only with SkipCorruptImages).</param>
/// <param name="Stage">What is happening: "decoding" (JPEGs) or "generating" (the synthetic set), "checksum", "done".</param>
public readonly record struct CacheBuildProgress(int Done, int Total, int Skipped, string Stage);
