using SkiaSharp;

namespace GeoAI.Report.Charts;

/// <summary>
/// Picks the font every chart is drawn with, once per process. DejaVu Sans is preferred: it is what Debian's
/// fonts-dejavu-core installs (the compat rootfs has it), it is metric-stable, and it has the ×, µ and · glyphs the charts
/// use. SkiaSharp's Linux build without fontconfig may not list system fonts, so the TTF files are also looked for in the
/// usual folders and in the program's own fonts/ folder (the GPU bundle ships them there, for boxes with no fonts) and
/// registered with ScottPlot directly. Without any font, chart text would not render: that is an error.
/// </summary>
internal static class ChartFonts
{
    public const string Preferred = "DejaVu Sans";

    private static readonly string[] FontFolders =
    [
        Path.Combine(AppContext.BaseDirectory, "fonts"),
        "/usr/share/fonts", "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
    ];

    private static readonly Lazy<string> Resolved = new(Resolve);

    /// <summary>The family name to draw with; also installed as ScottPlot's default for plots created afterwards.</summary>
    public static string Family => Resolved.Value;

    private static string Resolve()
    {
        var family = FromFiles() ?? Installed(Preferred) ?? AnyLatinFont()
            ?? throw new ReportException(
                "no font found to draw chart text; install one (Debian: apt-get install fonts-dejavu-core fontconfig)");
        ScottPlot.Fonts.Default = family;
        ScottPlot.Fonts.Sans = family;
        return family;
    }

    /// <summary>DejaVuSans.ttf (and its bold face, for titles) registered by path: works without fontconfig.</summary>
    private static string? FromFiles()
    {
        var regular = Find("DejaVuSans.ttf");
        if (regular is null)
            return null;
        ScottPlot.Fonts.AddFontFile(Preferred, regular);
        if (Find("DejaVuSans-Bold.ttf") is { } bold)
            ScottPlot.Fonts.AddFontFile(Preferred, bold, bold: true);
        return Preferred;
    }

    private static string? Find(string fileName) =>
        FontFolders.Where(Directory.Exists)
            .SelectMany(folder => SafeEnumerate(folder, fileName))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();

    private static IEnumerable<string> SafeEnumerate(string folder, string fileName)
    {
        try
        {
            return Directory.EnumerateFiles(folder, fileName, SearchOption.AllDirectories).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? Installed(string family) =>
        SKFontManager.Default.FontFamilies.FirstOrDefault(f => string.Equals(f, family, StringComparison.OrdinalIgnoreCase));

    private static string? AnyLatinFont()
    {
        using var typeface = SKFontManager.Default.MatchCharacter('A');
        return typeface?.FamilyName is { Length: > 0 } name ? name : null;
    }
}
