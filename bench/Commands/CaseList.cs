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
        if (Names(rest, config) is not { } cases)
            return 2;
        foreach (var name in cases)
            Console.WriteLine(name);
        Console.WriteLine($"{cases.Count} cases");
        return 0;
    }

    /// <summary>
    /// The full names of the cases BenchmarkDotNet would run for <paramref name="args"/> (its filters, categories and
    /// job options), after the suite's rules, in a stable order; null when BenchmarkDotNet rejects the arguments.
    /// </summary>
    public static IReadOnlyList<string>? Names(IReadOnlyList<string> args, IConfig config)
    {
        var (parsed, effective, _) = ConfigParser.Parse([.. args], ConsoleLogger.Default, config);
        return parsed ? Names(ManualConfig.Union(config, effective)) : null;
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
