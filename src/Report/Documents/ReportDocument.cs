using GeoAI.Report.Charts;

namespace GeoAI.Report.Documents;

/// <summary>
/// A report as a list of blocks, rendered once to Markdown and once to HTML, so both say the same. Text may use two
/// inline marks: `code` and **bold**.
/// </summary>
internal sealed class ReportDocument(string title)
{
    public string Title { get; } = title;
    public List<Block> Blocks { get; } = [];

    public void Heading(int level, string text) => Blocks.Add(new HeadingBlock(level, text));
    public void Paragraph(string text) => Blocks.Add(new ParagraphBlock(text));
    public void Note(string text) => Blocks.Add(new NoteBlock(text));
    public void Figure(Chart chart) => Blocks.Add(new FigureBlock(chart));
    public void Table(Table table) => Blocks.Add(new TableBlock(table));
    public void Bullets(IEnumerable<string> items) => Blocks.Add(new BulletsBlock(items.ToList()));
}

internal abstract record Block;

internal sealed record HeadingBlock(int Level, string Text) : Block;

internal sealed record ParagraphBlock(string Text) : Block;

/// <summary>Something the reader must not miss (synthetic data, a chart left out and why).</summary>
internal sealed record NoteBlock(string Text) : Block;

internal sealed record FigureBlock(Chart Chart) : Block;

internal sealed record TableBlock(Table Table) : Block;

internal sealed record BulletsBlock(IReadOnlyList<string> Items) : Block;
