using System.Globalization;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// What else the machine was doing while a case measured: CPU steal (time the hypervisor gave the vCPUs to others,
/// from /proc/stat) and the load average (/proc/loadavg). Linux only; elsewhere nothing is recorded. Steal is
/// system-wide, so it covers every thread of the benchmark, loader workers included.
/// </summary>
public readonly record struct CpuActivity(long TotalTicks, long StealTicks)
{
    /// <summary>Now, or null where /proc is not there to read.</summary>
    public static CpuActivity? Read()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // "cpu user nice system idle iowait irq softirq steal ...": steal is the 8th number.
            var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return ticks.Length == 8 ? new CpuActivity(ticks.Sum(), ticks[7]) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The share of all CPU time since <paramref name="start"/> that was stolen, in percent.</summary>
    public double StealPercentSince(CpuActivity start)
    {
        var total = TotalTicks - start.TotalTicks;
        return total > 0 ? 100.0 * (StealTicks - start.StealTicks) / total : 0;
    }

    /// <summary>The 1-minute load average, or null where it cannot be read.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
