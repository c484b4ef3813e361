using GeoAI.Data;
using Spectre.Console;

namespace GeoAI.Bench.Commands;

/// <summary>Opens a data source for a command, showing a progress bar while its tensor cache is built.</summary>
internal static class DataLoading
{
    public static EuroSatData OpenWithProgressBar(string spec, EuroSatDataOptions options)
    {
        EuroSatData? data = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask? task = null;
                var progress = new InlineProgress<CacheBuildProgress>(p =>
                {
                    task ??= context.AddTask("building cache", maxValue: p.Total);
                    task.Value = p.Done;
                    task.Description = p.Skipped > 0 ? $"{p.Stage} ({p.Skipped} skipped)" : p.Stage;
                });
                data = EuroSatData.Open(spec, options with { Progress = progress });
            });
        return data!;
    }
}
