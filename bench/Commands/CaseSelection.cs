using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using GeoAI.Bench.Benchmarks.Infrastructure;

namespace GeoAI.Bench.Commands;

/// <summary>
/// The cases a command line selects, decided with BenchmarkDotNet's own parser and filters (so <c>--filter</c>,
/// <c>--anyCategories</c> and the rest mean exactly what its documentation says) before anything is built or run:
/// what the user's filters match, and of those what the suite's <see cref="SweepFilter"/> lets run here.
/// </summary>
internal sealed class CaseSelection
{
    private CaseSelection(IReadOnlyList<string> filters, IReadOnlyList<string> all, IReadOnlyList<string> selected, IReadOnlyList<string> runnable)
    {
        Filters = filters;
        All = all;
        Selected = selected;
        Runnable = runnable;
    }

    /// <summary>The <c>--filter</c> patterns given.</summary>
    public IReadOnlyList<string> Filters { get; }

    /// <summary>Every case of every benchmark class, by full name (the IDs results are matched by).</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>The cases the user's filters match, whatever this machine can run.</summary>
    public IReadOnlyList<string> Selected { get; }

    /// <summary>The selected cases that run here: what the sweep rules, CUDA and the data allow.</summary>
    public IReadOnlyList<string> Runnable { get; }

    /// <summary>
    /// The selection of <paramref name="benchmarkDotNetArgs"/> under <paramref name="config"/>, or null when
    /// BenchmarkDotNet refuses the command line (it has printed why, with its help).
    /// </summary>
    public static CaseSelection? Of(IReadOnlyList<string> benchmarkDotNetArgs, IConfig config)
    {
        var (parsed, effective, options) = ConfigParser.Parse([.. benchmarkDotNetArgs], ConsoleLogger.Default, config);
        if (!parsed)
            return null;
        var cases = AllCases.Value;
        // The command line's filters (BenchmarkDotNet unions its kinds into one); the suite's own are in config.
        var userFilters = effective.GetFilters().ToList();
        var suiteFilters = config.GetFilters().ToList();
        var selected = cases.Where(c => userFilters.All(f => f.Predicate(c))).ToList();
        var runnable = selected.Where(c => suiteFilters.All(f => f.Predicate(c))).ToList();
        return new CaseSelection(options.Filters.ToList(), Names(cases), Names(selected), Names(runnable));
    }

    /// <summary>The names of the cases every one of <paramref name="filters"/> lets through.</summary>
    public static IReadOnlyList<string> Passing(IReadOnlyList<IFilter> filters) =>
        Names(AllCases.Value.Where(c => filters.All(f => f.Predicate(c))));

    /// <summary>Every case of every benchmark class in this assembly, classes in name order.</summary>
    private static readonly Lazy<IReadOnlyList<BenchmarkCase>> AllCases = new(() =>
        typeof(CaseSelection).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => BenchmarkConverter.TypeToBenchmarks(t, ManualConfig.CreateEmpty()).BenchmarksCases)
            .ToList());

    /// <summary>
    /// The <paramref name="count"/> case names closest to the filter patterns: fewest edits to turn a pattern (its
    /// <c>*</c> dropped, its <c>?</c> matching any character) into some part of the name, then the shortest name. A typo in a class or parameter name
    /// lands on the cases it meant.
    /// </summary>
    public IReadOnlyList<string> Closest(int count = 5)
    {
        var patterns = Filters.Select(f => f.Replace("*", "").ToLowerInvariant()).Where(p => p.Length > 0).ToList();
        if (patterns.Count == 0)
            return [];
        return All.OrderBy(name => patterns.Min(p => EditsToAnyPart(p, name.ToLowerInvariant())))
            .ThenBy(name => name.Length).ThenBy(name => name, StringComparer.Ordinal)
            .Take(count).ToList();
    }

    /// <summary>Edit distance from <paramref name="pattern"/> to the closest substring of <paramref name="text"/>.</summary>
    private static int EditsToAnyPart(string pattern, string text)
    {
        var previous = new int[text.Length + 1]; // row 0: a match may start anywhere, for free
        var current = new int[text.Length + 1];
        for (var i = 1; i <= pattern.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= text.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (pattern[i - 1] == text[j - 1] || pattern[i - 1] == '?' ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous.Min(); // and end anywhere
    }

    private static List<string> Names(IEnumerable<BenchmarkCase> cases) =>
        cases.Select(FullNameProvider.GetBenchmarkName).Distinct().ToList();
}
