using System.Globalization;

namespace GeoAI.Models;

/// <summary>What <see cref="SafeTensors.Load"/> copied into a model.</summary>
/// <param name="FilePath">The file, as a full path.</param>
/// <param name="Tensors">Tensors loaded: every state-dict entry of the model.</param>
/// <param name="Bytes">Size of the file's data buffer.</param>
/// <param name="TensorsByDType">How many tensors the file stored in each dtype (VGG11-BN: "F32" 54, "I64" 8).</param>
/// <param name="Metadata">The file's <c>__metadata__</c>.</param>
public sealed record SafeTensorsLoadReport(
    string FilePath,
    int Tensors,
    long Bytes,
    IReadOnlyDictionary<string, int> TensorsByDType,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>One line, e.g. for VGG11-BN: "weights: 62 tensors (491.4 MB; F32 54, I64 8) from /path/vgg11bn.safetensors".</summary>
    public string Describe()
    {
        var dtypes = string.Join(", ", TensorsByDType.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}"));
        var megabytes = (Bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);
        var widened = TensorsByDType.Keys.Any(dtype => dtype is "F16" or "BF16") ? ", F16/BF16 widened to F32" : "";
        return $"weights: {Tensors} tensors ({megabytes} MB; {dtypes}{widened}) from {FilePath}";
    }
}
