using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>The name of the device each case computed on, so a summary table read alone still says what ran.</summary>
public sealed class DeviceNameColumn(RunEnvironment environment) : IColumn
{
    public string Id => "GeoAI.DeviceName";
    public string ColumnName => "Device name";
    public string Legend => "The GPU (CUDA cases) or CPU (other cases) that computed";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => environment.DeviceName(benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
