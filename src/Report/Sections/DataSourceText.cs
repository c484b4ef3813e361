using System.Text.RegularExpressions;

namespace GeoAI.Report.Sections;

/// <summary>
/// How a report names data: never by a path. Results written since data are named by file name, size and SHA-256
/// carry none; older ones named a zip or folder by its absolute path on the machine that ran them, which the report
/// shortens to the file name.
/// </summary>
internal static partial class DataSourceText
{
    /// <summary>"EuroSAT zip /work/shared/data/EuroSAT.zip (27,000 JPEGs)" → "EuroSAT zip EuroSAT.zip (27,000 JPEGs)".</summary>
    public static string WithoutPaths(string text) => AbsolutePath().Replace(text, match => match.Groups["name"].Value);

    [GeneratedRegex(@"(?<![\w.~])/(?:[^\s/()]+/)+(?<name>[^\s/();,]+)")]
    private static partial Regex AbsolutePath();
}
