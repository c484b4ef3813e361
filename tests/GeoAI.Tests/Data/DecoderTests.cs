using GeoAI.Data;

namespace GeoAI.Tests.Data;

public class DecoderTests
{
    public static TheoryData<JpegDecoderKind> Kinds => new(JpegDecoderKind.Skia, JpegDecoderKind.Stb);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SolidColourDecodesToItsPlanes(JpegDecoderKind kind)
    {
        var chw = new byte[EuroSatClasses.BytesPerImage];

        JpegDecoders.Create(kind).Decode(TestImages.SolidJpeg(200, 100, 30), chw);

        // Quality-100 JPEG of one colour: every pixel within 2 levels of it, in R, G, B plane order.
        Assert.All(chw.AsSpan(0, 4096).ToArray(), v => Assert.InRange(v, 198, 202));
        Assert.All(chw.AsSpan(4096, 4096).ToArray(), v => Assert.InRange(v, 98, 102));
        Assert.All(chw.AsSpan(8192, 4096).ToArray(), v => Assert.InRange(v, 28, 32));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void LargerImagesAreResizedTo64(JpegDecoderKind kind)
    {
        var chw = new byte[EuroSatClasses.BytesPerImage];

        JpegDecoders.Create(kind).Decode(TestImages.SolidJpeg(10, 250, 120, width: 200, height: 130), chw);

        Assert.All(chw.AsSpan(0, 4096).ToArray(), v => Assert.InRange(v, 8, 12));
        Assert.All(chw.AsSpan(4096, 4096).ToArray(), v => Assert.InRange(v, 248, 252));
    }

    [Fact]
    public void BothDecodersAgreeOnAGradientResizedFrom256()
    {
        var jpeg = TestImages.GradientJpeg(256, 256);
        var skia = new byte[EuroSatClasses.BytesPerImage];
        var stb = new byte[EuroSatClasses.BytesPerImage];

        JpegDecoders.Create(JpegDecoderKind.Skia).Decode(jpeg, skia);
        JpegDecoders.Create(JpegDecoderKind.Stb).Decode(jpeg, stb);

        Assert.True(skia.Zip(stb).All(p => Math.Abs(p.First - p.Second) <= 3), "decoders differ by more than 3 levels");
        // Red rises left to right: the middle row's first pixel is dark, its last bright.
        Assert.InRange(skia[32 * 64], 0, 8);
        Assert.InRange(skia[32 * 64 + 63], 247, 255);
    }

    [Fact]
    public void ResamplerDeinterleaves64AndAveragesWhenShrinking()
    {
        var rgb = new byte[64 * 64 * 3];
        for (var i = 0; i < 64 * 64; i++)
            (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = ((byte)i, 7, 200);
        var chw = new byte[EuroSatClasses.BytesPerImage];

        ImageResampler.ToChw(rgb, 64, 64, 3, chw);

        Assert.Equal(Enumerable.Range(0, 4096).Select(i => (byte)i), chw.Take(4096));
        Assert.All(chw.Skip(4096).Take(4096), v => Assert.Equal(7, v));

        // 128 columns alternating 0 and 200 shrink to their average, 100, away from the edges.
        var stripes = new byte[128 * 64 * 3];
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 128; x++)
                stripes[(y * 128 + x) * 3] = (byte)(x % 2 == 0 ? 0 : 200);
        ImageResampler.ToChw(stripes, 128, 64, 3, chw);
        Assert.All(Enumerable.Range(1, 62).Select(x => chw[10 * 64 + x]), v => Assert.Equal(100, v));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TruncatedJpegIsRefused(JpegDecoderKind kind)
    {
        var jpeg = TestImages.SolidJpeg(1, 2, 3);

        var error = Assert.Throws<InvalidDataException>(() =>
            JpegDecoders.Create(kind).Decode(jpeg[..(jpeg.Length / 2)], new byte[EuroSatClasses.BytesPerImage]));

        Assert.Contains("truncated", error.Message);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GarbageIsRefused(JpegDecoderKind kind)
    {
        var notJpeg = "hello, this is not an image at all"u8.ToArray();
        var corruptBody = TestImages.SolidJpeg(1, 2, 3);
        // Keep the SOI marker and the end marker, scramble the headers in between.
        for (var i = 3; i < corruptBody.Length - 2; i++)
            corruptBody[i] = 0x55;

        Assert.Contains("not a JPEG", Assert.Throws<InvalidDataException>(() =>
            JpegDecoders.Create(kind).Decode(notJpeg, new byte[EuroSatClasses.BytesPerImage])).Message);
        Assert.Contains("corrupt", Assert.Throws<InvalidDataException>(() =>
            JpegDecoders.Create(kind).Decode(corruptBody, new byte[EuroSatClasses.BytesPerImage])).Message);
    }
}
