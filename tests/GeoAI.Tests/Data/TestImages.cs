using System.IO.Compression;
using SkiaSharp;

namespace GeoAI.Tests.Data;

/// <summary>Small JPEGs, folders and zips in torchvision's EuroSAT layout, made inside the tests.</summary>
internal static class TestImages
{
    /// <summary>A JPEG of one solid colour (quality 100, so it decodes to within a step or two of the colour).</summary>
    public static byte[] SolidJpeg(byte r, byte g, byte b, int width = 64, int height = 64)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(r, g, b));
        return Encode(bitmap);
    }

    /// <summary>A JPEG whose red channel rises left to right (0 → 255) and whose green falls top to bottom.</summary>
    public static byte[] GradientJpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(255 * x / (width - 1)), (byte)(255 - 255 * y / (height - 1)), 80));
        return Encode(bitmap);
    }

    /// <summary>The colour of image i of class c in the test data sets: distinct per class and per image.</summary>
    public static (byte R, byte G, byte B) ColourOf(int classIndex, int image) =>
        ((byte)(20 + 23 * classIndex), (byte)(40 + 9 * image), (byte)(200 - 15 * classIndex));

    /// <summary>
    /// Files of a data set in EuroSAT's layout: for each class, <paramref name="perClass"/> solid JPEGs named
    /// <c>&lt;Class&gt;_&lt;n&gt;.jpg</c> (n from 1) under <c>[2750/]&lt;Class&gt;/</c>.
    /// </summary>
    public static IEnumerable<(string Path, byte[] Bytes)> Layout(IReadOnlyList<string> classes, int perClass, bool rooted = true)
    {
        for (var c = 0; c < classes.Count; c++)
            for (var n = 1; n <= perClass; n++)
            {
                var (r, g, b) = ColourOf(c, n);
                yield return ($"{(rooted ? "2750/" : "")}{classes[c]}/{classes[c]}_{n}.jpg", SolidJpeg(r, g, b));
            }
    }

    public static string WriteFolder(string root, IEnumerable<(string Path, byte[] Bytes)> files)
    {
        foreach (var (path, bytes) in files)
        {
            var full = System.IO.Path.Combine(root, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        return root;
    }

    /// <summary>A zip with the given entries stored (uncompressed, as the real EuroSAT.zip); a null payload makes a folder entry.</summary>
    public static string WriteZip(string path, IEnumerable<(string Path, byte[]? Bytes)> entries)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            var entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
            if (bytes is null)
                continue;
            using var stream = entry.Open();
            stream.Write(bytes);
        }
        return path;
    }

    private static byte[] Encode(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 100);
        return data.ToArray();
    }
}
