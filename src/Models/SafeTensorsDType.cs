using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>The safetensors dtypes this project reads and writes, their names in the header and their sizes.</summary>
internal static class SafeTensorsDType
{
    private static readonly (string Name, ScalarType Type, int Size)[] Known =
    [
        ("F32", ScalarType.Float32, 4),
        ("F16", ScalarType.Float16, 2),
        ("BF16", ScalarType.BFloat16, 2),
        ("I64", ScalarType.Int64, 8),
    ];

    /// <summary>The names accepted, for error messages: "F32, F16, BF16, I64".</summary>
    public static string Supported => string.Join(", ", Known.Select(known => known.Name));

    public static bool TryParse(string name, out ScalarType type, out int size)
    {
        foreach (var known in Known)
        {
            if (known.Name == name)
            {
                (type, size) = (known.Type, known.Size);
                return true;
            }
        }
        (type, size) = (default, 0);
        return false;
    }

    public static bool TryName(ScalarType type, out string name)
    {
        name = Known.FirstOrDefault(known => known.Type == type).Name ?? "";
        return name.Length > 0;
    }

    /// <summary>Floating values load into floating tensors (converted to their dtype), integers into integers.</summary>
    public static bool CanLoadInto(ScalarType stored, ScalarType target) =>
        IsFloating(stored) == IsFloating(target);

    private static bool IsFloating(ScalarType type) =>
        type is ScalarType.Float32 or ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float64;
}
