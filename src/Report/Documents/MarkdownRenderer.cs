using System.Text;

namespace GeoAI.Report.Documents;

/// <summary>GitHub-flavoured Markdown; charts are linked as <c>charts/{id}.png</c> beside the file.</summary>
internal static class MarkdownRenderer
{
    public static string Render(ReportDocument document)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(document.Title).Append("\n\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    text.Append(new string('#', heading.Level)).Append(' ').Append(heading.Text).Append("\n\n");
                    break;
                case ParagraphBlock paragraph:
                    text.Append(paragraph.Text).Append("\n\n");
                    break;
                case NoteBlock note:
                    text.Append("> **Note:** ").Append(note.Text).Append("\n\n");
                    break;
                case FigureBlock figure:
                    var id = figure.Chart.Id;
                    text.Append("![").Append(figure.Chart.Title.Replace("]", ")")).Append("](charts/").Append(id).Append(".png)\n\n");
                    text.Append('*').Append(figure.Chart.Caption).Append("* ([PNG](charts/").Append(id)
                        .Append(".png), [SVG](charts/").Append(id).Append(".svg))\n\n");
                    break;
                case TableBlock table:
                    AppendTable(text, table.Table);
                    break;
                case BulletsBlock bullets:
                    foreach (var item in bullets.Items)
                        text.Append("- ").Append(item).Append('\n');
                    text.Append('\n');
                    break;
            }
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendTable(StringBuilder text, Table table)
    {
        text.Append("| ").AppendJoin(" | ", table.Columns.Select(c => Cell(c.Header))).Append(" |\n");
        text.Append('|').AppendJoin("|", table.Columns.Select(c => c.Numeric ? "---:" : "---")).Append("|\n");
        foreach (var row in table.Rows)
        {
            var cells = row.Cells.Select((cell, i) => row.Secondary && i == 0 ? "↳ *" + Cell(cell) + "*" : Cell(cell));
            text.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        }
        text.Append('\n');
    }

    private static string Cell(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");
}
