using GeoAI.Report.Charts;
using ScottPlot;

namespace GeoAI.Tests.Report;

/// <summary>
/// Charts must have readable text wherever the reporter runs, including the compat rootfs, whose SkiaSharp build does
/// without fontconfig: the font is found, has every glyph the charts use, and text really reaches the pixels.
/// </summary>
public sealed class ChartTextTests
{
    private const string GlyphsUsed = "CPU → CUDA speedup ÷ × µs · – 0123456789 images/s (log scale)";

    [Fact]
    public void DejaVuSansIsUsedWhereItIsInstalled()
    {
        Assert.SkipUnless(File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            "fonts-dejavu-core is not installed here (./geoai test runs in a rootfs that has it)");

        Assert.Equal("DejaVu Sans", ChartFonts.Family);
        var typeface = Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false);
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs(GlyphsUsed), "DejaVu Sans lacks a glyph the charts use");
        Assert.True(Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false).IsBold, "no bold face for titles");
    }

    [Fact]
    public void TitleTextIsDrawn()
    {
        const string title = "CPU → CUDA speedup on h100-box";
        var visible = ChartStyle.Create(title, "x", "y");
        var invisible = ChartStyle.Create(title, "x", "y");
        invisible.Axes.Title.Label.ForeColor = Colors.White; // same layout, no ink

        // A 20 pt bold title of 30 characters covers a few thousand pixels.
        Assert.InRange(InkInTitleBand(visible) - InkInTitleBand(invisible), 2000, 60_000);
    }

    private static int InkInTitleBand(Plot plot)
    {
        using var image = plot.GetImage(ChartStyle.Width, ChartStyle.Height);
        using var bitmap = SkiaSharp.SKBitmap.Decode(image.GetImageBytes(ImageFormat.Png));
        var dark = 0;
        for (var y = 0; y < 40; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y).Red < 128)
                    dark++;
        return dark;
    }
}
