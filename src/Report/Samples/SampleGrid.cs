using GeoAI.Report.Charts;
using SkiaSharp;

namespace GeoAI.Report.Samples;

/// <summary>One image of the grid: its class and its pixels as uint8 CHW [3, side, side].</summary>
public sealed record SampleTile(string ClassName, byte[] Chw, int Side);

/// <summary>
/// The chapter's Figure 2: example images with their class names. Each tile is upscaled by an integer factor with
/// nearest-neighbour sampling, so every pixel of the 64×64 original stays a crisp square; the class name sits under
/// each tile and a title on top. Written as PNG through a temporary file renamed when complete.
/// </summary>
public static class SampleGrid
{
    private const int Padding = 16;
    private const int CaptionHeight = 30;
    private const int TitleHeight = 56;
    private const float CaptionSize = 17;
    private const float TitleSize = 22;

    /// <summary>The image's size in pixels for <paramref name="tiles"/> laid out in <paramref name="columns"/> columns.</summary>
    public static (int Width, int Height) Size(int tiles, int columns, int side, int scale)
    {
        var rows = (tiles + columns - 1) / columns;
        var cell = side * scale;
        return (Padding + columns * (cell + Padding), TitleHeight + rows * (cell + CaptionHeight + Padding));
    }

    public static void Write(IReadOnlyList<SampleTile> tiles, int columns, int scale, string title, string path)
    {
        if (tiles.Count == 0)
            throw new ArgumentException("no images to draw", nameof(tiles));
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var side = tiles[0].Side;
        if (tiles.Any(t => t.Side != side || t.Chw.Length != 3 * side * side))
            throw new ArgumentException($"every tile must be uint8 CHW [3, {side}, {side}]", nameof(tiles));

        var family = ChartFonts.Family;
        using var titleFont = new SKFont(ScottPlot.Fonts.GetTypeface(family, bold: true, italic: false), TitleSize);
        using var captionFont = new SKFont(ScottPlot.Fonts.GetTypeface(family, bold: false, italic: false), CaptionSize);
        var (gridWidth, height) = Size(tiles.Count, columns, side, scale);
        // A narrow grid (few columns) widens to fit the title and is centred under it.
        var width = Math.Max(gridWidth, (int)Math.Ceiling(titleFont.MeasureText(title)) + 2 * Padding);
        var gridLeft = (width - gridWidth) / 2;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
                            ?? throw new ReportException($"{path}: could not create a {width}×{height} drawing surface");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        canvas.DrawText(title, width / 2f, TitleHeight - 20, SKTextAlign.Center, titleFont, ink);

        var cell = side * scale;
        var sampling = new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None);
        for (var i = 0; i < tiles.Count; i++)
        {
            var (row, column) = (i / columns, i % columns);
            var left = gridLeft + Padding + column * (cell + Padding);
            var top = TitleHeight + row * (cell + CaptionHeight + Padding);
            using var image = ToImage(tiles[i]);
            canvas.DrawImage(image, new SKRect(left, top, left + cell, top + cell), sampling);
            // A name wider than its cell (HerbaceousVegetation under a small tile) is drawn smaller, never over its neighbour.
            var room = cell + Padding - 4;
            var natural = captionFont.MeasureText(tiles[i].ClassName);
            captionFont.Size = natural > room ? CaptionSize * room / natural : CaptionSize;
            canvas.DrawText(tiles[i].ClassName, left + cell / 2f, top + cell + CaptionSize + 4, SKTextAlign.Center, captionFont, ink);
        }

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.partial-{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var stream = File.Create(temporary))
                png.SaveTo(stream);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
            throw new OutputException($"{full}: could not be written: {e.Message}", e);
        }
    }

    /// <summary>CHW planes interleaved into an opaque RGBA image of the tile's own size.</summary>
    private static SKImage ToImage(SampleTile tile)
    {
        var plane = tile.Side * tile.Side;
        var rgba = new byte[plane * 4];
        for (var p = 0; p < plane; p++)
        {
            rgba[4 * p] = tile.Chw[p];
            rgba[4 * p + 1] = tile.Chw[plane + p];
            rgba[4 * p + 2] = tile.Chw[2 * plane + p];
            rgba[4 * p + 3] = 255;
        }
        var info = new SKImageInfo(tile.Side, tile.Side, SKColorType.Rgba8888, SKAlphaType.Opaque);
        return SKImage.FromPixelCopy(info, rgba, tile.Side * 4);
    }
}
