using BenchmarkDotNet.Configs;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>--list flat</c>: every case that would run, with its parameters, after the suite's rules and the user's filters.
/// BenchmarkDotNet's own flat list names methods only, which hides what a sweep will cost. Also the names the rounds
/// launch, from the same <see cref="CaseSelection"/>.
/// </summary>
internal static class CaseList
{
    public static bool IsRequested(IReadOnlyList<string> args)
    {
        var index = args.ToList().IndexOf("--list");
        return index >= 0 && index + 1 < args.Count && args[index + 1] == "flat";
    }

    /// <summary>The arguments without <c>--list flat</c>, for selecting the cases to list.</summary>
    public static IReadOnlyList<string> WithoutList(IReadOnlyList<string> args)
    {
        var rest = args.ToList();
        rest.RemoveRange(rest.IndexOf("--list"), 2);
        return rest;
    }

    public static int Print(CaseSelection selection)
    {
        foreach (var name in selection.Runnable)
            Console.WriteLine(name);
        Console.WriteLine($"{selection.Runnable.Count} cases");
        return ExitCode.Ok;
    }

    /// <summary>
    /// The full names of the cases that run for <paramref name="args"/> (BenchmarkDotNet's filters and categories, then
    /// the suite's rules), in a stable order; null when BenchmarkDotNet rejects the arguments.
    /// </summary>
    public static IReadOnlyList<string>? Names(IReadOnlyList<string> args, IConfig config) => CaseSelection.Of(args, config)?.Runnable;

    /// <summary>The full name of every case of every benchmark class that <paramref name="config"/>'s filters let through.</summary>
    internal static IReadOnlyList<string> Names(IConfig config) => CaseSelection.Passing(config.GetFilters().ToList());
}
