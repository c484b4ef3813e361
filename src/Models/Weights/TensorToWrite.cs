namespace GeoAI.Models;

/// <summary>A tensor for a writer: what it is, and how to write its values (exactly its byte length, row-major, little-endian).</summary>
public sealed record TensorToWrite(StoredTensor Tensor, Action<Stream> WriteValues)
{
    /// <summary>Every tensor of <paramref name="file"/>, read from it as it is written.</summary>
    public static IReadOnlyList<TensorToWrite> From(WeightsFile file) =>
        [.. file.Tensors.Select(tensor => new TensorToWrite(tensor, output =>
        {
            using var values = file.OpenRead(tensor);
            values.CopyTo(output, 1 << 20);
        }))];
}
