using System.Globalization;
using GeoAI.Report.Results;

namespace GeoAI.Report.Analysis;

/// <summary>
/// Whether a case ran more busy threads than the machine has logical cores: torch's intra-op threads plus the host
/// loader's workers. On 2 cores, 2 torch threads and 2 or 4 workers take turns on the same cores, which shapes the number.
/// </summary>
public static class Oversubscription
{
    /// <summary>"2 torch threads + 4 workers on 2 cores", or null when the case fits or the facts were not recorded.</summary>
    public static string? Of(BenchmarkResult result, MachineEnvironment machine)
    {
        if (result.Parameters.Workers is not { } workers || workers == 0 || !result.Parameters.IsCpu)
            return null;
        if (Largest(machine.TorchThreads) is not { } threads || Largest(machine.LogicalCores) is not { } cores)
            return null;
        return threads + workers > cores ? $"{threads} torch threads + {workers} workers on {cores} cores" : null;
    }

    /// <summary>The largest number in a machine fact ("2", or "2 / 1" where its files disagree).</summary>
    private static int? Largest(string? fact) =>
        fact?.Split('/').Select(p => int.TryParse(p.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .Max();
}
