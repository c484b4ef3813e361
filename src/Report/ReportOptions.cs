namespace GeoAI.Report;

/// <summary>What <see cref="ReportWriter.Write"/> reads and where it writes.</summary>
public sealed record ReportOptions
{
    /// <summary>BenchmarkDotNet result files, or folders searched recursively for <c>*-report-full.json</c>.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The report folder; created, or replaced when it holds only a previous report.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Reference results of another framework (tools/pytorch_baseline.py), shown beside matching cases.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public string Title { get; init; } = DefaultTitle;

    public const string DefaultTitle = "GeoAI.Bench results";
}

/// <summary>A report that was written completely.</summary>
/// <param name="Files">Every file written, relative to <paramref name="Directory"/>.</param>
/// <param name="Omitted">One sentence per chart left out for lack of data, as in the report.</param>
public sealed record WrittenReport(string Directory, IReadOnlyList<string> Files, int Charts, IReadOnlyList<string> Omitted);
