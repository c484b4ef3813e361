using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Tests.Models;

/// <summary>Small helpers the model tests share: counting, comparing state dicts bit for bit, a scratch folder.</summary>
internal static class ModelTestSupport
{
    public static long CountParameters(nn.Module model, bool trainableOnly = false) =>
        model.parameters().Where(p => !trainableOnly || p.requires_grad).Sum(p => p.numel());

    /// <summary>True when both modules hold the same keys with byte-identical contents (CPU tensors).</summary>
    public static bool StateDictsIdentical(nn.Module a, nn.Module b)
    {
        var left = a.state_dict();
        var right = b.state_dict();
        return left.Count == right.Count && left.All(pair =>
            right.TryGetValue(pair.Key, out var other) && BytesEqual(pair.Value, other));
    }

    public static bool BytesEqual(Tensor a, Tensor b) =>
        a.dtype == b.dtype && a.shape.SequenceEqual(b.shape) && a.bytes.SequenceEqual(b.bytes);
}

/// <summary>A fresh folder under the temp directory, deleted with everything in it on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("geoai-models-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
