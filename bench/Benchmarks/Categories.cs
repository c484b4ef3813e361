using System.Collections.Immutable;

namespace GeoAI.Bench.Benchmarks;

/// <summary>
/// Benchmark categories, for <c>--anyCategories</c>/<c>--allCategories</c>. Every benchmark class must carry one of
/// <see cref="Mandatory"/> (enforced by <see cref="Infrastructure.MandatoryCategoryValidator"/>), so a category
/// filter in CI can never silently miss a new class.
/// </summary>
public static class Categories
{
    /// <summary>Full training steps: forward, loss, backward, SGD update, fed by a loader.</summary>
    public const string Training = "Training";

    /// <summary>Forward passes only, on a batch already on the device.</summary>
    public const string Inference = "Inference";

    /// <summary>Loaders alone, no model: how fast batches reach the device.</summary>
    public const string DataPipeline = "DataPipeline";

    /// <summary>JPEG decoding of the real EuroSAT tiles (needs --data with the real set).</summary>
    public const string Decode = "Decode";

    /// <summary>The chapter's small CNN.</summary>
    public const string Cnn = "CNN";

    /// <summary>VGG11-BN, the chapter's fine-tuning model.</summary>
    public const string Vgg = "VGG";

    /// <summary>The precision and memory-format sweeps (PrecisionTraining, PrecisionInference).</summary>
    public const string Precision = "Precision";

    public static readonly ImmutableHashSet<string> Mandatory = [Training, Inference, DataPipeline, Decode];
}
