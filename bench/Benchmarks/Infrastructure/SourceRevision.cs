using System.Reflection;
using System.Text.RegularExpressions;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// The commit this program was built from and whether its sources differed from it, both baked in at build time (see
/// bench/CommitDirty.targets), so a GPU bundle on a box without .git still says where its numbers came from.
/// </summary>
/// <param name="Commit">The full hash; null when the build had no git checkout.</param>
/// <param name="Dirty">True when tracked files differed from the commit; null when the build could not tell.</param>
public sealed partial record SourceRevision(string? Commit, bool? Dirty)
{
    public static SourceRevision Current { get; } = Of(typeof(SourceRevision).Assembly);

    /// <summary>SourceLink's "+hash" suffix of the informational version, and the GeoAI.CommitDirty metadata.</summary>
    public static SourceRevision Of(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var plus = version.IndexOf('+');
        var commit = plus >= 0 && FullHash().IsMatch(version[(plus + 1)..]) ? version[(plus + 1)..] : null;
        var dirty = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GeoAI.CommitDirty")?.Value switch
        {
            "true" => true,
            "false" => (bool?)false,
            _ => null,
        };
        return new SourceRevision(commit, dirty);
    }

    [GeneratedRegex("^[0-9a-f]{40}([0-9a-f]{24})?$")]
    private static partial Regex FullHash();
}
