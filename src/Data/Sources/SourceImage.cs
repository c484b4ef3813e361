namespace GeoAI.Data;

/// <summary>One JPEG of a folder or zip source: its path relative to the source (with '/'), its class and size.</summary>
public sealed record SourceImage(string RelativePath, int Label, long Length);
