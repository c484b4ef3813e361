using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GeoAI.Report.Documents;

/// <summary>
/// One self-contained HTML page: styles inline and every chart embedded as a data: URI, so the file can be mailed or
/// archived alone and opens without network access. Links to the PNG and SVG files beside it are for download only.
/// </summary>
internal static partial class HtmlRenderer
{
    private const string Style = """
        :root { color-scheme: light; }
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #222; background: #fff;
               margin: 0; line-height: 1.45; }
        main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 1.9em; margin: 0.2em 0 0.6em; }
        h2 { font-size: 1.4em; margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
        h3 { font-size: 1.15em; margin-top: 1.4em; }
        code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; background: #f3f3f3; padding: 0 0.25em; }
        .note { border-left: 4px solid #D55E00; background: #fff4ec; padding: 0.6em 0.9em; margin: 1em 0; }
        figure { margin: 1.2em 0; break-inside: avoid; }
        figure img { display: block; max-width: 100%; height: auto; border: 1px solid #e3e3e3; }
        figcaption { font-size: 0.9em; color: #444; margin-top: 0.4em; }
        table { border-collapse: collapse; margin: 0.8em 0 1.4em; font-size: 0.88em; break-inside: auto; }
        th, td { border: 1px solid #d6d6d6; padding: 0.3em 0.55em; vertical-align: top; }
        th { background: #f2f2f2; text-align: left; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.secondary td { font-style: italic; color: #555; background: #fafafa; }
        tr.secondary td:first-child { padding-left: 1.6em; }
        @media print { main { max-width: none; padding: 0; } a { color: inherit; } }
        """;

    public static string Render(ReportDocument document)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(document.Title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(Inline(document.Title)).Append("</h1>\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    html.Append($"<h{heading.Level}>").Append(Inline(heading.Text)).Append($"</h{heading.Level}>\n");
                    break;
                case ParagraphBlock paragraph:
                    html.Append("<p>").Append(Inline(paragraph.Text)).Append("</p>\n");
                    break;
                case NoteBlock note:
                    html.Append("<p class=\"note\"><strong>Note:</strong> ").Append(Inline(note.Text)).Append("</p>\n");
                    break;
                case FigureBlock figure:
                    AppendFigure(html, figure);
                    break;
                case TableBlock table:
                    AppendTable(html, table.Table);
                    break;
                case BulletsBlock bullets:
                    html.Append("<ul>\n");
                    foreach (var item in bullets.Items)
                        html.Append("<li>").Append(Inline(item)).Append("</li>\n");
                    html.Append("</ul>\n");
                    break;
            }
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendFigure(StringBuilder html, FigureBlock figure)
    {
        var chart = figure.Chart;
        var png = Convert.ToBase64String(File.ReadAllBytes(chart.PngPath));
        html.Append("<figure id=\"").Append(Encode(chart.Id)).Append("\">\n")
            .Append("<img src=\"data:image/png;base64,").Append(png).Append("\" alt=\"").Append(Encode(chart.Title))
            .Append("\">\n<figcaption>").Append(Inline(chart.Caption))
            .Append(" <a href=\"charts/").Append(Encode(chart.Id)).Append(".png\">PNG</a>")
            .Append(" · <a href=\"charts/").Append(Encode(chart.Id)).Append(".svg\">SVG</a></figcaption>\n</figure>\n");
    }

    private static void AppendTable(StringBuilder html, Table table)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var column in table.Columns)
            html.Append(column.Numeric ? "<th class=\"num\">" : "<th>").Append(Inline(column.Header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append(row.Secondary ? "<tr class=\"secondary\">" : "<tr>");
            for (var i = 0; i < row.Cells.Count; i++)
                html.Append(table.Columns[i].Numeric ? "<td class=\"num\">" : "<td>").Append(Inline(row.Cells[i])).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>Escapes the text, then turns `code` and **bold** into elements.</summary>
    private static string Inline(string text)
    {
        var encoded = Encode(text);
        encoded = CodeSpan().Replace(encoded, "<code>$1</code>");
        return BoldSpan().Replace(encoded, "<strong>$1</strong>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex BoldSpan();
}
