using GeoAI.Report.Charts;
using GeoAI.Report.Documents;
using GeoAI.Report.Reference;
using GeoAI.Report.Results;

namespace GeoAI.Report.Sections;

/// <summary>
/// What every section of the report shares: the results, the reference rows, the document being written, and the
/// bookkeeping of charts (unique file names in one folder) and of the charts left out (said once per section).
/// </summary>
internal sealed class ReportContext(ResultSet results, IReadOnlyList<ReferenceCase> references, string title, string chartFolder)
{
    private readonly List<string> pendingOmissions = [];
    private readonly HashSet<string> chartIds = [];

    public ResultSet Results { get; } = results;

    public ReferenceMatch References { get; } = new(results, references);

    /// <summary>The reference cases as read, matched or not.</summary>
    public IReadOnlyList<ReferenceCase> ReferenceCases { get; } = references;

    public ReportDocument Document { get; } = new(title);

    /// <summary>Where charts are written as they are made.</summary>
    public string ChartFolder { get; } = chartFolder;

    public List<Chart> Charts { get; } = [];

    /// <summary>Sentences for the charts left out, as they appear in the report.</summary>
    public List<string> Omitted { get; } = [];

    /// <summary>A file name no other chart of this report has (machine labels may differ only in punctuation).</summary>
    public string ChartId(string wanted) => ChartIds.Unique(wanted, chartIds);

    public void AddChart(Chart chart)
    {
        Charts.Add(chart);
        Document.Figure(chart);
    }

    /// <summary>Says why a chart is left out, at the end of the section (<see cref="EndSection"/>).</summary>
    public void Omit(string sentence)
    {
        Omitted.Add(sentence);
        pendingOmissions.Add(sentence);
    }

    /// <summary>Ends a section: its left-out charts as one sentence, or a list when there are several.</summary>
    public void EndSection()
    {
        if (pendingOmissions.Count == 1)
            Document.Paragraph(pendingOmissions[0]);
        else if (pendingOmissions.Count > 1)
        {
            Document.Paragraph("Not drawn, for lack of data:");
            Document.Bullets(pendingOmissions);
        }
        pendingOmissions.Clear();
    }

    /// <summary>With several machines, a section's charts are grouped under a heading per machine that has any.</summary>
    public void MachineHeading(string machine, bool hasCharts)
    {
        if (Results.Machines.Count > 1 && hasCharts)
            Document.Heading(3, machine);
    }

    public static string Plural(int count) => count == 1 ? "" : "s";
}
