using System.Security.Cryptography;
using GeoAI.Data;

namespace GeoAI.Tests.Data;

public class DownloadTests
{
    internal static readonly byte[] Payload = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31 % 251)).ToArray();
    internal static readonly string PayloadSha256 = Convert.ToHexStringLower(SHA256.HashData(Payload));
    private static readonly string PayloadMd5 = Convert.ToHexStringLower(MD5.HashData(Payload));

    internal static DownloadOptions Options(LocalHttpServer server, TempDirectory temp, params ExpectedChecksum[] checksums) => new()
    {
        Url = server.Url(),
        Destination = temp.Combine("EuroSAT.zip"),
        Checksums = checksums,
        RetryDelay = TimeSpan.Zero,
        Attempts = 3,
    };

    [Fact]
    public async Task SuccessWritesTheVerifiedFileAndNothingElse()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((_, _) => new LocalHttpServer.Reply(200, Payload));
        var progress = new List<DownloadProgress>();

        var result = await Downloader.DownloadAsync(Options(server, temp, ExpectedChecksum.Sha256(PayloadSha256), ExpectedChecksum.Md5(PayloadMd5))
            with { Progress = new SynchronousProgress(progress.Add) }, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(Payload, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
        Assert.Equal(new[] { "EuroSAT.zip" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName));
        Assert.Equal(new[] { $"sha256 {PayloadSha256}", $"md5 {PayloadMd5}" }, result.Verified);
        Assert.Equal(1, result.Attempts);
        Assert.Contains(progress, p => p is { Received: 300_000, Total: 300_000, Stage: "done" });
    }

    [Fact]
    public async Task WrongChecksumKeepsNoFile()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((_, _) => new LocalHttpServer.Reply(200, Payload));

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Downloader.DownloadAsync(
            Options(server, temp, ExpectedChecksum.Md5(new string('0', 32))), cancellation: TestContext.Current.CancellationToken));

        Assert.Contains("checksum mismatch", error.Message);
        Assert.Contains($"md5 {PayloadMd5}", error.Message);
        Assert.Contains(server.Url(), error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task ConnectionCutMidFileIsResumedWithARange()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((n, _) => new LocalHttpServer.Reply(200, Payload, CutAfter: n == 1 ? 100_000 : null));

        var result = await Downloader.DownloadAsync(Options(server, temp, ExpectedChecksum.Sha256(PayloadSha256)),
            cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(Payload, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
        Assert.Equal(2, result.Attempts);
        var requests = server.Requests.ToArray();
        Assert.Null(requests[0].RangeStart);
        Assert.InRange(requests[1].RangeStart ?? -1, 1, 100_000);
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task ConnectionCutWithoutRangeSupportRestartsFromZero()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((n, _) =>
            new LocalHttpServer.Reply(200, Payload, HonourRange: false, CutAfter: n == 1 ? 150_000 : null));

        var result = await Downloader.DownloadAsync(Options(server, temp, ExpectedChecksum.Sha256(PayloadSha256)),
            cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(Payload, await File.ReadAllBytesAsync(result.Path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ConnectionCutEveryTimeFailsAndKeepsNoHalfFile()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((_, _) => new LocalHttpServer.Reply(200, Payload, HonourRange: false, CutAfter: 50_000));

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Downloader.DownloadAsync(Options(server, temp),
            cancellation: TestContext.Current.CancellationToken));

        Assert.Contains("failed after 3 attempts", error.Message);
        Assert.Equal(3, server.Requests.Count);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task NotFoundFailsAtOnceAndKeepsNoFile()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((_, _) => LocalHttpServer.Reply.NotFound);

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Downloader.DownloadAsync(Options(server, temp),
            cancellation: TestContext.Current.CancellationToken));

        Assert.Contains("HTTP 404", error.Message);
        Assert.Single(server.Requests);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task AFileThatAlreadyMatchesIsNotFetchedAgain()
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer((_, _) => LocalHttpServer.Reply.NotFound);
        await File.WriteAllBytesAsync(temp.Combine("EuroSAT.zip"), Payload, TestContext.Current.CancellationToken);

        var result = await Downloader.DownloadAsync(Options(server, temp, ExpectedChecksum.Sha256(PayloadSha256)),
            cancellation: TestContext.Current.CancellationToken);

        Assert.True(result.AlreadyPresent);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.org/EuroSAT.zip")]
    public async Task OnlyHttpUrlsAreAccepted(string url)
    {
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Downloader.DownloadAsync(
            new DownloadOptions { Url = url, Destination = temp.Combine("x.zip") }, cancellation: TestContext.Current.CancellationToken));

        Assert.Contains("not an http:// or https:// URL", error.Message);
    }

    [Fact]
    public void ChecksumsMustBeHexOfTheRightLength()
    {
        Assert.Throws<ArgumentException>(() => ExpectedChecksum.Sha256("abc"));
        Assert.Throws<ArgumentException>(() => ExpectedChecksum.Md5(new string('g', 32)));
        Assert.Equal("md5 c8fa014336c82ac7804f0398fcb19387", ExpectedChecksum.Md5(" C8FA014336C82AC7804F0398FCB19387 ").ToString());
    }

    internal sealed class SynchronousProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
