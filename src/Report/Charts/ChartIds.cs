using System.Text.RegularExpressions;

namespace GeoAI.Report.Charts;

/// <summary>Chart file names made from machine labels and case names: lower case, letters and digits joined by '-'.</summary>
internal static partial class ChartIds
{
    public static string Slug(string text) => NonWord().Replace(text.ToLowerInvariant(), "-").Trim('-');

    /// <summary><paramref name="wanted"/>, or wanted-2, -3 ... if taken; the id returned is added to <paramref name="used"/>.</summary>
    public static string Unique(string wanted, HashSet<string> used)
    {
        var id = wanted;
        for (var n = 2; !used.Add(id); n++)
            id = $"{wanted}-{n}";
        return id;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
