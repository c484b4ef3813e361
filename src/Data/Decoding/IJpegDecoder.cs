namespace GeoAI.Data;

/// <summary>Which JPEG library decodes the real images (both are served NuGet packages).</summary>
public enum JpegDecoderKind
{
    /// <summary>SkiaSharp: Skia's codec over libjpeg-turbo, native code.</summary>
    Skia,

    /// <summary>StbImageSharp: a managed C# port of stb_image.h.</summary>
    Stb,
}

/// <summary>
/// Decodes one JPEG into the cache's image layout: RGB planes, uint8 CHW [3,64,64]. Images of another size are resized
/// to 64×64 with <see cref="ImageResampler"/> (bilinear, antialiased when shrinking). Implementations are thread-safe.
/// </summary>
public interface IJpegDecoder
{
    JpegDecoderKind Kind { get; }

    /// <summary>Library and version, e.g. "SkiaSharp 3.119.4"; recorded in the cache header.</summary>
    string Name { get; }

    /// <summary>
    /// Decodes <paramref name="jpeg"/> into <paramref name="chw"/> (<see cref="EuroSatClasses.BytesPerImage"/> bytes).
    /// Throws <see cref="InvalidDataException"/> saying what is wrong when the data is not a complete, decodable JPEG.
    /// </summary>
    void Decode(byte[] jpeg, Span<byte> chw);
}
