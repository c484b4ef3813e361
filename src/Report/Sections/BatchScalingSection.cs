using GeoAI.Report.Analysis;
using GeoAI.Report.Charts;
using GeoAI.Report.Results;

namespace GeoAI.Report.Sections;

/// <summary>Batch-size scaling: images/s against batch size, per machine, workload, device and loader.</summary>
internal static class BatchScalingSection
{
    public static void Write(ReportContext context)
    {
        context.Document.Heading(2, "Batch-size scaling");
        var series = ScalingSeries.Find(context.Results);
        foreach (var machine in context.Results.Machines.Select(m => m.Label))
        {
            var workloads = context.Results.On(machine).Where(r => r.Parameters.BatchSize is not null)
                .Select(r => r.Workload).Distinct().OrderBy(w => w.SortKey).ToList();
            context.MachineHeading(machine, series.Any(s => s.Machine == machine));
            foreach (var workload in workloads)
            {
                var mine = series.Where(s => s.Machine == machine && s.Workload == workload).ToList();
                if (mine.Count > 0)
                {
                    context.AddChart(BatchScalingChart.Create(machine, workload.Label, mine, context.ChartFolder,
                        context.ChartId($"batch-scaling-{ChartIds.Slug(machine)}-{ChartIds.Slug(workload.Key)}")));
                    continue;
                }
                var batches = context.Results.On(machine).Where(r => r.Workload == workload).Select(r => r.Parameters.BatchSize!.Value)
                    .Distinct().Order().ToList();
                context.Omit(batches.Count == 1
                    ? $"No batch-scaling chart for {workload.Label} on `{machine}`: only batch size {batches[0]} was measured."
                    : $"No batch-scaling chart for {workload.Label} on `{machine}`: no device and loader was measured at " +
                      "more than one batch size.");
            }
        }
    }
}
