using BenchmarkDotNet.Attributes;
using GeoAI.Models;

namespace GeoAI.Bench.Benchmarks;

/// <summary>The chapter's CNN (338,486 parameters): small enough that the data path, not compute, decides its speed.</summary>
[BenchmarkCategory(Categories.Cnn)]
public class CnnTraining : TrainingBenchmark
{
    protected override IModelSpec Spec => CnnSpec.Instance;
}
