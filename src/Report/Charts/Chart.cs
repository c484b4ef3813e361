namespace GeoAI.Report.Charts;

/// <summary>
/// A chart written to disk as PNG (for the HTML report and slides) and SVG (for print), with its caption.
/// </summary>
/// <param name="Id">File name without extension, unique within a report.</param>
/// <param name="Caption">One sentence saying what is plotted; also the image's alt text.</param>
public sealed record Chart(string Id, string Title, string Caption, string PngPath, string SvgPath);
