using GeoAI.Report.Analysis;
using ScottPlot;

namespace GeoAI.Report.Charts;

/// <summary>
/// One look for every chart: sizes, fonts large enough to read in print, a colour-blind-safe palette (Okabe–Ito) and
/// fixed colours per loader, and saving as PNG (2× pixels, for screens) and SVG (for print).
/// </summary>
internal static class ChartStyle
{
    public const int Width = 960;
    public const int Height = 540;
    private const int PngScale = 2;

    public const float TitleSize = 20;
    public const float AxisLabelSize = 16;
    public const float TickSize = 14;
    public const float LegendSize = 14;
    public const float ValueLabelSize = 13;

    public static readonly Color Ink = Color.FromHex("#222222");
    public static readonly Color GridColor = Color.FromHex("#E3E3E3");

    /// <summary>Okabe–Ito, without its yellow (too faint on white).</summary>
    public static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#D55E00"),
        Color.FromHex("#CC79A7"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"),
    ];

    public static Color Series(int index) => Palette[index % Palette.Length];

    /// <summary>What a chart's whiskers span, named from its estimates: launches for merged rounds, else one launch.</summary>
    public static string Whiskers(IEnumerable<Results.TimeEstimate> times) =>
        string.Join(" or ", times.Select(t => t.IntervalName).Distinct().Order());

    /// <summary>The baseline grey, workers in blues, pinned prefetch in oranges, device-resident in green.</summary>
    public static Color LoaderColor(LoaderConfig loader)
    {
        if (loader.IsBaseline)
            return Color.FromHex("#9E9E9E");
        var shade = Math.Min(loader.Workers, 8) / 8.0;
        return (loader.SortKey / 1000) switch
        {
            0 => Blend(Color.FromHex("#56B4E9"), Color.FromHex("#0072B2"), shade),
            1 => Blend(Color.FromHex("#E69F00"), Color.FromHex("#D55E00"), shade),
            2 => Color.FromHex("#009E73"),
            _ => Color.FromHex("#CC79A7"),
        };
    }

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        _ = ChartFonts.Family; // installs the font as ScottPlot's default before any label is created
        var plot = new Plot();
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Ink;
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = AxisLabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Ink;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = Ink;
        }
        plot.Grid.MajorLineColor = GridColor;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontName = ChartFonts.Family;
        plot.Legend.OutlineColor = GridColor;
        plot.Legend.ShadowColor = Colors.Transparent;
        return plot;
    }

    /// <summary>
    /// A solid reference line (1×). Dashed lines are avoided everywhere: SkiaSharp's SVG writer drops path effects
    /// (and says so on stderr), so print and screen would differ.
    /// </summary>
    public static void ReferenceLine(Plot plot, double value, bool vertical)
    {
        var color = Color.FromHex("#6E6E6E");
        if (vertical)
            plot.Add.VerticalLine(value, 1.5f, color);
        else
            plot.Add.HorizontalLine(value, 1.5f, color);
    }

    /// <summary>Writes <c>{id}.png</c> and <c>{id}.svg</c> into the folder.</summary>
    public static Chart Save(Plot plot, string folder, string id, string title, string caption, int height = Height)
    {
        var png = Path.Combine(folder, id + ".png");
        var svg = Path.Combine(folder, id + ".svg");
        plot.ScaleFactor = PngScale;
        plot.SavePng(png, Width * PngScale, height * PngScale);
        plot.ScaleFactor = 1;
        plot.SaveSvg(svg, Width, height);
        return new Chart(id, title, caption, png, svg);
    }

    private static Color Blend(Color from, Color to, double t) => new(
        (byte)(from.R + (to.R - from.R) * t), (byte)(from.G + (to.G - from.G) * t), (byte)(from.B + (to.B - from.B) * t));
}
