using System.Buffers;
using SkiaSharp;

namespace GeoAI.Data;

/// <summary>JPEG decoding through SkiaSharp's codec (libjpeg-turbo inside Skia), to RGBA, then to RGB planes.</summary>
public sealed class SkiaJpegDecoder : IJpegDecoder
{
    public JpegDecoderKind Kind => JpegDecoderKind.Skia;

    public string Name { get; } = $"SkiaSharp {LibraryVersion.Of(typeof(SKCodec))}";

    public unsafe void Decode(byte[] jpeg, Span<byte> chw)
    {
        JpegFormat.EnsureComplete(jpeg);
        fixed (byte* encoded = jpeg)
        {
            // Wraps the pinned array without copying; the codec is done with it before the array is unpinned.
            using var data = SKData.Create((IntPtr)encoded, jpeg.Length);
            using var codec = SKCodec.Create(data)
                ?? throw new InvalidDataException("SkiaSharp cannot read it as an image (corrupt JPEG header)");
            var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            var rgba = ArrayPool<byte>.Shared.Rent(info.BytesSize);
            try
            {
                SKCodecResult result;
                fixed (byte* pixels = rgba)
                    result = codec.GetPixels(info, (IntPtr)pixels);
                if (result != SKCodecResult.Success)
                    throw new InvalidDataException($"corrupt JPEG: SkiaSharp decoding stopped with {result}");
                ImageResampler.ToChw(rgba, info.Width, info.Height, 4, chw);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rgba);
            }
        }
    }
}
