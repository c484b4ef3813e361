using System.Globalization;

namespace GeoAI.Training.Profiling;

/// <summary>
/// The machine's 1-minute load average from /proc/loadavg, read before and after the recorded steps, so a profile taken on
/// a busy, shared machine says so (a load above the core count means other processes competed for the CPU).
/// </summary>
public static class MachineLoad
{
    /// <summary>The 1-minute load average, or null where /proc/loadavg does not exist or cannot be read.</summary>
    public static double? Current()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ', 2)[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>"load average (1 min) 7.65 before, 8.00 after the recorded steps, on 2 logical cores", or "unknown".</summary>
    public static string Describe(double? before, double? after, int logicalCores) =>
        before is null || after is null
            ? "machine load unknown (no /proc/loadavg)"
            : string.Create(CultureInfo.InvariantCulture,
                $"load average (1 min) {before:F2} before and {after:F2} after the recorded steps, on {logicalCores} logical cores");
}
