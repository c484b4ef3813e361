namespace GeoAI.Models;

/// <summary>Writes tensors in a chosen format: the one place that maps a <see cref="WeightsFormat"/> to its writer.</summary>
internal static class WeightsWriter
{
    public static void Write(WeightsFormat format, FileStream output, IReadOnlyList<TensorToWrite> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        switch (format)
        {
            case WeightsFormat.SafeTensors:
                SafeTensorsWriter.Write(output, tensors, metadata ?? new Dictionary<string, string>());
                break;
            case WeightsFormat.PyTorchZip:
                PyTorchZipWriter.Write(output, tensors);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "files are written as safetensors or PyTorch zip");
        }
    }
}
