using System.Globalization;
using GeoAI.Report.Documents;
using GeoAI.Report.Results;

namespace GeoAI.Report.Sections;

/// <summary>The table of machines: CPU, cores, GPU, libtorch, CUDA, threads, .NET, OS and the data each ran on.</summary>
internal static class MachinesSection
{
    public static void Write(ReportContext context)
    {
        context.Document.Heading(2, "Machines");
        var table = new Table([Column.Text(""), .. context.Results.Machines.Select(m => Column.Text(m.Label))]);
        void Row(string name, Func<MachineEnvironment, string?> value) =>
            table.Add([name, .. context.Results.Machines.Select(m => value(m) ?? "unknown")]);
        Row("CPU", m => m.Cpu);
        Row("Cores (physical / logical)", m => m.PhysicalCores is null && m.LogicalCores is null ? null
            : $"{m.PhysicalCores ?? "?"} / {m.LogicalCores ?? "?"}");
        Row("GPU", m => m.Gpu);
        Row("GPU driver", m => m.GpuDriver);
        Row("libtorch (build)", m => m.LibTorch is null ? null : $"{m.LibTorch} ({m.TorchBuild ?? "?"})");
        Row("CUDA runtime", m => m.CudaRuntime);
        Row("cuDNN", m => m.Cudnn);
        Row("Torch CPU threads", m => m.TorchThreads);
        Row(".NET", m => m.DotNet);
        Row("BenchmarkDotNet", m => m.BenchmarkDotNet);
        Row("OS", m => m.Os);
        Row("Commit", m => string.Join(" / ", m.Provenance.Select(p => p.CommitLabel).Distinct()));
        Row("Started (UTC)", m => m.Provenance.Min(p => p.StartedUtc)?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        Row("Data source", DataSourceCell);
        Row("Result files", m => Numbers.Integer(m.Files.Count));
        context.Document.Table(table);
    }

    /// <summary>Each distinct source a machine's files name, with whether it was real: runs can mix the two.</summary>
    private static string? DataSourceCell(MachineEnvironment machine)
    {
        static string Kind(bool? synthetic) => synthetic switch
        {
            true => "**synthetic**",
            false => "real",
            null => "real or synthetic: not recorded",
        };
        var sources = machine.DataSources.Where(d => d.Source is not null || d.IsSynthetic is not null)
            .Select(d => $"{d.Source ?? "?"} — {Kind(d.IsSynthetic)}").Distinct().ToList();
        return sources.Count == 0 ? null : DataSourceText.WithoutPaths(string.Join("; ", sources));
    }
}
