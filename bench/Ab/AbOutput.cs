using GeoAI.Report;
using GeoAI.Report.Ab;

namespace GeoAI.Bench.Ab;

/// <summary>The --out folder must be new, empty, or a previous ab's output: never someone's other files.</summary>
internal static class AbOutput
{
    private static readonly string[] Entries = [AbWriter.JsonFile, AbWriter.MarkdownFile, AbWriter.HtmlFile, ReportWriter.ChartFolder, "base", "diff", "launches"];

    public static void Check(string target)
    {
        if (File.Exists(target))
            throw new AbException($"{target}: is a file; --out must be a folder");
        if (!Directory.Exists(target))
            return;
        var foreign = Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).Where(e => !Entries.Contains(e)).ToList();
        if (foreign.Count > 0)
            throw new AbException($"{target}: holds files that are not an ab output ({string.Join(", ", foreign.Take(3))}); " +
                                  "give --out a new or empty folder, or a previous ab's folder");
    }
}
