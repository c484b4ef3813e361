using GeoAI.Report.Analysis;
using GeoAI.Report.Charts;
using GeoAI.Report.Results;

namespace GeoAI.Report.Sections;

/// <summary>Data-path speedups: each loader and worker count against the host loader with 0 workers, per machine and workload.</summary>
internal static class DataPathSection
{
    public static void Write(ReportContext context)
    {
        context.Document.Heading(2, "Data-path speedups");
        context.Document.Paragraph("How much each way of feeding batches gains over the plain host loader with 0 workers (1.0×) at " +
                                   "the same device and batch size: more loader workers, pinned-memory prefetch, or the whole " +
                                   "data set resident on the device (`GpuResident`: GPU memory, or RAM for the CPU). A pale bar " +
                                   "marked n.d. is not distinguishable from 1×: its interval holds it.");
        var speedups = DataPathSpeedup.Find(context.Results);
        foreach (var machine in context.Results.Machines.Select(m => m.Label))
        {
            var workloads = context.Results.On(machine).Where(r => r.Parameters.Loader is not null)
                .Select(r => r.Workload).Distinct().OrderBy(w => w.SortKey).ToList();
            context.MachineHeading(machine, workloads.Any(w => speedups.Any(s => s.Machine == machine && s.Workload == w && !s.Loader.IsBaseline)));
            foreach (var workload in workloads)
            {
                var mine = speedups.Where(s => s.Machine == machine && s.Workload == workload).ToList();
                if (mine.Count == 0)
                    context.Omit($"No data-path chart for {workload.Label} on `{machine}`: no case with the host loader and 0 " +
                         "workers to compare against.");
                else if (mine.All(s => s.Loader.IsBaseline))
                    context.Omit($"No data-path chart for {workload.Label} on `{machine}`: only the host loader with 0 workers was measured.");
                else
                    context.AddChart(DataPathChart.Create(machine, workload.Label, mine, context.ChartFolder,
                        context.ChartId($"data-path-{ChartIds.Slug(machine)}-{ChartIds.Slug(workload.Key)}")));
            }
        }
    }
}
