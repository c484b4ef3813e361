using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace GeoAI.Data;

/// <summary>
/// Assembles one batch on the CPU from the mapped cache: each sample's uint8 row is read from the mapping and written,
/// normalised, straight into a new float32 tensor (one pass, no intermediate uint8 copy), labels into an int64 tensor.
/// </summary>
internal static unsafe class HostBatch
{
    /// <summary>x float32 [b,3,64,64] and y int64 [b] on the CPU, owned by no dispose scope.</summary>
    public static (Tensor X, Tensor Y) Assemble(byte* images, byte* labels, ReadOnlySpan<int> samples)
    {
        var count = samples.Length;
        var x = empty([count, EuroSatClasses.Channels, EuroSatClasses.ImageSize, EuroSatClasses.ImageSize], ScalarType.Float32)
            .DetachFromDisposeScope();
        var y = empty([count], ScalarType.Int64).DetachFromDisposeScope();
        try
        {
            var pixels = MemoryMarshal.Cast<byte, float>(x.bytes);
            var classes = MemoryMarshal.Cast<byte, long>(y.bytes);
            for (var k = 0; k < count; k++)
            {
                var sample = samples[k];
                var row = new ReadOnlySpan<byte>(images + (long)sample * EuroSatClasses.BytesPerImage, EuroSatClasses.BytesPerImage);
                Normalization.Normalize(row, pixels.Slice(k * EuroSatClasses.BytesPerImage, EuroSatClasses.BytesPerImage));
                classes[k] = labels[sample];
            }
            return (x, y);
        }
        catch
        {
            x.Dispose();
            y.Dispose();
            throw;
        }
    }
}
