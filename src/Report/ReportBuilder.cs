using GeoAI.Report.Reference;
using GeoAI.Report.Results;
using GeoAI.Report.Sections;
using GeoAI.Report.Training;

namespace GeoAI.Report;

/// <summary>
/// Orders the report's sections; each is a file under Sections/ and writes into the shared <see cref="ReportContext"/>
/// (the document, the charts it draws, the charts it leaves out). A section that omits charts says so at its end.
/// </summary>
internal static class ReportBuilder
{
    /// <param name="results">BenchmarkDotNet results; null when the inputs held training runs only.</param>
    /// <param name="training">Training runs (train.json): a "Training runs" section when there are any.</param>
    /// <param name="chartFolder">Where charts are written as they are made.</param>
    public static ReportContext Build(ResultSet? results, IReadOnlyList<ReferenceCase> references, IReadOnlyList<TrainRun> training,
        string title, string chartFolder)
    {
        var context = new ReportContext(results ?? new ResultSet([], [], []), references, title, chartFolder);
        if (results is null)
        {
            WriteSection(context, c => TrainingRunsSection.Write(c, training));
            return context;
        }
        IntroductionSection.Write(context);
        MachinesSection.Write(context);
        WriteSection(context, CpuCudaSection.Write);
        WriteSection(context, DataPathSection.Write);
        WriteSection(context, BatchScalingSection.Write);
        WriteSection(context, MachineComparisonSection.Write);
        CaseTablesSection.Write(context);
        if (training.Count > 0)
            WriteSection(context, c => TrainingRunsSection.Write(c, training));
        HowToReadSection.Write(context);
        return context;
    }

    /// <summary>A section that draws charts, then the sentences for the charts it left out.</summary>
    private static void WriteSection(ReportContext context, Action<ReportContext> section)
    {
        section(context);
        context.EndSection();
    }
}
