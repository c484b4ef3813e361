namespace GeoAI.Data;

/// <summary>A cache file that must not be used: truncated, tampered with, of another format, or not a cache at all.</summary>
public sealed class CacheDamagedException(string path, string problem) : DataSourceException(path, problem);
