namespace GeoAI.Report.Results;

/// <summary>
/// What a case computes, apart from where and how it is fed: the benchmark class and method plus parameters such as Model,
/// Mode or Decoder. Cases of one workload differ only in Device, BatchSize, Loader and Workers, so they can be compared.
/// </summary>
/// <param name="Key">Stable identity, e.g. "Vgg11BnTraining.Train(Mode=Frozen)".</param>
/// <param name="Label">For people, e.g. "VGG11-BN training, frozen".</param>
/// <param name="Model">"cnn" or "vgg11bn" for the suite's training and inference classes; null otherwise.</param>
/// <param name="Mode">VGG's fine-tuning mode ("frozen" or "full"), lower case; null where there is none.</param>
/// <param name="IsTraining">True for the training classes (what PyTorch reference rows are matched against).</param>
public sealed record Workload(string Key, string Label, string? Model, string? Mode, bool IsTraining)
{
    /// <summary>Training first (CNN, then VGG), then inference, then everything else; alphabetical within each.</summary>
    public (int Group, string Label) SortKey => (IsTraining ? 0 : Model is not null ? 1 : 2, Label);

    /// <summary>A benchmark class for people: "CnnTraining" is "CNN training".</summary>
    public static string FamilyLabel(string type) => type switch
    {
        "CnnTraining" => "CNN training",
        "Vgg11BnTraining" => "VGG11-BN training",
        "Inference" => "Inference",
        "PrecisionTraining" => "Training by precision and memory format",
        "PrecisionInference" => "Inference by precision and memory format",
        "DataPipeline" => "Data pipeline (loading only)",
        "JpegDecoding" => "JPEG decode",
        _ => type,
    };

    public static Workload Of(string type, string method, CaseParameters parameters)
    {
        var extra = parameters.WorkloadParameters.ToList();
        var key = extra.Count == 0 ? $"{type}.{method}" : $"{type}.{method}({string.Join(", ", extra.Select(p => $"{p.Key}={p.Value}"))})";
        var mode = parameters["Mode"]?.ToLowerInvariant();
        var modeSuffix = mode is null ? "" : $", {mode}";
        return type switch
        {
            "CnnTraining" => new Workload(key, "CNN training" + Rest(extra, "Mode"), "cnn", mode, true),
            "Vgg11BnTraining" => new Workload(key, "VGG11-BN training" + modeSuffix + Rest(extra, "Mode"), "vgg11bn", mode, true),
            "Inference" or "PrecisionInference" => InferenceOf(key, parameters, extra, modeSuffix),
            "PrecisionTraining" => PrecisionTrainingOf(key, parameters, extra),
            "DataPipeline" => new Workload(key, "Data pipeline (loading only)" + Rest(extra), null, mode, false),
            "JpegDecoding" => new Workload(key, "JPEG decode" + Rest(extra), null, mode, false),
            _ => new Workload(key, $"{type}.{method}" + Rest(extra), null, mode, false),
        };
    }

    private static Workload InferenceOf(string key, CaseParameters parameters, List<KeyValuePair<string, string>> extra, string modeSuffix)
    {
        var model = parameters["Model"];
        var id = model?.ToLowerInvariant() is "cnn" or "vgg11bn" ? model.ToLowerInvariant() : null;
        var name = model is null ? "model" : Analysis.CaseLabel.Model(model);
        return new Workload(key, $"{name} inference{modeSuffix}" + Rest(extra, "Model", "Mode"), id, parameters["Mode"]?.ToLowerInvariant(), false);
    }

    /// <summary>The precision sweep trains VGG11-BN in full mode, so its VGG cases are the peers of full-mode references.</summary>
    private static Workload PrecisionTrainingOf(string key, CaseParameters parameters, List<KeyValuePair<string, string>> extra)
    {
        var model = parameters["Model"];
        var id = model?.ToLowerInvariant() is "cnn" or "vgg11bn" ? model.ToLowerInvariant() : null;
        var name = model is null ? "model" : Analysis.CaseLabel.Model(model);
        return new Workload(key, $"{name} training" + Rest(extra, "Model"), id, id == "vgg11bn" ? "full" : null, true);
    }

    /// <summary>The parameters not already in the label, as ", Name=Value".</summary>
    private static string Rest(IEnumerable<KeyValuePair<string, string>> extra, params string[] shown) =>
        string.Concat(extra.Where(p => !shown.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).Select(p => $", {p.Key}={p.Value}"));
}
