using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;

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

    public static int Print(IReadOnlyList<string> args, IConfig config)
    {
        var rest = args.ToList();
        rest.RemoveRange(rest.IndexOf("--list"), 2);
        var (parsed, effective, _) = ConfigParser.Parse([.. rest], ConsoleLogger.Default, config);
        if (!parsed)
            return 2;
        var cases = Names(ManualConfig.Union(config, effective));
        foreach (var name in cases)
            Console.WriteLine(name);
        Console.WriteLine($"{cases.Count} cases");
        return 0;
    }

    /// <summary>The full name of every case of every benchmark class that <paramref name="config"/>'s filters let through.</summary>
    internal static IReadOnlyList<string> Names(IConfig config) =>
        typeof(CaseList).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => BenchmarkConverter.TypeToBenchmarks(t, config).BenchmarksCases)
            .Select(FullNameProvider.GetBenchmarkName)
            .ToList();
}
