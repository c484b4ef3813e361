using GeoAI.Data;

namespace GeoAI.Tests.Data;

public class SplitTests
{
    [Fact]
    public void SplitMix64MatchesTheReferenceSequence()
    {
        // Reference outputs of Vigna's splitmix64.c for seed 1234567.
        var random = new SplitMix64(1234567);

        Assert.Equal(
            new[] { 6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL },
            Enumerable.Range(0, 5).Select(_ => random.NextUInt64()));
    }

    [Fact]
    public void PermutationsMatchAnIndependentImplementationOfTheDocumentedAlgorithm()
    {
        // Computed by a separate Python implementation of ForStream + Lemire + Fisher–Yates as documented.
        Assert.Equal(new[] { 8, 2, 6, 3, 4, 0, 9, 5, 1, 7 }, SplitMix64.ForStream(42, 0).Permutation(10));
        Assert.Equal(new[] { 0, 2, 7, 11, 10, 6, 9, 3, 8, 4, 5, 1 }, EpochOrder.For(12, seed: 7, epoch: 0, shuffle: true));
        Assert.Equal(new[] { 18, 11, 0, 15, 7, 2, 1, 3, 8, 19, 9, 16, 17, 13, 12, 6, 4, 10, 14, 5 },
            SplitMix64.ForStream(-3, 5).Permutation(20));
    }

    [Fact]
    public void NextBelowStaysInRange()
    {
        var random = new SplitMix64(5);
        var seen = new int[7];
        for (var i = 0; i < 7000; i++)
            seen[random.NextBelow(7)]++;

        Assert.All(seen, n => Assert.InRange(n, 850, 1150));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitMix64(1).NextBelow(0));
    }

    [Theory]
    [InlineData(27_000, 20_250, 6_750)]
    [InlineData(1_000, 750, 250)]
    [InlineData(10, 8, 2)]
    [InlineData(3, 3, 0)]
    public void SizesAreTheChaptersQuarterForValidationAndTheRestForTraining(int count, int train, int validation)
    {
        Assert.Equal((train, validation), DatasetSplit.Sizes(count));
    }

    [Fact]
    public void SplitOfTheFirstTenWithSeed42IsThePermutationCutAtEight()
    {
        var (train, validation) = DatasetSplit.RandomSplit(10, 42);

        Assert.Equal(new[] { 8, 2, 6, 3, 4, 0, 9, 5 }, train);
        Assert.Equal(new[] { 1, 7 }, validation);
    }

    [Fact]
    public void SplitIsDeterministicDisjointAndCoversEverySample()
    {
        var (train, validation) = DatasetSplit.RandomSplit(27_000, 42);
        var (trainAgain, validationAgain) = DatasetSplit.RandomSplit(27_000, 42);
        var (otherTrain, _) = DatasetSplit.RandomSplit(27_000, 43);

        Assert.Equal(train, trainAgain);
        Assert.Equal(validation, validationAgain);
        Assert.Equal(20_250, train.Length);
        Assert.Equal(6_750, validation.Length);
        Assert.Empty(train.Intersect(validation));
        Assert.Equal(Enumerable.Range(0, 27_000), train.Concat(validation).Order());
        Assert.NotEqual(train, otherTrain);
    }

    [Fact]
    public void EpochOrdersDifferPerEpochAndAreTheIdentityWithoutShuffle()
    {
        var first = EpochOrder.For(100, 42, 0, shuffle: true);
        var second = EpochOrder.For(100, 42, 1, shuffle: true);

        Assert.Equal(Enumerable.Range(0, 100), first.Order());
        Assert.NotEqual(first, second);
        Assert.Equal(first, EpochOrder.For(100, 42, 0, shuffle: true));
        Assert.Equal(Enumerable.Range(0, 100), EpochOrder.For(100, 42, 3, shuffle: false));
    }
}
