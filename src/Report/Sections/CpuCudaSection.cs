using GeoAI.Report.Analysis;
using GeoAI.Report.Charts;
using GeoAI.Report.Documents;
using GeoAI.Report.Results;

namespace GeoAI.Report.Sections;

/// <summary>CPU → CUDA speedups: per machine, the fastest CPU case against the fastest CUDA case of each workload and batch.</summary>
internal static class CpuCudaSection
{
    public static void Write(ReportContext context)
    {
        context.Document.Heading(2, "CPU → CUDA speedup");
        var speedups = CpuCudaSpeedup.Find(context.Results);
        if (speedups.Count == 0)
        {
            var cpuOnly = context.Results.Machines.Where(m => !context.Results.On(m.Label).Any(r => r.Parameters.IsCuda)).Select(m => $"`{m.Label}`").ToList();
            context.Omit("No CPU → CUDA chart: no machine has CPU and CUDA results for the same workload and batch size" +
                 (cpuOnly.Count > 0 ? $" ({string.Join(", ", cpuOnly)} ran on the CPU only)." : "."));
            return;
        }
        context.Document.Paragraph("For each workload and batch size, the fastest CPU case against the fastest CUDA case, " +
                                   "whatever loader won each (named in the table). The interval divides the ends of the two " +
                                   "confidence intervals: CPU lower ÷ CUDA upper to CPU upper ÷ CUDA lower.");
        foreach (var machine in speedups.Select(s => s.Machine).Distinct())
        {
            var mine = speedups.Where(s => s.Machine == machine).ToList();
            if (context.Results.Machines.Count > 1)
                context.Document.Heading(3, machine);
            context.AddChart(CpuCudaSpeedupChart.Create(machine, mine, context.ChartFolder, context.ChartId($"speedup-cpu-cuda-{ChartIds.Slug(machine)}")));
            var table = new Table(Column.Text("Workload"), Column.Number("Batch"), Column.Text("Fastest CPU case"),
                Column.Number("CPU µs/image"), Column.Text("Fastest CUDA case"), Column.Number("CUDA µs/image"),
                Column.Number("Speedup"), Column.Number($"{Numbers.Plain(Ratio.LevelPercent(mine.Min(s => s.Speedup.Launches)))} % interval"));
            foreach (var s in mine)
                table.Add(s.Workload.Label, Numbers.Integer(s.BatchSize), LoaderConfig.Of(s.FastestCpu)?.Label ?? "",
                    Numbers.Microseconds(s.FastestCpu.Time.Mean), LoaderConfig.Of(s.FastestCuda)?.Label ?? "",
                    Numbers.Microseconds(s.FastestCuda.Time.Mean), Numbers.Speedup(s.Speedup.Value), Numbers.Interval(s.Speedup));
            context.Document.Table(table);
        }
    }
}
