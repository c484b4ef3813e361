using GeoAI.Bench.Ab;
using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Report;

namespace GeoAI.Bench.Commands;

/// <summary>
/// The one place that decides which exceptions are bad input: each library's own type for it, whose message already
/// names the file or option. Everything else is a bug and keeps its stack trace.
/// </summary>
internal static class BadInput
{
    /// <summary>Runs <paramref name="command"/>; bad input becomes one line on stderr and <see cref="ExitCode.BadInput"/>.</summary>
    public static int Guard(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (Is(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCode.BadInput;
        }
    }

    /// <summary>True for the exceptions that mean the user's input (options, data, results, weights, --out) is wrong.</summary>
    public static bool Is(Exception e) =>
        e is UsageException or DataSourceException or ReportException or OutputException or WeightsFileException or AbException;
}
