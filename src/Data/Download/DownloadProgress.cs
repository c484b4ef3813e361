namespace GeoAI.Data;

/// <summary>Progress of a download, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Received">Bytes of the file on disk so far (a resumed attempt starts from what the last one kept).</param>
/// <param name="Total">The file's size when the server says it, else null.</param>
/// <param name="Attempt">1 for the first try, 2 for the first retry, …</param>
/// <param name="Stage">"downloading", "retrying: REASON", "verifying", "done".</param>
public readonly record struct DownloadProgress(long Received, long? Total, int Attempt, string Stage);
