namespace GeoAI.Data;

/// <summary>What <see cref="Downloader"/> fetches, where to, and how it checks and retries.</summary>
public sealed record DownloadOptions
{
    public string Url { get; init; } = EuroSatDownload.OfficialUrl;

    /// <summary>The finished file; it only appears (renamed from <c>.part</c>) once complete and checked.</summary>
    public string Destination { get; init; } = EuroSatDownload.DefaultDestination;

    /// <summary>Checksums the file must match; none means it is kept unchecked (the result says so).</summary>
    public IReadOnlyList<ExpectedChecksum> Checksums { get; init; } = [];

    /// <summary>Tries in all: an interrupted transfer is resumed with a Range request, or restarted if the server ignores it.</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>Wait before retry n is n times this.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A transfer that receives nothing for this long counts as interrupted.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public IProgress<DownloadProgress>? Progress { get; init; }

    /// <summary>The official URL with its MD5, unless other checksums are given.</summary>
    public static DownloadOptions Official(string destination) =>
        new() { Destination = destination, Checksums = [ExpectedChecksum.Md5(EuroSatDownload.OfficialMd5)] };
}
