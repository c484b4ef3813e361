using System.Globalization;
using GeoAI.Report.Training;
using GeoAI.Training;
using Spectre.Console;

namespace GeoAI.Bench.Commands;

/// <summary>
/// Runs a training job epoch by epoch on the console: per epoch a progress bar for training and one for validation
/// (images/s and ETA), then one plain summary line that stays.
/// </summary>
internal static class EpochProgressView
{
    public static List<EpochMetrics> Train(TrainingJob job)
    {
        var epochs = new List<EpochMetrics>();
        var total = job.Settings.Recipe.Epochs;
        EpochTasks? current = null;
        using var run = job.Run(new TaskProgress(() => current)).GetEnumerator();
        for (var epoch = 1; epoch <= total; epoch++)
        {
            var moved = false;
            AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                    new RemainingTimeColumn())
                .Start(context =>
                {
                    current = new EpochTasks(context, epoch, total);
                    moved = run.MoveNext();
                    current = null;
                });
            if (!moved)
                break;
            var m = run.Current;
            epochs.Add(m);
            // Plain lines: Spectre would wrap them at 80 columns when the output is a file.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {m.Epoch,2}/{total}  train loss {m.TrainLoss:F4} acc {TrainNumbers.Percent(m.TrainAccuracy)}  |  " +
                $"val loss {m.ValLoss:F4} acc {TrainNumbers.Percent(m.ValAccuracy)}  |  " +
                $"{m.TrainSeconds + m.ValSeconds:F1} s ({m.TrainImagesPerSecond:N0} images/s training), elapsed {m.ElapsedSeconds:F1} s"));
        }
        return epochs;
    }

    /// <summary>The two bars of one epoch; the trainer reports into them from the training thread.</summary>
    private sealed class EpochTasks(ProgressContext context, int epoch, int epochs)
    {
        private readonly Dictionary<string, ProgressTask> tasks = [];

        public void Report(TrainingProgress progress)
        {
            if (!tasks.TryGetValue(progress.Phase, out var task))
            {
                task = context.AddTask(Label(progress.Phase, double.NaN), maxValue: progress.Steps);
                tasks[progress.Phase] = task;
            }
            task.Value = progress.Step;
            task.Description = Label(progress.Phase, progress.ImagesPerSecond);
        }

        private string Label(string phase, double imagesPerSecond) =>
            string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}/{epochs} {phase,-8}") +
            (double.IsFinite(imagesPerSecond) ? string.Create(CultureInfo.InvariantCulture, $" {imagesPerSecond,7:N0} images/s") : "");
    }

    private sealed class TaskProgress(Func<EpochTasks?> target) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => target()?.Report(value);
    }
}
