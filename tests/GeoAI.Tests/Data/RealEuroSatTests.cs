using System.IO.Compression;
using GeoAI.Data;

namespace GeoAI.Tests.Data;

/// <summary>The real EuroSAT.zip, when this machine has it beside the checkout: one cache build shared by the tests.</summary>
public sealed class RealEuroSatFixture : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly Lazy<EuroSatData> data;

    public RealEuroSatFixture()
    {
        data = new Lazy<EuroSatData>(() => EuroSatData.Open(RepoPaths.SharedEuroSatZip, new EuroSatDataOptions { CacheDirectory = temp.Path }));
    }

    public static bool Available => File.Exists(RepoPaths.SharedEuroSatZip);

    public static string SkipReason => $"the real EuroSAT zip is not on this machine ({RepoPaths.SharedEuroSatZip})";

    public EuroSatData Data => data.Value;

    public string CacheDirectory => temp.Path;

    public void Dispose()
    {
        if (data.IsValueCreated)
            data.Value.Dispose();
        temp.Dispose();
    }
}

public class RealEuroSatTests(RealEuroSatFixture fixture) : IClassFixture<RealEuroSatFixture>
{
    [Fact]
    public void TheZipHolds27000ImagesInTheRealClassCounts()
    {
        Assert.SkipUnless(RealEuroSatFixture.Available, RealEuroSatFixture.SkipReason);

        var data = fixture.Data;

        Assert.Equal(27_000, data.Count);
        Assert.Equal(EuroSatClasses.Names, data.ClassNames);
        Assert.Equal(EuroSatClasses.RealCounts, data.ClassCounts);
        Assert.False(data.IsSynthetic);
        Assert.DoesNotContain("synthetic", data.Description);
        Assert.Equal(0, data.CacheMetadata.SkippedImages);
        // Labels in class blocks, as ImageFolder orders them.
        Assert.Equal(EuroSatClasses.RealCounts.SelectMany((n, c) => Enumerable.Repeat((byte)c, n)), data.Labels.ToArray());
    }

    [Fact]
    public void CachedImagesEqualADirectDecodeOfTheirEntries()
    {
        Assert.SkipUnless(RealEuroSatFixture.Available, RealEuroSatFixture.SkipReason);
        var data = fixture.Data;
        var source = (ZipSource)data.Source;
        using var archive = ZipFile.OpenRead(RepoPaths.SharedEuroSatZip);
        var decoder = JpegDecoders.Create();
        var expected = new byte[EuroSatClasses.BytesPerImage];

        foreach (var index in new[] { 0, 1, 2999, 3000, 13_337, 26_999 })
        {
            var entry = archive.GetEntry(source.Images[index].RelativePath)!;
            using var stream = entry.Open();
            var bytes = new byte[entry.Length];
            stream.ReadExactly(bytes);
            decoder.Decode(bytes, expected);
            Assert.True(expected.AsSpan().SequenceEqual(data.Image(index)), $"image {index} ({entry.FullName}) differs");
        }
        // Ordinal names within a class: AnnualCrop_1, AnnualCrop_10, AnnualCrop_100, ...
        Assert.Equal("2750/AnnualCrop/AnnualCrop_1.jpg", source.Images[0].RelativePath);
        Assert.Equal("2750/AnnualCrop/AnnualCrop_10.jpg", source.Images[1].RelativePath);
        Assert.Equal("2750/Forest/Forest_1.jpg", source.Images[3000].RelativePath);
    }

    [Fact]
    public void ReopeningReusesTheVerifiedCache()
    {
        Assert.SkipUnless(RealEuroSatFixture.Available, RealEuroSatFixture.SkipReason);
        _ = fixture.Data;

        using var again = EuroSatData.Open(RepoPaths.SharedEuroSatZip, new EuroSatDataOptions { CacheDirectory = fixture.CacheDirectory });

        Assert.Equal(CacheOutcome.Reused, again.CacheOutcome);
        Assert.Equal(fixture.Data.CachePath, again.CachePath);
        Assert.Equal(331_776_000L + 27_000 + 4 * 4096, new FileInfo(again.CachePath).Length);
    }
}
