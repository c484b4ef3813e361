using GeoAI.Report.Results;

namespace GeoAI.Report.History;

/// <summary>
/// Reads the inputs of <c>history</c> into runs. An input (folder or file) may hold many runs of many machines: its files
/// are grouped by machine, then by GeoAI.RunId (the launches of one <c>bench --rounds</c> run share it), else by
/// GeoAI.StartedUtc (one <c>bench</c> command); older files with neither make one run per input and machine. Anything
/// that would make the order or the grouping a guess is a <see cref="ReportException"/> naming the file: no start time,
/// files of one run naming different commits, a file or a run given twice.
/// </summary>
internal static class HistoryReader
{
    public static IReadOnlyList<HistoryRun> Read(IReadOnlyList<string> inputs)
    {
        if (inputs.Count == 0)
            throw new ReportException("no result folders or files given");
        var inputOfFile = new Dictionary<string, string>(StringComparer.Ordinal);
        var runs = new List<HistoryRun>();
        foreach (var input in inputs)
        {
            var files = ResultReader.FindFiles([input]);
            foreach (var file in files)
                if (!inputOfFile.TryAdd(file, input))
                    throw new ReportException($"{file}: is in two inputs ({inputOfFile[file]} and {input}); give each run once");
            foreach (var run in files.Select(ResultReader.Describe).GroupBy(RunKey))
                runs.Add(ToRun(input, run.First().Machine, run.Select(f => f.Provenance).ToList()));
        }
        RejectRepeatedRuns(runs);
        return runs;
    }

    private static (string Machine, string Run) RunKey((string Machine, FileProvenance Provenance) file) =>
        (file.Machine, file.Provenance switch
        {
            { RunId: { } id } => "id " + id,
            { StartedUtc: { } started, StartedFromTitle: false } => "started " + started.ToString("O"),
            _ => "input",
        });

    private static HistoryRun ToRun(string input, string machine, List<FileProvenance> files)
    {
        if (files.FirstOrDefault(f => f.StartedUtc is null) is { } untimed)
            throw new ReportException($"{untimed.File}: has no GeoAI.StartedUtc and no time in its BenchmarkDotNet title; " +
                                      "history orders runs by when they started");
        var commits = files.Where(f => f.Commit is not null).GroupBy(f => f.Commit).ToList();
        if (commits.Count > 1)
            throw new ReportException(
                $"{input}: one run of machine '{machine}' names two commits ({commits[0].Key} in {commits[0].First().File}, " +
                $"{commits[1].Key} in {commits[1].First().File}); give each run as its own folder");
        var names = files.Select(f => f.File).ToList();
        bool? dirty = files.Any(f => f.CommitDirty == true) ? true : files.All(f => f.CommitDirty == false) ? false : null;
        return new HistoryRun(machine, commits.SingleOrDefault()?.Key, dirty, files.Min(f => f.StartedUtc!.Value),
            files.Any(f => f.StartedFromTitle), files[0].RunId, input, names, ResultReader.Read(names).Results);
    }

    /// <summary>A copy of a run folder given as another input would count its numbers twice.</summary>
    private static void RejectRepeatedRuns(List<HistoryRun> runs)
    {
        foreach (var group in runs.GroupBy(r => (r.Machine, r.Commit, r.Started, r.RunId)).Where(g => g.Count() > 1))
            throw new ReportException(
                $"{group.First().Input} and {group.Skip(1).First().Input}: hold the same run of machine '{group.Key.Machine}' " +
                $"(commit {group.First().CommitLabel}, started {group.Key.Started:yyyy-MM-dd'T'HH:mm:ss'Z'}); give each run once");
    }
}
