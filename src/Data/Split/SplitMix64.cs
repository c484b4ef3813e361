namespace GeoAI.Data;

/// <summary>
/// The seeded generator behind every random choice in the data layer (split, epoch shuffles, synthetic images), defined
/// here bit for bit so results are the same on every platform and .NET version (System.Random's algorithm is not a
/// contract). SplitMix64 (Steele, Lea, Flood 2014): the state advances by 0x9E3779B97F4A7C15 and each output is the
/// state passed through the finaliser <see cref="Mix"/>. Bounded integers use Lemire's multiply-and-reject on the high
/// 32 bits of an output, so they are unbiased.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    private ulong state = seed;

    /// <summary>
    /// An independent generator for one numbered stream of a seed (an epoch, an image): seeded with
    /// <c>Mix(seed) ^ Mix(stream + Gamma)</c>, so neighbouring seeds and streams do not overlap.
    /// </summary>
    public static SplitMix64 ForStream(long seed, long stream) =>
        new(Mix(unchecked((ulong)seed)) ^ Mix(unchecked((ulong)stream + Gamma)));

    /// <summary>The SplitMix64 finaliser (a bijection on 64-bit values).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        state = unchecked(state + Gamma);
        return Mix(state);
    }

    /// <summary>Uniform in [0, bound): Lemire's method on the high 32 bits of each output, redrawing the biased few.</summary>
    public uint NextBelow(uint bound)
    {
        if (bound == 0)
            throw new ArgumentOutOfRangeException(nameof(bound), "bound must be positive");
        var product = (NextUInt64() >> 32) * bound;
        var low = (uint)product;
        if (low < bound)
        {
            var threshold = unchecked(0u - bound) % bound;
            while (low < threshold)
            {
                product = (NextUInt64() >> 32) * bound;
                low = (uint)product;
            }
        }
        return (uint)(product >> 32);
    }

    /// <summary>
    /// A random permutation of 0..count-1: Fisher–Yates from the last position down, position i swapped with
    /// <see cref="NextBelow"/>(i + 1).
    /// </summary>
    public int[] Permutation(int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
            order[i] = i;
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)NextBelow((uint)i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
