using BenchmarkDotNet.Attributes;
using GeoAI.Models;

namespace GeoAI.Bench.Benchmarks;

/// <summary>
/// VGG11-BN (128.8 M parameters): compute-bound. Frozen is the chapter's fine-tune (only classifier.6 trains, so the
/// backward pass stops there); Full trains everything.
/// </summary>
[BenchmarkCategory(Categories.Vgg)]
public class Vgg11BnTraining : TrainingBenchmark
{
    [Params(TrainingMode.Frozen, TrainingMode.Full, Priority = ParameterOrder.Mode)]
    public TrainingMode Mode { get; set; }

    protected override IModelSpec Spec => Vgg11BnSpec.Instance;

    protected override TrainingMode TrainingMode => Mode;
}
