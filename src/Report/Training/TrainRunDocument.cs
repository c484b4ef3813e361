using GeoAI.Report.Documents;

namespace GeoAI.Report.Training;

/// <summary>
/// <c>train.md</c>: a training run for a reader. What ran (model, recipe and every setting, data, device, runtime),
/// the notes a reader must not miss, the per-epoch table and curves, time to accuracy, the confusion matrix as a chart
/// and a table, and per-class precision and recall. Charts are written into the given folder as they are made.
/// </summary>
internal static class TrainRunDocument
{
    public static ReportDocument Build(TrainRun run, string chartFolder)
    {
        var document = new ReportDocument($"Training run: {run.Model.DisplayName}, {run.Recipe.Name} recipe, {run.DeviceAndPrecision}");
        document.Paragraph($"Final validation accuracy **{TrainNumbers.Percent(run.FinalValidationAccuracy)}** (training accuracy " +
                           $"{TrainNumbers.Percent(run.Epochs[^1].TrainAccuracy)}) after {run.Epochs.Count} epoch" +
                           $"{(run.Epochs.Count == 1 ? "" : "s")}; total time {TrainNumbers.Seconds(run.TotalSeconds)}.");
        foreach (var note in run.Notes)
            document.Note(note);
        Settings(document, run);

        document.Heading(2, "Epochs");
        document.Paragraph("Loss is the mean cross-entropy per image; accuracy the share of images whose top class is right. " +
                           "Training numbers are accumulated while the weights change during the epoch (as the chapter does); " +
                           "validation numbers come from a pass after it, in evaluation mode. Elapsed time counts both.");
        document.Table(EpochTable(run));
        document.Figure(LearningCurveChart.Create(run, LearningCurveChart.Metric.Loss, chartFolder, "loss"));
        document.Figure(LearningCurveChart.Create(run, LearningCurveChart.Metric.Accuracy, chartFolder, "accuracy"));

        document.Heading(2, "Time to accuracy");
        document.Paragraph("Elapsed seconds (training and validation passes) at the end of the first epoch whose validation " +
                           "accuracy reached each threshold; – when no epoch did.");
        document.Table(TimeToAccuracyTable(run));

        document.Heading(2, "Confusion matrix");
        document.Figure(ConfusionMatrixChart.Create(run, chartFolder, "confusion-matrix"));
        document.Table(ConfusionTable(run.Final));
        document.Heading(2, "Per class");
        document.Paragraph("Precision: of the images predicted as the class, the share that were. Recall: of the class's " +
                           "images, the share found. Support: the class's images in the validation set.");
        document.Table(PerClassTable(run.Final));

        document.Heading(2, "Rerun");
        document.Paragraph($"`{run.CommandLine}`");
        return document;
    }

    private static void Settings(ReportDocument document, TrainRun run)
    {
        document.Heading(2, "What ran");
        var table = new Table(Column.Text("Setting"), Column.Text("Value"));
        var model = run.Model;
        table.Add("Model", $"{model.DisplayName} (`{model.Name}`), mode {model.Mode}: {TrainNumbers.Integer(model.Parameters)} parameters, " +
                           $"{TrainNumbers.Integer(model.TrainableParameters)} trainable; {TrainNumbers.Integer(model.ForwardFlops)} forward FLOPs per image");
        table.Add("Weights", run.Weights);
        var recipe = run.Recipe;
        table.Add("Recipe", $"`{recipe.Name}`: {recipe.Description}");
        table.Add("Epochs, batch", $"{recipe.Epochs} epochs, batch {recipe.BatchSize}");
        table.Add("Optimiser", $"{recipe.Optimizer}, lr {TrainNumbers.Plain(recipe.LearningRate)}" +
                               $"{(recipe.Schedule == "OneCycle" ? " (one-cycle peak)" : "")}, momentum {TrainNumbers.Plain(recipe.Momentum)}, " +
                               $"weight decay {TrainNumbers.Plain(recipe.WeightDecay)}; schedule {recipe.Schedule}; loss {recipe.Loss}");
        table.Add("Augmentation", recipe.Augmentation);
        table.Add("Changed from the recipe", recipe.Overrides.Count == 0 ? "nothing" : string.Join("; ", recipe.Overrides));
        var data = run.Data;
        table.Add("Data", $"`{data.Spec}`: {data.Description}{(data.Synthetic ? " — **synthetic**" : "")}");
        table.Add("Split", $"seeded 75/25 split: {TrainNumbers.Integer(data.SplitTrainImages)} training / {TrainNumbers.Integer(data.SplitValidationImages)} validation images");
        table.Add("Used", $"{TrainNumbers.Integer(data.TrainImages)} training images{Limit(data.TrainLimit, "--train-limit")}, " +
                          $"{TrainNumbers.Integer(data.ValidationImages)} validation images{Limit(data.ValidationLimit, "--val-limit")}");
        table.Add("Normalisation", data.Normalisation);
        table.Add("Loader", $"{run.Loader.Kind}, {run.Loader.Workers} workers: {run.Loader.Description}");
        table.Add("Device", run.Device);
        table.Add("Precision (number format)", run.Precision == "bf16"
            ? "bf16 mixed precision: bf16 forward and backward, fp32 master weights, optimiser state, loss and batch norm"
            : run.Precision);
        table.Add("Seed", TrainNumbers.Integer(run.Seed));
        table.Add("Runtime", $"`{run.Runtime.Line}`");
        table.Add("Machine", $"{run.Runtime.Machine}: {run.Runtime.Cpu}, {run.Runtime.LogicalCores} logical cores; {run.Runtime.Os}; .NET {run.Runtime.DotNet}");
        table.Add("Started", run.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        table.Add("Total time", TrainNumbers.Seconds(run.TotalSeconds));
        document.Table(table);
    }

    private static string Limit(int? limit, string option) => limit is null ? "" : $" ({option} {limit})";

    private static Table EpochTable(TrainRun run)
    {
        var table = new Table(Column.Number("Epoch"), Column.Number("Train loss"), Column.Number("Train acc."),
            Column.Number("Val. loss"), Column.Number("Val. acc."), Column.Number("Train s"), Column.Number("Val. s"),
            Column.Number("Elapsed s"), Column.Number("Train images/s"));
        foreach (var e in run.Epochs)
            table.Add(TrainNumbers.Integer(e.Epoch), TrainNumbers.Loss(e.TrainLoss), TrainNumbers.Percent(e.TrainAccuracy),
                TrainNumbers.Loss(e.ValLoss), TrainNumbers.Percent(e.ValAccuracy), TrainNumbers.Fixed(e.TrainSeconds, 1),
                TrainNumbers.Fixed(e.ValSeconds, 1), TrainNumbers.Fixed(e.ElapsedSeconds, 1), Numbers.PerSecond(e.TrainImagesPerSecond));
        return table;
    }

    private static Table TimeToAccuracyTable(TrainRun run)
    {
        var table = new Table(Column.Text("Validation accuracy"), Column.Number("First epoch"), Column.Number("Elapsed s"));
        foreach (var t in run.TimeToAccuracy)
            table.Add($"≥ {TrainNumbers.Percent(t.Threshold, 0)}", t.Epoch is { } epoch ? TrainNumbers.Integer(epoch) : "–",
                t.Seconds is { } seconds ? TrainNumbers.Fixed(seconds, 1) : "–");
        return table;
    }

    private static Table ConfusionTable(TrainRunEvaluation final)
    {
        var table = new Table([Column.Text("true ↓ / predicted →"), .. final.Classes.Select(Column.Number)]);
        for (var t = 0; t < final.Classes.Count; t++)
            table.Add([final.Classes[t], .. final.Confusion[t].Select(TrainNumbers.Integer)]);
        return table;
    }

    private static Table PerClassTable(TrainRunEvaluation final)
    {
        var table = new Table(Column.Text("Class"), Column.Number("Support"), Column.Number("Precision"), Column.Number("Recall"));
        foreach (var c in final.PerClass)
            table.Add(c.Class, TrainNumbers.Integer(c.Support), c.Precision is { } p ? TrainNumbers.Percent(p) : "–",
                c.Recall is { } r ? TrainNumbers.Percent(r) : "–");
        return table;
    }
}
