using System.Security.Cryptography;
using GeoAI.Data;
using GeoAI.Models;

namespace GeoAI.Tests.Data;

/// <summary>
/// <c>download --weights</c>, run as the program against a server on 127.0.0.1 that serves a generated file under a
/// torch.hub-style name: the SHA-256 prefix in the name is checked, the file lands in torch.hub's checkpoints folder,
/// and a wrong prefix keeps nothing.
/// </summary>
public sealed class WeightsDownloadTests : IDisposable
{
    private static readonly byte[] Payload = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7 % 253)).ToArray();
    private static readonly string Prefix = Convert.ToHexStringLower(SHA256.HashData(Payload))[..8];

    private readonly TempDirectory temp = new();

    private Dictionary<string, string?> TorchHome => new() { ["TORCH_HOME"] = temp.Combine("torch") };

    private string Checkpoints => temp.Combine("torch", "hub", "checkpoints");

    private static ProcessRunner.Result Program(IDictionary<string, string?> environment, params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll"), .. args], environment,
            timeout: TimeSpan.FromMinutes(2));

    [Fact]
    public void TheFileIsCheckedAgainstThePrefixInItsNameAndKeptWhereTorchHubKeepsIt()
    {
        // The first transfer is cut part-way: the download resumes as the dataset download does.
        using var server = new LocalHttpServer((n, _) => new LocalHttpServer.Reply(200, Payload, CutAfter: n == 1 ? 50_000 : null));
        var url = server.Url($"/models/vgg11_bn-{Prefix}.pth");

        var result = Program(TorchHome, "download", "--weights", "vgg11bn", "--url", url);

        var path = Path.Combine(Checkpoints, $"vgg11_bn-{Prefix}.pth");
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(Payload, File.ReadAllBytes(path));
        Assert.Contains($"verified sha256 prefix {Prefix}", result.StdOut);
        Assert.Contains($"use it with --weights {path}\n", result.StdOut);
        Assert.Equal([path], Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories));
        Assert.Equal(2, server.Requests.Count);
        Assert.InRange(server.Requests.Last().RangeStart ?? -1, 1, 50_000);
    }

    [Fact]
    public void AWrongPrefixKeepsNothing()
    {
        using var server = new LocalHttpServer((_, _) => new LocalHttpServer.Reply(200, Payload));
        var url = server.Url("/models/vgg11_bn-00000000.pth");

        var result = Program(TorchHome, "download", "--weights", "vgg11bn", "--url", url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"checksum mismatch: expected sha256 prefix 00000000, the download has sha256 {Prefix}", result.StdErr);
        Assert.Empty(Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void AModelWithoutPublishedWeightsExitsTwo()
    {
        var result = Program(TorchHome, "download", "--weights", "cnn");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --weights cnn: no published weights for it; models with some: vgg11bn", result.StdErr);
    }

    [Fact]
    public void TorchvisionsNameCarriesItsPrefixAndTorchHubsFolderFollowsTorchHome()
    {
        Assert.Equal("vgg11_bn-6002323d.pth", TorchvisionWeights.Vgg11Bn.FileName);
        Assert.Equal("6002323d", TorchvisionWeights.HashPrefixOf(TorchvisionWeights.Vgg11Bn.FileName));
        Assert.Null(TorchvisionWeights.HashPrefixOf("EuroSAT.zip"));
        Assert.Equal("sha256 prefix 6002323d", ExpectedChecksum.Sha256Prefix("6002323D").ToString());
        Assert.True(ExpectedChecksum.Sha256Prefix("6002323d").Matches("6002323d" + new string('f', 56)));
        Assert.False(ExpectedChecksum.Sha256Prefix("6002323d").Matches("6002323e" + new string('f', 56)));
        Assert.Throws<ArgumentException>(() => ExpectedChecksum.Sha256Prefix("xyz"));
    }

    public void Dispose() => temp.Dispose();
}
