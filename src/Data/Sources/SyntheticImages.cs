namespace GeoAI.Data;

/// <summary>
/// Draws synthetic EuroSAT images that a small CNN learns quickly: each class has its own mean colour (loosely after
/// the real class: dark green forest, blue sea, grey highway ...) and its own stripe texture (direction and period),
/// and each image adds a random brightness shift, per-channel tint, stripe phase and per-pixel noise. Integer
/// arithmetic and <see cref="SplitMix64"/> only, so the pixels are identical on every platform; image i depends only
/// on (seed, i, class), so images can be drawn in any order on any thread.
/// </summary>
public static class SyntheticImages
{
    /// <summary>Bump when the drawing changes: caches of older synthetic sets are then rebuilt.</summary>
    public const int Version = 1;

    private const int Size = EuroSatClasses.ImageSize;
    private const int Plane = Size * Size;
    private const int StripeAmplitude = 24;
    private const int NoiseAmplitude = 16;

    /// <summary>Mean R, G, B per class, in class order (AnnualCrop … SeaLake).</summary>
    private static readonly (int R, int G, int B)[] Colours =
    [
        (168, 140, 100), // AnnualCrop: bare and ripe fields
        (40, 78, 48), // Forest
        (104, 132, 72), // HerbaceousVegetation
        (124, 124, 128), // Highway
        (150, 146, 178), // Industrial
        (76, 168, 64), // Pasture
        (128, 100, 52), // PermanentCrop
        (208, 176, 150), // Residential
        (56, 100, 120), // River
        (20, 44, 104), // SeaLake
    ];

    /// <summary>Stripe direction (dx, dy) and period in pixels per class: every class its own texture.</summary>
    private static readonly (int Dx, int Dy, int Period)[] Stripes =
    [
        (1, 0, 8), (0, 1, 16), (1, 1, 10), (1, -1, 12), (2, 1, 14),
        (1, 2, 6), (2, -1, 9), (1, -2, 18), (3, 1, 20), (1, 3, 7),
    ];

    /// <summary>Writes image <paramref name="index"/> of class <paramref name="label"/> as uint8 CHW [3,64,64].</summary>
    public static void Render(long seed, int index, int label, Span<byte> chw)
    {
        if ((uint)label >= Colours.Length)
            throw new ArgumentOutOfRangeException(nameof(label), label, "synthetic images have classes 0..9");
        if (chw.Length != EuroSatClasses.BytesPerImage)
            throw new ArgumentException($"destination must hold {EuroSatClasses.BytesPerImage} bytes", nameof(chw));
        var random = SplitMix64.ForStream(seed, index);
        var brightness = (int)random.NextBelow(25) - 12;
        Span<int> tint = [(int)random.NextBelow(13) - 6, (int)random.NextBelow(13) - 6, (int)random.NextBelow(13) - 6];
        var (dx, dy, period) = Stripes[label];
        var phase = (int)random.NextBelow((uint)period);
        var colour = Colours[label];
        Span<int> mean = [colour.R + brightness + tint[0], colour.G + brightness + tint[1], colour.B + brightness + tint[2]];

        ulong noiseBits = 0;
        var bitsLeft = 0;
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
            {
                var stripe = Triangle(dx * x + dy * y + phase, period);
                for (var c = 0; c < 3; c++)
                {
                    if (bitsLeft == 0)
                    {
                        noiseBits = random.NextUInt64();
                        bitsLeft = 8;
                    }
                    // One byte of noise mapped onto -16..16.
                    var noise = (int)((noiseBits & 0xFF) * (2 * NoiseAmplitude + 1) >> 8) - NoiseAmplitude;
                    noiseBits >>= 8;
                    bitsLeft--;
                    chw[c * Plane + y * Size + x] = (byte)Math.Clamp(mean[c] + stripe + noise, 0, 255);
                }
            }
    }

    /// <summary>A triangle wave of the given period through -amplitude..+amplitude, in integers.</summary>
    private static int Triangle(int position, int period)
    {
        var t = ((position % period) + period) % period; // 0..period-1, also for negative positions
        return (Math.Abs(2 * t - period) * 2 * StripeAmplitude / period) - StripeAmplitude;
    }
}
