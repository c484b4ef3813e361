using System.Security.Cryptography;
using GeoAI.Tests.Data;

namespace GeoAI.Tests.Bench;

/// <summary>The <c>cache</c> and <c>download</c> subcommands, run as the program (they need no libtorch).</summary>
public class DataCommandTests
{
    private static ProcessRunner.Result Program(params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll"), .. args],
            timeout: TimeSpan.FromMinutes(2));

    [Fact]
    public void CacheBuildsThenReusesThenVerifiesAndRefusesATamperedFile()
    {
        using var temp = new TempDirectory();

        var built = Program("cache", "--data", "synthetic:40", "--cache-dir", temp.Path);
        var reused = Program("cache", "--data", "synthetic:40", "--cache-dir", temp.Path);
        var verified = Program("cache", "--data", "synthetic:40", "--cache-dir", temp.Path, "--verify");

        Assert.Equal(0, built.ExitCode);
        Assert.Contains("synthetic", built.StdOut);
        Assert.Contains("no cache yet", built.StdOut);
        Assert.Contains("reused", reused.StdOut);
        Assert.Equal(0, verified.ExitCode);
        Assert.Contains("verified", verified.StdOut);

        var file = Directory.GetFiles(temp.Path).Single();
        var bytes = File.ReadAllBytes(file);
        bytes[^100] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
        var refused = Program("cache", "--data", "synthetic:40", "--cache-dir", temp.Path, "--verify");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("checksum mismatch", refused.StdErr);
    }

    [Fact]
    public void CacheOfAMissingSourceIsBadInputNamingIt()
    {
        using var temp = new TempDirectory();

        var result = Program("cache", "--data", temp.Combine("nothing-here.zip"), "--cache-dir", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing-here.zip: no such file or folder", result.StdErr);
    }

    [Fact]
    public void DownloadKeepsAVerifiedFileAndNothingOnA404()
    {
        using var temp = new TempDirectory();
        var payload = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        using var server = new LocalHttpServer((_, request) =>
            request.Path == "/EuroSAT.zip" ? new LocalHttpServer.Reply(200, payload) : LocalHttpServer.Reply.NotFound);

        var ok = Program("download", "--url", server.Url(), "--output", temp.Combine("ok.zip"),
            "--sha256", Convert.ToHexStringLower(SHA256.HashData(payload)));
        var missing = Program("download", "--url", server.Url("/gone.zip"), "--output", temp.Combine("gone.zip"));

        Assert.Equal(0, ok.ExitCode);
        Assert.Equal(payload, File.ReadAllBytes(temp.Combine("ok.zip")));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("HTTP 404", missing.StdErr);
        Assert.Equal(new[] { "ok.zip" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }
}
