namespace GeoAI.Data;

/// <summary>
/// Turns a decoded interleaved image (RGB or RGBA rows) into the cache's 64×64 RGB planes. A 64×64 image is only
/// de-interleaved. Any other size is resized with a separable bilinear (triangle) filter whose support widens with the
/// shrink factor, i.e. antialiased downscaling: what PIL's BILINEAR and torchvision's <c>Resize(antialias=True)</c> do.
/// Pixel centres are at +0.5 (align_corners=False); results are rounded to nearest and clamped to 0..255.
/// </summary>
public static class ImageResampler
{
    /// <summary>The filter's name as written into the cache header.</summary>
    public const string FilterName = "bilinear (triangle filter, antialiased when shrinking, half-pixel centres)";

    private const int Size = EuroSatClasses.ImageSize;
    private const int Plane = Size * Size;

    /// <param name="pixels">Rows of <paramref name="width"/> pixels, <paramref name="bytesPerPixel"/> bytes each (R,G,B first).</param>
    /// <param name="chw">Destination, <see cref="EuroSatClasses.BytesPerImage"/> bytes.</param>
    public static void ToChw(ReadOnlySpan<byte> pixels, int width, int height, int bytesPerPixel, Span<byte> chw)
    {
        if (bytesPerPixel < 3 || pixels.Length < (long)width * height * bytesPerPixel)
            throw new ArgumentException($"{width}x{height} image with {bytesPerPixel} bytes per pixel needs more than {pixels.Length} bytes");
        if (chw.Length != EuroSatClasses.BytesPerImage)
            throw new ArgumentException($"destination must hold {EuroSatClasses.BytesPerImage} bytes, not {chw.Length}");
        if (width == Size && height == Size)
            Deinterleave(pixels, bytesPerPixel, chw);
        else
            Resize(pixels, width, height, bytesPerPixel, chw);
    }

    private static void Deinterleave(ReadOnlySpan<byte> pixels, int bytesPerPixel, Span<byte> chw)
    {
        var red = chw[..Plane];
        var green = chw.Slice(Plane, Plane);
        var blue = chw.Slice(2 * Plane, Plane);
        for (int i = 0, p = 0; i < Plane; i++, p += bytesPerPixel)
        {
            red[i] = pixels[p];
            green[i] = pixels[p + 1];
            blue[i] = pixels[p + 2];
        }
    }

    private static void Resize(ReadOnlySpan<byte> pixels, int width, int height, int bytesPerPixel, Span<byte> chw)
    {
        var columns = Weights(width);
        var rows = Weights(height);
        // Horizontal pass into floats: height rows of 64 RGB pixels.
        var horizontal = new float[height * Size * 3];
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * width * bytesPerPixel, width * bytesPerPixel);
            for (var x = 0; x < Size; x++)
            {
                var (first, weights) = columns[x];
                float r = 0, g = 0, b = 0;
                for (var k = 0; k < weights.Length; k++)
                {
                    var p = (first + k) * bytesPerPixel;
                    r += weights[k] * row[p];
                    g += weights[k] * row[p + 1];
                    b += weights[k] * row[p + 2];
                }
                var o = (y * Size + x) * 3;
                (horizontal[o], horizontal[o + 1], horizontal[o + 2]) = (r, g, b);
            }
        }
        // Vertical pass into the planes.
        for (var y = 0; y < Size; y++)
        {
            var (first, weights) = rows[y];
            for (var x = 0; x < Size; x++)
                for (var c = 0; c < 3; c++)
                {
                    float sum = 0;
                    for (var k = 0; k < weights.Length; k++)
                        sum += weights[k] * horizontal[((first + k) * Size + x) * 3 + c];
                    chw[c * Plane + y * Size + x] = (byte)Math.Clamp(MathF.Round(sum), 0, 255);
                }
        }
    }

    /// <summary>For each of the 64 output positions: the first input index it reads and the normalised weights.</summary>
    private static (int First, float[] Weights)[] Weights(int inputSize)
    {
        var scale = (double)inputSize / Size;
        var support = Math.Max(scale, 1.0); // triangle radius 1, widened by the shrink factor
        var result = new (int, float[])[Size];
        for (var o = 0; o < Size; o++)
        {
            var centre = (o + 0.5) * scale;
            var first = Math.Max(0, (int)Math.Floor(centre - support + 0.5));
            var last = Math.Min(inputSize, (int)Math.Floor(centre + support + 0.5)); // exclusive
            var weights = new double[Math.Max(1, last - first)];
            double total = 0;
            for (var k = 0; k < weights.Length; k++)
            {
                var distance = Math.Abs(first + k + 0.5 - centre) / support;
                weights[k] = Math.Max(0, 1 - distance);
                total += weights[k];
            }
            result[o] = (first, weights.Select(w => total > 0 ? (float)(w / total) : 1f / weights.Length).ToArray());
        }
        return result;
    }
}
