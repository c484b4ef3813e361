namespace GeoAI.Data;

/// <summary>Creates the JPEG decoders and names the default one.</summary>
public static class JpegDecoders
{
    /// <summary>
    /// SkiaSharp: on real EuroSAT JPEGs it decoded 1.5–2× faster than StbImageSharp (about 84 against 124 µs per image in a
    /// short BenchmarkDotNet run of JpegDecoding on a busy 2-core EPYC; the two differ by at most 3 levels per pixel).
    /// </summary>
    public const JpegDecoderKind Default = JpegDecoderKind.Skia;

    public static IJpegDecoder Create(JpegDecoderKind kind = Default) => kind switch
    {
        JpegDecoderKind.Skia => new SkiaJpegDecoder(),
        JpegDecoderKind.Stb => new StbJpegDecoder(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown JPEG decoder"),
    };
}
