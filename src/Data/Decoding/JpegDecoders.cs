namespace GeoAI.Data;

/// <summary>Creates the JPEG decoders and names the default one.</summary>
public static class JpegDecoders
{
    /// <summary>
    /// SkiaSharp: on the real EuroSAT zip it decoded about 2.4× faster than StbImageSharp (Stopwatch, 2 cores, see
    /// JpegDecodeBenchmarks for the BenchmarkDotNet numbers).
    /// </summary>
    public const JpegDecoderKind Default = JpegDecoderKind.Skia;

    public static IJpegDecoder Create(JpegDecoderKind kind = Default) => kind switch
    {
        JpegDecoderKind.Skia => new SkiaJpegDecoder(),
        JpegDecoderKind.Stb => new StbJpegDecoder(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown JPEG decoder"),
    };
}
