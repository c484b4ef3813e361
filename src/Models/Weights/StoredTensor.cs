namespace GeoAI.Models;

/// <summary>
/// One tensor of a weights file as its reader describes it before any value is read: name, dtype and shape. Its values
/// are <see cref="ByteLength"/> bytes, row-major and little-endian.
/// </summary>
public sealed record StoredTensor(string Name, WeightsDType DType, IReadOnlyList<long> Shape)
{
    /// <summary>Elements in all; readers refuse shapes whose product or byte size overflows.</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, size) => product * size);

    public long ByteLength => ElementCount * DType.Size;

    public string ShapeText => $"[{string.Join(", ", Shape)}]";

    /// <summary>The byte size of <paramref name="shape"/> in <paramref name="dtype"/>, or null when it overflows.</summary>
    internal static long? CheckedByteLength(IReadOnlyList<long> shape, WeightsDType dtype)
    {
        try
        {
            return checked(shape.Aggregate(1L, (product, size) => product * size) * dtype.Size);
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
