using System.Globalization;

namespace GeoAI.Report.Results;

/// <summary>Which machine a result file names, and the environment of one machine merged over its files.</summary>
internal static class MachineEnvironments
{
    /// <summary>The GeoAI block's Machine; for files without one, the processor and OS as BenchmarkDotNet names them.</summary>
    public static string Label(BdnHostEnvironment? host)
    {
        if (GeoAiBlock.Field(host, "Machine") is { Length: > 0 } machine)
            return machine;
        var parts = new[] { host?.ProcessorName, host?.OsVersion }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count > 0 ? string.Join(", ", parts) : "unknown machine";
    }

    /// <summary>One machine's environment over all its files: fields that differ between files are joined with " / ".</summary>
    public static MachineEnvironment Merge(string label, List<(BdnHostEnvironment? Host, string File, string? Title)> files)
    {
        string? Join(Func<BdnHostEnvironment?, string?> field)
        {
            var values = files.Select(f => field(f.Host)).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().ToList();
            return values.Count == 0 ? null : string.Join(" / ", values);
        }

        var hosts = files.Select(f => f.Host).ToList();
        var cuda = hosts.Any(h => string.Equals(GeoAiBlock.Field(h, "CudaAvailable"), "true", StringComparison.OrdinalIgnoreCase));
        return new MachineEnvironment
        {
            Label = label,
            Constructed = Join(h => GeoAiBlock.Field(h, "Constructed")),
            Cpu = Join(h => GeoAiBlock.Field(h, "Cpu") ?? h?.ProcessorName),
            PhysicalCores = Join(h => h?.PhysicalCoreCount?.ToString(CultureInfo.InvariantCulture)),
            LogicalCores = Join(h => h?.LogicalCoreCount?.ToString(CultureInfo.InvariantCulture)),
            CudaAvailable = cuda,
            Gpu = Join(h => h?.GeoAI is null ? null
                : string.Equals(GeoAiBlock.Field(h, "CudaAvailable"), "true", StringComparison.OrdinalIgnoreCase) ? GeoAiBlock.Field(h, "Device") : "none"),
            GpuDriver = Join(h => GeoAiBlock.Field(h, "GpuDriver")),
            LibTorch = Join(h => GeoAiBlock.Field(h, "LibTorch")),
            TorchBuild = Join(h => GeoAiBlock.Field(h, "Build") ?? GeoAiBlock.Field(h, "TorchBackend")),
            CudaRuntime = Join(h => GeoAiBlock.Field(h, "CudaRuntime")),
            Cudnn = Join(h => GeoAiBlock.Field(h, "Cudnn")),
            TorchThreads = Join(h => GeoAiBlock.Field(h, "TorchThreads")),
            DotNet = Join(h => h?.RuntimeVersion),
            BenchmarkDotNet = Join(h => h?.BenchmarkDotNetVersion),
            Os = Join(h => h?.OsVersion),
            DataSources = files.Select(f => new FileDataSource(f.File, GeoAiBlock.Field(f.Host, "DataSource"),
                GeoAiBlock.Field(f.Host, "DataIsSynthetic") is { } flag ? string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase) : null)).ToList(),
            Provenance = files.Select(f => FileProvenance.Of(f.File, f.Title, name => GeoAiBlock.Field(f.Host, name))).ToList(),
            Files = files.Select(f => f.File).ToList(),
        };
    }
}
