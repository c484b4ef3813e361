using GeoAI.Training;
using static TorchSharp.torch;

namespace GeoAI.Tests.Training;

/// <summary>
/// The flips and 90° rotations on a 2×2 image whose eight symmetries are written out by hand: every output is one of
/// them, the eight come out equally often, each sample draws its own, and one seed gives one sequence.
/// </summary>
public class DihedralAugmentationTests
{
    // The image [[1, 2], [3, 4]] row by row, and its images under the eight symmetries of the square.
    private static readonly int[][] Symmetries =
    [
        [1, 2, 3, 4], // identity
        [2, 1, 4, 3], // horizontal flip
        [3, 4, 1, 2], // vertical flip
        [1, 3, 2, 4], // transpose
        [4, 3, 2, 1], // both flips: 180° rotation
        [2, 4, 1, 3], // horizontal flip, then transpose: 90° counter-clockwise
        [3, 1, 4, 2], // vertical flip, then transpose: 90° clockwise
        [4, 2, 3, 1], // both flips, then transpose: the anti-diagonal
    ];

    private static int[][] Augment(DihedralAugmentation augmentation, int batch)
    {
        using var scope = NewDisposeScope();
        // Two channels, so a symmetry must move both alike.
        var image = tensor(new float[] { 1, 2, 3, 4, 1, 2, 3, 4 }).view(1, 2, 2, 2).expand(batch, 2, 2, 2).contiguous();
        var result = augmentation.Apply(image);
        Assert.Equal(new long[] { batch, 2, 2, 2 }, result.shape);
        Assert.Equal(new float[] { 1, 2, 3, 4, 1, 2, 3, 4 }, image[0].data<float>().ToArray()); // the input is left alone
        var values = result.data<float>().ToArray().Select(v => (int)v).ToArray();
        return Enumerable.Range(0, batch).Select(b =>
        {
            var sample = values.AsSpan(b * 8, 8);
            Assert.True(sample[..4].SequenceEqual(sample[4..]), $"sample {b}: the channels moved differently");
            return sample[..4].ToArray();
        }).ToArray();
    }

    [Fact]
    public void EverySampleIsOneOfTheEightSymmetriesAndEachComesOutAnEighthOfTheTime()
    {
        using var augmentation = new DihedralAugmentation(seed: 3);

        var outputs = Augment(augmentation, 8000);

        var counts = Symmetries.Select(s => outputs.Count(o => o.SequenceEqual(s))).ToArray();
        Assert.Equal(8000, counts.Sum()); // nothing else came out
        // Each count is binomial(8000, 1/8): mean 1000, standard deviation 29.6; ±150 is five of them.
        Assert.All(counts, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void OneSeedGivesOneSequenceAndAnotherSeedAnother()
    {
        using var first = new DihedralAugmentation(seed: 11);
        using var again = new DihedralAugmentation(seed: 11);
        using var other = new DihedralAugmentation(seed: 12);

        var a = Augment(first, 64);
        var b = Augment(again, 64);
        var c = Augment(other, 64);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, Augment(first, 64)); // the generator moves on
    }
}
