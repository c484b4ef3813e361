using System.CommandLine;
using System.Globalization;
using GeoAI.Data;
using GeoAI.Models;
using Spectre.Console;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>download</c>: fetches EuroSAT.zip (the official URL and MD5 by default) or, with <c>--weights MODEL</c>, the
/// model's weights from torchvision (checked against the SHA-256 prefix in the file name, kept in torch.hub's
/// checkpoints folder) with a progress bar, into a <c>.part</c> file that becomes the destination only once complete
/// and matching its checksum.
/// </summary>
internal static class DownloadCommand
{
    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: false);

    private static Command Create()
    {
        var url = new Option<string?>("--url") { Description = $"Where to download from (default {EuroSatDownload.OfficialUrl})" };
        var weights = new Option<string?>("--weights")
        {
            Description = "Download this model's published ImageNet weights instead of EuroSAT: " +
                          string.Join(", ", TorchvisionWeights.All.Select(published => published.Model)),
        };
        var output = new Option<string?>("--output")
        {
            Description = $"The file to write (default {EuroSatDownload.DefaultDestination}; with --weights, torch.hub's " +
                          "checkpoints folder, where --weights torchvision finds it)",
        };
        var sha256 = new Option<string?>("--sha256") { Description = "SHA-256 the file must have" };
        var md5 = new Option<string?>("--md5") { Description = $"MD5 the file must have (default for the official URL: {EuroSatDownload.OfficialMd5})" };
        var attempts = new Option<int>("--attempts") { Description = "Tries before giving up", DefaultValueFactory = _ => 4 };

        var command = new Command("download",
            "Download EuroSAT.zip or (--weights) a model's weights, verify the checksum, and keep the file only when complete.");
        foreach (var option in new Option[] { weights, url, output, sha256, md5, attempts })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var checksums = new List<ExpectedChecksum>();
            try
            {
                if (parse.GetValue(sha256) is { } sha)
                    checksums.Add(ExpectedChecksum.Sha256(sha));
                if (parse.GetValue(md5) is { } md)
                    checksums.Add(ExpectedChecksum.Md5(md));
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            var source = parse.GetValue(url);
            if (parse.GetValue(weights) is { } model)
                return DownloadWeights(model, source, parse.GetValue(output), checksums, parse.GetValue(attempts));
            if (source is null && checksums.Count == 0)
                checksums.Add(ExpectedChecksum.Md5(EuroSatDownload.OfficialMd5));
            return Run(new DownloadOptions
            {
                Url = source ?? EuroSatDownload.OfficialUrl,
                Destination = parse.GetValue(output) ?? EuroSatDownload.DefaultDestination,
                Checksums = checksums,
                Attempts = parse.GetValue(attempts),
            }, path => $"--data {path}");
        });
        return command;
    }

    /// <summary>
    /// torchvision's file for <paramref name="model"/> (or <paramref name="url"/>), checked against the SHA-256 prefix
    /// its name carries as torch.hub checks it, into torch.hub's checkpoints folder unless told otherwise.
    /// </summary>
    private static int DownloadWeights(string model, string? url, string? output, List<ExpectedChecksum> checksums, int attempts)
    {
        if (TorchvisionWeights.Find(model) is not { } published)
        {
            Console.Error.WriteLine($"error: --weights {model}: no published weights for it; models with some: " +
                                    string.Join(", ", TorchvisionWeights.All.Select(known => known.Model)));
            return 2;
        }
        var address = url ?? published.Url;
        var fileName = TorchvisionWeights.FileNameOf(address);
        if (TorchvisionWeights.HashPrefixOf(fileName) is { } prefix)
            checksums.Add(ExpectedChecksum.Sha256Prefix(prefix));
        var cached = Path.Combine(TorchvisionWeights.CheckpointsDirectory, published.FileName);
        return Run(new DownloadOptions
        {
            Url = address,
            Destination = output ?? Path.Combine(TorchvisionWeights.CheckpointsDirectory, fileName),
            Checksums = checksums,
            Attempts = attempts,
        }, path => path == cached ? $"--weights {TorchvisionWeights.CacheName}" : $"--weights {path}");
    }

    /// <param name="usage">The option that uses the finished file, given its path.</param>
    private static int Run(DownloadOptions options, Func<string, string> usage)
    {
        try
        {
            AnsiConsole.MarkupLine($"downloading {Markup.Escape(options.Url)}");
            DownloadResult? result = null;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
                    new TransferSpeedColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("downloading");
                    task.IsIndeterminate = true;
                    var progress = new InlineProgress<DownloadProgress>(p =>
                    {
                        if (p.Total is { } total)
                        {
                            task.IsIndeterminate = false;
                            task.MaxValue = total;
                        }
                        task.Value = p.Received;
                        task.Description = p.Attempt > 1 && p.Stage == "downloading" ? $"attempt {p.Attempt}" : p.Stage;
                    });
                    result = Downloader.DownloadAsync(options with { Progress = progress }).GetAwaiter().GetResult();
                });
            var verified = result!.Verified.Count > 0
                ? $"verified {string.Join(", ", result.Verified)}"
                : "[yellow]not verified[/] (no checksum given or in the file name)";
            AnsiConsole.MarkupLine(result.AlreadyPresent
                ? $"{Markup.Escape(result.Path)} is already here and matches: nothing downloaded"
                : $"{Markup.Escape(result.Path)}: {result.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, {verified}");
            // Plain, so that a long path stays on one line when the output is piped.
            Console.WriteLine($"use it with {usage(result.Path)}");
            return 0;
        }
        catch (DataSourceException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>Reports on the reporting thread, in order (Progress&lt;T&gt; would post to the pool and could report after the end).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock gate = new();

        public void Report(T value)
        {
            lock (gate)
                report(value);
        }
    }
}
