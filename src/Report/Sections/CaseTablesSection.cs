using GeoAI.Report.Analysis;
using GeoAI.Report.Documents;
using GeoAI.Report.Results;

namespace GeoAI.Report.Sections;

/// <summary>All cases: per machine and benchmark class, a row per case with its reference rows under it.</summary>
internal static class CaseTablesSection
{
    public static void Write(ReportContext context)
    {
        context.Document.Heading(2, "All cases");
        context.Document.Paragraph("Time per image with the half-width of its interval (99.9 % over one launch's iterations; " +
                                   "95 % over launches where there are several, its level shown), the images/s it implies, the " +
                                   "speedup over the host loader with 0 workers at the same device and batch size (n.d.: not " +
                                   "distinguishable from 1×), peak GPU memory for CUDA cases, and the launches × iterations " +
                                   "measured. Cases whose torch threads and loader workers exceed the cores say so.");
        var dataPath = DataPathSpeedup.Find(context.Results).ToDictionary(s => (s.Machine, s.Case.FullName));
        foreach (var machine in context.Results.Machines.Select(m => m.Label))
        {
            if (context.Results.Machines.Count > 1)
                context.Document.Heading(3, machine);
            var families = context.Results.On(machine).GroupBy(r => r.Type)
                .OrderBy(g => g.Min(r => r.Workload.SortKey.Group)).ThenBy(g => Workload.FamilyLabel(g.Key));
            foreach (var family in families)
                context.Document.Table(CaseTable(context, machine, family.OrderBy(CaseLabel.SortKey).ToList(), dataPath));
        }
        if (context.References.Notes.Count > 0)
        {
            context.Document.Paragraph("About the reference rows:");
            context.Document.Bullets(context.References.Notes);
        }
    }

    /// <summary>One benchmark class on one machine: a row per case, reference rows under the cases they match.</summary>
    private static Table CaseTable(ReportContext context, string machine, List<BenchmarkResult> cases,
        Dictionary<(string Machine, string FullName), DataPathSpeedup> dataPath)
    {
        var withReferences = cases.Any(c => context.References.For(c).Count > 0);
        var columns = new List<Column>
        {
            Column.Text(Workload.FamilyLabel(cases[0].Type)), Column.Number("Mean µs/image"), Column.Number("± 99.9 % CI µs"),
            Column.Number("images/s"), Column.Number("vs host, 0 workers"), Column.Number("Peak GPU MB"), Column.Number("Launches × iterations"),
        };
        if (withReferences)
            columns.Add(Column.Number("TorchSharp ÷ reference"));
        var table = new Table([.. columns]);
        var environment = context.Results.Machines.First(m => m.Label == machine);
        foreach (var result in cases)
        {
            var speedup = dataPath.TryGetValue((machine, result.FullName), out var s)
                ? Numbers.Speedup(s.Speedup.Value) + (s.Loader.IsBaseline ? " (baseline)" : s.Speedup.IsDistinguishable ? "" : " n.d.")
                : "–";
            var label = CaseLabel.WithinFamily(result) +
                        (Oversubscription.Of(result, environment) is { } crowded ? $" (oversubscribed: {crowded})" : "");
            var cells = new List<string>
            {
                label, Numbers.Microseconds(result.Time.Mean), Error(result.Time),
                Numbers.PerSecond(result.ImagesPerSecond), speedup, Numbers.Megabytes(result.PeakGpuMemoryMb),
                $"{result.Launches.Count} × {result.Launches.Min(l => l.Samples.Count)}",
            };
            if (withReferences)
                cells.Add("");
            table.Add([.. cells]);
            foreach (var reference in context.References.For(result))
                table.AddSecondary(reference.Tool, Numbers.Microseconds(reference.Time.Mean), Error(reference.Time),
                    Numbers.PerSecond(reference.Time.ImagesPerSecond), "", "", $"1 × {reference.Time.N}",
                    Numbers.Speedup(result.ImagesPerSecond / reference.Time.ImagesPerSecond));
        }
        return table;
    }

    private static string Error(TimeEstimate time) =>
        Numbers.Microseconds(time.Margin) +
        (Math.Abs(time.LevelPercent - TimeEstimate.DefaultLevelPercent) > 1e-9 ? $" ({Numbers.Significant(time.LevelPercent)} %)" : "");
}
