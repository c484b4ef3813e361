namespace GeoAI.Data;

/// <summary>
/// The order in which a batch source visits its samples in one epoch; the same for every loader kind, so all three yield
/// the same batches for the same seed.
/// </summary>
public static class EpochOrder
{
    /// <summary>
    /// Positions 0..count-1 into the source's index list: <c>SplitMix64.ForStream(seed, epoch + 1).Permutation(count)</c>
    /// when shuffling (stream 0 is the split's), the identity otherwise.
    /// </summary>
    public static int[] For(int count, long seed, int epoch, bool shuffle)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if (shuffle)
            return SplitMix64.ForStream(seed, epoch + 1L).Permutation(count);
        var identity = new int[count];
        for (var i = 0; i < count; i++)
            identity[i] = i;
        return identity;
    }
}
