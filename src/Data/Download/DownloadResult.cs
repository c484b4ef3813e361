namespace GeoAI.Data;

/// <summary>What a download did.</summary>
/// <param name="Path">The complete file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="AlreadyPresent">True when the file was there already and matched its checksums (nothing fetched).</param>
/// <param name="Verified">The checksums it matched, e.g. "md5 c8fa…"; empty when none were given.</param>
/// <param name="Attempts">Transfers it took (0 when already present).</param>
public sealed record DownloadResult(string Path, long Bytes, bool AlreadyPresent, IReadOnlyList<string> Verified, int Attempts);
