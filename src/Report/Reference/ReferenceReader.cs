using System.Globalization;
using System.Text.Json;
using GeoAI.Report.Results;

namespace GeoAI.Report.Reference;

/// <summary>
/// Reads reference results of another framework (tools/pytorch_baseline.py writes them):
/// <c>{ "tool", "version", "machine", "device_name", "threads", "cases": [ { "model", "mode", "device", "batch_size",
/// "loader", "workers", "pin_memory", "precision", "memory_format", "images_per_second", "ns_per_image": [...] } ] }</c>.
/// "precision" and "memory_format" came later: a case without them ran in fp32, contiguous.
/// </summary>
public static class ReferenceReader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new LenientDoubleConverter() },
    };

    public static IReadOnlyList<ReferenceCase> Read(IEnumerable<string> files) => files.SelectMany(Read).ToList();

    public static IReadOnlyList<ReferenceCase> Read(string file)
    {
        if (!File.Exists(file))
            throw new ReportException($"{file}: reference file not found");
        var parsed = JsonFile.Read<ReferenceFile>(file, JsonOptions, "reference JSON");
        if (parsed?.Cases is not { Count: > 0 })
            throw new ReportException($"{file}: reference file has no \"cases\"");
        var tool = string.IsNullOrWhiteSpace(parsed.Tool) ? "reference" : parsed.Tool;
        var label = (tool.Equals("pytorch", StringComparison.OrdinalIgnoreCase) ? "PyTorch" : tool) +
                    (string.IsNullOrWhiteSpace(parsed.Version) ? "" : " " + parsed.Version) + " eager" +
                    // On a CPU the BLAS decides the Linear layers' speed: Debian's PyTorch takes whatever the system has.
                    (string.IsNullOrWhiteSpace(parsed.Blas) ? "" : ", " + parsed.Blas);
        return parsed.Cases.Select((c, i) => ToCase(c, i, label, parsed.Machine ?? "", file) with { Constructed = parsed.Constructed }).ToList();
    }

    private static ReferenceCase ToCase(ReferenceFileCase c, int index, string tool, string machine, string file)
    {
        var where = $"{file}: case #{index + 1}";
        var model = Required(c.Model, "model", where).ToLowerInvariant();
        var device = Required(c.Device, "device", where).ToLowerInvariant();
        var loader = Required(c.Loader, "loader", where).ToLowerInvariant();
        if (model is not ("cnn" or "vgg11bn"))
            throw new ReportException($"{where}: model must be \"cnn\" or \"vgg11bn\", not \"{c.Model}\"");
        if (device is not ("cpu" or "cuda"))
            throw new ReportException($"{where}: device must be \"cpu\" or \"cuda\", not \"{c.Device}\"");
        if (loader is not ("resident" or "gpu_resident" or "dataloader"))
            throw new ReportException($"{where}: loader must be \"resident\", \"gpu_resident\" or \"dataloader\", not \"{c.Loader}\"");
        var precision = c.Precision?.ToLowerInvariant() ?? "fp32";
        var memoryFormat = c.MemoryFormat?.ToLowerInvariant() ?? "contiguous";
        if (precision is not ("fp32" or "bf16" or "tf32"))
            throw new ReportException($"{where}: precision must be \"fp32\", \"bf16\" or \"tf32\", not \"{c.Precision}\"");
        if (memoryFormat is not ("contiguous" or "channels_last"))
            throw new ReportException($"{where}: memory_format must be \"contiguous\" or \"channels_last\", not \"{c.MemoryFormat}\"");
        if (c.BatchSize is not > 0 || c.Workers is not >= 0)
            throw new ReportException($"{where}: batch_size must be positive and workers zero or more");
        if (c.NsPerImage is not { Length: > 0 } samples)
            throw new ReportException($"{where}: no raw measurements (\"ns_per_image\" is missing or empty)");
        if (samples.Any(s => !double.IsFinite(s) || s <= 0))
            throw new ReportException($"{where}: ns_per_image has a value that is not a positive number");

        var time = TimeEstimate.FromSamples(samples);
        // images_per_second and ns_per_image describe the same runs; a factor of 2 apart means one is in other units.
        if (c.ImagesPerSecond is { } perSecond && double.IsFinite(perSecond) &&
            !(perSecond > 0 && Math.Max(perSecond / time.ImagesPerSecond, time.ImagesPerSecond / perSecond) <= 2))
            throw new ReportException(
                $"{where}: mismatched units: images_per_second is {perSecond.ToString("G4", CultureInfo.InvariantCulture)} " +
                $"but 1e9 / mean(ns_per_image) is {time.ImagesPerSecond.ToString("G4", CultureInfo.InvariantCulture)}; " +
                "ns_per_image must be nanoseconds per image");
        return new ReferenceCase
        {
            Tool = tool,
            Machine = machine,
            Model = model,
            Mode = string.IsNullOrWhiteSpace(c.Mode) ? null : c.Mode.ToLowerInvariant(),
            Device = device,
            BatchSize = c.BatchSize.Value,
            Loader = loader,
            Workers = c.Workers.Value,
            PinMemory = c.PinMemory ?? false,
            Precision = precision,
            MemoryFormat = memoryFormat,
            Samples = samples,
            Time = time,
            SourceFile = file,
        };
    }

    private static string Required(string? value, string name, string where) =>
        string.IsNullOrWhiteSpace(value) ? throw new ReportException($"{where}: \"{name}\" is missing") : value;

    private sealed class ReferenceFile
    {
        public string? Tool { get; set; }
        public string? Version { get; set; }
        public string? Blas { get; set; }
        public string? Machine { get; set; }
        public string? Constructed { get; set; }
        public List<ReferenceFileCase>? Cases { get; set; }
    }

    private sealed class ReferenceFileCase
    {
        public string? Model { get; set; }
        public string? Mode { get; set; }
        public string? Device { get; set; }
        public int? BatchSize { get; set; }
        public string? Loader { get; set; }
        public int? Workers { get; set; }
        public bool? PinMemory { get; set; }
        public string? Precision { get; set; }
        public string? MemoryFormat { get; set; }
        public double? ImagesPerSecond { get; set; }
        public double[]? NsPerImage { get; set; }
    }
}
