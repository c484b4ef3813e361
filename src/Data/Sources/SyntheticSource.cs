using System.Globalization;

namespace GeoAI.Data;

/// <summary>
/// A deterministic stand-in for EuroSAT when no real data is given: the same ten classes and image shape, 27,000 images
/// by default in the real per-class proportions (3000/3000/3000/2500/2500/2000/2500/3000/2500/3000), fewer on request
/// with the proportions kept (largest remainders). Samples are ordered by class as ImageFolder orders the real ones.
/// Pixels come from <see cref="SyntheticImages"/>; every description says "synthetic".
/// </summary>
public sealed class SyntheticSource : EuroSatSource
{
    public const string Name = "synthetic";

    public const long DefaultSeed = 2019;

    private readonly int[] labels;

    public SyntheticSource(int count = EuroSatClasses.RealCount, long seed = DefaultSeed)
    {
        if (count < EuroSatClasses.Names.Count)
            throw new DataSourceException($"{Name}:{count}", $"needs at least {EuroSatClasses.Names.Count} images, one per class");
        Seed = seed;
        ClassCounts = ProportionalCounts(count);
        labels = ClassCounts.SelectMany((n, label) => Enumerable.Repeat(label, n)).ToArray();
    }

    public long Seed { get; }

    /// <summary>Images per class, in class order.</summary>
    public IReadOnlyList<int> ClassCounts { get; }

    public override string Kind => Name;

    public override bool IsSynthetic => true;

    public override string Spec => Seed == DefaultSeed
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}:{Count}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name}:{Count}:{Seed}");

    public override string DisplaySpec => Spec;

    public override string Description =>
        string.Create(CultureInfo.InvariantCulture, $"synthetic EuroSAT stand-in ({Count:N0} generated images, seed {Seed}; not real data)");

    public override IReadOnlyList<string> ClassNames => EuroSatClasses.Names;

    public override IReadOnlyList<int> Labels => labels;

    public override string Fingerprint() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}:{Count}:{Seed}:generator-v{SyntheticImages.Version}");

    public override string Pipeline(IJpegDecoder decoder) =>
        $"synthetic generator v{SyntheticImages.Version} (class colour and stripe texture plus noise)";

    internal override ISampleReader OpenReader(IJpegDecoder decoder) => new Reader(this);

    /// <summary>Per-class counts for <paramref name="total"/> images in the real proportions, by largest remainder.</summary>
    public static int[] ProportionalCounts(int total)
    {
        var real = EuroSatClasses.RealCounts;
        var counts = real.Select(n => (int)((long)n * total / EuroSatClasses.RealCount)).ToArray();
        var byRemainder = Enumerable.Range(0, real.Count)
            .OrderByDescending(c => (long)real[c] * total % EuroSatClasses.RealCount)
            .ThenBy(c => c);
        foreach (var c in byRemainder.Take(total - counts.Sum()))
            counts[c]++;
        return counts;
    }

    private sealed class Reader(SyntheticSource source) : ISampleReader
    {
        public void Read(int index, Span<byte> chw) => SyntheticImages.Render(source.Seed, index, source.labels[index], chw);

        public string Describe(int index) => string.Create(CultureInfo.InvariantCulture, $"{source.Spec}#{index}");

        public void Dispose()
        {
        }
    }
}
