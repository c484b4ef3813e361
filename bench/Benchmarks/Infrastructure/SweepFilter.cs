using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using GeoAI.Training;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// Drops the cases that must not run here: combinations <see cref="SweepRules"/> calls invalid (a loader or a precision
/// the device cannot use), CUDA cases without CUDA, JPEG decoding without real JPEGs, and (unless exhaustive) cases
/// outside the default CPU budget. The reasons are printed once by the benchmark command, not per case.
/// </summary>
public sealed class SweepFilter(bool cudaAvailable, bool realJpegsAvailable, bool exhaustive) : IFilter
{
    public bool Predicate(BenchmarkCase benchmarkCase)
    {
        var parameters = benchmarkCase.Parameters;
        var categories = benchmarkCase.Descriptor.Categories;
        if (categories.Contains(Categories.Decode) && !realJpegsAvailable)
            return false;
        if (parameters["Device"] is not ComputeDevice device)
            return true;
        if (device == ComputeDevice.Cuda && !cudaAvailable)
            return false;
        if (parameters["Loader"] is BatchLoader loader && SweepRules.WhyInvalid(device, loader, parameters["Workers"] as int? ?? 0) is not null)
            return false;
        var precision = parameters["Precision"] as Precision?;
        if (precision is { } p && SweepRules.WhyInvalid(device, p) is not null)
            return false;
        if (exhaustive || ModelOf(benchmarkCase) is not { } model || parameters["BatchSize"] is not int batchSize)
            return true;
        return SweepRules.WhyOutsideDefaultBudget(model, device, batchSize) is null
               && (precision is null || SweepRules.WhyPrecisionCaseOutsideDefaultBudget(
                   categories.Contains(Categories.Training), model, device, batchSize) is null);
    }

    private static BenchModel? ModelOf(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Model"] is BenchModel model)
            return model;
        var categories = benchmarkCase.Descriptor.Categories;
        return categories.Contains(Categories.Vgg) ? BenchModel.Vgg11Bn
            : categories.Contains(Categories.Cnn) ? BenchModel.Cnn
            : null;
    }
}
