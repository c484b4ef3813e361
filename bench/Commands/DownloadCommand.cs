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
/// and matching its checksum. A download that fails (network, HTTP error, checksum mismatch) exits 1; a bad command
/// line exits 2.
/// </summary>
internal sealed class DownloadCommand : SubCommand
{
    private readonly Option<string?> url = new("--url") { Description = $"Where to download from (default {EuroSatDownload.OfficialUrl})" };

    private readonly Option<TorchvisionWeights?> weights = new("--weights")
    {
        Description = "Download this model's published ImageNet weights instead of EuroSAT: " +
                      string.Join(", ", TorchvisionWeights.All.Select(published => published.Model)),
        CustomParser = result =>
        {
            var model = result.Tokens[0].Value;
            if (TorchvisionWeights.Find(model) is { } published)
                return published;
            result.AddError($"--weights {model}: no published weights for it; models with some: " +
                            string.Join(", ", TorchvisionWeights.All.Select(known => known.Model)));
            return null;
        },
    };

    private readonly Option<string?> output = new("--out", "--output")
    {
        Description = $"The file to write (default {EuroSatDownload.DefaultDestination}; with --weights, torch.hub's " +
                      "checkpoints folder, where --weights torchvision finds it)",
    };

    private readonly Option<ExpectedChecksum?> sha256 = new("--sha256")
    {
        Description = "SHA-256 the file must have",
        CustomParser = result => CommonOptions.Check(result, () => ExpectedChecksum.Sha256(result.Tokens[0].Value)),
    };

    private readonly Option<ExpectedChecksum?> md5 = new("--md5")
    {
        Description = $"MD5 the file must have (default for the official URL: {EuroSatDownload.OfficialMd5})",
        CustomParser = result => CommonOptions.Check(result, () => ExpectedChecksum.Md5(result.Tokens[0].Value)),
    };

    private readonly Option<int> attempts = new Option<int>("--attempts") { Description = "Tries before giving up", DefaultValueFactory = _ => 4 }.AtLeast(1);

    public DownloadCommand()
        : base("download", "Download EuroSAT.zip or (--weights) a model's weights, verify the checksum, and keep the file only when complete.",
            needsLibTorch: false)
    {
        url.Validators.Add(result =>
        {
            if (CommonOptions.ValueOf<string?>(result) is { } text && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                result.AddError($"--url {text}: not an http:// or https:// URL");
        });
        Add(weights, url, output, sha256, md5, attempts);
    }

    protected override int Run(ParseResult parse)
    {
        List<ExpectedChecksum> checksums = [.. new[] { parse.GetValue(sha256), parse.GetValue(md5) }.OfType<ExpectedChecksum>()];
        var source = parse.GetValue(url);
        if (parse.GetValue(weights) is { } published)
            return DownloadWeights(published, source, parse.GetValue(output), checksums, parse.GetValue(attempts));
        if (source is null && checksums.Count == 0)
            checksums.Add(ExpectedChecksum.Md5(EuroSatDownload.OfficialMd5));
        return Download(new DownloadOptions
        {
            Url = source ?? EuroSatDownload.OfficialUrl,
            Destination = parse.GetValue(output) ?? EuroSatDownload.DefaultDestination,
            Checksums = checksums,
            Attempts = parse.GetValue(attempts),
        }, path => $"--data {path}");
    }

    /// <summary>
    /// torchvision's file for a model (or <paramref name="url"/>), checked against the SHA-256 prefix its name carries as
    /// torch.hub checks it, into torch.hub's checkpoints folder unless told otherwise.
    /// </summary>
    private static int DownloadWeights(TorchvisionWeights published, string? url, string? output, List<ExpectedChecksum> checksums, int attempts)
    {
        var address = url ?? published.Url;
        var fileName = TorchvisionWeights.FileNameOf(address);
        if (TorchvisionWeights.HashPrefixOf(fileName) is { } prefix)
            checksums.Add(ExpectedChecksum.Sha256Prefix(prefix));
        var cached = Path.Combine(TorchvisionWeights.CheckpointsDirectory, published.FileName);
        return Download(new DownloadOptions
        {
            Url = address,
            Destination = output ?? Path.Combine(TorchvisionWeights.CheckpointsDirectory, fileName),
            Checksums = checksums,
            Attempts = attempts,
        }, path => path == cached ? $"--weights {TorchvisionWeights.CacheName}" : $"--weights {path}");
    }

    /// <param name="usage">The option that uses the finished file, given its path.</param>
    private static int Download(DownloadOptions options, Func<string, string> usage)
    {
        DownloadResult result;
        try
        {
            result = WithProgressBar(options);
        }
        catch (DataSourceException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCode.Failed;
        }
        var verified = result.Verified.Count > 0
            ? $"verified {string.Join(", ", result.Verified)}"
            : "[yellow]not verified[/] (no checksum given or in the file name)";
        AnsiConsole.MarkupLine(result.AlreadyPresent
            ? $"{Markup.Escape(result.Path)} is already here and matches: nothing downloaded"
            : $"{Markup.Escape(result.Path)}: {result.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, {verified}");
        // Plain, so that a long path stays on one line when the output is piped.
        Console.WriteLine($"use it with {usage(result.Path)}");
        return ExitCode.Ok;
    }

    private static DownloadResult WithProgressBar(DownloadOptions options)
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
        return result!;
    }
}
