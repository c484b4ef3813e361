namespace GeoAI.Data;

/// <summary>
/// The EuroSAT RGB classes in class-index order (ordinal alphabetical, as torchvision's ImageFolder sorts folder names)
/// with the real per-class image counts, and the fixed image geometry every source is brought to.
/// </summary>
public static class EuroSatClasses
{
    public const int Channels = 3;

    public const int ImageSize = 64;

    /// <summary>Bytes of one image in the cache: uint8 CHW [3,64,64].</summary>
    public const int BytesPerImage = Channels * ImageSize * ImageSize;

    /// <summary>Images in the real data set.</summary>
    public const int RealCount = 27_000;

    public static IReadOnlyList<string> Names { get; } =
    [
        "AnnualCrop", "Forest", "HerbaceousVegetation", "Highway", "Industrial",
        "Pasture", "PermanentCrop", "Residential", "River", "SeaLake",
    ];

    /// <summary>Images per class in the real data set, in the order of <see cref="Names"/>.</summary>
    public static IReadOnlyList<int> RealCounts { get; } = [3000, 3000, 3000, 2500, 2500, 2000, 2500, 3000, 2500, 3000];
}
