namespace GeoAI.Tests.Models;

/// <summary>
/// The torch.save files of torch_weights.py, written once by real PyTorch into a temporary folder: state dicts in
/// both of torch.save's formats, one shaped like torchvision's 2017 VGG file, every dtype and layout, and malformed
/// files. Where python3 cannot import torch the tests that need them skip, saying so.
/// </summary>
public sealed class TorchWeightsFiles : IDisposable
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "tests", "GeoAI.Tests", "Models", "torch_weights.py");

    private readonly string? python = Tests.Python3.Find();
    private readonly string? skipReason;

    public TorchWeightsFiles()
    {
        if (python is null || !Tests.Python3.CanImport(python, "torch"))
        {
            skipReason = "python3 with torch is not available here (./geoai test adds Debian's python3-torch to the compat rootfs)";
            return;
        }
        var written = Run("write", Folder);
        if (written.ExitCode != 0)
            throw new InvalidOperationException($"torch_weights.py write failed:\n{written.All}");
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("geoai-torch-weights-").FullName;

    /// <summary>A file torch_weights.py wrote; skips the test when PyTorch is not available.</summary>
    public string this[string name]
    {
        get
        {
            Assert.SkipWhen(skipReason is not null, skipReason ?? "");
            return Path.Combine(Folder, name);
        }
    }

    /// <summary>Runs torch_weights.py (same, loads, unrestricted-load) with real PyTorch.</summary>
    internal ProcessRunner.Result Run(params string[] arguments)
    {
        Assert.SkipWhen(skipReason is not null, skipReason ?? "");
        return ProcessRunner.Run(python!, [Script, .. arguments], timeout: TimeSpan.FromMinutes(3));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
