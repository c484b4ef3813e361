namespace GeoAI.Bench.Rounds;

/// <summary>The BenchmarkDotNet options a launch inherits from the command line, and the run's identity.</summary>
internal static class LaunchArguments
{
    /// <summary>
    /// Options that choose cases or where results go are the runner's business (each launch gets one exact case, its own
    /// folder, in-process); everything else, such as job settings, passes through to every launch.
    /// </summary>
    public static List<string> PassThrough(IReadOnlyList<string> args)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--filter" or "-f" or "--anyCategories" or "--allCategories" or "--artifacts")
            {
                while (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                    i++; // the option's values
                continue;
            }
            if (args[i] is not "--inProcess")
                kept.Add(args[i]);
        }
        return kept;
    }
}

/// <summary>Names a run: sortable by time, unique across machines.</summary>
internal static class RunIds
{
    public static string New() => $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..8]}";
}
