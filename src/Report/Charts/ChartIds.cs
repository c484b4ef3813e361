using System.Text.RegularExpressions;

namespace GeoAI.Report.Charts;

/// <summary>Chart file names made from machine labels and case names: lower case, letters and digits joined by '-'.</summary>
internal static partial class ChartIds
{
    public static string Slug(string text) => NonWord().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
