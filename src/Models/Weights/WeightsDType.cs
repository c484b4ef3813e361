using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>
/// An element type a weights file may hold, under its names in both formats: the safetensors dtype ("F32") and the
/// PyTorch storage class ("FloatStorage"). Values are little-endian in both.
/// </summary>
public sealed record WeightsDType(string Name, string StorageClass, ScalarType ScalarType, int Size, bool IsFloating)
{
    public static IReadOnlyList<WeightsDType> All { get; } =
    [
        new("F64", "DoubleStorage", ScalarType.Float64, 8, true),
        new("F32", "FloatStorage", ScalarType.Float32, 4, true),
        new("F16", "HalfStorage", ScalarType.Float16, 2, true),
        new("BF16", "BFloat16Storage", ScalarType.BFloat16, 2, true),
        new("I64", "LongStorage", ScalarType.Int64, 8, false),
        new("I32", "IntStorage", ScalarType.Int32, 4, false),
        new("I16", "ShortStorage", ScalarType.Int16, 2, false),
        new("I8", "CharStorage", ScalarType.Int8, 1, false),
        new("U8", "ByteStorage", ScalarType.Byte, 1, false),
        new("BOOL", "BoolStorage", ScalarType.Bool, 1, false),
    ];

    /// <summary>The safetensors names accepted, for error messages: "F64, F32, F16, …".</summary>
    public static string Supported => string.Join(", ", All.Select(dtype => dtype.Name));

    public static WeightsDType? FromName(string name) => All.FirstOrDefault(dtype => dtype.Name == name);

    public static WeightsDType? FromScalarType(ScalarType type) => All.FirstOrDefault(dtype => dtype.ScalarType == type);

    /// <summary>Floating values load into floating tensors (converted to their dtype), integers into integers.</summary>
    public bool CanLoadInto(ScalarType target) => IsFloating == FromScalarType(target)?.IsFloating;

    public override string ToString() => Name;
}
