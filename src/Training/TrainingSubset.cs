using System.Globalization;
using GeoAI.Data;

namespace GeoAI.Training;

/// <summary>
/// The images a run trains and validates on: the seeded 75/25 split of <see cref="DatasetSplit.RandomSplit"/>, each
/// side optionally cut to its first N images (a random subset, since the split is a random permutation).
/// </summary>
public sealed record TrainingSubset(int[] Train, int[] Validation, int SplitTrainCount, int SplitValidationCount)
{
    public bool IsLimited => Train.Length < SplitTrainCount || Validation.Length < SplitValidationCount;

    /// <summary>
    /// Splits <paramref name="count"/> images with <paramref name="seed"/> and applies the limits. A limit below 1 or
    /// larger than its side of the split throws <see cref="ArgumentException"/> naming the option and the sizes.
    /// </summary>
    public static TrainingSubset Select(int count, long seed, int? trainLimit, int? validationLimit)
    {
        var (train, validation) = DatasetSplit.RandomSplit(count, seed);
        return new TrainingSubset(
            Cut(train, trainLimit, "--train-limit", "training", count),
            Cut(validation, validationLimit, "--val-limit", "validation", count),
            train.Length, validation.Length);
    }

    private static int[] Cut(int[] side, int? limit, string option, string name, int count)
    {
        if (side.Length == 0)
            throw new ArgumentException($"the data set holds {count} images: too few for a 75/25 split with a {name} side");
        if (limit is not { } n)
            return side;
        if (n < 1)
            throw new ArgumentException($"{option} must be at least 1, not {n}");
        if (n > side.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{option} {n} is larger than the {name} side of the split ({side.Length:N0} of {count:N0} images)"));
        return side[..n];
    }
}
