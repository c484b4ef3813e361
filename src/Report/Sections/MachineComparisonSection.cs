using GeoAI.Report.Analysis;
using GeoAI.Report.Charts;
using GeoAI.Report.Documents;
using GeoAI.Report.Results;

namespace GeoAI.Report.Sections;

/// <summary>Machines side by side: the cases measured on more than one machine, as images/s and ratios to the first.</summary>
internal static class MachineComparisonSection
{
    public static void Write(ReportContext context)
    {
        context.Document.Heading(2, "Machines side by side");
        var comparison = MachineComparison.Find(context.Results);
        if (comparison is null)
        {
            context.Omit($"No machine comparison: all results come from one machine (`{context.Results.Machines[0].Label}`).");
            return;
        }
        if (comparison.Rows.Count == 0)
        {
            context.Omit("No machine comparison: the machines share no case (same benchmark and parameters).");
            return;
        }
        var first = comparison.Machines[0];
        context.Document.Paragraph($"Cases measured on more than one machine, by full name including parameters. Ratios are " +
                           $"images/s relative to `{first}`.");
        foreach (var family in comparison.Rows.GroupBy(r => r.Type))
        {
            var label = Workload.FamilyLabel(family.Key);
            context.Document.Heading(3, label);
            var rows = family.ToList();
            context.AddChart(MachineChart.Create(label, comparison.Machines, rows, context.ChartFolder, context.ChartId($"machines-{ChartIds.Slug(family.Key)}")));
            var table = new Table([Column.Text("Case"),
                .. comparison.Machines.Select(m => Column.Number($"{m} images/s")),
                .. comparison.Machines.Skip(1).Select(m => Column.Number($"{m} ÷ {first}"))]);
            foreach (var row in rows)
            {
                var baseline = row.PerMachine[0];
                table.Add([row.Label,
                    .. row.PerMachine.Select(c => c is null ? "–" : Numbers.PerSecond(c.ImagesPerSecond)),
                    .. row.PerMachine.Skip(1).Select(c => c is null || baseline is null ? "–"
                        : Numbers.Speedup(c.ImagesPerSecond / baseline.ImagesPerSecond))]);
            }
            context.Document.Table(table);
        }
    }
}
