using GeoAI.Report.Results;

namespace GeoAI.Report.Sections;

/// <summary>What the report holds: how many cases, files and machines, the units, and a note for every machine whose data were synthetic.</summary>
internal static class IntroductionSection
{
    public static void Write(ReportContext context)
    {
        var machines = context.Results.Machines.Select(m => $"`{m.Label}`");
        context.Document.Paragraph($"{context.Results.Results.Count} benchmark cases from {context.Results.Files.Count} BenchmarkDotNet result " +
                           $"file{ReportContext.Plural(context.Results.Files.Count)}, measured on {context.Results.Machines.Count} machine" +
                           $"{ReportContext.Plural(context.Results.Machines.Count)}: {string.Join(", ", machines)}. Times are per image; " +
                           "images/s = 10⁹ / mean nanoseconds per image.");
        context.Document.Paragraph(LaunchesSentence(context.Results));
        foreach (var machine in context.Results.Machines.Where(m => m.Constructed is not null))
            context.Document.Note($"**Constructed results** on `{machine.Label}`, not measured: {machine.Constructed}. They show " +
                                  "how the report reads; no number from them says how fast anything is.");
        foreach (var file in context.ReferenceCases.Where(r => r.Constructed is not null).DistinctBy(r => r.SourceFile))
            context.Document.Note($"**Constructed reference** `{Path.GetFileName(file.SourceFile)}`, not measured: {file.Constructed}.");
        foreach (var machine in context.Results.Machines.Where(m => m.DataIsSynthetic == true))
            context.Document.Note(DataSourceText.WithoutPaths(SyntheticDataNote(machine)));
    }

    /// <summary>How many launches each number rests on, and what its interval therefore covers.</summary>
    private static string LaunchesSentence(ResultSet results)
    {
        var counts = results.Results.Select(r => r.Launches.Count).Distinct().Order().ToList();
        var range = counts.Count == 1 ? $"{counts[0]}" : $"{counts[0]} to {counts[^1]}";
        if (counts[^1] < 2)
            return "**Every number rests on one launch** (one benchmark process): errors are half-widths of the 99.9 % " +
                   "confidence interval over that process's iterations, which ignores launch-to-launch noise, the larger part " +
                   "on a shared machine. Runs with `--rounds` give intervals over launches.";
        return $"Every number rests on {range} launches (rounds of one run, each a fresh process): a case's time is the " +
               $"geometric mean of its launches (each the median of its iterations) and its error the half-width of the " +
               $"{Numbers.Plain(Statistics.LaunchStatistics.LevelPercent)} % t-interval over launches" +
               (counts[0] < 2 ? "; cases with one launch keep the 99.9 % interval of their iterations." : ".");
    }

    private static string SyntheticDataNote(MachineEnvironment machine)
    {
        const string Meaning = "Speed is representative (same shapes and sizes); nothing about accuracy is.";
        var synthetic = machine.DataSources.Where(d => d.IsSynthetic == true).ToList();
        var others = machine.DataSources.Except(synthetic).ToList();
        string Sources(IEnumerable<FileDataSource> files) => string.Join(" / ", files.Select(f => f.Source).OfType<string>().Distinct());
        if (others.Count == 0)
            return $"**Synthetic data** on `{machine.Label}`: its cases ran on generated images " +
                   $"({(Sources(synthetic) is { Length: > 0 } text ? text : "synthetic EuroSAT")}), not the real EuroSAT " +
                   $"photographs. {Meaning}";
        var names = string.Join(", ", synthetic.Select(d => Path.GetFileName(d.File).Replace("-report-full.json", "", StringComparison.Ordinal)));
        var real = Sources(others) is { Length: > 0 } described ? described : "data they do not describe";
        return $"**Synthetic data** on `{machine.Label}`: {synthetic.Count} of {machine.DataSources.Count} result files ({names}) " +
               $"ran on generated images ({Sources(synthetic)}); the others on {real}. {Meaning}";
    }
}
