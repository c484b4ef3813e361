namespace GeoAI.Bench.Commands;

/// <summary>
/// The benchmark command's own options. They are taken out of the argument list before BenchmarkDotNet sees it (the
/// dotnet/performance ParseAndRemove idea), so every BenchmarkDotNet option keeps working as documented.
/// </summary>
public sealed record BenchArguments(
    string Data,
    string? CacheDirectory,
    string? Weights,
    string? Machine,
    bool Quick,
    bool Exhaustive,
    string? Artifacts,
    IReadOnlyList<string> BenchmarkDotNetArgs,
    int Rounds = BenchArguments.DefaultRounds,
    int? TorchThreads = null)
{
    /// <summary>
    /// Launches of each case by default: the default sweep's three rounds take about 13 minutes on 2 cores, inside
    /// the 15-minute budget, and three launches are the fewest that give a between-launch interval at all.
    /// </summary>
    public const int DefaultRounds = 3;

    public const string Usage =
        """
        GeoAI.Bench options (the rest goes to BenchmarkDotNet, e.g. --filter *Vgg*, --list flat, --inProcess):
          --data SPEC       synthetic (default), synthetic:N, or a EuroSAT folder or EuroSAT.zip
          --cache-dir DIR   where the tensor cache lives (default ~/.cache/geoai-bench/data, or GEOAI_DATA_CACHE)
          --weights FILE    VGG11-BN weights (.safetensors, .pth or .pt, or torchvision: torch.hub's cached file)
                            for the VGG cases; speed does not depend on them
          --machine LABEL   name for this machine in results (default: CPU family and cores, e.g. epyc-2c)
          --quick           smoke run: 1 warm-up and 3 measured iterations per case (numbers not for reports)
          --exhaustive      also run cases outside the default CPU time budget (VGG11-BN above batch 40 on a CPU,
                            the precision sweeps beyond the CNN's training step at batch 40)
          --rounds N        launch each case N times, in a new random order each round (default 3); estimates and
                            intervals come from the launches, not from one process's iterations
          --torch-threads N torch intra-op threads in every benchmark process (default: one per core)
        """;

    /// <summary>Splits <paramref name="args"/> into the suite's options and BenchmarkDotNet's arguments.</summary>
    /// <exception cref="ArgumentException">An option that needs a value has none.</exception>
    public static BenchArguments Parse(IEnumerable<string> args)
    {
        var rest = args.ToList();
        var data = TakeValue(rest, "--data") ?? "synthetic";
        var cacheDirectory = TakeValue(rest, "--cache-dir");
        var weights = TakeValue(rest, "--weights");
        var machine = TakeValue(rest, "--machine");
        var quick = TakeFlag(rest, "--quick");
        var exhaustive = TakeFlag(rest, "--exhaustive");
        var rounds = TakePositive(rest, "--rounds") ?? DefaultRounds;
        var torchThreads = TakePositive(rest, "--torch-threads");
        var arguments = new BenchArguments(data, cacheDirectory, weights, machine, quick, exhaustive,
            Artifacts: PeekValue(rest, "--artifacts"), BenchmarkDotNetArgs: rest, rounds, torchThreads);
        // Without a selection BenchmarkDotNet would ask interactively; the suite's default is the whole sweep.
        return rest.Any(IsSelection) ? arguments : arguments with { BenchmarkDotNetArgs = [.. rest, "--filter", "*"] };
    }

    private static bool IsSelection(string arg) =>
        arg is "--filter" or "-f" or "--list" or "--allCategories" or "--anyCategories" or "--job" or "--info" or "--help" or "-h";

    private static string? TakeValue(List<string> args, string name)
    {
        var index = args.IndexOf(name);
        if (index < 0)
            return null;
        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException($"{name} needs a value");
        var value = args[index + 1];
        args.RemoveRange(index, 2);
        return value;
    }

    private static int? TakePositive(List<string> args, string name)
    {
        var text = TakeValue(args, name);
        if (text is null)
            return null;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive whole number, not '{text}'");
    }

    private static bool TakeFlag(List<string> args, string name) => args.Remove(name);

    /// <summary>A BenchmarkDotNet option the suite needs to know too; it stays in the list.</summary>
    private static string? PeekValue(List<string> args, string name)
    {
        var index = args.IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }
}
