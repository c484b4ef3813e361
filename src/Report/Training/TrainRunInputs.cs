namespace GeoAI.Report.Training;

/// <summary>
/// Sorts the report command's inputs: training runs (<c>train.json</c> in folders, searched recursively, and any file
/// given by name whose JSON has a "geoai-train/…" schema) are read here; everything else is left for the
/// BenchmarkDotNet reader, unchanged.
/// </summary>
public sealed record TrainRunInputs(IReadOnlyList<TrainRun> Runs, IReadOnlyList<string> Files, IReadOnlyList<string> OtherInputs)
{
    public static TrainRunInputs Find(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var others = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, TrainRunJson.FileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal));
                others.Add(input);
            }
            else if (File.Exists(input) && (Path.GetFileName(input) == TrainRunJson.FileName || TrainRunJson.LooksLikeTrainRun(input)))
                files.Add(input);
            else
                others.Add(input);
        }
        var distinct = files.Select(Path.GetFullPath).Distinct().ToList();
        return new TrainRunInputs(distinct.Select(TrainRunJson.Read).ToList(), distinct, others);
    }
}
