using GeoAI.Data;

namespace GeoAI.Tests.Data;

public class SyntheticTests
{
    [Fact]
    public void DefaultIsTheRealSizeAndClassCounts()
    {
        var source = (SyntheticSource)EuroSatSource.Parse(null);

        Assert.Equal(27_000, source.Count);
        Assert.Equal(EuroSatClasses.RealCounts, source.ClassCounts);
        Assert.Equal(EuroSatClasses.Names, source.ClassNames);
        Assert.True(source.IsSynthetic);
        Assert.Contains("synthetic", source.Description);
        Assert.Same(source.GetType(), EuroSatSource.Parse("synthetic").GetType());
    }

    [Theory]
    [InlineData(1_000, new[] { 111, 111, 111, 93, 93, 74, 93, 111, 92, 111 })]
    [InlineData(10, new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData(2_700, new[] { 300, 300, 300, 250, 250, 200, 250, 300, 250, 300 })]
    public void SmallerSetsKeepTheProportions(int count, int[] expected)
    {
        // 1000: exact shares 111.1 (×5), 92.6 (×4), 74.1; flooring leaves 3 images, which go to the largest remainders
        // (.59) in class order: Highway, Industrial and PermanentCrop get 93, River keeps 92.
        Assert.Equal(expected, SyntheticSource.ProportionalCounts(count));
        Assert.Equal(count, new SyntheticSource(count).Labels.Count);
    }

    [Fact]
    public void LabelsAreInClassBlocks()
    {
        var source = new SyntheticSource(20);

        // 20 images: shares 2.2, 1.9 and 1.5 round to two per class.
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(c => new[] { c, c }), source.Labels);
    }

    [Theory]
    [InlineData("synthetic:9", "at least 10")]
    [InlineData("synthetic:abc", "synthetic:N")]
    [InlineData("synthetic:100:x", "synthetic:N")]
    [InlineData("synthetic:1:2:3", "synthetic:N")]
    public void BadSyntheticSpecsAreRefused(string spec, string message)
    {
        var error = Assert.ThrowsAny<DataSourceException>(() => EuroSatSource.Parse(spec));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void SpecsRoundTripWithCountAndSeed()
    {
        Assert.Equal("synthetic:500", EuroSatSource.Parse("synthetic:500").Spec);
        var seeded = (SyntheticSource)EuroSatSource.Parse("synthetic:500:-7");
        Assert.Equal(-7, seeded.Seed);
        Assert.Equal("synthetic:500:-7", seeded.Spec);
    }

    [Fact]
    public void ImagesAreDeterministicPerSeedAndIndex()
    {
        var first = new byte[EuroSatClasses.BytesPerImage];
        var again = new byte[EuroSatClasses.BytesPerImage];
        var otherSeed = new byte[EuroSatClasses.BytesPerImage];
        var otherIndex = new byte[EuroSatClasses.BytesPerImage];

        SyntheticImages.Render(1, 5, 3, first);
        SyntheticImages.Render(1, 5, 3, again);
        SyntheticImages.Render(2, 5, 3, otherSeed);
        SyntheticImages.Render(1, 6, 3, otherIndex);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        Assert.NotEqual(first, otherIndex);
    }

    [Fact]
    public void ClassMeanColoursAreFarApartAndImagesOfAClassVaryLittle()
    {
        // Mean RGB of 20 images per class: class means at least 40 levels apart; an image's mean within 32 of its class
        // mean (brightness ±12 and tint ±6 per channel reach √3·18 ≈ 31 at most; the noise averages out).
        var image = new byte[EuroSatClasses.BytesPerImage];
        var means = new double[10][];
        for (var c = 0; c < 10; c++)
        {
            var perImage = Enumerable.Range(0, 20).Select(i =>
            {
                SyntheticImages.Render(SyntheticSource.DefaultSeed, c * 1000 + i, c, image);
                return Enumerable.Range(0, 3).Select(ch => image.AsSpan(ch * 4096, 4096).ToArray().Average(b => (double)b)).ToArray();
            }).ToList();
            means[c] = Enumerable.Range(0, 3).Select(ch => perImage.Average(m => m[ch])).ToArray();
            Assert.All(perImage, m => Assert.True(Distance(m, means[c]) < 32, $"class {c}: image mean {Distance(m, means[c]):F1} from class mean"));
        }
        for (var a = 0; a < 10; a++)
            for (var b = a + 1; b < 10; b++)
                Assert.True(Distance(means[a], means[b]) > 40, $"classes {a} and {b} only {Distance(means[a], means[b]):F1} apart");

        static double Distance(double[] p, double[] q) => Math.Sqrt(p.Zip(q, (x, y) => (x - y) * (x - y)).Sum());
    }
}
