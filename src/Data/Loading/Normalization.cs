using System.Runtime.Intrinsics;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Data;

/// <summary>
/// The chapter's <c>ToTensor()</c> + <c>Normalize((0.5,0.5,0.5),(0.5,0.5,0.5))</c>: a pixel byte x becomes
/// <c>x/255*2-1</c> in float32, each operation rounded as IEEE single precision does (which is bit for bit what
/// <c>(x/255 - 0.5)/0.5</c> gives). Only 256 values exist, so every path uses exactly these: host batches compute them
/// with vector division, the resident loader looks them up in <see cref="Table"/> on its device. All three loaders
/// therefore yield identical floats on any device (a CUDA division by a scalar multiplies by the reciprocal instead,
/// which would differ in the last bit for some bytes).
/// </summary>
public static class Normalization
{
    private static readonly float[] Values = Enumerable.Range(0, 256).Select(x => Normalize((byte)x)).ToArray();

    /// <summary>The normalised value of each byte 0..255.</summary>
    public static ReadOnlySpan<float> Table => Values;

    /// <summary>One byte, normalised.</summary>
    public static float Normalize(byte x) => (float)x / 255f * 2f - 1f;

    /// <summary>Normalises bytes into floats (same length), eight at a time where the CPU has 256-bit vectors.</summary>
    public static void Normalize(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (destination.Length != source.Length)
            throw new ArgumentException("source and destination lengths differ");
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= source.Length - 32; i += 32)
            {
                var (low, high) = Vector256.Widen(Vector256.Create(source.Slice(i, 32)));
                var (a, b) = Vector256.Widen(low);
                var (c, d) = Vector256.Widen(high);
                Normalize(a).CopyTo(destination.Slice(i, 8));
                Normalize(b).CopyTo(destination.Slice(i + 8, 8));
                Normalize(c).CopyTo(destination.Slice(i + 16, 8));
                Normalize(d).CopyTo(destination.Slice(i + 24, 8));
            }
        }
        for (; i < source.Length; i++)
            destination[i] = Values[source[i]];
    }

    private static Vector256<float> Normalize(Vector256<uint> x) =>
        Vector256.ConvertToSingle(x.AsInt32()) / Vector256.Create(255f) * Vector256.Create(2f) - Vector256.Create(1f);

    /// <summary>The table as a float32 [256] tensor on a device, for <see cref="Apply"/>; owned by the caller.</summary>
    public static Tensor TableOn(Device device)
    {
        using var cpu = tensor(Values);
        return device.type == DeviceType.CPU ? cpu.clone() : cpu.to(device);
    }

    /// <summary>Normalises a uint8 tensor on its own device by table lookup: float32 of the same shape.</summary>
    public static Tensor Apply(Tensor bytes, Tensor table)
    {
        using var flat = bytes.reshape(-1);
        using var indices = flat.to(ScalarType.Int64);
        using var values = table.index_select(0, indices);
        return values.reshape(bytes.shape);
    }
}
