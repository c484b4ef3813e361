using GeoAI.Report.Results;

namespace GeoAI.Report.Analysis;

/// <summary>Short names for a case inside a table or chart that already says which workload it belongs to.</summary>
public static class CaseLabel
{
    /// <summary>"CPU" or "CUDA" (or the parameter as given).</summary>
    public static string Device(string? device) => device?.ToLowerInvariant() switch
    {
        "cpu" => "CPU",
        "cuda" => "CUDA",
        null => "",
        _ => device,
    };

    /// <summary>"CNN" and "VGG11-BN" for the suite's model names; others as given.</summary>
    public static string Model(string model) => model.ToLowerInvariant() switch
    {
        "cnn" => "CNN",
        "vgg11bn" => "VGG11-BN",
        _ => model,
    };

    /// <summary>The order cases are listed in: workload, device (CPU first), batch size, then loader (baseline first).</summary>
    public static (int, string, string, int, int) SortKey(BenchmarkResult result) => (
        result.Workload.SortKey.Group, result.Workload.Label, result.Parameters.Device?.ToLowerInvariant() ?? "",
        result.Parameters.BatchSize ?? 0, LoaderConfig.Of(result)?.SortKey ?? 0);

    /// <summary>"CUDA · batch 128 · pinned prefetch, 4 workers"; the parameters that exist, in that order.</summary>
    public static string Of(BenchmarkResult result)
    {
        var parts = new List<string>();
        if (result.Parameters.Device is { } device)
            parts.Add(Device(device));
        if (result.Parameters.BatchSize is { } batch)
            parts.Add($"batch {batch}");
        if (LoaderConfig.Of(result) is { } loader)
            parts.Add(loader.Label);
        return parts.Count == 0 ? "single case" : string.Join(" · ", parts);
    }

    /// <summary>Like <see cref="Of"/>, led by the workload parameters (Mode, Model, Decoder ...) for a per-class view.</summary>
    public static string WithinFamily(BenchmarkResult result)
    {
        var lead = result.Parameters.WorkloadParameters.Select(p => p.Key.ToLowerInvariant() switch
        {
            "model" => Model(p.Value),
            "mode" => p.Value.ToLowerInvariant(),
            _ => p.Value,
        }).ToList();
        var rest = Of(result);
        if (rest == "single case")
            return lead.Count == 0 ? rest : string.Join(" · ", lead);
        return string.Join(" · ", lead.Append(rest));
    }
}
