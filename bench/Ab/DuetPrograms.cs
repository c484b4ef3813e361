using System.Globalization;
using GeoAI.Bench.Rounds;

namespace GeoAI.Bench.Ab;

/// <summary>
/// Duet benchmarking on one machine: the two sides run at the same time, each pinned (taskset) to its own half of the
/// logical cores, with torch's intra-op threads set to that half unless the user chose a number. Loader workers share
/// their side's cores, which the report calls oversubscribed where it happens.
/// </summary>
internal static class DuetPrograms
{
    public static bool Possible => Environment.ProcessorCount >= 2;

    public static (BenchProgram Base, BenchProgram Diff) Pin(BenchProgram baseProgram, BenchProgram diffProgram, bool swap)
    {
        var half = Environment.ProcessorCount / 2;
        var (low, high) = ($"0-{half - 1}", $"{half}-{2 * half - 1}");
        if (swap)
            (low, high) = (high, low);
        return (Pinned(baseProgram, low, half), Pinned(diffProgram, high, half));
    }

    private static BenchProgram Pinned(BenchProgram program, string cores, int threads)
    {
        var environment = new Dictionary<string, string?>(program.Environment);
        environment.TryAdd("OMP_NUM_THREADS", Environment.GetEnvironmentVariable("OMP_NUM_THREADS") ?? threads.ToString(CultureInfo.InvariantCulture));
        return program with { Command = ["taskset", "-c", cores, .. program.Command], Environment = environment };
    }
}
