using System.Globalization;
using System.Text.RegularExpressions;

namespace GeoAI.Report.Results;

/// <summary>
/// Where one result file came from, as its GeoAI block says: the commit built, whether its sources differed from it,
/// when the run started and which run it belongs to. Fields an older file does not have are null.
/// </summary>
/// <param name="StartedUtc">GeoAI.StartedUtc; for older files, the time in BenchmarkDotNet's title (see
/// <paramref name="StartedFromTitle"/>); null when neither says.</param>
/// <param name="StartedFromTitle">True when the time is BenchmarkDotNet's title stamp: the local time of the machine,
/// to the second, read as UTC (good enough to order runs of one machine).</param>
/// <param name="RunId">GeoAI.RunId: the launches (rounds) of one <c>bench</c> run share it.</param>
public sealed partial record FileProvenance(
    string File, string? Commit, bool? CommitDirty, DateTimeOffset? StartedUtc, bool StartedFromTitle, string? RunId)
{
    /// <summary>The commit as people read it: 10 characters, "+dirty" when the sources differed; "unknown" when unrecorded.</summary>
    public string CommitLabel => LabelOf(Commit, CommitDirty);

    /// <summary>A commit as people read it, for a file, a run or a chart: see <see cref="CommitLabel"/>.</summary>
    public static string LabelOf(string? commit, bool? dirty) =>
        (commit is null ? "unknown" : commit[..Math.Min(10, commit.Length)]) + (dirty == true ? "+dirty" : "");

    /// <param name="field">A GeoAI field as text, null when absent.</param>
    /// <exception cref="ReportException">StartedUtc or CommitDirty is present but not what the exporter writes.</exception>
    internal static FileProvenance Of(string file, string? title, Func<string, string?> field)
    {
        bool? dirty = field("CommitDirty") switch
        {
            null => null,
            var flag when flag.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            var flag when flag.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            var flag => throw new ReportException($"{file}: GeoAI.CommitDirty '{flag}' is not true or false"),
        };
        var started = field("StartedUtc") is { } text ? Started(file, text) : TitleStamp(title);
        return new FileProvenance(file, field("Commit") is { Length: > 0 } commit ? commit : null, dirty,
            started, field("StartedUtc") is null && started is not null, field("RunId"));
    }

    private static DateTimeOffset Started(string file, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
        && text.Contains('T')
            ? time
            : throw new ReportException($"{file}: GeoAI.StartedUtc '{text}' is not an ISO 8601 time (e.g. 2026-12-03T09:41:07Z)");

    /// <summary>BenchmarkDotNet titles its files "Type-yyyyMMdd-HHmmss".</summary>
    private static DateTimeOffset? TitleStamp(string? title) =>
        title is not null && TitleTime().Match(title) is { Success: true } match &&
        DateTime.TryParseExact(match.Groups[1].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;

    [GeneratedRegex(@"-(\d{8}-\d{6})$")]
    private static partial Regex TitleTime();
}
