using GeoAI.Bench.Commands;
using GeoAI.Report.Profiling;
using GeoAI.Training.Profiling;

namespace GeoAI.Tests.Report.Profiling;

/// <summary>A profiler run written or rendered the way the profile command does: through its record.</summary>
internal static class ProfileFiles
{
    /// <summary>Writes the profile folder and returns its full path.</summary>
    public static string Write(ProfileRun run, string target)
    {
        ProfileWriter.Write(Record(run), target);
        return Path.GetFullPath(target);
    }

    public static string Markdown(ProfileRun run) => ProfileMarkdown.Render(Record(run), chartFile: null);

    public static ProfileRecord Record(ProfileRun run) => ProfileRecords.Of(run, ProfileSummary.Of(run));
}
