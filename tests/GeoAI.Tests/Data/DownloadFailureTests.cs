using GeoAI.Data;
using static GeoAI.Tests.Data.DownloadTests;

namespace GeoAI.Tests.Data;

/// <summary>
/// The ways a download goes wrong, each with the outcome the Downloader promises: a passing server error or a stall is
/// retried (resuming what it kept), a refused or mismatched range restarts from zero, and nothing unverified is left
/// at the destination.
/// </summary>
public class DownloadFailureTests
{
    private static readonly ExpectedChecksum Sha256 = ExpectedChecksum.Sha256(PayloadSha256);

    /// <summary>Request 1 stalls after 100,000 bytes, request 2 gets <paramref name="second"/>, later ones the whole file.</summary>
    private static Func<int, LocalHttpServer.Request, LocalHttpServer.Reply> StallThen(LocalHttpServer.Reply second) => (n, _) => n switch
    {
        1 => new LocalHttpServer.Reply(200, Payload, StallAfter: 100_000),
        2 => second,
        _ => new LocalHttpServer.Reply(200, Payload),
    };

    /// <summary>
    /// Downloads with a 2 s stall timeout (each stalled request costs that long; long enough that a loaded machine's
    /// pauses in a loopback transfer do not pass for a stall), checks the file is the payload, and returns the result
    /// and the progress reported.
    /// </summary>
    private static async Task<(DownloadResult Result, List<DownloadProgress> Progress)> Fetch(DownloadOptions options)
    {
        var progress = new List<DownloadProgress>();
        var result = await Downloader.DownloadAsync(options with
        {
            StallTimeout = TimeSpan.FromSeconds(2),
            Progress = new SynchronousProgress(progress.Add),
        }, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(Payload, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
        return (result, progress);
    }

    [Fact]
    public async Task AServerErrorIsRetriedAndKeepsWhatWasReceived()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer(StallThen(LocalHttpServer.Reply.Error(503)));

        var (result, progress) = await Fetch(Options(server, temp, Sha256));

        Assert.Equal(3, result.Attempts);
        Assert.Equal(new long?[] { null, 100_000, 100_000 }, server.Requests.Select(r => r.RangeStart));
        Assert.Contains(progress, p => p is { Stage: "retrying: HTTP 503 Service Unavailable", Received: 100_000, Attempt: 3 });
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task AServerErrorEveryTimeFailsNamingItAndKeepsNoFile()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((_, _) => LocalHttpServer.Reply.Error(500));

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Downloader.DownloadAsync(Options(server, temp, Sha256),
            cancellation: TestContext.Current.CancellationToken));

        Assert.EndsWith("download failed after 3 attempts: HTTP 500 Internal Server Error", error.Message);
        Assert.Equal(3, server.Requests.Count);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task ARefusedRangeRestartsFromZero()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer(StallThen(LocalHttpServer.Reply.Error(416)));

        var (result, progress) = await Fetch(Options(server, temp, Sha256));

        Assert.Equal(3, result.Attempts);
        Assert.Equal(new long?[] { null, 100_000, null }, server.Requests.Select(r => r.RangeStart));
        Assert.Contains(progress, p => p is { Received: 0, Attempt: 3 } && p.Stage.Contains("HTTP 416"));
    }

    [Fact]
    public async Task AStallIsCutByTheTimeoutAndResumedWhereItStopped()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((n, _) => new LocalHttpServer.Reply(200, Payload, StallAfter: n == 1 ? 120_000 : null));

        var (result, progress) = await Fetch(Options(server, temp, Sha256));

        Assert.Equal(2, result.Attempts);
        Assert.Equal(new long?[] { null, 120_000 }, server.Requests.Select(r => r.RangeStart));
        Assert.Contains(progress, p => p is { Stage: "retrying: the transfer stalled", Received: 120_000, Attempt: 2 });
    }

    [Fact]
    public async Task AStallEveryTimeFailsNamingItAndKeepsNoHalfFile()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((_, _) => new LocalHttpServer.Reply(200, Payload, HonourRange: false, StallAfter: 10_000));

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Downloader.DownloadAsync(Options(server, temp, Sha256) with
        {
            Attempts = 2,
            StallTimeout = TimeSpan.FromMilliseconds(500),
        }, cancellation: TestContext.Current.CancellationToken));

        Assert.EndsWith("download failed after 2 attempts: the transfer stalled", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    /// <summary>
    /// A 206 that does not run from the byte asked for to the last byte cannot be appended to what was kept: the
    /// kept bytes are dropped and the next attempt starts from zero (without checksums, appending it would have
    /// saved a corrupt file as a success).
    /// </summary>
    [Theory]
    [InlineData(150_000L, null)] // starts past the kept bytes
    [InlineData(null, 199_999L)] // starts right but stops short of the end
    public async Task AWrongContentRangeRestartsFromZero(long? from, long? to)
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((n, _) => n switch
        {
            1 => new LocalHttpServer.Reply(200, Payload, CutAfter: 100_000),
            2 => new LocalHttpServer.Reply(200, Payload, RangeFrom: from, RangeTo: to),
            _ => new LocalHttpServer.Reply(200, Payload),
        });

        var (result, progress) = await Fetch(Options(server, temp));

        Assert.Equal(3, result.Attempts);
        Assert.Null(server.Requests.ToArray()[2].RangeStart);
        Assert.Contains(progress, p => p is { Received: 0, Attempt: 3 } && p.Stage.Contains("Content-Range"));
    }

    [Fact]
    public async Task AStalePartFileIsNotTrusted()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((_, _) => new LocalHttpServer.Reply(200, Payload));
        await File.WriteAllBytesAsync(temp.Combine("EuroSAT.zip.part"), new byte[100_000], TestContext.Current.CancellationToken);

        await Fetch(Options(server, temp, Sha256));

        Assert.Null(Assert.Single(server.Requests).RangeStart);
        Assert.Equal(new[] { "EuroSAT.zip" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AnExistingFileWithTheWrongChecksumIsFetchedAgain()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((_, _) => new LocalHttpServer.Reply(200, Payload));
        await File.WriteAllBytesAsync(temp.Combine("EuroSAT.zip"), Payload[..^1], TestContext.Current.CancellationToken);

        var (result, _) = await Fetch(Options(server, temp, Sha256));

        Assert.False(result.AlreadyPresent);
        Assert.Equal(1, result.Attempts);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AnExistingFileWithTheWrongChecksumIsNotLeftWhenTheFetchFails()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((_, _) => LocalHttpServer.Reply.NotFound);
        await File.WriteAllBytesAsync(temp.Combine("EuroSAT.zip"), Payload[..^1], TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DataSourceException>(() => Downloader.DownloadAsync(Options(server, temp, Sha256),
            cancellation: TestContext.Current.CancellationToken));

        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
