using System.Text;

namespace GeoAI.Tests.Runtime;

/// <summary>
/// compat.sh decides from the host's libstdc++ whether libtorch can run natively. Fed fake libraries, its answer must
/// follow the GLIBCXX_3.4.32 symbol version alone.
/// </summary>
public sealed class CompatDetectionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("geoai-compat-").FullName;

    [Fact]
    public void LibraryWithGcc13SymbolVersionRunsNatively()
    {
        var library = FakeLibrary("GLIBCXX_3.4.30", "GLIBCXX_3.4.31", "GLIBCXX_3.4.32", "GLIBCXX_3.4.33");

        Assert.Equal(1, NeedsCompat(library).ExitCode);
    }

    [Fact]
    public void LibraryFromGcc12NeedsTheCompatRuntime()
    {
        var library = FakeLibrary("GLIBCXX_3.4.29", "GLIBCXX_3.4.30", "CXXABI_1.3.13");

        Assert.Equal(0, NeedsCompat(library).ExitCode);
    }

    [Fact]
    public void MissingLibraryNeedsTheCompatRuntime()
    {
        Assert.Equal(0, NeedsCompat(Path.Combine(folder, "absent.so")).ExitCode);
    }

    [Fact]
    public void ForcedModesOverrideTheLibrary()
    {
        var modern = FakeLibrary("GLIBCXX_3.4.32");
        var old = FakeLibrary("GLIBCXX_3.4.30");

        Assert.Equal(0, NeedsCompat(modern, "always").ExitCode);
        Assert.Equal(1, NeedsCompat(old, "never").ExitCode);
    }

    [Fact]
    public void UnknownModeIsRefusedWithAMessage()
    {
        var result = NeedsCompat(FakeLibrary("GLIBCXX_3.4.32"), "sometimes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("GEOAI_COMPAT must be auto, always or never", result.StdErr);
    }

    private string FakeLibrary(params string[] versions)
    {
        // A version table as the dynamic section stores it: NUL-separated strings among binary noise.
        var path = Path.Combine(folder, $"libstdc++-{Guid.NewGuid():N}.so.6");
        var bytes = new List<byte> { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0 };
        foreach (var version in versions)
            bytes.AddRange(Encoding.ASCII.GetBytes(version + "\0"));
        File.WriteAllBytes(path, [.. bytes]);
        return path;
    }

    private static ProcessRunner.Result NeedsCompat(string library, string mode = "auto") =>
        ProcessRunner.Run("bash", [RepoPaths.CompatScript, "needs-compat", library],
            new Dictionary<string, string?> { ["GEOAI_COMPAT"] = mode });

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
