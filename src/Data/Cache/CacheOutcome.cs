namespace GeoAI.Data;

/// <summary>What <see cref="EuroSatData.Open"/> did with the cache file.</summary>
public enum CacheOutcome
{
    Reused,
    Built,
    Rebuilt,
}
