using GeoAI.Report.Results;

namespace GeoAI.Report.Analysis;

/// <summary>
/// The cases measured on more than one machine (same full name, parameters included), side by side, grouped by
/// benchmark class. Null when the results come from a single machine.
/// </summary>
public sealed record MachineComparison(IReadOnlyList<string> Machines, IReadOnlyList<MachineComparison.Row> Rows)
{
    /// <param name="PerMachine">The case on each machine, in <see cref="Machines"/> order; null where it was not run.</param>
    public sealed record Row(string Type, string FullName, string Label, IReadOnlyList<BenchmarkResult?> PerMachine);

    public static MachineComparison? Find(ResultSet results)
    {
        var machines = results.Machines.Select(m => m.Label).ToList();
        if (machines.Count < 2)
            return null;
        var rows = results.Results
            .GroupBy(r => r.FullName)
            .Where(g => g.Select(r => r.Machine).Distinct().Count() >= 2)
            .Select(g =>
            {
                var first = g.First();
                return new Row(first.Type, g.Key, CaseLabel.WithinFamily(first),
                    machines.Select(m => g.FirstOrDefault(r => r.Machine == m)).ToList());
            })
            .OrderBy(r => CaseLabel.SortKey(r.PerMachine.First(c => c is not null)!))
            .ToList();
        return new MachineComparison(machines, rows);
    }
}
