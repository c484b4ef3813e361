using System.Net;
using System.Net.Http.Headers;

namespace GeoAI.Data;

/// <summary>
/// Downloads a file over HTTP(S) into <c>DESTINATION.part</c>, retrying an interrupted transfer, a stall or a 5xx
/// (resumed with a Range request when the server honours it; restarted from zero when it does not, answers 416, or
/// sends a range that does not continue what was kept), checks the checksums, and only then renames it to the
/// destination. A transfer that fails for good, or a checksum that does not match, leaves neither the destination nor
/// the <c>.part</c> file behind, so a half file is never mistaken for the data set; a destination already there is
/// kept only when it matches the checksums.
/// </summary>
public static class Downloader
{
    private const int BufferSize = 1 << 16;

    /// <param name="handler">The HTTP handler (tests and proxies); a default <see cref="SocketsHttpHandler"/> otherwise.</param>
    public static async Task<DownloadResult> DownloadAsync(DownloadOptions options, HttpMessageHandler? handler = null,
        CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Attempts, 1, nameof(options.Attempts));
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new DataSourceException(options.Url, "not an http:// or https:// URL");
        var destination = Path.GetFullPath(options.Destination);
        if (File.Exists(destination) && options.Checksums.Count > 0)
        {
            if (Mismatch(destination, options.Checksums) is null)
                return new DownloadResult(destination, new FileInfo(destination).Length, AlreadyPresent: true,
                    options.Checksums.Select(c => c.ToString()).ToList(), Attempts: 0);
            File.Delete(destination); // known wrong: if this fetch fails, it must not stay behind looking like the data set
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var part = destination + ".part";
        File.Delete(part); // a .part from a killed run is not trusted: this run starts clean
        using var client = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan, // a slow but moving transfer is fine; StallTimeout catches a dead one
        };
        try
        {
            var attempts = await Transfer(client, options, part, cancellation);
            options.Progress?.Report(new DownloadProgress(new FileInfo(part).Length, null, attempts, "verifying"));
            if (Mismatch(part, options.Checksums) is { } mismatch)
                throw new DataSourceException(options.Url,
                    $"checksum mismatch: expected {mismatch.Expected}, the download has {mismatch.Actual}; it was discarded");
            File.Move(part, destination, overwrite: true);
            var bytes = new FileInfo(destination).Length;
            options.Progress?.Report(new DownloadProgress(bytes, bytes, attempts, "done"));
            return new DownloadResult(destination, bytes, AlreadyPresent: false, options.Checksums.Select(c => c.ToString()).ToList(), attempts);
        }
        finally
        {
            File.Delete(part);
        }
    }

    /// <summary>Fetches the whole file into <paramref name="part"/>; returns the number of attempts it took.</summary>
    private static async Task<int> Transfer(HttpClient client, DownloadOptions options, string part, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TransferOnce(client, options, part, attempt, cancellation);
                return attempt;
            }
            catch (Exception e) when (IsInterruption(e, cancellation) && attempt < options.Attempts)
            {
                var kept = File.Exists(part) ? new FileInfo(part).Length : 0;
                options.Progress?.Report(new DownloadProgress(kept, null, attempt + 1, $"retrying: {Describe(e)}"));
                await Task.Delay(options.RetryDelay * attempt, cancellation);
            }
            catch (Exception e) when (IsInterruption(e, cancellation))
            {
                throw new DataSourceException(options.Url, $"download failed after {attempt} attempts: {Describe(e)}", e);
            }
        }
    }

    private static async Task TransferOnce(HttpClient client, DownloadOptions options, string part, int attempt,
        CancellationToken cancellation)
    {
        var have = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, options.Url);
        if (have > 0)
            request.Headers.Range = new RangeHeaderValue(have, null);
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stall.CancelAfter(options.StallTimeout);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token);

        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            File.Delete(part); // what we kept no longer fits the file: start over
            throw new IOException("the server refused to resume (HTTP 416); restarting");
        }
        if ((int)response.StatusCode >= 500)
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        if (!response.IsSuccessStatusCode)
            throw new DataSourceException(options.Url, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");

        var resumed = response.StatusCode == HttpStatusCode.PartialContent;
        if (resumed && !RunsFromTo(response.Content.Headers.ContentRange, have))
        {
            File.Delete(part); // the part sent cannot be appended to what we kept: start over
            throw new IOException($"the server sent Content-Range {response.Content.Headers.ContentRange?.ToString() ?? "(none)"}, " +
                $"not bytes {have}- to the end; restarting");
        }
        if (!resumed)
            have = 0; // the server sent the whole file (it ignored or does not support ranges)
        var length = response.Content.Headers.ContentLength;
        long? total = length is null ? null : have + length.Value;

        await using var file = new FileStream(part, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        await using var body = await response.Content.ReadAsStreamAsync(stall.Token);
        var buffer = new byte[BufferSize];
        var received = have;
        options.Progress?.Report(new DownloadProgress(received, total, attempt, "downloading"));
        int read;
        while ((read = await body.ReadAsync(buffer, stall.Token)) > 0)
        {
            stall.CancelAfter(options.StallTimeout);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
            received += read;
            options.Progress?.Report(new DownloadProgress(received, total, attempt, "downloading"));
        }
        if (total is { } expected && received != expected)
            throw new IOException($"the transfer ended after {received:N0} of {expected:N0} bytes");
    }

    /// <summary>True when a 206's range starts at the byte asked for and ends at the file's last byte.</summary>
    private static bool RunsFromTo(ContentRangeHeaderValue? range, long from) =>
        range is { From: { } start, To: { } end, Length: { } length } && start == from && end == length - 1;

    /// <summary>Failures worth another attempt: the connection broke, stalled, or the server had a passing error.</summary>
    private static bool IsInterruption(Exception e, CancellationToken cancellation) =>
        e is IOException or HttpRequestException || (e is OperationCanceledException && !cancellation.IsCancellationRequested);

    private static string Describe(Exception e) => e is OperationCanceledException ? "the transfer stalled" : e.Message;

    private static (string Expected, string Actual)? Mismatch(string path, IReadOnlyList<ExpectedChecksum> checksums)
    {
        foreach (var checksum in checksums)
        {
            var actual = checksum.Compute(path);
            if (!checksum.Matches(actual))
                return (checksum.ToString(), $"{checksum.Algorithm} {actual}");
        }
        return null;
    }
}
