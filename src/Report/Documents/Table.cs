namespace GeoAI.Report.Documents;

/// <summary>
/// A table of text cells. Numeric columns are right-aligned; rows may be marked as secondary (reference rows shown under
/// the case they belong to).
/// </summary>
internal sealed class Table(params Column[] columns)
{
    public IReadOnlyList<Column> Columns { get; } = columns;
    public List<Row> Rows { get; } = [];

    public void Add(params string[] cells) => Add(false, cells);

    public void AddSecondary(params string[] cells) => Add(true, cells);

    private void Add(bool secondary, string[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"a row needs {Columns.Count} cells, not {cells.Length}", nameof(cells));
        Rows.Add(new Row(cells, secondary));
    }

    public sealed record Row(IReadOnlyList<string> Cells, bool Secondary);
}

internal sealed record Column(string Header, bool Numeric = false)
{
    public static Column Text(string header) => new(header);
    public static Column Number(string header) => new(header, true);
}
