using GeoAI.Report.Documents;
using GeoAI.Report.Training;

namespace GeoAI.Report.Sections;

/// <summary>
/// The report's "Training runs" section: a row per <c>train.json</c> (model, recipe, device, precision, epochs, final validation
/// accuracy, total time, time to 75 % and 90 %), each run's notes (synthetic data, subsets), and the CPU-against-CUDA time
/// chart when the same run exists on both devices.
/// </summary>
internal static class TrainingRunsSection
{
    public static void Write(ReportContext context, IReadOnlyList<TrainRun> runs)
    {
        var document = context.Document;
        document.Heading(2, "Training runs");
        document.Paragraph($"{runs.Count} run{(runs.Count == 1 ? "" : "s")} of `geoai train`, each a `train.json` with every " +
                           "setting and epoch. Accuracy is validation accuracy after the last epoch; times are wall-clock " +
                           "seconds including the validation passes; time to X % is the elapsed time at the end of the first " +
                           "epoch that reached X % validation accuracy (– when none did).");
        var ordered = runs.OrderBy(r => r.Model.Name, StringComparer.Ordinal).ThenBy(r => r.Recipe.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Device, StringComparer.Ordinal).ThenBy(r => r.Precision, StringComparer.Ordinal).ThenBy(r => r.StartedUtc).ToList();
        var table = new Table(Column.Text("Model"), Column.Text("Recipe"), Column.Text("Device"), Column.Text("Precision"), Column.Text("Data"),
            Column.Number("Epochs"), Column.Number("Val. accuracy"), Column.Number("Total time"),
            Column.Number("Time to 75 %"), Column.Number("Time to 90 %"));
        foreach (var run in ordered)
            table.Add(run.Model.DisplayName + (run.Model.Mode == "Frozen" ? " (frozen)" : ""), run.Recipe.Name, run.Device,
                run.Precision, DataLabel(run), TrainNumbers.Integer(run.Epochs.Count), TrainNumbers.Percent(run.FinalValidationAccuracy),
                TrainNumbers.Seconds(run.TotalSeconds), Reached(run, 0.75), Reached(run, 0.90));
        document.Table(table);
        // Each run's own notes (synthetic data, subsets, random initialisation) stay with it in the report.
        foreach (var run in ordered)
            foreach (var note in run.Notes)
                document.Note($"{run.Model.DisplayName}, {run.Recipe.Name} recipe, {run.DeviceAndPrecision}: {note}");

        var pairs = TrainingTimeChart.Pairs(runs);
        if (pairs.Count == 0)
            context.Omit("No CPU-against-CUDA training-time chart: no run was made on both devices with the same model, recipe, " +
                 "precision, epochs, batch and images.");
        else
            context.AddChart(TrainingTimeChart.Create(pairs, context.ChartFolder, context.ChartId("training-time-cpu-cuda")));
    }

    private static string DataLabel(TrainRun run)
    {
        var data = run.Data;
        var kind = data.Synthetic ? "synthetic" : "EuroSAT";
        return data.TrainImages < data.SplitTrainImages || data.ValidationImages < data.SplitValidationImages
            ? $"{kind}, subset {TrainNumbers.Integer(data.TrainImages)} / {TrainNumbers.Integer(data.ValidationImages)}"
            : $"{kind}, {TrainNumbers.Integer(data.TrainImages)} / {TrainNumbers.Integer(data.ValidationImages)}";
    }

    private static string Reached(TrainRun run, double threshold)
    {
        var reached = run.TimeToAccuracy.FirstOrDefault(t => Math.Abs(t.Threshold - threshold) < 1e-9)
                      ?? TimeToAccuracyCalculator.Compute(run.Epochs, [threshold])[0];
        return reached.Seconds is { } seconds ? $"{TrainNumbers.Fixed(seconds, 1)} s (epoch {reached.Epoch})" : "–";
    }
}
