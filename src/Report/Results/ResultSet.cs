namespace GeoAI.Report.Results;

/// <summary>Every case read from a set of result files, and the machines they came from (in the order first seen).</summary>
public sealed record ResultSet(IReadOnlyList<BenchmarkResult> Results, IReadOnlyList<MachineEnvironment> Machines, IReadOnlyList<string> Files)
{
    public IEnumerable<BenchmarkResult> On(string machine) => Results.Where(r => r.Machine == machine);
}
