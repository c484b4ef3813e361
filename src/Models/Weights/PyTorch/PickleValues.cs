namespace GeoAI.Models;

/// <summary>A global the pickle named and the allowlist let through; what calling it means is decided by its kind.</summary>
internal sealed record PickleGlobal(string Module, string Name, PickleGlobalKind Kind, WeightsDType? DType = null)
{
    public string FullName => $"{Module}.{Name}";
}

internal enum PickleGlobalKind
{
    OrderedDict,
    RebuildTensor,
    RebuildTensorV2,
    RebuildParameter,
    StorageClass,
}

/// <summary>A Python dict or collections.OrderedDict, keys in insertion order (a later value for a key replaces the earlier one).</summary>
internal sealed class PickleDict
{
    private readonly List<KeyValuePair<object, object?>> items = [];
    private readonly Dictionary<object, int> positions = [];

    public IReadOnlyList<KeyValuePair<object, object?>> Items => items;

    public void Set(object key, object? value)
    {
        if (positions.TryGetValue(key, out var position))
        {
            items[position] = new(key, value);
            return;
        }
        positions[key] = items.Count;
        items.Add(new(key, value));
    }
}

/// <summary>
/// A storage a persistent id refers to: <see cref="ElementCount"/> elements of <see cref="DType"/> starting at element
/// <see cref="ElementOffset"/> of the file's storage <see cref="Key"/> (a legacy file's storage views start past 0).
/// </summary>
internal sealed record StorageRef(string Key, WeightsDType DType, long ElementOffset, long ElementCount);

/// <summary>A tensor as torch._utils._rebuild_tensor* describes it: a strided view of a storage.</summary>
internal sealed record PickledTensor(StorageRef Storage, long StorageOffset, long[] Shape, long[] Stride)
{
    public bool IsContiguous
    {
        get
        {
            long expected = 1;
            for (var dimension = Shape.Length - 1; dimension >= 0; dimension--)
            {
                if (Shape[dimension] != 1 && Stride[dimension] != expected)
                    return false;
                expected *= Shape[dimension];
            }
            return true;
        }
    }
}
