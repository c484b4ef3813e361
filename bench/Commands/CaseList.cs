namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>--list flat</c>: every case that would run, with its parameters, after the suite's rules and the user's filters.
/// BenchmarkDotNet's own flat list names methods only, which hides what a sweep will cost.
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
}
