namespace GeoAI.Tests.Report.KnownAnswers;

/// <summary>
/// Timing samples whose truth is known because they are drawn from it: log-normal around a chosen median (times are
/// positive and their noise is multiplicative, as a loaded machine's is), seeded with <see cref="Random"/>'s
/// platform-independent seeded generator.
/// </summary>
internal sealed class GeneratedSamples(int seed)
{
    private readonly Random random = new(seed);

    /// <summary><paramref name="count"/> times with median <paramref name="median"/> and log-spread <paramref name="noise"/> (0.02 ≈ 2 %).</summary>
    public double[] LogNormal(int count, double median, double noise) =>
        Enumerable.Range(0, count).Select(_ => median * Math.Exp(noise * Normal())).ToArray();

    /// <summary>Each time from the fast mode or, with probability <paramref name="slowShare"/>, the slow one.</summary>
    public double[] Bimodal(int count, double fast, double slow, double slowShare, double noise) =>
        Enumerable.Range(0, count).Select(_ => (random.NextDouble() < slowShare ? slow : fast) * Math.Exp(noise * Normal())).ToArray();

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
