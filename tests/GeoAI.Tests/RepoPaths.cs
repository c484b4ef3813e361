namespace GeoAI.Tests;

/// <summary>Locations in the checkout the tests run from, found from the test assembly upwards.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string CompatScript => Path.Combine(Root, "scripts", "compat.sh");

    /// <summary>The real EuroSAT zip that development machines keep beside the checkout; tests skip without it.</summary>
    public static string SharedEuroSatZip => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "EuroSAT.zip"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GeoAI.Bench.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"GeoAI.Bench.sln not found above {AppContext.BaseDirectory}");
    }
}
