namespace GeoAI.Data;

/// <summary>
/// The chapter's 75/25 split, done like <c>torch.utils.data.random_split</c>: one seeded permutation of all samples,
/// the first part for training and the rest for validation. Sizes follow the chapter
/// (<c>split = len/4; train_len = int(len - split); val_len = int(split)</c>) except that the validation part is
/// ⌊N/4⌋ and training gets everything else, so no sample is dropped when N is not a multiple of 4 (the chapter's
/// formula loses one then; for N = 27,000 both give 20,250 / 6,750).
/// </summary>
public static class DatasetSplit
{
    /// <summary>The seed used when none is given.</summary>
    public const long DefaultSeed = 42;

    public static (int Train, int Validation) Sizes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var validation = count / 4;
        return (count - validation, validation);
    }

    /// <summary>
    /// Disjoint index lists covering 0..count-1: training = the first <see cref="Sizes"/>.Train entries of
    /// <c>SplitMix64.ForStream(seed, 0).Permutation(count)</c>, validation = the rest, both in permutation order.
    /// </summary>
    public static (int[] Train, int[] Validation) RandomSplit(int count, long seed = DefaultSeed)
    {
        var (train, _) = Sizes(count);
        var order = SplitMix64.ForStream(seed, 0).Permutation(count);
        return (order[..train], order[train..]);
    }
}
